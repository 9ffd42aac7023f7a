package dev.customergraph.webhook;

import java.util.List;

import dev.customergraph.mutation.UserError;
import org.jspecify.annotations.Nullable;

/**
 * The payloads of the webhook endpoint mutations: the result, or the user errors that
 * made it change nothing.
 */
final class WebhookPayloads {

	private WebhookPayloads() {
	}

	/** The payload of {@code createWebhookEndpoint}: the one place the secret shows. */
	record CreateWebhookEndpointPayload(@Nullable WebhookEndpoint webhookEndpoint, @Nullable String secret,
			List<UserError> userErrors) {

		static CreateWebhookEndpointPayload of(WebhookService.CreatedEndpoint created) {
			return new CreateWebhookEndpointPayload(created.endpoint(), created.secret(), List.of());
		}

		static CreateWebhookEndpointPayload failed(List<UserError> userErrors) {
			return new CreateWebhookEndpointPayload(null, null, userErrors);
		}

	}

	record UpdateWebhookEndpointPayload(@Nullable WebhookEndpoint webhookEndpoint, List<UserError> userErrors) {

		static UpdateWebhookEndpointPayload of(WebhookEndpoint endpoint) {
			return new UpdateWebhookEndpointPayload(endpoint, List.of());
		}

		static UpdateWebhookEndpointPayload failed(List<UserError> userErrors) {
			return new UpdateWebhookEndpointPayload(null, userErrors);
		}

	}

	record DeleteWebhookEndpointPayload(@Nullable String deletedWebhookEndpointId, List<UserError> userErrors) {

		static DeleteWebhookEndpointPayload of(String deletedWebhookEndpointId) {
			return new DeleteWebhookEndpointPayload(deletedWebhookEndpointId, List.of());
		}

		static DeleteWebhookEndpointPayload failed(List<UserError> userErrors) {
			return new DeleteWebhookEndpointPayload(null, userErrors);
		}

	}

}
