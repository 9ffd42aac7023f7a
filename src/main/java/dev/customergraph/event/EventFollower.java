package dev.customergraph.event;

import java.util.List;

import dev.customergraph.graph.ErrorCode;
import dev.customergraph.graph.QueryRefusedException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

/**
 * One subscriber of a partition's events: what it wants, the number of the last event it
 * has been handed or passed over, and a bounded buffer of those it has not read yet. Only
 * the poller's thread hands it events, in order, so each one arrives once. Its client's
 * work on an event (the event's selection, its message) runs on another thread, so one
 * slow client holds up no other.
 */
final class EventFollower {

	private final EventCriteria criteria;

	private final Sinks.Many<Event> sink;

	private final int buffer;

	private long cursor;

	private volatile boolean ended;

	EventFollower(EventCriteria criteria, long cursor, int buffer) {
		this.criteria = criteria;
		this.cursor = cursor;
		this.buffer = buffer;
		this.sink = Sinks.many().unicast().onBackpressureBuffer(Queues.<Event>get(buffer).get());
	}

	Flux<Event> events() {
		return this.sink.asFlux().publishOn(Schedulers.boundedElastic()).doFinally((signal) -> this.ended = true);
	}

	EventCriteria criteria() {
		return this.criteria;
	}

	long cursor() {
		return this.cursor;
	}

	boolean ended() {
		return this.ended;
	}

	/**
	 * Hands over the events after the cursor that match, of a read that examined every
	 * event up to {@code reached}, which the cursor then moves to.
	 */
	void deliver(List<Event> events, long reached) {
		for (Event event : events) {
			if (this.ended) {
				return;
			}
			if (event.seq() > this.cursor && this.criteria.matches(event)
					&& this.sink.tryEmitNext(event) == Sinks.EmitResult.FAIL_OVERFLOW) {
				fellBehind();
			}
		}
		this.cursor = Math.max(this.cursor, reached);
	}

	/**
	 * Ends the subscription once its client has read what is buffered: the last event it
	 * got is where it resumes.
	 */
	private void fellBehind() {
		this.ended = true;
		this.sink.tryEmitError(new QueryRefusedException(ErrorCode.SUBSCRIPTION_TOO_SLOW,
				"This subscription fell " + this.buffer
						+ " events behind and was ended; subscribe again with after: the id of the last event "
						+ "received."));
	}

}
