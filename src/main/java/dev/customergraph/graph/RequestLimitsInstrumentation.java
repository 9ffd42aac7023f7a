package dev.customergraph.graph;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.analysis.QueryTraverser;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.validation.ValidationError;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Holds every request to the limits of {@link GatewayLimits} at the cheapest point:
 * tokens while parsing, the document's shape before validation, list arguments and the
 * requested cost before execution. A request over a limit gets one error with its code
 * and no data, and no resolver (so no SQL) runs. Every result gets
 * {@code extensions.cost}, and engine errors their codes.
 */
@Component
class RequestLimitsInstrumentation implements Instrumentation {

	private final GatewayLimits limits;

	private final ParserOptions parserOptions;

	private final DocumentLimits documentLimits;

	private final ArgumentLimits argumentLimits;

	private final QueryCost queryCost;

	RequestLimitsInstrumentation(GatewayLimits limits) {
		this.limits = limits;
		this.parserOptions = limits.parserOptions();
		this.documentLimits = new DocumentLimits(limits);
		this.argumentLimits = new ArgumentLimits(limits);
		this.queryCost = new QueryCost(limits);
	}

	@Override
	public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
		return CompletableFuture.completedFuture(new RequestState());
	}

	@Override
	public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		input.getGraphQLContext().put(ParserOptions.class, this.parserOptions);
		return input;
	}

	@Override
	public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		return SimpleInstrumentationContext
			.whenCompleted((document, failure) -> ((RequestState) state).parseRefusal = parseRefusal(failure));
	}

	@Override
	public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
			InstrumentationState state) {
		this.documentLimits.check(parameters.getDocument());
		return SimpleInstrumentationContext.noOp();
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		OperationDefinition operation = context.getOperationDefinition();
		QueryTraverser traverser = QueryTraverser.newQueryTraverser()
			.schema(context.getGraphQLSchema())
			.document(context.getDocument())
			.operationName(operation.getName())
			.coercedVariables(context.getCoercedVariables())
			.build();
		this.argumentLimits.check(traverser);
		RequestState request = (RequestState) state;
		request.mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
		int cost = this.queryCost.of(traverser, request.mutation);
		request.requestedCost = cost;
		if (cost > this.limits.maxCost()) {
			throw new QueryRefusedException(ErrorCode.QUERY_TOO_COMPLEX,
					"The query's requested cost is " + cost + "; the limit is " + this.limits.maxCost()
							+ ". Ask for smaller pages (first/last) or fewer nested connections.");
		}
		return SimpleInstrumentationContext.noOp();
	}

	/** Counts each object execution returns, for the actual cost. */
	@Override
	public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
			InstrumentationState state) {
		RequestState request = (RequestState) state;
		boolean mutationPayload = request.mutation
				&& parameters.getExecutionStrategyParameters().getPath().getLevel() == 1;
		request.actualCost.addAndGet(mutationPayload ? QueryCost.MUTATION_FIELD_COST : 1);
		return ExecuteObjectInstrumentationContext.NOOP;
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		RequestState request = (RequestState) state;
		String requestId = String.valueOf(parameters.getExecutionInput().getExecutionId());
		return CompletableFuture.completedFuture(result.transform(
				(builder) -> builder.errors(EngineErrors.withCodes(result.getErrors(), request.parseRefusal, requestId))
					.addExtension("cost", request.costReport(this.limits.maxCost()))));
	}

	/**
	 * graphql-java reports its parser limits as syntax errors; they get the codes of our
	 * limits.
	 */
	private static @Nullable ErrorCode parseRefusal(@Nullable Throwable failure) {
		if (failure instanceof ParseCancelledTooDeepException) {
			return ErrorCode.QUERY_TOO_DEEP;
		}
		return (failure instanceof ParseCancelledException) ? ErrorCode.QUERY_TOO_LARGE : null;
	}

	/** What one request learned on its way through the engine. */
	private static final class RequestState implements InstrumentationState {

		private @Nullable ErrorCode parseRefusal;

		private boolean mutation;

		private int requestedCost;

		/**
		 * Objects are completed on whichever thread their DataLoader batch finished on.
		 */
		private final AtomicInteger actualCost = new AtomicInteger();

		CostReport costReport(int maxCost) {
			int actual = this.actualCost.get();
			return new CostReport(this.requestedCost, (actual < this.requestedCost) ? actual : null, maxCost);
		}

	}

}
