package dev.customergraph.graph;

import java.util.HashMap;
import java.util.Map;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLTypeUtil;

/**
 * The requested cost of an operation, computed statically in the manner of Shopify's
 * calculated query cost: a field that returns an object costs 1 (a mutation's root field
 * 10) plus its selection; scalars and enums cost 0; in a connection (a field that takes
 * {@code first} and {@code last}) the list fields {@code edges} and {@code nodes} count
 * once per requested item, {@code first} or {@code last}, or the default page size.
 * Fragments on different types are added up, an upper bound.
 */
final class QueryCost {

	static final int MUTATION_FIELD_COST = 10;

	private final GatewayLimits limits;

	QueryCost(GatewayLimits limits) {
		this.limits = limits;
	}

	int of(QueryTraverser operation, boolean mutation) {
		// Post-order: each field's children are summed under it before the field itself
		// is visited.
		Map<QueryVisitorFieldEnvironment, Integer> childCosts = new HashMap<>();
		operation.visitPostOrder(new QueryVisitorStub() {
			@Override
			public void visitField(QueryVisitorFieldEnvironment field) {
				int cost = costOf(field, childCosts.getOrDefault(field, 0), mutation);
				childCosts.merge(field.getParentEnvironment(), cost, Integer::sum);
			}
		});
		return childCosts.getOrDefault(null, 0);
	}

	private int costOf(QueryVisitorFieldEnvironment field, int childCost, boolean mutation) {
		GraphQLFieldDefinition definition = field.getFieldDefinition();
		if (!(GraphQLTypeUtil.unwrapAll(definition.getType()) instanceof GraphQLCompositeType)) {
			return 0;
		}
		QueryVisitorFieldEnvironment parent = field.getParentEnvironment();
		int own = (parent == null && mutation) ? MUTATION_FIELD_COST : 1;
		if (GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(definition.getType())) && parent != null
				&& isConnection(parent.getFieldDefinition())) {
			return pageSize(parent.getArguments()) * (own + childCost);
		}
		return own + childCost;
	}

	private static boolean isConnection(GraphQLFieldDefinition field) {
		return field.getArgument("first") != null && field.getArgument("last") != null;
	}

	/**
	 * The page the connection will read. A size it refuses counts as the default: the
	 * connection answers it with a precise {@code INVALID} error and reads nothing.
	 */
	private int pageSize(Map<String, Object> arguments) {
		Object count = (arguments.get("first") != null) ? arguments.get("first") : arguments.get("last");
		if (count instanceof Integer requested && requested >= 0 && requested <= this.limits.maxPageSize()) {
			return requested;
		}
		return this.limits.defaultPageSize();
	}

}
