package dev.customergraph.address;

import java.util.List;
import java.util.Set;

import dev.customergraph.customer.Customer;
import dev.customergraph.customer.CustomerPagePrefetch;
import dev.customergraph.customer.CustomerPageSelection;
import dev.customergraph.tenancy.Partition;

/**
 * {@code customers { nodes { addresses … defaultShippingAddress … } }}: the addresses of
 * the page's customers read with the page, in one statement, with the columns any of
 * those fields selects; default flags false, for the controller to set from the customer
 * row. They take no arguments that change the rows: a customer has a few addresses, all
 * read and then sliced per field.
 */
final class CustomerAddressesPrefetch implements CustomerPagePrefetch {

	private static final Set<String> TRIGGERS = Set.of("addresses", "defaultShippingAddress", "defaultBillingAddress");

	private final AddressRepository repository;

	CustomerAddressesPrefetch(AddressRepository repository) {
		this.repository = repository;
	}

	@Override
	public Set<String> triggers() {
		return TRIGGERS;
	}

	@Override
	public Prefetched prefetch(Partition partition, List<Customer> customers, CustomerPageSelection selection) {
		Set<AddressColumn> columns = AddressColumn
			.selectedBy(selection.fieldsAt(CustomerAddressesJoin.SELECTION_PATHS));
		return new Prefetched(AddressController.ADDRESSES,
				this.repository.findByCustomers(partition, customers.stream().map(Customer::key).toList(), columns));
	}

}
