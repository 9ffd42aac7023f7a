package dev.customergraph.event;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.customergraph.graph.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Which events a subscriber wants: of these types, and of one customer or of all.
 *
 * @param types the types, never empty
 * @param customerKey the customer's key, or null for every customer
 */
record EventCriteria(Set<EventType> types, @Nullable Long customerKey) {

	static final List<EventType> ALL_TYPES = List.of(EventType.values());

	boolean matches(Event event) {
		return this.types.contains(event.type())
				&& (this.customerKey == null || this.customerKey.equals(event.customerKey()));
	}

	/**
	 * The types an argument asks for: all when it is not given.
	 * @throws InvalidInputException for an empty list, which would match nothing
	 */
	static List<EventType> types(@Nullable List<EventType> types, String argument) {
		if (types == null) {
			return ALL_TYPES;
		}
		if (types.isEmpty()) {
			throw new InvalidInputException(
					"'" + argument + "' must name at least one type; leave it out for all types.");
		}
		return types;
	}

	static EventCriteria of(List<EventType> types, @Nullable Long customerKey) {
		return new EventCriteria(EnumSet.copyOf(types), customerKey);
	}

}
