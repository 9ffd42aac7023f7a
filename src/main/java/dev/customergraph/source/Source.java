package dev.customergraph.source;

import java.time.OffsetDateTime;
import java.util.Map;

import dev.customergraph.graph.GlobalId;
import org.jspecify.annotations.Nullable;

/**
 * A payment source, attached to at most one customer. {@code key} is the row id;
 * {@code id} the global id.
 */
public record Source(long key, @Nullable Long customerKey, SourceType type, String provider,
		@Nullable String providerReference, @Nullable String label, @Nullable String brand, @Nullable String last4,
		@Nullable Integer expiryMonth, @Nullable Integer expiryYear, @Nullable Map<String, Object> metadata,
		boolean isDefault, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

	public static final String TYPE = "Source";

	public String id() {
		return new GlobalId(TYPE, this.key).encode();
	}

	/** This source with its default flag as its customer's row has it. */
	Source withDefaultOf(@Nullable Long defaultSourceKey) {
		return new Source(this.key, this.customerKey, this.type, this.provider, this.providerReference, this.label,
				this.brand, this.last4, this.expiryMonth, this.expiryYear, this.metadata,
				Long.valueOf(this.key).equals(defaultSourceKey), this.createdAt, this.updatedAt);
	}

}
