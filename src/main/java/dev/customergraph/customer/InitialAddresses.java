package dev.customergraph.customer;

import java.util.List;

import dev.customergraph.tenancy.Partition;

/**
 * Writes the addresses a customer is created with, inside {@code createCustomer}'s
 * transaction, with the same limit and default rules as {@code createCustomerAddress}.
 * The address feature implements it, so the customer feature does not depend on it.
 */
public interface InitialAddresses {

	/**
	 * Adds the addresses to the new customer; throws a user error (on
	 * {@code input.addresses}) when they exceed the per-customer limit.
	 */
	void add(Partition partition, long customerKey, List<AddressInput> addresses);

}
