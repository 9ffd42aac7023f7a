package dev.customergraph.graph;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Relay page information. The first and last cursors are encoded only when a query asks
 * for them, like the edges' own: a page of customers with a nested connection each would
 * otherwise digest two cursors per customer that nobody reads.
 */
public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, List<? extends Edge<?>> edges) {

	public @Nullable String startCursor() {
		return this.edges.isEmpty() ? null : this.edges.get(0).cursor();
	}

	public @Nullable String endCursor() {
		return this.edges.isEmpty() ? null : this.edges.get(this.edges.size() - 1).cursor();
	}

}
