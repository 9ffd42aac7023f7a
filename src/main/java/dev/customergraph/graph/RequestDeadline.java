package dev.customergraph.graph;

import java.time.Duration;

import graphql.ExecutionInput;
import io.micrometer.context.ContextRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The wall-clock budget of one request ({@code gateway.limits.request-timeout}). It lives
 * in the request's GraphQL context, and Spring's context propagation sets it as the
 * current deadline on whichever thread a resolver or batch loader runs, so that every SQL
 * statement of the request gets the remaining budget as its query timeout
 * ({@link RequestDeadlineJdbcConfiguration}) and none starts once it is spent. Spending
 * it also cancels a query's execution, so no further field runs. A mutation's is not
 * cancelled, since that would drop the payloads of root fields already written: its
 * remaining root fields fail at their first statement instead, each with nothing written.
 * A subscription lives as long as its client listens, so it has no overall budget: the
 * statements its events send keep the usual statement timeout.
 */
final class RequestDeadline {

	static final String CONTEXT_KEY = RequestDeadline.class.getName();

	private static final ThreadLocal<RequestDeadline> CURRENT = new ThreadLocal<>();

	private final long deadlineNanos;

	private final ExecutionInput input;

	private volatile boolean mutation;

	private volatile boolean subscription;

	RequestDeadline(Duration timeout, ExecutionInput input) {
		this.deadlineNanos = System.nanoTime() + timeout.toNanos();
		this.input = input;
	}

	/** Lets Spring restore the deadline from the GraphQL context on resolver threads. */
	static void propagateToResolverThreads() {
		ContextRegistry.getInstance().registerThreadLocalAccessor(CONTEXT_KEY, CURRENT);
	}

	/**
	 * Marks the request's operation as a mutation, whose execution is never cancelled.
	 */
	void servesMutation() {
		this.mutation = true;
	}

	/** Marks the request's operation as a subscription, which runs without a budget. */
	void servesSubscription() {
		this.subscription = true;
	}

	/** The deadline of the request this thread works for, if it works for one. */
	static @Nullable RequestDeadline current() {
		return CURRENT.get();
	}

	/**
	 * The budget left, in whole seconds rounded up (the unit of JDBC query timeouts).
	 * @throws RequestTimeoutException once the budget is spent; a query's execution is
	 * cancelled
	 */
	int remainingSeconds() {
		if (this.subscription) {
			return Integer.MAX_VALUE;
		}
		long remaining = this.deadlineNanos - System.nanoTime();
		if (remaining <= 0) {
			if (!this.mutation) {
				this.input.cancel();
			}
			throw new RequestTimeoutException();
		}
		return (int) Math.min(Integer.MAX_VALUE, (remaining + 999_999_999L) / 1_000_000_000L);
	}

	boolean passed() {
		return !this.subscription && System.nanoTime() - this.deadlineNanos >= 0;
	}

	/** Thrown where a statement would start after the request's budget is spent. */
	static final class RequestTimeoutException extends RuntimeException {

		RequestTimeoutException() {
			super("The request's time budget is spent", null, false, false);
		}

	}

}
