package dev.customergraph.address;

import java.util.List;

import dev.customergraph.address.AddressPayloads.CreateCustomerAddressPayload;
import dev.customergraph.address.AddressPayloads.DeleteCustomerAddressPayload;
import dev.customergraph.address.AddressPayloads.SetDefaultCustomerAddressPayload;
import dev.customergraph.address.AddressPayloads.UpdateCustomerAddressPayload;
import dev.customergraph.customer.AddressInput;
import dev.customergraph.customer.Customer;
import dev.customergraph.customer.CustomerChanges;
import dev.customergraph.customer.InitialAddresses;
import dev.customergraph.event.ChangeEvent;
import dev.customergraph.event.EventOutbox;
import dev.customergraph.event.EventType;
import dev.customergraph.graph.GlobalId;
import dev.customergraph.mutation.InputIds;
import dev.customergraph.mutation.InputValidator;
import dev.customergraph.mutation.UserErrorCode;
import dev.customergraph.mutation.UserErrorException;
import dev.customergraph.mutation.WriteTransaction;
import dev.customergraph.tenancy.Partition;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The address mutations. Each locks the owning customer's row first, so the per-customer
 * limit and the defaults hold however many requests race, then counts one change to the
 * customer and records its event.
 */
@Service
class AddressService implements InitialAddresses {

	private final AddressWriteRepository writes;

	private final AddressRepository addresses;

	private final CustomerChanges customers;

	private final InputValidator validator;

	private final int limit;

	private final EventOutbox events;

	AddressService(AddressWriteRepository writes, AddressRepository addresses, CustomerChanges customers,
			InputValidator validator, AddressLimits limits, EventOutbox events) {
		this.writes = writes;
		this.addresses = addresses;
		this.customers = customers;
		this.validator = validator;
		this.limit = limits.addressesPerCustomer();
		this.events = events;
	}

	/**
	 * Part of {@code createCustomer}'s transaction; the new customer is at version 1, so
	 * no change is counted.
	 */
	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void add(Partition partition, long customerKey, List<AddressInput> initial) {
		if (initial.size() > this.limit) {
			throw limitExceeded("addresses");
		}
		initial.forEach((address) -> insert(partition, customerKey, address));
	}

	@WriteTransaction
	CreateCustomerAddressPayload create(Partition partition, String customerId, AddressInput address) {
		this.validator.validate(address);
		long customerKey = InputIds.keyOf(customerId, Customer.TYPE, "customerId");
		this.customers.lock(partition, customerKey, "customerId");
		if (this.writes.countByCustomer(partition, customerKey) >= this.limit) {
			throw limitExceeded("customerId");
		}
		long addressKey = insert(partition, customerKey, address);
		this.customers.recordChange(partition, customerKey);
		return new CreateCustomerAddressPayload(find(partition, addressKey),
				this.customers.find(partition, customerKey), List.of());
	}

	@WriteTransaction
	UpdateCustomerAddressPayload update(Partition partition, UpdateCustomerAddressInput input) {
		this.validator.validate(input);
		long addressKey = InputIds.keyOf(input.id(), Address.TYPE, "id");
		long customerKey = lockOwner(partition, addressKey, "id");
		if (!this.writes.update(partition, customerKey, addressKey, input)) {
			throw notFound("id");
		}
		this.customers.recordChange(partition, customerKey);
		this.events.record(partition, ChangeEvent.about(EventType.ADDRESS_UPDATED, customerKey, addressKey));
		return new UpdateCustomerAddressPayload(find(partition, addressKey), List.of());
	}

	@WriteTransaction
	DeleteCustomerAddressPayload delete(Partition partition, String id) {
		long addressKey = InputIds.keyOf(id, Address.TYPE, "id");
		long customerKey = lockOwner(partition, addressKey, "id");
		this.customers.clearDefaultAddress(partition, customerKey, addressKey);
		this.writes.delete(partition, addressKey);
		this.customers.recordChange(partition, customerKey);
		this.events.record(partition, ChangeEvent.about(EventType.ADDRESS_DELETED, customerKey, addressKey));
		return new DeleteCustomerAddressPayload(new GlobalId(Address.TYPE, addressKey).encode(),
				this.customers.find(partition, customerKey), List.of());
	}

	@WriteTransaction
	SetDefaultCustomerAddressPayload setDefault(Partition partition, SetDefaultCustomerAddressInput input) {
		long customerKey = InputIds.keyOf(input.customerId(), Customer.TYPE, "customerId");
		long addressKey = InputIds.keyOf(input.addressId(), Address.TYPE, "addressId");
		this.customers.lock(partition, customerKey, "customerId");
		if (this.writes.customerOf(partition, addressKey).filter((owner) -> owner == customerKey).isEmpty()) {
			throw notFound("addressId");
		}
		DefaultAddressKind kind = input.kind();
		this.customers.setDefaultAddress(partition, customerKey, addressKey, kind != DefaultAddressKind.BILLING,
				kind != DefaultAddressKind.SHIPPING);
		this.customers.recordChange(partition, customerKey);
		this.events.record(partition, ChangeEvent.about(EventType.DEFAULT_ADDRESS_CHANGED, customerKey, addressKey));
		return new SetDefaultCustomerAddressPayload(this.customers.find(partition, customerKey), List.of());
	}

	private long insert(Partition partition, long customerKey, AddressInput address) {
		long addressKey = this.writes.insert(partition, customerKey, address);
		this.events.record(partition, ChangeEvent.about(EventType.ADDRESS_CREATED, customerKey, addressKey));
		if (address.defaultShipping() || address.defaultBilling()) {
			this.customers.setDefaultAddress(partition, customerKey, addressKey, address.defaultShipping(),
					address.defaultBilling());
		}
		return addressKey;
	}

	/**
	 * Locks the customer that owns the address. The owner is read before the lock, so the
	 * statements after it check that the address is still the customer's.
	 */
	private long lockOwner(Partition partition, long addressKey, String... path) {
		long customerKey = this.writes.customerOf(partition, addressKey).orElseThrow(() -> notFound(path));
		this.customers.lock(partition, customerKey, path);
		this.writes.customerOf(partition, addressKey)
			.filter((owner) -> owner == customerKey)
			.orElseThrow(() -> notFound(path));
		return customerKey;
	}

	private @Nullable Address find(Partition partition, long addressKey) {
		return this.addresses.findByKeys(partition, List.of(addressKey)).get(addressKey);
	}

	private UserErrorException limitExceeded(String... path) {
		return new UserErrorException(UserErrorCode.LIMIT_EXCEEDED,
				"A customer has at most " + this.limit + " addresses.", path);
	}

	private static UserErrorException notFound(String... path) {
		return new UserErrorException(UserErrorCode.NOT_FOUND, "No address has this id.", path);
	}

}
