package dev.customergraph.graph;

/**
 * A caller's budget of query cost, as Shopify reports it in
 * {@code extensions.cost.throttleStatus}.
 *
 * @param maximumAvailable the most the budget holds
 * @param currentlyAvailable what is left of it now
 * @param restoreRate what it regains per second
 */
public record ThrottleStatus(long maximumAvailable, long currentlyAvailable, long restoreRate) {

	/** The GraphQL context key under which the budget's keeper leaves its status. */
	public static final String CONTEXT_KEY = ThrottleStatus.class.getName();

}
