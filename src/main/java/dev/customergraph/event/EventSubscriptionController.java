package dev.customergraph.event;

import java.util.List;

import dev.customergraph.graph.Cursor;
import dev.customergraph.graph.GlobalId;
import dev.customergraph.graph.InvalidInputException;
import dev.customergraph.tenancy.Caller;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/**
 * The {@code customerEvents} subscription: the key's partition's events as they commit,
 * from the outbox ({@link EventStream}), so the commits of every instance arrive.
 */
@Controller
class EventSubscriptionController {

	private static final String CUSTOMER_TYPE = "Customer";

	private final EventStream stream;

	EventSubscriptionController(EventStream stream) {
		this.stream = stream;
	}

	@SubscriptionMapping
	Flux<Event> customerEvents(@Argument @Nullable String customerId, @Argument @Nullable List<EventType> types,
			@Argument @Nullable String after, @ContextValue Caller caller) {
		Long customerKey = (customerId != null) ? GlobalId.keyOf(customerId, CUSTOMER_TYPE) : null;
		EventCriteria criteria = EventCriteria.of(EventCriteria.types(types, "types"), customerKey);
		return this.stream.follow(caller, criteria, (after != null) ? afterSeq(after, caller) : null);
	}

	/**
	 * The event number to resume after: of a cursor of the {@code events} feed, or of an
	 * event's id, which is all a subscriber has of the last event it received.
	 */
	private static long afterSeq(String after, Caller caller) {
		try {
			return Cursor.decode(after, EventPageInfo.ORDERING, caller.partition()).id();
		}
		catch (InvalidInputException notACursor) {
			try {
				return GlobalId.keyOf(after, Event.TYPE);
			}
			catch (InvalidInputException notAnId) {
				throw new InvalidInputException(
						"'after' must be a cursor of the events feed or the id of an event of this tenant and mode.");
			}
		}
	}

}
