package dev.customergraph.mutation;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A unit of work that deadlocks with itself: two callers lock the same two rows in
 * opposite orders, meeting at a barrier in between, so the database must pick a victim
 * (error 1213).
 */
@Component
public class OppositeOrderLocks {

	private final JdbcClient jdbc;

	OppositeOrderLocks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks tenant row {@code first}, waits for the other caller (first attempt only),
	 * then locks {@code second}.
	 */
	@WriteTransaction
	public void lock(int first, int second, CyclicBarrier bothHoldOneLock, AtomicInteger attempts) throws Exception {
		boolean firstAttempt = attempts.getAndIncrement() == 0;
		lockTenant(first);
		if (firstAttempt) {
			bothHoldOneLock.await(10, TimeUnit.SECONDS);
		}
		lockTenant(second);
	}

	private void lockTenant(int id) {
		this.jdbc.sql("SELECT id FROM tenant WHERE id = :id FOR UPDATE").param("id", id).query(Integer.class).single();
	}

}
