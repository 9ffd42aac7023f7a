package dev.customergraph.customer;

import java.util.List;

import dev.customergraph.mutation.UserError;
import org.jspecify.annotations.Nullable;

/**
 * The payload of the mutations that return a customer: create, update, erase, add and
 * remove tags.
 */
record CustomerPayload(@Nullable Customer customer, List<UserError> userErrors) {

	static CustomerPayload of(@Nullable Customer customer) {
		return new CustomerPayload(customer, List.of());
	}

	static CustomerPayload failed(List<UserError> userErrors) {
		return new CustomerPayload(null, userErrors);
	}

}
