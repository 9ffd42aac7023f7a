package dev.customergraph.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The {@code extensions.cost} entry of every response, named as in Shopify's API.
 *
 * @param requestedQueryCost the operation's cost computed before execution; 0 when the
 * request was refused before it could be computed
 * @param actualQueryCost the objects execution actually returned (a mutation's root
 * fields at their cost), present only when cheaper than requested, e.g. when pages were
 * not full
 * @param maxQueryCost the most a request may cost
 * @param throttleStatus the caller's cost budget after this request, when one applies
 */
public record CostReport(int requestedQueryCost,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer actualQueryCost, int maxQueryCost,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable ThrottleStatus throttleStatus) {

	/**
	 * The GraphQL context key of the requested cost (an {@code Integer}), computed once
	 * before execution, for whoever budgets it.
	 */
	public static final String REQUESTED_COST_KEY = CostReport.class.getName() + ".requestedQueryCost";

	/** The report of a request refused before its cost was known. */
	public static CostReport uncosted(GatewayLimits limits) {
		return new CostReport(0, null, limits.maxCost(), null);
	}

}
