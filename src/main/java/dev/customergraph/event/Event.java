package dev.customergraph.event;

import java.time.OffsetDateTime;
import java.util.List;

import dev.customergraph.graph.GlobalId;
import dev.customergraph.graph.JsonColumns;
import org.jspecify.annotations.Nullable;

/**
 * A committed change event as the feed reads it: everything it says is on its row, so it
 * outlives the customer, address or source it names. The features resolve
 * {@code customer}, {@code address} and {@code source} from the keys, batched.
 *
 * @param seq its number in the partition's commit order
 * @param customerKey null only for a source created without a customer
 * @param entityKey the address's or source's key, for their events
 * @param version the customer's version after the change
 * @param changedFieldsJson the changed fields of a {@code CUSTOMER_UPDATED}, as JSON
 * @param apiKeyId the row id of the key that made the change
 */
public record Event(long seq, EventType type, @Nullable Long customerKey, @Nullable Long entityKey,
		@Nullable Integer version, @Nullable String changedFieldsJson, OffsetDateTime occurredAt,
		@Nullable Long apiKeyId, @Nullable String requestId) {

	static final String TYPE = "Event";

	/** The customer feature's node type, which depends on this package. */
	private static final String CUSTOMER_TYPE = "Customer";

	public String id() {
		return new GlobalId(TYPE, this.seq).encode();
	}

	public @Nullable String customerId() {
		return (this.customerKey != null) ? new GlobalId(CUSTOMER_TYPE, this.customerKey).encode() : null;
	}

	public @Nullable String addressId() {
		return entityId();
	}

	public @Nullable String sourceId() {
		return entityId();
	}

	public List<String> changedFields() {
		return JsonColumns.readStrings(this.changedFieldsJson);
	}

	String objectType() {
		return this.type.kind().objectType();
	}

	private @Nullable String entityId() {
		String entityType = this.type.kind().entityType();
		return (entityType != null && this.entityKey != null) ? new GlobalId(entityType, this.entityKey).encode()
				: null;
	}

}
