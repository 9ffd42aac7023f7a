package dev.customergraph.event;

/**
 * What happened, and the GraphQL object type its events have: a customer's own events are
 * {@code CustomerEvent}s, those about one of its addresses or sources name that row too.
 */
public enum EventType {

	CUSTOMER_CREATED(EventKind.CUSTOMER), CUSTOMER_UPDATED(EventKind.CUSTOMER), CUSTOMER_DELETED(EventKind.CUSTOMER),
	CUSTOMER_ERASED(EventKind.CUSTOMER), ADDRESS_CREATED(EventKind.ADDRESS), ADDRESS_UPDATED(EventKind.ADDRESS),
	ADDRESS_DELETED(EventKind.ADDRESS), DEFAULT_ADDRESS_CHANGED(EventKind.ADDRESS), SOURCE_CREATED(EventKind.SOURCE),
	SOURCE_ATTACHED(EventKind.SOURCE), SOURCE_DETACHED(EventKind.SOURCE);

	private final EventKind kind;

	EventType(EventKind kind) {
		this.kind = kind;
	}

	EventKind kind() {
		return this.kind;
	}

}
