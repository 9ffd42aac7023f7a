package dev.customergraph.tenancy;

import java.util.Map;

import dev.customergraph.graph.ErrorCode;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition.Operation;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Refuses every mutation field to a key without the {@code customers:write} scope, in one
 * place for all present and future mutations: the field's resolver never runs, so nothing
 * is written, and the field is null with an error coded {@code FORBIDDEN}.
 */
@Component
class WriteScopeInstrumentation implements Instrumentation {

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		DataFetchingEnvironment environment = parameters.getEnvironment();
		boolean mutationField = environment.getOperationDefinition().getOperation() == Operation.MUTATION
				&& environment.getExecutionStepInfo().getPath().getLevel() == 1;
		@Nullable Caller caller = environment.getGraphQlContext().get(Caller.CONTEXT_KEY);
		if (!mutationField || caller == null || caller.can(Scope.WRITE)) {
			return dataFetcher;
		}
		return (refused) -> DataFetcherResult.newResult()
			.error(GraphqlErrorBuilder.newError(refused)
				.errorType(ErrorType.FORBIDDEN)
				.message("This API key may only read; mutations need the customers:write scope.")
				.extensions(Map.of("code", ErrorCode.FORBIDDEN.name()))
				.build())
			.build();
	}

}
