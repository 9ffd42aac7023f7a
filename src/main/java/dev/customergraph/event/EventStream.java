package dev.customergraph.event;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.customergraph.observability.SqlStatementCounter;
import dev.customergraph.tenancy.Caller;
import dev.customergraph.tenancy.Partition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Feeds the subscriptions of this instance from the outbox, so that they see the commits
 * of every instance. One poller thread, every {@code poll-interval} and at once after a
 * commit on this instance, reads each followed partition's events after the last one it
 * read: one statement per partition, whatever the number of its subscribers, and none for
 * a partition nobody follows. The numbers have no gaps and become visible in order, so
 * reading after the last one read misses none. A subscriber that starts behind (resuming
 * after a cursor) first catches up by reads of its own, up to where the poller is, and
 * then shares the poller's reads.
 */
@Component
@EnableConfigurationProperties(EventSubscriptionProperties.class)
class EventStream implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EventStream.class);

	/** Most events one read returns; a full read is followed by the next one at once. */
	static final int READ = 500;

	/**
	 * Most reads one subscriber catches up by in one turn of the poller, so that those
	 * resuming far behind delay the others' live events little.
	 */
	private static final int CATCH_UP_READS = 2;

	private final EventRepository repository;

	private final EventSubscriptionProperties properties;

	private final Map<Partition, Followers> followed = new ConcurrentHashMap<>();

	private final OpenSubscriptions open;

	private final AtomicBoolean nudged = new AtomicBoolean();

	private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "event-stream");
		thread.setDaemon(true);
		return thread;
	});

	EventStream(EventRepository repository, EventSubscriptionProperties properties) {
		this.repository = repository;
		this.properties = properties;
		this.open = new OpenSubscriptions(properties.maxPerKey());
		long interval = properties.pollInterval().toMillis();
		this.poller.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
	}

	/**
	 * The partition's events that match, after {@code after} (an event number), or from
	 * now on when it is null, for as long as the client listens.
	 */
	Flux<Event> follow(Caller caller, EventCriteria criteria, @Nullable Long after) {
		Partition partition = caller.partition();
		return Flux.defer(() -> {
			Semaphore open = this.open.take(caller.keyId());
			long start;
			try {
				start = start(partition, after);
			}
			catch (RuntimeException ex) {
				open.release();
				throw ex;
			}
			EventFollower follower = new EventFollower(criteria, start, this.properties.buffer());
			this.followed.compute(partition,
					(key, followers) -> ((followers != null) ? followers : new Followers()).add(follower));
			return follower.events().doFinally((signal) -> open.release());
		});
	}

	/** Has the partition's new events read now, after a commit on this instance. */
	void nudge(Partition partition) {
		if (this.followed.containsKey(partition) && this.nudged.compareAndSet(false, true)) {
			try {
				this.poller.execute(this::poll);
			}
			catch (RejectedExecutionException shuttingDown) {
				// The mutation has committed; no subscription is left to tell.
			}
		}
	}

	/**
	 * Where a subscriber starts: the partition's last event for one from now on;
	 * otherwise its cursor, moved past what retention removed and held to the last event.
	 */
	private long start(Partition partition, @Nullable Long after) {
		return this.repository.bounds(partition, null).map((bounds) -> {
			if (after == null) {
				return bounds.lastSeq();
			}
			long oldest = (bounds.firstSeq() != null) ? bounds.firstSeq() - 1 : bounds.lastSeq();
			return Math.min(Math.max(after, oldest), bounds.lastSeq());
		}).orElse(0L);
	}

	private void poll() {
		this.nudged.set(false);
		for (Map.Entry<Partition, Followers> entry : this.followed.entrySet()) {
			try {
				SqlStatementCounter.notCounted(() -> poll(entry.getKey(), entry.getValue()));
			}
			catch (RuntimeException ex) {
				// The next turn reads the same events again.
				log.warn("Reading new events for subscriptions failed: {}", ex.toString());
			}
		}
	}

	private void poll(Partition partition, Followers followers) {
		followers.list.removeIf(EventFollower::ended);
		if (followers.list.isEmpty()) {
			this.followed.computeIfPresent(partition, (key, current) -> current.list.isEmpty() ? null : current);
			return;
		}
		if (followers.head < 0) {
			followers.head = followers.list.stream().mapToLong(EventFollower::cursor).min().orElse(0);
		}
		for (EventFollower follower : followers.list) {
			catchUp(partition, follower, followers.head);
		}
		List<Event> events;
		do {
			long from = followers.head;
			events = this.repository.window(partition, from, from + EventRepository.WINDOW, READ,
					EventCriteria.ALL_TYPES, null, null);
			if (!events.isEmpty()) {
				long reached = events.get(events.size() - 1).seq();
				for (EventFollower follower : followers.list) {
					if (follower.cursor() >= from) {
						follower.deliver(events, reached);
					}
				}
				followers.head = reached;
			}
		}
		while (events.size() == READ);
	}

	/** Reads a subscriber's own events up to {@code head}, by its filter, in turns. */
	private void catchUp(Partition partition, EventFollower follower, long head) {
		for (int read = 0; read < CATCH_UP_READS && follower.cursor() < head && !follower.ended(); read++) {
			long end = Math.min(head, follower.cursor() + EventRepository.WINDOW);
			EventCriteria criteria = follower.criteria();
			List<Event> events = this.repository.window(partition, follower.cursor(), end, READ, criteria.types(),
					criteria.customerKey(), null);
			follower.deliver(events, (events.size() == READ) ? events.get(events.size() - 1).seq() : end);
		}
	}

	@Override
	public void destroy() {
		this.poller.shutdownNow();
	}

	/**
	 * A partition's subscribers, and the number of the last event the poller read (-1
	 * until its first turn).
	 */
	private static final class Followers {

		private final List<EventFollower> list = new CopyOnWriteArrayList<>();

		private long head = -1;

		Followers add(EventFollower follower) {
			this.list.add(follower);
			return this;
		}

	}

}
