package dev.customergraph.observability;

import graphql.language.OperationDefinition;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;

/**
 * Spring's request observation, with the operation name promoted to a metric tag
 * ({@code graphql.operation.name}), so the {@code graphql.request} timer is per operation
 * and outcome. The name is the executed operation's own (or {@code anonymous}), and
 * {@code invalid} for anything longer than a GraphQL name may be
 * ({@link OperationNames}); how many distinct names become meters is capped in
 * {@link MetricsConfiguration}.
 */
class OperationNameConvention extends DefaultExecutionRequestObservationConvention {

	static final String OPERATION_NAME = "graphql.operation.name";

	@Override
	public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
		return super.getLowCardinalityKeyValues(context)
			.and(KeyValue.of(OPERATION_NAME, executedOperationName(context)));
	}

	private static String executedOperationName(ExecutionRequestObservationContext context) {
		if (context.getExecutionContext() != null) {
			OperationDefinition operation = context.getExecutionContext().getOperationDefinition();
			return (operation.getName() != null) ? OperationNames.bounded(operation.getName()) : "anonymous";
		}
		// The request failed before execution (a parse, validation or persisted query
		// error).
		String requested = context.getExecutionInput().getOperationName();
		return (requested != null) ? OperationNames.bounded(requested) : "anonymous";
	}

}
