package dev.customergraph.replica;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;

/**
 * Chooses each operation's {@link ReadSide} as its execution starts, once for the whole
 * operation: a query reads from the replica when the last check found it usable, else
 * from the primary, so one request never mixes the two; a mutation (its writes and its
 * payload) and anything else always uses the primary.
 */
final class ReadRouting implements Instrumentation {

	private final ReadReplica replica;

	ReadRouting(ReadReplica replica) {
		this.replica = replica;
		ReadSide.propagateToResolverThreads();
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		boolean query = context.getOperationDefinition().getOperation() == OperationDefinition.Operation.QUERY;
		context.getGraphQLContext().put(ReadSide.CONTEXT_KEY, query ? this.replica.forQuery() : ReadSide.PRIMARY);
		return SimpleInstrumentationContext.noOp();
	}

}
