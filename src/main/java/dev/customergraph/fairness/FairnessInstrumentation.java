package dev.customergraph.fairness;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import dev.customergraph.graph.CostReport;
import dev.customergraph.graph.ErrorCode;
import dev.customergraph.graph.QueryRefusedException;
import dev.customergraph.graph.ThrottleStatus;
import dev.customergraph.tenancy.Caller;
import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Charges each operation's requested cost (computed once, by the request limits that run
 * just before) to its caller's budget, and holds one of the tenant's execution slots
 * while the operation runs. A caller over budget, or a tenant whose slots stay taken, is
 * refused with {@code THROTTLED} before any resolver runs; every response reports the
 * budget in {@code extensions.cost.throttleStatus}.
 */
@Component
@Order(1)
@EnableConfigurationProperties(FairnessProperties.class)
class FairnessInstrumentation implements Instrumentation {

	private final FairnessProperties properties;

	private final CostBudgets budgets;

	private final TenantSlots slots;

	FairnessInstrumentation(FairnessProperties properties) {
		this.properties = properties;
		this.budgets = new CostBudgets(properties);
		this.slots = new TenantSlots(properties.maxConcurrentPerTenant(), properties.maxWait());
	}

	@Override
	public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
		return CompletableFuture.completedFuture(new HeldSlot());
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		GraphQLContext context = parameters.getExecutionContext().getGraphQLContext();
		@Nullable Caller caller = context.get(Caller.CONTEXT_KEY);
		@Nullable Integer cost = context.get(CostReport.REQUESTED_COST_KEY);
		if (caller == null || cost == null) {
			return SimpleInstrumentationContext.noOp();
		}
		CostBudgets.Spending spending = this.budgets.spend(caller.partition(), cost);
		context.put(ThrottleStatus.CONTEXT_KEY, spending.status());
		if (!spending.spent()) {
			throw new QueryRefusedException(ErrorCode.THROTTLED,
					"The query costs " + cost + " and " + spending.status().currentlyAvailable()
							+ " of this tenant's budget (in this mode) is left; it regains "
							+ this.properties.restoreRate() + " a second. Retry later, or ask for less.");
		}
		Semaphore slot = acquireSlot(caller.tenant());
		if (slot == null) {
			this.budgets.refund(caller.partition(), cost);
			throw new QueryRefusedException(ErrorCode.THROTTLED,
					"This tenant already runs " + this.properties.maxConcurrentPerTenant()
							+ " requests at once, and none finished within " + this.properties.maxWait().toMillis()
							+ " ms. Retry later, or send fewer requests at a time.");
		}
		HeldSlot held = (HeldSlot) state;
		held.slot.set(slot);
		return SimpleInstrumentationContext.whenCompleted((result, failure) -> held.release());
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		// Also here: an execution that failed before completing its operation context.
		((HeldSlot) state).release();
		return CompletableFuture.completedFuture(result);
	}

	private @Nullable Semaphore acquireSlot(String tenant) {
		try {
			return this.slots.acquire(tenant);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/** The tenant slot one request holds, released exactly once. */
	private static final class HeldSlot implements InstrumentationState {

		private final AtomicReference<@Nullable Semaphore> slot = new AtomicReference<>();

		void release() {
			Semaphore held = this.slot.getAndSet(null);
			if (held != null) {
				held.release();
			}
		}

	}

}
