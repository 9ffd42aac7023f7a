package dev.customergraph.mutation;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import dev.customergraph.GatewayTest;
import dev.customergraph.tenancy.TestTenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write transaction that loses a real deadlock is retried whole, in a new transaction.
 */
@GatewayTest
class WriteTransactionTests {

	@Autowired
	OppositeOrderLocks locks;

	@Autowired
	TestTenants tenants;

	@Test
	void theDeadlockVictimIsRetriedAndBothTransactionsComplete() throws Exception {
		int a = this.tenants.create().partition().tenantId();
		int b = this.tenants.create().partition().tenantId();
		CyclicBarrier bothHoldOneLock = new CyclicBarrier(2);
		List<AtomicInteger> attempts = List.of(new AtomicInteger(), new AtomicInteger());
		Mutations.atOnce(2, (i) -> {
			this.locks.lock((i == 0) ? a : b, (i == 0) ? b : a, bothHoldOneLock, attempts.get(i));
			return null;
		});
		// One of the two was the victim and ran a second time; neither failed.
		assertThat(attempts.get(0).get() + attempts.get(1).get()).isEqualTo(3);
	}

}
