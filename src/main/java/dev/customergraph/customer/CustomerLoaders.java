package dev.customergraph.customer;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.customergraph.graph.NodeType;
import dev.customergraph.tenancy.Caller;
import dev.customergraph.tenancy.Partition;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;

/**
 * The customer-by-key DataLoaders, one statement per batch: whole customers for
 * {@code node}, federation and the {@code customer} field of addresses and sources; and
 * customers with the columns and nested fields their selection needs for
 * {@code customer(id:)}.
 */
@Configuration(proxyBeanMethods = false)
class CustomerLoaders {

	/** The name of the loader of {@link SelectedCustomer}s. */
	static final String SELECTED_CUSTOMERS = "selectedCustomers";

	CustomerLoaders(BatchLoaderRegistry registry, CustomerRepository repository) {
		registry.forTypePair(Long.class, Customer.class)
			.registerMappedBatchLoader((keys, environment) -> Mono
				.fromCallable(() -> repository.findByKeys(Caller.of(environment).partition(), keys)));
		registry.<SelectedCustomer, Customer>forName(SELECTED_CUSTOMERS)
			.registerMappedBatchLoader((reads, environment) -> Mono
				.fromCallable(() -> load(repository, Caller.of(environment).partition(), reads)));
	}

	@Bean
	NodeType customerNode() {
		return new NodeType(Customer.TYPE, Customer.class);
	}

	/**
	 * One statement for the batch, with every column any of its reads needs; a read of
	 * the same customer with another selection is another key, so the DataLoader's cache
	 * never answers it with a row that lacks its columns.
	 */
	private static Map<SelectedCustomer, Customer> load(CustomerRepository repository, Partition partition,
			Set<SelectedCustomer> reads) {
		Set<CustomerColumn> columns = EnumSet.noneOf(CustomerColumn.class);
		Map<String, Set<String>> nested = new HashMap<>();
		reads.forEach((read) -> {
			columns.addAll(read.columns());
			read.nested()
				.forEach(
						(field, selected) -> nested.computeIfAbsent(field, (name) -> new HashSet<>()).addAll(selected));
		});
		Map<Long, Customer> customers = repository.findByKeys(partition,
				reads.stream().map(SelectedCustomer::key).collect(Collectors.toSet()), columns, nested);
		return reads.stream()
			.filter((read) -> customers.containsKey(read.key()))
			.collect(Collectors.toMap(Function.identity(), (read) -> customers.get(read.key())));
	}

	/**
	 * Which customer to read, which of its columns, and which nested fields to read with
	 * it, each with the fields selected of its objects.
	 */
	record SelectedCustomer(long key, Set<CustomerColumn> columns, Map<String, Set<String>> nested) {
	}

}
