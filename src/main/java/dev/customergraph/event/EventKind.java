package dev.customergraph.event;

import org.jspecify.annotations.Nullable;

/**
 * The GraphQL object types of the {@code Event} interface, and the node type of the row
 * an event names besides its customer.
 */
enum EventKind {

	CUSTOMER("CustomerEvent", null), ADDRESS("AddressEvent", "Address"), SOURCE("SourceEvent", "Source");

	private final String objectType;

	private final @Nullable String entityType;

	EventKind(String objectType, @Nullable String entityType) {
		this.objectType = objectType;
		this.entityType = entityType;
	}

	String objectType() {
		return this.objectType;
	}

	@Nullable String entityType() {
		return this.entityType;
	}

}
