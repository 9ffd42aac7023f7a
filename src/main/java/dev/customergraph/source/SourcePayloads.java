package dev.customergraph.source;

import java.util.List;

import dev.customergraph.customer.Customer;
import dev.customergraph.mutation.UserError;
import org.jspecify.annotations.Nullable;

/**
 * The payloads of the source mutations: the result, or the user errors that made it
 * change nothing.
 */
final class SourcePayloads {

	private SourcePayloads() {
	}

	record CreateSourcePayload(@Nullable Source source, List<UserError> userErrors) {

		static CreateSourcePayload of(@Nullable Source source) {
			return new CreateSourcePayload(source, List.of());
		}

		static CreateSourcePayload failed(List<UserError> userErrors) {
			return new CreateSourcePayload(null, userErrors);
		}

	}

	/** The payload of {@code attachSource} and {@code detachSource}. */
	record SourceAttachmentPayload(@Nullable Source source, @Nullable Customer customer, List<UserError> userErrors) {

		static SourceAttachmentPayload failed(List<UserError> userErrors) {
			return new SourceAttachmentPayload(null, null, userErrors);
		}

	}

}
