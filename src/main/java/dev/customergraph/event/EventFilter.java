package dev.customergraph.event;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The {@code events} filter, as the client sent it; every part optional.
 *
 * @param types events of these types only
 * @param customerId events of this customer only (a global id)
 * @param occurredAfter events strictly after this instant
 */
record EventFilter(@Nullable List<EventType> types, @Nullable String customerId,
		@Nullable OffsetDateTime occurredAfter) {

	static final EventFilter NONE = new EventFilter(null, null, null);

}
