package dev.customergraph.source;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.customergraph.customer.Customer;
import dev.customergraph.customer.CustomerPagePrefetch;
import dev.customergraph.customer.CustomerPageSelection;
import dev.customergraph.graph.InvalidInputException;
import dev.customergraph.graph.PageRequest;
import dev.customergraph.graph.QueryLimits;
import dev.customergraph.tenancy.Partition;
import org.jspecify.annotations.Nullable;

/**
 * {@code customers { nodes { sources(first: 5) … } }}: the page of sources of each of the
 * page's customers read with the page, by the one windowed statement the DataLoader would
 * have sent, when every selection of the field asks for the same page. Arguments the
 * field refuses (a bad cursor, too large a page) are left to its fetcher, which reports
 * them at the field, per customer, as without a prefetch.
 */
final class CustomerSourcesPrefetch implements CustomerPagePrefetch {

	private static final Set<String> TRIGGERS = Set.of(SourceController.SOURCES);

	private final SourceRepository repository;

	private final QueryLimits limits;

	CustomerSourcesPrefetch(SourceRepository repository, QueryLimits limits) {
		this.repository = repository;
		this.limits = limits;
	}

	@Override
	public Set<String> triggers() {
		return TRIGGERS;
	}

	@Override
	public @Nullable Prefetched prefetch(Partition partition, List<Customer> customers,
			CustomerPageSelection selection) {
		// Validation has typed them: Int arguments are Integer or null, String ones
		// String.
		Map<String, @Nullable Object> arguments = selection.argumentsOf(SourceController.SOURCES);
		if (arguments == null) {
			return null;
		}
		List<Long> keys = customers.stream().map(Customer::key).toList();
		try {
			PageRequest page = this.limits.page((Integer) arguments.get("first"), (String) arguments.get("after"),
					(Integer) arguments.get("last"), (String) arguments.get("before"));
			Set<SourceColumn> columns = SourceColumn
				.selectedBy(selection.fieldsAt("sources/nodes", "sources/edges/node"));
			Map<Long, List<Source>> rows = this.repository.findPagesByCustomers(partition, keys,
					SourceController.OLDEST_FIRST, page, columns);
			return new Prefetched(SourceController.SOURCES,
					keys.stream()
						.distinct()
						.collect(Collectors.toMap(Function.identity(),
								(key) -> new SourcePage(page, rows.getOrDefault(key, List.of())))));
		}
		catch (InvalidInputException ex) {
			return null;
		}
	}

	/** A customer's page of sources, and which page it is. */
	record SourcePage(PageRequest page, List<Source> rows) {
	}

}
