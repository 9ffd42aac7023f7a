package dev.customergraph.observability;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * Records the SQL statements each GraphQL request sends
 * ({@code graphql.request.sql.statements}), the number that batching keeps flat. It
 * counts on the request's thread, where execution runs (Spring MVC, blocking batch
 * loaders); a response completed on another thread is left out rather than miscounted.
 */
class SqlStatementsPerRequest implements WebGraphQlInterceptor {

	private final DistributionSummary statements;

	SqlStatementsPerRequest(MeterRegistry registry) {
		this.statements = DistributionSummary.builder("graphql.request.sql.statements")
			.description("SQL statements sent per GraphQL request")
			.baseUnit("statements")
			.register(registry);
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Thread thread = Thread.currentThread();
		long before = SqlStatementCounter.onThisThread();
		return chain.next(request).doOnNext((response) -> {
			if (Thread.currentThread() == thread) {
				this.statements.record(SqlStatementCounter.onThisThread() - before);
			}
		});
	}

}
