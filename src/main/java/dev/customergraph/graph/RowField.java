package dev.customergraph.graph;

import graphql.TrivialDataFetcher;

/**
 * The data fetcher of a field every row of a page resolves (a customer's addresses, its
 * default source …) that does no I/O of its own: it answers from the row in hand or asks
 * a DataLoader, whose batch loader does the I/O. Marked trivial so that Spring for
 * GraphQL does not wrap it in a context snapshot: capturing and restoring every
 * registered thread-local (the request's deadline, its observation scope) around each of
 * some 150 such calls per page was a quarter of a nested page's CPU, and the batch
 * loaders, which run the SQL, get the context from Spring as before.
 *
 * @param <T> the field's value
 */
@FunctionalInterface
public interface RowField<T> extends TrivialDataFetcher<T> {

	static <T> RowField<T> of(RowField<T> fetcher) {
		return fetcher;
	}

}
