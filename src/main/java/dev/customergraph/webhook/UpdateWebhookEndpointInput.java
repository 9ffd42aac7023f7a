package dev.customergraph.webhook;

import java.util.List;

import dev.customergraph.event.EventType;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.ArgumentValue;

import static dev.customergraph.webhook.CreateWebhookEndpointInput.MAX_DESCRIPTION_LENGTH;

/**
 * The input of {@code updateWebhookEndpoint}: an absent field stays as it is, null types
 * mean every type, a null description clears it; the URL cannot be null.
 */
record UpdateWebhookEndpointInput(String id, ArgumentValue<String> url, @Size(min = 1,
		message = "Name at least one event type; set types to null for every type.") ArgumentValue<List<EventType>> types,
		@Size(max = MAX_DESCRIPTION_LENGTH) ArgumentValue<String> description) {

}
