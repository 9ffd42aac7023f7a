package dev.customergraph.group;

import java.util.List;

import dev.customergraph.mutation.UserError;
import org.jspecify.annotations.Nullable;

/**
 * The payloads of the customer group mutations: the result, or the user errors that made
 * it change nothing.
 */
final class CustomerGroupPayloads {

	private CustomerGroupPayloads() {
	}

	/** The payload of {@code createCustomerGroup} and {@code updateCustomerGroup}. */
	record CustomerGroupPayload(@Nullable CustomerGroup customerGroup, List<UserError> userErrors) {

		static CustomerGroupPayload of(CustomerGroup customerGroup) {
			return new CustomerGroupPayload(customerGroup, List.of());
		}

		static CustomerGroupPayload failed(List<UserError> userErrors) {
			return new CustomerGroupPayload(null, userErrors);
		}

	}

	record DeleteCustomerGroupPayload(@Nullable String deletedCustomerGroupId, List<UserError> userErrors) {

		static DeleteCustomerGroupPayload of(String deletedCustomerGroupId) {
			return new DeleteCustomerGroupPayload(deletedCustomerGroupId, List.of());
		}

		static DeleteCustomerGroupPayload failed(List<UserError> userErrors) {
			return new DeleteCustomerGroupPayload(null, userErrors);
		}

	}

}
