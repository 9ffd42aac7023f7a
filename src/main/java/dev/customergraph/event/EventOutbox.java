package dev.customergraph.event;

import java.util.ArrayList;
import java.util.List;

import dev.customergraph.tenancy.Partition;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where a mutation records its events. They are held with the transaction and written
 * right before it commits, as its last two statements: the partition's counter is
 * advanced by their number, then they are inserted with those numbers, in one multi-row
 * INSERT. The counter's row lock is so held only for the commit, and, taken after every
 * customer lock, it closes no deadlock cycle. A transaction that rolls back (a user
 * error, a deadlock victim before its retry) never reaches that point and leaves no
 * event; a committed one has all of its events. Once it has committed, this instance's
 * subscriptions to the partition get them at once ({@link EventStream#nudge}).
 */
@Component
public class EventOutbox {

	private final EventWriteRepository writes;

	private final EventStream stream;

	EventOutbox(EventWriteRepository writes, EventStream stream) {
		this.writes = writes;
		this.stream = stream;
	}

	/**
	 * Records events of the current transaction, written when it commits.
	 * @throws IllegalStateException outside a transaction, which would lose them
	 */
	public void record(Partition partition, ChangeEvent event) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Change events are written in the transaction of their change");
		}
		Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			pending = new Pending(partition, EventOrigin.current());
			TransactionSynchronizationManager.bindResource(this, pending);
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		pending.add(partition, event);
	}

	/** The events of one transaction, in the order the mutation recorded them. */
	private final class Pending implements TransactionSynchronization {

		private final Partition partition;

		private final EventOrigin origin;

		private final List<ChangeEvent> events = new ArrayList<>();

		Pending(Partition partition, EventOrigin origin) {
			this.partition = partition;
			this.origin = origin;
		}

		void add(Partition partition, ChangeEvent event) {
			if (!partition.equals(this.partition)) {
				throw new IllegalStateException("A mutation changes one partition");
			}
			this.events.add(event);
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			EventOutbox.this.writes.append(this.partition, this.events, this.origin);
		}

		@Override
		public void afterCommit() {
			EventOutbox.this.stream.nudge(this.partition);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResource(EventOutbox.this);
		}

	}

}
