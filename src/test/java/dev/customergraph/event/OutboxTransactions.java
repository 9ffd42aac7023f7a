package dev.customergraph.event;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.customergraph.mutation.WriteTransaction;
import dev.customergraph.tenancy.Partition;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Write transactions that record an event and then fail, or lose a deadlock, as no
 * mutation of the API can be made to on purpose.
 */
@Component
class OutboxTransactions {

	private final EventOutbox outbox;

	private final JdbcClient jdbc;

	OutboxTransactions(EventOutbox outbox, JdbcClient jdbc) {
		this.outbox = outbox;
		this.jdbc = jdbc;
	}

	/** Changes the customer, records the change, then fails before commit. */
	@WriteTransaction
	public void changeThenFail(Partition partition, long customerKey) {
		change(partition, customerKey);
		throw new IllegalStateException("forced failure after the change");
	}

	/**
	 * Changes the customer and records it, then locks two tenant rows in the order given,
	 * waiting for the other caller in between on the first attempt: two callers in
	 * opposite orders deadlock, and the victim is retried whole.
	 */
	@WriteTransaction
	public void changeThenDeadlock(Partition partition, long customerKey, int first, int second,
			CyclicBarrier bothHoldOneLock, AtomicInteger attempts) throws Exception {
		boolean firstAttempt = attempts.getAndIncrement() == 0;
		change(partition, customerKey);
		lockTenant(first);
		if (firstAttempt) {
			bothHoldOneLock.await(10, TimeUnit.SECONDS);
		}
		lockTenant(second);
	}

	private void change(Partition partition, long customerKey) {
		this.jdbc.sql("""
				UPDATE customer SET version = version + 1
				WHERE tenant_id = :tenantId AND livemode = :livemode AND id = :customerKey
				""")
			.param("tenantId", partition.tenantId())
			.param("livemode", partition.livemode())
			.param("customerKey", customerKey)
			.update();
		this.outbox.record(partition, ChangeEvent.updated(customerKey, List.of("firstName")));
	}

	private void lockTenant(int id) {
		this.jdbc.sql("SELECT id FROM tenant WHERE id = :id FOR UPDATE").param("id", id).query(Integer.class).single();
	}

}
