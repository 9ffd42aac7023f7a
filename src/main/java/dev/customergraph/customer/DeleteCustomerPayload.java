package dev.customergraph.customer;

import java.util.List;

import dev.customergraph.mutation.UserError;
import org.jspecify.annotations.Nullable;

/** The payload of {@code deleteCustomer}. */
record DeleteCustomerPayload(@Nullable String deletedCustomerId, List<UserError> userErrors) {

	static DeleteCustomerPayload of(String deletedCustomerId) {
		return new DeleteCustomerPayload(deletedCustomerId, List.of());
	}

	static DeleteCustomerPayload failed(List<UserError> userErrors) {
		return new DeleteCustomerPayload(null, userErrors);
	}

}
