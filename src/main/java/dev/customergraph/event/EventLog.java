package dev.customergraph.event;

import java.util.Collection;
import java.util.List;

import dev.customergraph.tenancy.Partition;

import org.springframework.stereotype.Component;

/**
 * The outbox as features that push events read it (webhooks): the partition's events
 * after a number, in order, a bounded window at a time, as the feed reads them.
 */
@Component
public class EventLog {

	private final EventRepository repository;

	EventLog(EventRepository repository) {
		this.repository = repository;
	}

	/** The partition's last committed event number; 0 before its first event. */
	public long lastSeq(Partition partition) {
		return this.repository.bounds(partition, null).map(EventRepository.Bounds::lastSeq).orElse(0L);
	}

	/**
	 * The next events of these types after {@code afterSeq}, at most {@code limit}, from
	 * one window of at most 10,000 event numbers (two statements).
	 */
	public Batch after(Partition partition, long afterSeq, int limit, Collection<EventType> types) {
		long end = Math.min(afterSeq + EventRepository.WINDOW, lastSeq(partition));
		if (end <= afterSeq) {
			return new Batch(List.of(), afterSeq);
		}
		List<Event> events = this.repository.window(partition, afterSeq, end, limit, types, null, null);
		return new Batch(events, (events.size() == limit) ? events.get(events.size() - 1).seq() : end);
	}

	/**
	 * @param events the events found, in order
	 * @param examinedThrough the number up to which every matching event is in
	 * {@code events}: where to continue once they are handled
	 */
	public record Batch(List<Event> events, long examinedThrough) {
	}

}
