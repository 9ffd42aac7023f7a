package dev.customergraph.webhook;

import java.time.OffsetDateTime;
import java.util.List;

import dev.customergraph.event.EventType;
import dev.customergraph.graph.GlobalId;
import dev.customergraph.graph.JsonColumns;
import org.jspecify.annotations.Nullable;

/**
 * A webhook endpoint as the API shows it: never its secret. {@code key} is the row id.
 *
 * @param types the event types it receives; null for every type
 */
record WebhookEndpoint(long key, String url, @Nullable List<EventType> types, @Nullable String description,
		OffsetDateTime createdAt, OffsetDateTime updatedAt) {

	static final String TYPE = "WebhookEndpoint";

	public String id() {
		return new GlobalId(TYPE, this.key).encode();
	}

	/** The types column: a JSON array of names, or NULL for every type. */
	static @Nullable List<EventType> types(@Nullable String json) {
		return (json != null) ? JsonColumns.readStrings(json).stream().map(EventType::valueOf).toList() : null;
	}

}
