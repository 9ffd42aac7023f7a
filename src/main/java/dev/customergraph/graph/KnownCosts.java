package dev.customergraph.graph;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.execution.ExecutionContext;
import graphql.language.Document;
import graphql.language.OperationDefinition;

/**
 * The requested costs of recent operations, so that a repeated one is not traversed
 * again: the traversal allocated a context per field and was a sixth of a point lookup's
 * allocation. A cost depends on the document, the operation and the variables; of a
 * variable that is a string (an id, a cursor, a search term) it depends only on whether
 * it is given ({@code filter.search}), since page sizes are numbers, list arguments lists
 * and conditions booleans, so strings are remembered by presence alone and the same query
 * for another customer is known. Operations with list or object variables (whose items
 * count) are always traversed, and so is anything over a list limit, which is never
 * remembered. Bounded: documents are held weakly, at most {@value #MAX_DOCUMENTS} of
 * them, each with at most {@value #MAX_SHAPES} variable shapes; beyond that a cost is
 * computed as if nothing were kept.
 */
final class KnownCosts {

	private static final int MAX_DOCUMENTS = 1_000;

	private static final int MAX_SHAPES = 64;

	private static final int MAX_VARIABLES = 16;

	private static final Object GIVEN = new Object();

	private final Cache<Document, Map<Shape, Integer>> byDocument = Caffeine.newBuilder()
		.weakKeys()
		.maximumSize(MAX_DOCUMENTS)
		.build();

	int of(ExecutionContext context, IntSupplier traversal) {
		Optional<Shape> shape = Shape.of(context);
		if (shape.isEmpty()) {
			return traversal.getAsInt();
		}
		Map<Shape, Integer> shapes = this.byDocument.get(context.getDocument(),
				(document) -> new ConcurrentHashMap<>());
		Integer known = shapes.get(shape.get());
		if (known != null) {
			return known;
		}
		int cost = traversal.getAsInt();
		if (shapes.size() < MAX_SHAPES) {
			shapes.put(shape.get(), cost);
		}
		return cost;
	}

	/**
	 * What a cost depends on besides the document. Operations are compared by identity,
	 * as syntax tree nodes are, within their document.
	 */
	private record Shape(OperationDefinition operation, Map<String, Object> variables) {

		static Optional<Shape> of(ExecutionContext context) {
			Map<String, Object> variables = context.getCoercedVariables().toMap();
			if (variables.size() > MAX_VARIABLES) {
				return Optional.empty();
			}
			Map<String, Object> shaped = new HashMap<>(variables.size() * 2);
			for (Map.Entry<String, Object> variable : variables.entrySet()) {
				Object value = variable.getValue();
				if (value instanceof Iterable<?> || value instanceof Map<?, ?>) {
					return Optional.empty();
				}
				shaped.put(variable.getKey(), (value instanceof String) ? GIVEN : value);
			}
			return Optional.of(new Shape(context.getOperationDefinition(), shaped));
		}

	}

}
