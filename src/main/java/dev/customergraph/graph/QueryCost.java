package dev.customergraph.graph;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLTypeUtil;

/**
 * The requested cost of an operation, computed statically in the manner of Shopify's
 * calculated query cost: a field that returns an object costs 1 (a mutation's root field
 * 10) plus its selection; scalars and enums cost 0, except {@code totalCount} and
 * {@code customerCount} (a count over every match, {@value #TOTAL_COUNT_COST}); a
 * connection searched by {@code filter.search} costs {@value #SEARCH_COST} more, and one
 * read at an {@code offset} 1 more per {@value #SKIPPED_ROWS_PER_COST} rows it skips
 * (rounded up): each skipped row is an index entry read, not an object returned. In a
 * connection (a field that takes {@code first} and {@code last}) the list fields
 * {@code edges} and {@code nodes} count once per requested item: {@code first} or
 * {@code last} or the default page size, and no more than the distinct {@code filter.ids}
 * when those are given. A list field with a list argument ({@code nodes(ids:)},
 * {@code _entities(representations:)}) counts once per distinct item of that list.
 * Fragments on different types are added up, an upper bound.
 * <p>
 * The same single traversal checks the list arguments ({@link ArgumentLimits}). It visits
 * the fragments inlined, which {@link DocumentLimits} has already bounded.
 */
final class QueryCost {

	static final int MUTATION_FIELD_COST = 10;

	static final int TOTAL_COUNT_COST = 2;

	static final int SEARCH_COST = 10;

	static final int SKIPPED_ROWS_PER_COST = 100;

	/** The scalar fields that count every match: a connection's, a customer group's. */
	private static final Set<String> COUNTS = Set.of("totalCount", "customerCount");

	private final GatewayLimits limits;

	private final ArgumentLimits argumentLimits;

	QueryCost(GatewayLimits limits) {
		this.limits = limits;
		this.argumentLimits = new ArgumentLimits(limits);
	}

	/**
	 * The operation's cost, once its list arguments are within their limit.
	 * @throws QueryRefusedException when a list argument is too long
	 */
	int of(QueryTraverser operation, boolean mutation) {
		// Post-order: each field's children are summed under it before the field itself
		// is visited.
		Map<QueryVisitorFieldEnvironment, Integer> childCosts = new HashMap<>();
		operation.visitPostOrder(new QueryVisitorStub() {
			@Override
			public void visitField(QueryVisitorFieldEnvironment field) {
				QueryCost.this.argumentLimits.check(field);
				int cost = costOf(field, childCosts.getOrDefault(field, 0), mutation);
				if (cost > 0) {
					childCosts.merge(field.getParentEnvironment(), cost, Integer::sum);
				}
			}
		});
		return childCosts.getOrDefault(null, 0);
	}

	private int costOf(QueryVisitorFieldEnvironment field, int childCost, boolean mutation) {
		GraphQLFieldDefinition definition = field.getFieldDefinition();
		if (!(GraphQLTypeUtil.unwrapAll(definition.getType()) instanceof GraphQLCompositeType)) {
			return COUNTS.contains(definition.getName()) ? TOTAL_COUNT_COST : 0;
		}
		QueryVisitorFieldEnvironment parent = field.getParentEnvironment();
		int own = (parent == null && mutation) ? MUTATION_FIELD_COST : 1;
		if (isConnection(definition)) {
			own += (searches(field.getArguments()) ? SEARCH_COST : 0) + skipCost(field.getArguments());
		}
		if (GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(definition.getType()))) {
			if (parent != null && isConnection(parent.getFieldDefinition())) {
				return pageSize(parent.getArguments()) * (own + childCost);
			}
			Integer items = distinctItemsOfListArgument(field.getArguments());
			if (items != null) {
				return items * (own + childCost);
			}
		}
		return own + childCost;
	}

	private static boolean isConnection(GraphQLFieldDefinition field) {
		// The events feed pages forward only: first and after, no last.
		return field.getArgument("first") != null
				&& (field.getArgument("last") != null || field.getArgument("after") != null);
	}

	private static boolean searches(Map<String, Object> arguments) {
		return arguments.get("filter") instanceof Map<?, ?> filter && filter.get("search") != null;
	}

	/**
	 * What the rows an {@code offset} skips cost. An offset the connection refuses costs
	 * nothing: it answers with an {@code INVALID} error and reads nothing.
	 */
	private int skipCost(Map<String, Object> arguments) {
		if (arguments.get("offset") instanceof Integer offset && offset > 0 && offset <= this.limits.maxOffset()) {
			return (offset + SKIPPED_ROWS_PER_COST - 1) / SKIPPED_ROWS_PER_COST;
		}
		return 0;
	}

	/**
	 * How many objects a list field returns for its list argument: one per distinct item,
	 * since repeated ids are loaded once.
	 */
	private static Integer distinctItemsOfListArgument(Map<String, Object> arguments) {
		for (Object value : arguments.values()) {
			if (value instanceof List<?> items) {
				return new HashSet<>(items).size();
			}
		}
		return null;
	}

	/**
	 * The page the connection will read. A size it refuses counts as the default: the
	 * connection answers it with a precise {@code INVALID} error and reads nothing.
	 */
	private int pageSize(Map<String, Object> arguments) {
		Object count = (arguments.get("first") != null) ? arguments.get("first") : arguments.get("last");
		int size = (count instanceof Integer requested && requested >= 0 && requested <= this.limits.maxPageSize())
				? requested : this.limits.defaultPageSize();
		if (arguments.get("filter") instanceof Map<?, ?> filter && filter.get("ids") instanceof List<?> ids) {
			return Math.min(size, new HashSet<>(ids).size());
		}
		return size;
	}

}
