package dev.customergraph.graph;

import java.util.List;
import java.util.Map;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;

/**
 * Bounds the length of every list argument ({@code nodes(ids:)}, {@code filter.ids},
 * {@code filter.tags}, …), literal or variable, before any field runs.
 */
final class ArgumentLimits {

	private final int maxListLength;

	ArgumentLimits(GatewayLimits limits) {
		this.maxListLength = limits.maxListLength();
	}

	void check(QueryTraverser operation) {
		operation.visitPreOrder(new QueryVisitorStub() {
			@Override
			public void visitField(QueryVisitorFieldEnvironment field) {
				field.getArguments().forEach((name, value) -> check(field.getField().getName() + "." + name, value));
			}
		});
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
