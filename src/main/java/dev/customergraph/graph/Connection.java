package dev.customergraph.graph;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A Relay connection page. {@code nodes} and {@code totalCount} are derived, so GraphQL
 * resolves them from these methods; the count runs only when selected.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, TotalCount counter) {

	public List<T> nodes() {
		return this.edges.stream().map(Edge::node).toList();
	}

	public CompletableFuture<Integer> totalCount() {
		return this.counter.count();
	}

}
