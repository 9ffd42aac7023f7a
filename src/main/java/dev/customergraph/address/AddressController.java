package dev.customergraph.address;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.customergraph.customer.Customer;
import dev.customergraph.customer.CustomerSubquery;
import dev.customergraph.graph.Connection;
import dev.customergraph.graph.GlobalId;
import dev.customergraph.graph.Keyset;
import dev.customergraph.graph.NodeType;
import dev.customergraph.graph.PageRequest;
import dev.customergraph.graph.QueryLimits;
import dev.customergraph.tenancy.Caller;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * Addresses in the graph: {@code Customer.addresses} and the default addresses, all
 * served by one batched load of the page's customers' addresses,
 * {@code Address.customer}, and addresses as federation entities.
 */
@Controller
class AddressController {

	private static final String ADDRESSES_OF_CUSTOMER = "addressesOfCustomer";

	private static final String ADDRESSES = "addresses";

	private static final Keyset<Address> OLDEST_FIRST = Keyset.byId("addresses", "a.id", false, Address::key);

	private final QueryLimits limits;

	AddressController(BatchLoaderRegistry registry, AddressRepository repository, QueryLimits limits) {
		this.limits = limits;
		registry.<Long, List<Address>>forName(ADDRESSES_OF_CUSTOMER)
			.registerMappedBatchLoader((customerKeys, environment) -> Mono
				.fromCallable(() -> repository.findByCustomers(Caller.of(environment).partition(), customerKeys)));
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
	static CustomerSubquery customerAddresses() {
		return new CustomerSubquery(ADDRESSES, AddressRepository.AS_JSON);
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

	@SchemaMapping(typeName = Customer.TYPE)
	CompletableFuture<Connection<Address>> addresses(Customer customer, @Argument @Nullable Integer first,
			@Argument @Nullable String after, @Argument @Nullable Integer last, @Argument @Nullable String before,
			@ContextValue Caller caller, DataLoader<Long, List<Address>> addressesOfCustomer) {
		PageRequest page = this.limits.page(first, after, last, before);
		return addressesOf(customer, addressesOfCustomer)
			.thenApply((addresses) -> OLDEST_FIRST.slice(addresses, page, caller.partition()));
	}

	@SchemaMapping(typeName = Customer.TYPE)
	CompletableFuture<@Nullable Address> defaultShippingAddress(Customer customer,
			DataLoader<Long, List<Address>> addressesOfCustomer) {
		return addressOf(customer, customer.defaultShippingAddressId(), addressesOfCustomer);
	}

	@SchemaMapping(typeName = Customer.TYPE)
	CompletableFuture<@Nullable Address> defaultBillingAddress(Customer customer,
			DataLoader<Long, List<Address>> addressesOfCustomer) {
		return addressOf(customer, customer.defaultBillingAddressId(), addressesOfCustomer);
	}

	@SchemaMapping(typeName = Address.TYPE)
	CompletableFuture<Customer> customer(Address address, DataLoader<Long, Customer> customers) {
		return customers.load(address.customerKey());
	}

	/**
	 * The customer's addresses, read with its row by a point lookup or else from the
	 * page's one batch, flagged as defaults by the customer row in hand rather than by
	 * joining it again.
	 */
	private static CompletableFuture<List<Address>> addressesOf(Customer customer,
			DataLoader<Long, List<Address>> addressesOfCustomer) {
		CompletableFuture<@Nullable List<Address>> read = customer.hasPrefetched(ADDRESSES)
				? CompletableFuture.completedFuture(AddressRepository.fromJson(customer.prefetched().get(ADDRESSES)))
				: addressesOfCustomer.load(customer.key());
		return read.thenApply((addresses) -> (addresses != null) ? addresses.stream()
			.map((address) -> address.withDefaultsOf(customer.defaultShippingAddressId(),
					customer.defaultBillingAddressId()))
			.toList() : List.of());
	}

	private static CompletableFuture<@Nullable Address> addressOf(Customer customer, @Nullable Long addressKey,
			DataLoader<Long, List<Address>> addressesOfCustomer) {
		if (addressKey == null) {
			return CompletableFuture.completedFuture(null);
		}
		return addressesOf(customer, addressesOfCustomer).thenApply((addresses) -> addresses.stream()
			.filter((address) -> address.key() == addressKey)
			.findFirst()
			.orElse(null));
	}

}
