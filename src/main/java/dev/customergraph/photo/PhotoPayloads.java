package dev.customergraph.photo;

import java.util.List;

import dev.customergraph.customer.Customer;
import dev.customergraph.mutation.UserError;
import org.jspecify.annotations.Nullable;

/**
 * The payloads of the photo mutations: the result, or the user errors that made it change
 * nothing.
 */
final class PhotoPayloads {

	private PhotoPayloads() {
	}

	/**
	 * The payload of {@code setCustomerPhoto}: the customer, whose {@code photo} is the
	 * new one.
	 */
	record SetCustomerPhotoPayload(@Nullable Customer customer, List<UserError> userErrors) {

		static SetCustomerPhotoPayload failed(List<UserError> userErrors) {
			return new SetCustomerPhotoPayload(null, userErrors);
		}

	}

	record RemoveCustomerPhotoPayload(@Nullable Customer customer, List<UserError> userErrors) {

		static RemoveCustomerPhotoPayload failed(List<UserError> userErrors) {
			return new RemoveCustomerPhotoPayload(null, userErrors);
		}

	}

}
