package dev.customergraph.address;

import dev.customergraph.address.AddressPayloads.CreateCustomerAddressPayload;
import dev.customergraph.address.AddressPayloads.DeleteCustomerAddressPayload;
import dev.customergraph.address.AddressPayloads.SetDefaultCustomerAddressPayload;
import dev.customergraph.address.AddressPayloads.UpdateCustomerAddressPayload;
import dev.customergraph.customer.AddressInput;
import dev.customergraph.mutation.UserErrorException;
import dev.customergraph.tenancy.Caller;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * The address mutations; each runs in {@link AddressService} and answers with its
 * payload.
 */
@Controller
class AddressMutationController {

	private final AddressService service;

	AddressMutationController(AddressService service) {
		this.service = service;
	}

	/**
	 * The flat input is bound twice: as the address fields that {@code createCustomer}
	 * takes too, and (through all arguments) for the customer it names; each binding
	 * ignores the other's fields.
	 */
	@MutationMapping
	CreateCustomerAddressPayload createCustomerAddress(@Argument("input") AddressInput address,
			@Arguments AddressOwner owner, @ContextValue Caller caller) {
		return UserErrorException.reported(
				() -> this.service.create(caller.partition(), owner.input().customerId(), address),
				CreateCustomerAddressPayload::failed);
	}

	@MutationMapping
	UpdateCustomerAddressPayload updateCustomerAddress(@Argument UpdateCustomerAddressInput input,
			@ContextValue Caller caller) {
		return UserErrorException.reported(() -> this.service.update(caller.partition(), input),
				UpdateCustomerAddressPayload::failed);
	}

	@MutationMapping
	DeleteCustomerAddressPayload deleteCustomerAddress(@Argument DeleteCustomerAddressInput input,
			@ContextValue Caller caller) {
		return UserErrorException.reported(() -> this.service.delete(caller.partition(), input.id()),
				DeleteCustomerAddressPayload::failed);
	}

	@MutationMapping
	SetDefaultCustomerAddressPayload setDefaultCustomerAddress(@Argument SetDefaultCustomerAddressInput input,
			@ContextValue Caller caller) {
		return UserErrorException.reported(() -> this.service.setDefault(caller.partition(), input),
				SetDefaultCustomerAddressPayload::failed);
	}

	/** The arguments of {@code createCustomerAddress}, bound only for the customer id. */
	record AddressOwner(Owner input) {

		record Owner(String customerId) {
		}

	}

	record DeleteCustomerAddressInput(String id) {
	}

}
