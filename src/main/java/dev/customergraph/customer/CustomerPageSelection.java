package dev.customergraph.customer;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import dev.customergraph.graph.SelectedFields;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;

/**
 * What a page of customers selects of each customer, under its {@code nodes} and its
 * {@code edges { node }}, for the {@link CustomerPagePrefetch}es.
 */
public final class CustomerPageSelection {

	private static final String[] CUSTOMER_PATHS = { "nodes", "edges/node" };

	private final DataFetchingEnvironment page;

	private final Set<String> customerFields;

	CustomerPageSelection(DataFetchingEnvironment page) {
		this.page = page;
		this.customerFields = SelectedFields.of(page, CUSTOMER_PATHS);
	}

	/** The fields selected of the customers themselves. */
	Set<String> customerFields() {
		return this.customerFields;
	}

	/**
	 * The fields selected under any of the paths of a customer's fields
	 * ({@code "addresses/nodes"}).
	 */
	public Set<String> fieldsAt(String... customerPaths) {
		return SelectedFields.of(this.page,
				Arrays.stream(CUSTOMER_PATHS)
					.flatMap((customer) -> Arrays.stream(customerPaths).map((path) -> customer + "/" + path))
					.toArray(String[]::new));
	}

	/**
	 * The arguments every selection of a customer's field passes, by name, or null when
	 * its selections pass different ones or ones the document alone does not tell.
	 */
	public @Nullable Map<String, @Nullable Object> argumentsOf(String customerField) {
		return SelectedFields.sameArguments(this.page, customerField, CUSTOMER_PATHS);
	}

}
