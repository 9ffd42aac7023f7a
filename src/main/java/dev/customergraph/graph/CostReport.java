package dev.customergraph.graph;

/**
 * The {@code extensions.cost} entry of every response, named as in Shopify's API.
 *
 * @param requestedQueryCost the operation's cost computed before execution; 0 when the request
 * was refused before it could be computed
 * @param maxQueryCost the most a request may cost
 */
public record CostReport(int requestedQueryCost, int maxQueryCost) {

	/** The report of a request refused before its cost was known. */
	public static CostReport uncosted(GatewayLimits limits) {
		return new CostReport(0, limits.maxCost());
	}

}
