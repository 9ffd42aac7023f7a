package dev.customergraph.observability;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * Publishes {@link SqlStatementCounter#total()} as {@code gateway.sql.statements}; its
 * rate over the request rate is the SQL statements per request under load.
 */
@Component
class SqlStatementMetrics implements MeterBinder {

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("gateway.sql.statements", this, (metrics) -> SqlStatementCounter.total())
			.description("SQL statements sent to the database")
			.register(registry);
	}

}
