package dev.customergraph.graph;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
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

import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Holds every request to the limits of {@link GatewayLimits} at the cheapest point:
 * tokens while parsing, the document's shape before validation, list arguments and the
 * requested cost before execution (one traversal, whose cost it publishes in the GraphQL
 * context for {@code fairness}). A request over a limit gets one error with its code and
 * no data, and no resolver (so no SQL) runs. It also starts the request's time budget
 * ({@link RequestDeadline}). Every result gets {@code extensions.cost}, and engine errors
 * their codes.
 */
@Component
@Order(0)
class RequestLimitsInstrumentation implements Instrumentation {

	/**
	 * The request's count of completed objects in its GraphQL context, for the objects
	 * {@link PropertyFieldsExecutionStrategy} completes without graphql-java.
	 */
	static final String ACTUAL_COST_KEY = RequestLimitsInstrumentation.class.getName() + ".actualCost";

	private final GatewayLimits limits;

	private final ParserOptions parserOptions;

	private final DocumentLimits documentLimits;

	private final QueryCost queryCost;

	private final KnownCosts knownCosts = new KnownCosts();

	RequestLimitsInstrumentation(GatewayLimits limits) {
		this.limits = limits;
		this.parserOptions = limits.parserOptions();
		this.documentLimits = new DocumentLimits(limits);
		this.queryCost = new QueryCost(limits);
	}

	@Override
	public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
		return CompletableFuture.completedFuture(new RequestState());
	}

	@Override
	public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		DocumentLimits.checkOperationName(input.getOperationName());
		RequestDeadline deadline = new RequestDeadline(this.limits.requestTimeout(), input);
		RequestState request = (RequestState) state;
		request.deadline = deadline;
		input.getGraphQLContext()
			.put(ParserOptions.class, this.parserOptions)
			.put(RequestDeadline.CONTEXT_KEY, deadline)
			.put(ACTUAL_COST_KEY, request.actualCost);
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
		RequestState request = (RequestState) state;
		request.mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
		RequestDeadline deadline = request.deadline;
		if (request.mutation && deadline != null) {
			deadline.servesMutation();
		}
		if (operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION && deadline != null) {
			deadline.servesSubscription();
		}
		int cost = this.knownCosts.of(context,
				() -> this.queryCost.of(QueryTraverser.newQueryTraverser()
					.schema(context.getGraphQLSchema())
					.document(context.getDocument())
					.operationName(operation.getName())
					.coercedVariables(context.getCoercedVariables())
					.build(), request.mutation));
		request.requestedCost = cost;
		context.getGraphQLContext().put(CostReport.REQUESTED_COST_KEY, cost);
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
		List<GraphQLError> errors = request.timedOut(result) ? List.of(timeout())
				: EngineErrors.withCodes(result.getErrors(), request.parseRefusal, requestId);
		@Nullable ThrottleStatus throttleStatus = parameters.getGraphQLContext().get(ThrottleStatus.CONTEXT_KEY);
		return CompletableFuture.completedFuture(result.transform((builder) -> builder.errors(errors)
			.addExtension("cost", request.costReport(this.limits.maxCost(), throttleStatus))));
	}

	private GraphQLError timeout() {
		return GraphqlErrorBuilder.newError()
			.errorType(ErrorType.INTERNAL_ERROR)
			.message("The request did not finish within its time budget of " + this.limits.requestTimeout().toMillis()
					+ " ms and was stopped; ask for less, or retry.")
			.extensions(ErrorCode.REQUEST_TIMEOUT.extensions())
			.build();
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

		private @Nullable RequestDeadline deadline;

		private boolean mutation;

		private int requestedCost;

		/**
		 * Objects are completed on whichever thread their DataLoader batch finished on.
		 */
		private final AtomicInteger actualCost = new AtomicInteger();

		CostReport costReport(int maxCost, @Nullable ThrottleStatus throttleStatus) {
			int actual = this.actualCost.get();
			return new CostReport(this.requestedCost, (actual < this.requestedCost) ? actual : null, maxCost,
					throttleStatus);
		}

		/**
		 * Whether the request failed because its budget was spent: cancelled, or its SQL
		 * stopped by the query timeout set from the budget.
		 */
		boolean timedOut(ExecutionResult result) {
			return !result.getErrors().isEmpty() && this.deadline != null && this.deadline.passed();
		}

	}

}
