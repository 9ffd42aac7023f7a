package dev.customergraph.address;

import java.util.List;

import dev.customergraph.customer.Customer;
import dev.customergraph.mutation.UserError;
import org.jspecify.annotations.Nullable;

/**
 * The payloads of the address mutations: the result, or the user errors that made it
 * change nothing.
 */
final class AddressPayloads {

	private AddressPayloads() {
	}

	record CreateCustomerAddressPayload(@Nullable Address address, @Nullable Customer customer,
			List<UserError> userErrors) {

		static CreateCustomerAddressPayload failed(List<UserError> userErrors) {
			return new CreateCustomerAddressPayload(null, null, userErrors);
		}

	}

	record UpdateCustomerAddressPayload(@Nullable Address address, List<UserError> userErrors) {

		static UpdateCustomerAddressPayload failed(List<UserError> userErrors) {
			return new UpdateCustomerAddressPayload(null, userErrors);
		}

	}

	record DeleteCustomerAddressPayload(@Nullable String deletedAddressId, @Nullable Customer customer,
			List<UserError> userErrors) {

		static DeleteCustomerAddressPayload failed(List<UserError> userErrors) {
			return new DeleteCustomerAddressPayload(null, null, userErrors);
		}

	}

	record SetDefaultCustomerAddressPayload(@Nullable Customer customer, List<UserError> userErrors) {

		static SetDefaultCustomerAddressPayload failed(List<UserError> userErrors) {
			return new SetDefaultCustomerAddressPayload(null, userErrors);
		}

	}

}
