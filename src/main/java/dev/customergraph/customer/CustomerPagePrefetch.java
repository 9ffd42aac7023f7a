package dev.customergraph.customer;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.customergraph.tenancy.Partition;
import org.jspecify.annotations.Nullable;

/**
 * A nested field of Customer that {@code customers} reads for its whole page right after
 * the page, in one statement, into each customer's {@code prefetched} values; the field's
 * own data fetcher then answers from the row in hand. The feature that owns the field
 * contributes it as a bean (addresses, sources). Without it every customer of the page
 * asked a DataLoader for its list: a promise, a batch key and a completion per customer
 * and field, and the selection read again for each, for the same one statement per field
 * in the end.
 */
public interface CustomerPagePrefetch {

	/** The Customer fields whose selection makes the page prefetch this one. */
	Set<String> triggers();

	/**
	 * The value of each customer of the page under its {@code prefetched} field, by
	 * customer key, for the page's selection of them; or null when that selection cannot
	 * be read for the page at once (aliases with different arguments, arguments the field
	 * refuses), so that the field's own fetcher reads, or refuses, it per customer as
	 * without a prefetch.
	 */
	@Nullable Prefetched prefetch(Partition partition, List<Customer> customers, CustomerPageSelection selection);

	/** The field name under which each customer's value is kept, and the values. */
	record Prefetched(String field, Map<Long, ? extends @Nullable Object> values) {
	}

}
