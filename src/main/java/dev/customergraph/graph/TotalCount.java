package dev.customergraph.graph;

import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;

/**
 * How a connection counts its rows, run only when a client selects {@code totalCount}.
 */
@FunctionalInterface
public interface TotalCount {

	CompletableFuture<Integer> count();

	static TotalCount of(IntSupplier counter) {
		return () -> CompletableFuture.completedFuture(counter.getAsInt());
	}

}
