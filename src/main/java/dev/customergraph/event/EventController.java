package dev.customergraph.event;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.customergraph.graph.Cursor;
import dev.customergraph.graph.Edge;
import dev.customergraph.graph.GlobalId;
import dev.customergraph.graph.PageRequest;
import dev.customergraph.graph.QueryLimits;
import dev.customergraph.tenancy.Caller;
import dev.customergraph.tenancy.Partition;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

/**
 * The {@code events} feed: a page is the matching events of one window of event numbers
 * after the cursor, two statements whatever the filter. Its end cursor is where the
 * window stopped, so walking with it examines each event once.
 */
@Controller
class EventController {

	private static final String CUSTOMER_TYPE = "Customer";

	private final EventRepository repository;

	private final QueryLimits limits;

	EventController(EventRepository repository, QueryLimits limits) {
		this.repository = repository;
		this.limits = limits;
	}

	@QueryMapping
	EventPage events(@Argument @Nullable Integer first, @Argument @Nullable String after,
			@Argument @Nullable EventFilter filter, @ContextValue Caller caller) {
		PageRequest page = this.limits.page(first, after, null, null);
		EventFilter criteria = (filter != null) ? filter : EventFilter.NONE;
		List<EventType> types = EventCriteria.types(criteria.types(), "filter.types");
		Long customerKey = (criteria.customerId() != null) ? GlobalId.keyOf(criteria.customerId(), CUSTOMER_TYPE)
				: null;
		LocalDateTime occurredAfter = (criteria.occurredAfter() != null)
				? criteria.occurredAfter().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime() : null;
		Partition partition = caller.partition();
		Long afterSeq = (page.after() != null) ? Cursor.decode(page.after(), EventPageInfo.ORDERING, partition).id()
				: null;
		Optional<EventRepository.Bounds> found = this.repository.bounds(partition, occurredAfter);
		if (found.isEmpty()) {
			return new EventPage(List.of(), new EventPageInfo(false, afterSeq != null, null, afterSeq, partition));
		}
		EventRepository.Bounds bounds = found.get();
		long start = (afterSeq != null) ? afterSeq
				: (bounds.firstSeq() != null) ? bounds.firstSeq() - 1 : bounds.lastSeq();
		if (occurredAfter != null) {
			start = Math.max(start, (bounds.firstSeqAfter() != null) ? bounds.firstSeqAfter() - 1 : bounds.lastSeq());
		}
		long end = start + EventRepository.WINDOW;
		List<Event> rows = (page.count() == 0) ? List.of()
				: this.repository.window(partition, start, end, page.count() + 1, types, customerKey, occurredAfter);
		boolean full = rows.size() > page.count();
		List<Event> events = full ? rows.subList(0, page.count()) : rows;
		long examined = start;
		if (full) {
			examined = events.get(events.size() - 1).seq();
		}
		else if (page.count() > 0) {
			// Events committed between the two statements may lie beyond lastSeq.
			long lastEvent = events.isEmpty() ? start : events.get(events.size() - 1).seq();
			examined = Math.max(lastEvent, Math.min(end, Math.max(start, bounds.lastSeq())));
		}
		Function<Event, String> cursorOf = (event) -> EventPageInfo.cursorOf(event.seq(), partition);
		List<Edge<Event>> edges = events.stream().map((event) -> new Edge<>(event, cursorOf)).toList();
		Long firstSeq = events.isEmpty() ? null : events.get(0).seq();
		return new EventPage(edges, new EventPageInfo(full || examined < bounds.lastSeq(), afterSeq != null, firstSeq,
				(examined > 0) ? examined : null, partition));
	}

	/** Picks the GraphQL object type of each event by its type. */
	@Bean
	RuntimeWiringConfigurer eventTypes() {
		return (wiring) -> wiring.type(Event.TYPE, (type) -> type.typeResolver(
				(environment) -> environment.getSchema().getObjectType(environment.<Event>getObject().objectType())));
	}

}
