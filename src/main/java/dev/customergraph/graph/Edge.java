package dev.customergraph.graph;

import java.util.function.Function;

/**
 * A Relay edge: a node, and the cursor of its position, encoded only when a query asks
 * for it (a page that selects only nodes and pageInfo would otherwise digest every row).
 */
public record Edge<T>(T node, Function<T, String> cursorOf) {

	public String cursor() {
		return this.cursorOf.apply(this.node);
	}

}
