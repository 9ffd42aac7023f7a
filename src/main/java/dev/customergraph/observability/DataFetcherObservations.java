package dev.customergraph.observability;

import io.micrometer.observation.ObservationPredicate;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.DataFetcherObservationContext;

/**
 * Spring for GraphQL observes every data fetcher that is not a plain property read: a page of 50
 * customers with three nested fields makes 150 observations (timer updates, context snapshots)
 * per request, for per-field timings that the request and DataLoader observations already
 * bound. They are off unless {@code gateway.observation.data-fetchers=true}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gateway.observation.data-fetchers", havingValue = "false", matchIfMissing = true)
class DataFetcherObservations {

	@Bean
	ObservationPredicate noDataFetcherObservations() {
		return (name, context) -> !(context instanceof DataFetcherObservationContext);
	}

}
