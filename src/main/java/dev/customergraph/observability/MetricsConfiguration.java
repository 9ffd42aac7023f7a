package dev.customergraph.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * The gateway's own metrics on top of Spring's GraphQL observations and Boot's pool
 * metrics: operation names on the request timer, DataLoader batch sizes, SQL statements
 * per request.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

	/**
	 * Operation names are chosen by clients; beyond this many, new names get no meters.
	 */
	private static final int MAX_OPERATION_NAMES = 500;

	@Bean
	OperationNameConvention operationNameConvention() {
		return new OperationNameConvention();
	}

	/**
	 * Takes the place of Boot's instrumentation, which also observes every data fetcher.
	 */
	@Bean
	@ConditionalOnProperty(name = "gateway.observation.data-fetchers", havingValue = "false", matchIfMissing = true)
	RequestAndBatchObservations requestAndBatchObservations(ObservationRegistry registry,
			OperationNameConvention operationNameConvention) {
		return new RequestAndBatchObservations(registry, operationNameConvention);
	}

	/**
	 * No {@code http.server.requests} observation of the requests to the GraphQL endpoint
	 * (those the access log has an id for, whatever the spelling of their path), which
	 * {@code graphql.request} times already and the access log lists with their status,
	 * refusals included: the second observation of every request cost a thirtieth of a
	 * point lookup's CPU.
	 */
	@Bean
	ObservationPredicate noHttpObservationOfGraphQl() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext http)
				|| RequestLog.of(http.getCarrier()) == null;
	}

	@Bean
	MeterFilter operationNameLimit() {
		return MeterFilter.maximumAllowableTags("graphql.request", OperationNameConvention.OPERATION_NAME,
				MAX_OPERATION_NAMES, MeterFilter.deny());
	}

	@Bean
	DataLoaderBatchSizes dataLoaderBatchSizes(MeterRegistry registry) {
		return new DataLoaderBatchSizes(registry);
	}

	@Bean
	SqlStatementsPerRequest sqlStatementsPerRequest(MeterRegistry registry) {
		return new SqlStatementsPerRequest(registry);
	}

}
