package dev.customergraph.webhook;

import java.util.List;

import dev.customergraph.event.EventType;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The input of {@code createWebhookEndpoint}; the URL is checked by
 * {@link WebhookTarget}.
 *
 * @param types the event types to deliver; null for every type
 */
record CreateWebhookEndpointInput(String url, @Size(min = 1,
		message = "Name at least one event type; leave types out for every type.") @Nullable List<EventType> types,
		@Size(max = MAX_DESCRIPTION_LENGTH) @Nullable String description) {

	static final int MAX_DESCRIPTION_LENGTH = 500;

}
