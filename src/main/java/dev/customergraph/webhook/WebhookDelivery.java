package dev.customergraph.webhook;

import java.time.OffsetDateTime;

import dev.customergraph.graph.GlobalId;
import org.jspecify.annotations.Nullable;

/**
 * What became of one event sent to an endpoint.
 *
 * @param endpointKey the endpoint's row id
 * @param eventSeq the event's number in the partition
 * @param lastResponseCode the receiver's HTTP status at the last attempt; null when it
 * gave none (no connection, a timeout, an address refused)
 * @param lastError why the last attempt failed without a status, as the API shows it
 * @param nextAttemptAt when it is retried; null once delivered or failed
 */
record WebhookDelivery(long endpointKey, long eventSeq, DeliveryStatus status, int attempts,
		@Nullable Integer lastResponseCode, @Nullable String lastError, OffsetDateTime firstAttemptAt,
		OffsetDateTime lastAttemptAt, @Nullable OffsetDateTime nextAttemptAt) {

	/** The event feed's node type, which this package may not name from its code. */
	private static final String EVENT_TYPE = "Event";

	public String eventId() {
		return new GlobalId(EVENT_TYPE, this.eventSeq).encode();
	}

	/** Where a delivery stands. */
	enum DeliveryStatus {

		/** Failed so far; retried at {@code nextAttemptAt}. */
		RETRYING,
		/** The receiver answered 2xx. */
		DELIVERED,
		/** Not delivered within the retry period; the endpoint moved on. */
		FAILED

	}

}
