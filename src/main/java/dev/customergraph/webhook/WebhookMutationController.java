package dev.customergraph.webhook;

import dev.customergraph.mutation.UserErrorCode;
import dev.customergraph.mutation.UserErrorException;
import dev.customergraph.tenancy.Caller;
import dev.customergraph.webhook.WebhookPayloads.CreateWebhookEndpointPayload;
import dev.customergraph.webhook.WebhookPayloads.DeleteWebhookEndpointPayload;
import dev.customergraph.webhook.WebhookPayloads.UpdateWebhookEndpointPayload;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * The webhook endpoint mutations. A URL is checked, its host resolved, before the
 * transaction starts; each mutation then runs in {@link WebhookService}.
 */
@Controller
class WebhookMutationController {

	private final WebhookService service;

	private final WebhookProperties properties;

	WebhookMutationController(WebhookService service, WebhookProperties properties) {
		this.service = service;
		this.properties = properties;
	}

	@MutationMapping
	CreateWebhookEndpointPayload createWebhookEndpoint(@Argument CreateWebhookEndpointInput input,
			@ContextValue Caller caller) {
		return UserErrorException.reported(() -> {
			checkUrl(input.url());
			return CreateWebhookEndpointPayload.of(this.service.create(caller.partition(), input));
		}, CreateWebhookEndpointPayload::failed);
	}

	@MutationMapping
	UpdateWebhookEndpointPayload updateWebhookEndpoint(@Argument UpdateWebhookEndpointInput input,
			@ContextValue Caller caller) {
		return UserErrorException.reported(() -> {
			if (!input.url().isOmitted()) {
				checkUrl(input.url().value());
			}
			return UpdateWebhookEndpointPayload.of(this.service.update(caller.partition(), input));
		}, UpdateWebhookEndpointPayload::failed);
	}

	@MutationMapping
	DeleteWebhookEndpointPayload deleteWebhookEndpoint(@Argument DeleteWebhookEndpointInput input,
			@ContextValue Caller caller) {
		return UserErrorException.reported(
				() -> DeleteWebhookEndpointPayload.of(this.service.delete(caller.partition(), input.id())),
				DeleteWebhookEndpointPayload::failed);
	}

	private void checkUrl(@Nullable String url) {
		if (url == null) {
			throw new UserErrorException(UserErrorCode.INVALID, "The URL cannot be null.", "url");
		}
		try {
			WebhookTarget.of(url, this.properties);
		}
		catch (WebhookTarget.RefusedUrl ex) {
			throw new UserErrorException(UserErrorCode.INVALID, ex.getMessage(), "url");
		}
	}

	record DeleteWebhookEndpointInput(String id) {
	}

}
