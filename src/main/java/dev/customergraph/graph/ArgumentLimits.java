package dev.customergraph.graph;

import java.util.List;
import java.util.Map;

import graphql.analysis.QueryVisitorFieldEnvironment;

/**
 * Bounds the length of every list argument ({@code nodes(ids:)}, {@code filter.ids},
 * {@code filter.tags}, …), literal or variable, before any field runs. {@link QueryCost}
 * calls it for each field of its traversal, so the operation is walked once.
 */
final class ArgumentLimits {

	private final int maxListLength;

	ArgumentLimits(GatewayLimits limits) {
		this.maxListLength = limits.maxListLength();
	}

	void check(QueryVisitorFieldEnvironment field) {
		field.getArguments().forEach((name, value) -> check(field.getField().getName() + "." + name, value));
	}

	private void check(String argument, Object value) {
		if (value instanceof List<?> list) {
			if (list.size() > this.maxListLength) {
				throw new QueryRefusedException(ErrorCode.LIST_TOO_LONG,
						"'" + argument + "' has " + list.size() + " items; the limit is " + this.maxListLength + ".");
			}
			list.forEach((item) -> check(argument, item));
		}
		else if (value instanceof Map<?, ?> object) {
			object.forEach((name, item) -> check(argument + "." + name, item));
		}
	}

}
