package dev.customergraph.address;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;

import dev.customergraph.customer.Customer;
import dev.customergraph.customer.CustomerJoin;
import dev.customergraph.customer.CustomerPagePrefetch;
import dev.customergraph.graph.Connection;
import dev.customergraph.graph.GlobalId;
import dev.customergraph.graph.Keyset;
import dev.customergraph.graph.NodeType;
import dev.customergraph.graph.PageRequest;
import dev.customergraph.graph.QueryLimits;
import dev.customergraph.graph.RowField;
import dev.customergraph.graph.SelectedFields;
import dev.customergraph.tenancy.Caller;
import dev.customergraph.tenancy.Partition;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

/**
 * Addresses in the graph: {@code Customer.addresses} and the default addresses, all
 * served by one batched load of the page's customers' addresses,
 * {@code Address.customer}, and addresses as federation entities.
 */
@Controller
class AddressController {

	private static final String ADDRESSES_OF_CUSTOMER = "addressesOfCustomer";

	static final String ADDRESSES = "addresses";

	private static final Keyset<Address> OLDEST_FIRST = Keyset.byId("addresses", "a.id", false, Address::key);

	private final QueryLimits limits;

	AddressController(BatchLoaderRegistry registry, AddressRepository repository, QueryLimits limits) {
		this.limits = limits;
		registry.<CustomerAddresses, List<Address>>forName(ADDRESSES_OF_CUSTOMER)
			.registerMappedBatchLoader((reads, environment) -> Mono
				.fromCallable(() -> load(repository, Caller.of(environment).partition(), reads)));
		registry.forTypePair(Long.class, Address.class)
			.registerMappedBatchLoader((keys, environment) -> Mono
				.fromCallable(() -> repository.findByKeys(Caller.of(environment).partition(), keys)));
	}

	@Bean
	static NodeType addressNode() {
		return new NodeType(Address.TYPE, Address.class);
	}

	/**
	 * {@code customer(id:) { addresses … }} reads the addresses with the customer row.
	 */
	@Bean
	static CustomerJoin customerAddresses() {
		return new CustomerAddressesJoin();
	}

	/**
	 * {@code customers { nodes { addresses … } }} reads the page's addresses with the
	 * page.
	 */
	@Bean
	static CustomerPagePrefetch customerPageAddresses(AddressRepository repository) {
		return new CustomerAddressesPrefetch(repository);
	}

	/**
	 * Federation's {@code _entities} for addresses: all representations of one request in
	 * one load.
	 */
	@EntityMapping(name = Address.TYPE)
	CompletableFuture<List<@Nullable Address>> addressEntities(@Argument List<String> idList,
			DataLoader<Long, Address> addresses) {
		return addresses.loadMany(idList.stream().map((id) -> GlobalId.keyOf(id, Address.TYPE)).toList());
	}

	@SchemaMapping(typeName = Address.TYPE)
	CompletableFuture<Customer> customer(Address address, DataLoader<Long, Customer> customers) {
		return customers.load(address.customerKey());
	}

	/**
	 * The fields every customer of a page resolves, as plain data fetchers: an annotated
	 * method costs an invocable handler, argument binding and reflection per call, which
	 * for a page of 50 customers with three such fields was about a third of the
	 * request's allocation.
	 */
	@Bean
	RuntimeWiringConfigurer customerAddressFields() {
		return (wiring) -> wiring.type(Customer.TYPE,
				(type) -> type.dataFetcher(ADDRESSES, RowField.of(this::addresses))
					.dataFetcher("defaultShippingAddress",
							RowField.of((environment) -> addressOf(environment,
									environment.<Customer>getSource().defaultShippingAddressId())))
					.dataFetcher("defaultBillingAddress", RowField.of((environment) -> addressOf(environment,
							environment.<Customer>getSource().defaultBillingAddressId()))));
	}

	private CompletableFuture<Connection<Address>> addresses(DataFetchingEnvironment environment) {
		PageRequest page = this.limits.page(environment.getArgument("first"), environment.getArgument("after"),
				environment.getArgument("last"), environment.getArgument("before"));
		Partition partition = Caller.of(environment).partition();
		return addressesOf(environment, "nodes", "edges/node")
			.thenApply((addresses) -> OLDEST_FIRST.slice(addresses, page, partition));
	}

	/**
	 * The customer's addresses, read with its row by a point lookup or with its page, or
	 * else from one batch for all the customers that ask, flagged as defaults by the
	 * customer row in hand rather than by joining it again.
	 */
	private static CompletableFuture<List<Address>> addressesOf(DataFetchingEnvironment environment,
			String... selected) {
		Customer customer = environment.getSource();
		CompletableFuture<@Nullable List<Address>> read = customer.hasPrefetched(ADDRESSES)
				? CompletableFuture.completedFuture(prefetched(customer))
				: environment.<CustomerAddresses, List<Address>>getDataLoader(ADDRESSES_OF_CUSTOMER)
					.load(new CustomerAddresses(customer.key(),
							AddressColumn.selectedBy(SelectedFields.of(environment, selected))));
		return read.thenApply((addresses) -> (addresses != null) ? addresses.stream()
			.map((address) -> address.withDefaultsOf(customer.defaultShippingAddressId(),
					customer.defaultBillingAddressId()))
			.toList() : List.of());
	}

	@SuppressWarnings("unchecked")
	private static List<Address> prefetched(Customer customer) {
		return (List<Address>) customer.prefetched().get(ADDRESSES);
	}

	/**
	 * One statement for the batch, with every column any of its reads selects, for the
	 * distinct customers of the batch.
	 */
	private static Map<CustomerAddresses, List<Address>> load(AddressRepository repository, Partition partition,
			Set<CustomerAddresses> reads) {
		Set<AddressColumn> columns = EnumSet.noneOf(AddressColumn.class);
		reads.forEach((read) -> columns.addAll(read.columns()));
		Map<Long, List<Address>> addresses = repository.findByCustomers(partition,
				reads.stream().map(CustomerAddresses::customerKey).distinct().toList(), columns);
		return reads.stream()
			.collect(Collectors.toMap(Function.identity(),
					(read) -> addresses.getOrDefault(read.customerKey(), List.of())));
	}

	private static CompletableFuture<@Nullable Address> addressOf(DataFetchingEnvironment environment,
			@Nullable Long addressKey) {
		if (addressKey == null) {
			return CompletableFuture.completedFuture(null);
		}
		return addressesOf(environment, "").thenApply((addresses) -> addresses.stream()
			.filter((address) -> address.key() == addressKey)
			.findFirst()
			.orElse(null));
	}

	/**
	 * The key of a customer's addresses: which customer, which columns. A read with
	 * another selection is another key, so the DataLoader's cache never answers it with
	 * rows that lack its columns.
	 */
	record CustomerAddresses(long customerKey, Set<AddressColumn> columns) {
	}

}
