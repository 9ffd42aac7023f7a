package dev.customergraph.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import dev.customergraph.GatewayTest;
import dev.customergraph.customer.CustomerApi;
import dev.customergraph.http.GraphQlWebSocketClient;
import dev.customergraph.tenancy.Scope;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.customergraph.mutation.Mutations.input;
import static dev.customergraph.mutation.Mutations.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code customerEvents} subscription over WebSocket: what arrives, in which order,
 * filtered and resumed, and what never does.
 */
@GatewayTest
class EventSubscriptionTests {

	@Autowired
	TestTenants tenants;

	@Autowired
	EventSubscriptionProperties properties;

	@LocalServerPort
	int port;

	TestTenant tenant;

	@BeforeEach
	void newTenant() {
		this.tenant = this.tenants.create();
	}

	@Test
	void aSubscriptionReceivesTheUpdatesMadeOverHttpInCommitOrder() {
		String id = CustomerApi.create(this.tenant, "ada@example.com");
		try (GraphQlWebSocketClient client = GraphQlWebSocketClient.connect(this.port, this.tenant.key())) {
			LiveEvents.subscribe(client, "1");
			update(id, "lastName", "Lovelace");
			update(id, "firstName", "Ada");
			Map<String, Object> first = client.event("1");
			Map<String, Object> second = client.event("1");
			assertThat(first).containsEntry("type", "CUSTOMER_UPDATED")
				.containsEntry("customerId", id)
				.containsEntry("version", 2)
				.containsEntry("changedFields", List.of("lastName"))
				.containsEntry("customer", Map.of("email", "ada@example.com"));
			assertThat(second).containsEntry("version", 3).containsEntry("changedFields", List.of("firstName"));
		}
	}

	@Test
	void concurrentWritersEventsArriveEachOnceInCommitOrderLiveAndResumed() throws Exception {
		List<String> customers = IntStream.range(0, 4)
			.mapToObj((i) -> CustomerApi.create(this.tenant, "writer" + i + "@example.com"))
			.toList();
		String firstEvent = (String) EventFeed.all(this.tenant).get(0).get("id");
		int updates = 10;
		try (GraphQlWebSocketClient client = GraphQlWebSocketClient.connect(this.port, this.tenant.key())) {
			LiveEvents.subscribe(client, "live");
			ExecutorService writers = Executors.newFixedThreadPool(customers.size());
			List<Future<?>> done = new ArrayList<>();
			for (String id : customers) {
				done.add(writers
					.submit(() -> IntStream.range(0, updates).forEach((i) -> update(id, "lastName", "L" + i))));
			}
			// Resumes from the first event while the writers write: catches up, then goes
			// on live.
			LiveEvents.subscribe(client, "resumed", null, null, firstEvent);
			for (Future<?> writer : done) {
				writer.get();
			}
			writers.shutdown();
			List<Object> committed = EventFeed.all(this.tenant).stream().map((event) -> event.get("id")).toList();
			assertThat(committed).hasSize(customers.size() * (updates + 1));
			assertThat(received(client, "resumed", committed.size() - 1))
				.isEqualTo(committed.subList(1, committed.size()));
			List<Object> live = received(client, "live", customers.size() * updates);
			assertThat(live).isEqualTo(committed.subList(customers.size(), committed.size()));
			assertThat(client.poll("live", Duration.ofMillis(300))).isNull();
		}
	}

	@Test
	void filtersKeepOnlyTheCustomerAndTypesAsked() {
		String ada = CustomerApi.create(this.tenant, "ada@example.com");
		try (GraphQlWebSocketClient client = GraphQlWebSocketClient.connect(this.port, this.tenant.key())) {
			LiveEvents.subscribe(client, "1", ada, List.of("CUSTOMER_UPDATED"), null);
			String grace = CustomerApi.create(this.tenant, "grace@example.com");
			update(grace, "lastName", "Hopper");
			run(this.tenant, "customerAddresses#CreateAddress", "createCustomerAddress",
					input("customerId", ada, "city", "London", "countryCode", "GB"));
			update(ada, "lastName", "Lovelace");
			update(grace, "firstName", "Grace");
			update(ada, "firstName", "Ada");
			assertThat(List.of(client.event("1"), client.event("1"))).extracting((event) -> event.get("version"))
				.containsExactly(3, 4);
			assertThat(client.poll("1", Duration.ofMillis(300))).isNull();
		}
	}

