package dev.customergraph.event;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import dev.customergraph.GatewayTest;
import dev.customergraph.customer.CustomerApi;
import dev.customergraph.graph.GlobalId;
import dev.customergraph.mutation.Mutations;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A transaction that rolls back leaves no event, and a deadlock victim retried leaves
 * exactly the events of its one committed attempt.
 */
@GatewayTest
class EventTransactionTests {

	@Autowired
	OutboxTransactions transactions;

	@Autowired
	TestTenants tenants;

	@Test
	void aFailureAfterTheChangeLeavesNoEvent() {
		TestTenant tenant = this.tenants.create();
		long customerKey = GlobalId.keyOf(CustomerApi.create(tenant, "fail@example.com"), "Customer");
		assertThatIllegalStateException()
			.isThrownBy(() -> this.transactions.changeThenFail(tenant.partition(), customerKey));
		assertThat(EventFeed.all(tenant)).extracting((event) -> event.get("type")).containsExactly("CUSTOMER_CREATED");
		assertThat(CustomerApi.read(tenant, idOf(customerKey))).containsEntry("version", 1);
	}

	@Test
	void aRetriedDeadlockVictimLeavesOneSetOfEvents() throws Exception {
		TestTenant tenant = this.tenants.create();
		long first = GlobalId.keyOf(CustomerApi.create(tenant, "d1@example.com"), "Customer");
		long second = GlobalId.keyOf(CustomerApi.create(tenant, "d2@example.com"), "Customer");
		int a = tenant.partition().tenantId();
		int b = this.tenants.create().partition().tenantId();
		CyclicBarrier bothHoldOneLock = new CyclicBarrier(2);
		List<AtomicInteger> attempts = List.of(new AtomicInteger(), new AtomicInteger());
		Mutations.atOnce(2, (i) -> {
			this.transactions.changeThenDeadlock(tenant.partition(), (i == 0) ? first : second, (i == 0) ? a : b,
					(i == 0) ? b : a, bothHoldOneLock, attempts.get(i));
			return null;
		});
		assertThat(attempts.get(0).get() + attempts.get(1).get()).isEqualTo(3);
		List<Map<String, Object>> events = EventFeed.all(tenant);
		assertThat(events).extracting(EventFeed::seq).containsExactly(1L, 2L, 3L, 4L);
		assertThat(events.subList(2, 4)).extracting((event) -> event.get("type")).containsOnly("CUSTOMER_UPDATED");
		assertThat(events.subList(2, 4)).extracting((event) -> event.get("version")).containsOnly(2);
		assertThat(events.subList(2, 4)).extracting((event) -> event.get("customerId"))
			.containsExactlyInAnyOrder(idOf(first), idOf(second));
	}

	private static String idOf(long customerKey) {
		return new GlobalId("Customer", customerKey).encode();
	}

}
