package dev.customergraph.group;

import java.time.OffsetDateTime;

import dev.customergraph.graph.GlobalId;
import org.jspecify.annotations.Nullable;

/**
 * A customer group. {@code key} is the row id; {@code id} the global id.
 */
public record CustomerGroup(long key, String name, @Nullable String code, OffsetDateTime createdAt,
		OffsetDateTime updatedAt) {

	public static final String TYPE = "CustomerGroup";

	public String id() {
		return new GlobalId(TYPE, this.key).encode();
	}

}