	@Test
	void afterResumesRightAfterTheEventWithWhatCommittedSince() {
		String id = CustomerApi.create(this.tenant, "ada@example.com");
		update(id, "lastName", "Lovelace");
		update(id, "firstName", "Ada");
		List<Map<String, Object>> feed = EventFeed.all(this.tenant);
		EventFeed.Page firstPage = EventFeed.page(this.tenant, 1, null, null);
		try (GraphQlWebSocketClient client = GraphQlWebSocketClient.connect(this.port, this.tenant.key())) {
			LiveEvents.subscribe(client, "by-id", null, null, (String) feed.get(0).get("id"));
			LiveEvents.subscribe(client, "by-cursor", null, null, firstPage.endCursor());
			update(id, "phone", "+44 20 7946 0000");
			for (String subscription : List.of("by-id", "by-cursor")) {
				List<Object> versions = new ArrayList<>();
				for (int i = 0; i < 3; i++) {
					versions.add(client.event(subscription).get("version"));
				}
				assertThat(versions).as(subscription).containsExactly(2, 3, 4);
			}
		}
	}

	@Test
	void anotherTenantsEventsNeverArrive() {
		TestTenant other = this.tenants.create();
		String theirs = CustomerApi.create(other, "eve@example.com");
		String ours = CustomerApi.create(this.tenant, "ada@example.com");
		try (GraphQlWebSocketClient client = GraphQlWebSocketClient.connect(this.port, this.tenant.key())) {
			LiveEvents.subscribe(client, "all");
			LiveEvents.subscribe(client, "theirs", theirs, null, null);
			update(theirs, other, "lastName", "Other");
			update(ours, "lastName", "Ours");
			assertThat(client.event("all")).containsEntry("customerId", ours);
			assertThat(client.poll("all", Duration.ofMillis(300))).isNull();
			assertThat(client.poll("theirs", Duration.ZERO)).isNull();
		}
	}

	@Test
	void aKeyHasAtMostMaxPerKeySubscriptionsOpen() {
		try (GraphQlWebSocketClient client = GraphQlWebSocketClient.connect(this.port, this.tenant.key());
				GraphQlWebSocketClient another = GraphQlWebSocketClient.connect(this.port, this.tenant.key())) {
			for (int i = 0; i < this.properties.maxPerKey(); i++) {
				LiveEvents.subscribe((i % 2 == 0) ? client : another, "s" + i);
			}
			LiveEvents.subscribe(client, "over");
			assertThat(client.errorCode("over")).isEqualTo("TOO_MANY_SUBSCRIPTIONS");
			client.complete("s0");
			LiveEvents.subscribe(client, "again");
			String id = CustomerApi.create(this.tenant, "ada@example.com");
			assertThat(client.event("again")).containsEntry("customerId", id);
		}
	}

	@Test
	void aKeyWithoutReadScopeCannotSubscribe() {
		TestTenant writeOnly = this.tenants.keyFor(this.tenant.name(), false, EnumSet.of(Scope.WRITE));
		try (GraphQlWebSocketClient client = GraphQlWebSocketClient.connect(this.port, writeOnly.key())) {
			LiveEvents.subscribe(client, "1");
			assertThat(client.errorCode("1")).isEqualTo("FORBIDDEN");
		}
	}

	@Test
	void badArgumentsAreInvalid() {
		try (GraphQlWebSocketClient client = GraphQlWebSocketClient.connect(this.port, this.tenant.key())) {
			LiveEvents.subscribe(client, "types", null, List.of(), null);
			LiveEvents.subscribe(client, "after", null, null, "not-a-cursor");
			LiveEvents.subscribe(client, "customer", "not-an-id", null, null);
			for (String id : List.of("types", "after", "customer")) {
				assertThat(client.errorCode(id)).as(id).isEqualTo("INVALID");
			}
		}
	}

	private static List<Object> received(GraphQlWebSocketClient client, String subscription, int count) {
		List<Object> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(client.event(subscription).get("id"));
		}
		return ids;
	}

	private void update(String id, String field, Object value) {
		update(id, this.tenant, field, value);
	}

	private static void update(String id, TestTenant tenant, String field, Object value) {
		run(tenant, "customers#UpdateCustomer", "updateCustomer", input("id", id, field, value));
	}

}
