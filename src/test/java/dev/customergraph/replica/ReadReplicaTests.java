package dev.customergraph.replica;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import dev.customergraph.customer.CustomerApi;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A gateway on a primary with an asynchronous replica as its read side
 * ({@link ReplicaPair}). A row changed on the replica only tells which server answered:
 * queries (their root fields and their batch-loaded nested fields) read the replica, a
 * mutation's payload the primary; and when the replica stops applying, falls behind,
 * hangs or goes away, queries read the primary once the background check has seen it, and
 * the replica again once it has caught up.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "gateway.demo.customers=0", "gateway.datasource.read.max-lag=1s",
				"gateway.datasource.read.check-interval=500ms", "gateway.datasource.read.hikari.maximum-pool-size=4" })
@AutoConfigureHttpGraphQlTester
@DirtiesContext
class ReadReplicaTests {

	/** Two checks, and time for a busy machine. */
	private static final Duration SWITCH = Duration.ofSeconds(5);

	private static final String CUSTOMER = """
			query($id: ID!) { customer(id: $id) { firstName addresses { nodes { city } } } }
			""";

	private static final String UPDATE = """
			mutation($input: UpdateCustomerInput!) {
			  updateCustomer(input: $input) {
			    customer { firstName addresses { nodes { city } } }
			    userErrors { code message }
			  }
			}
			""";

	@RegisterExtension
	static final ReplicaPair pair = new ReplicaPair();

	@Autowired
	TestTenants tenants;

	@Autowired
	MeterRegistry metrics;

	@Autowired
	ReadReplica replica;

	TestTenant tenant;

	String line1;

	@DynamicPropertySource
	static void primaryAndReplica(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", pair::primaryUrl);
		registry.add("spring.datasource.username", () -> ReplicaPair.USER);
		registry.add("spring.datasource.password", () -> ReplicaPair.PASSWORD);
		registry.add("gateway.datasource.read.url", pair::replicaUrl);
	}

	@BeforeEach
	void replicaInUse() {
		// A key made a moment ago works at once: keys are looked up on the primary.
		this.tenant = this.tenants.create();
		this.line1 = UUID.randomUUID() + " Main Street";
		await().atMost(SWITCH).until(() -> usable() == 1);
	}

	@Test
	void aQueryReadsTheReplicaAndAMutationsPayloadThePrimary() throws Exception {
		String id = customerReplicated("Ada");
		pair.replica()
			.sql("UPDATE customer SET first_name = 'Replica' WHERE id IN (SELECT customer_id FROM address WHERE line1 = ?)")
			.param(this.line1)
			.update();
		pair.replica().sql("UPDATE address SET city = 'Replica City' WHERE line1 = ?").param(this.line1).update();

		// Awaited only because a check on a busy machine may find the replica a second
		// behind for a moment; the values exist on the replica only.
		await().atMost(SWITCH).untilAsserted(() -> {
			Map<String, Object> read = customer(id);
			assertThat(read).containsEntry("firstName", "Replica");
			assertThat(read).extracting("addresses.nodes").isEqualTo(List.of(Map.of("city", "Replica City")));
		});

		Map<String, Object> payload = update(id, Map.of("lastName", "Lovelace"));
		assertThat(payload).containsEntry("firstName", "Ada");
		assertThat(payload).extracting("addresses.nodes").isEqualTo(List.of(Map.of("city", "London")));
	}

	@Test
	void queriesReadThePrimaryWhileTheReplicaAppliesNothingAndTheReplicaOnceItCaughtUp() throws Exception {
		String id = customerReplicated("Grace");
		pair.onReplicaServer("STOP SLAVE SQL_THREAD");
		try {
			update(id, Map.of("firstName", "Changed"));
			await().atMost(SWITCH).until(() -> "Changed".equals(customer(id).get("firstName")));
			assertThat(usable()).isZero();
		}
		finally {
			pair.onReplicaServer("START SLAVE SQL_THREAD");
		}
		assertReadsTheReplicaAgain(id);
	}

	@Test
	void queriesReadThePrimaryWhileTheReplicaLagsMoreThanMaxLag() throws Exception {
		String id = customerReplicated("Barbara");
		pair.onReplicaServer("STOP SLAVE");
		pair.onReplicaServer("CHANGE MASTER TO MASTER_DELAY = 60");
		pair.onReplicaServer("START SLAVE");
		try {
			update(id, Map.of("firstName", "Delayed"));
			// A lag is reported only while both replication threads run.
			await().atMost(SWITCH).until(() -> this.metrics.get("gateway.datasource.read.lag").gauge().value() >= 1);
			assertThat(usable()).isZero();
			// The replica applies it a minute later.
			assertThat(customer(id)).containsEntry("firstName", "Delayed");
		}
		finally {
			pair.onReplicaServer("STOP SLAVE");
			pair.onReplicaServer("CHANGE MASTER TO MASTER_DELAY = 0");
			pair.onReplicaServer("START SLAVE");
		}
		assertReadsTheReplicaAgain(id);
	}

	@Test
	void queriesReadThePrimaryWhileTheReplicaIsDown() throws Exception {
		String id = customerReplicated("Hedy");
		pair.stopReplica();
		try {
			await().atMost(SWITCH).until(() -> usable() == 0);
			update(id, Map.of("firstName", "Alone"));
			assertThat(customer(id)).containsEntry("firstName", "Alone");
		}
		finally {
			pair.restartReplica();
		}
		assertReadsTheReplicaAgain(id);
	}

	@Test
	void queriesReadThePrimaryWhileTheReplicaHangs() throws Exception {
		String id = customerReplicated("Katherine");
		pair.signalReplica("STOP");
		try {
			await().atMost(SWITCH).until(() -> usable() == 0);
			update(id, Map.of("firstName", "Unhurried"));
			long start = System.nanoTime();
			assertThat(customer(id)).containsEntry("firstName", "Unhurried");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		}
		finally {
			pair.signalReplica("CONT");
		}
		assertReadsTheReplicaAgain(id);
	}

	@Test
	void theReadPoolTakesThePrimarysSettingsAndItsOwn() throws Exception {
		assertThat(this.metrics.get("hikaricp.connections.max").tag("pool", "gateway").gauge().value()).isEqualTo(16);
		assertThat(this.metrics.get("hikaricp.connections.max").tag("pool", "gateway-read").gauge().value())
			.isEqualTo(4);
		DataSource readPool = this.replica.forQuery().replica();
		assertThat(readPool).isNotNull();
		try (Connection connection = readPool.getConnection();
				ResultSet session = connection.createStatement()
					.executeQuery("SELECT @@server_id, @@session.group_concat_max_len, @@session.time_zone")) {
			session.next();
			assertThat(session.getInt(1)).as("the replica's server id").isEqualTo(2);
			assertThat(session.getLong(2)).as("from spring.datasource.hikari.connection-init-sql").isEqualTo(1048576);
			assertThat(session.getString(3)).isEqualTo("+00:00");
		}
	}

	/**
	 * Creates a customer with one address in London and waits until the replica has it.
	 */
	private String customerReplicated(String firstName) {
		String id = CustomerApi.create(this.tenant, firstName.toLowerCase() + "-" + UUID.randomUUID() + "@example.com",
				Map.of("firstName", firstName, "addresses",
						List.of(Map.of("line1", this.line1, "city", "London", "countryCode", "GB"))));
		await().atMost(SWITCH)
			.until(() -> pair.replica()
				.sql("SELECT COUNT(*) FROM address WHERE line1 = ?")
				.param(this.line1)
				.query(Integer.class)
				.single() == 1);
		return id;
	}

	/**
	 * Once the check finds the replica usable again, a change made on the replica only is
	 * what a query shows.
	 */
	private void assertReadsTheReplicaAgain(String id) throws Exception {
		await().atMost(Duration.ofSeconds(15)).until(() -> usable() == 1);
		pair.replica()
			.sql("UPDATE address SET city = 'Back on the replica' WHERE line1 = ?")
			.param(this.line1)
			.update();
		await().atMost(SWITCH)
			.untilAsserted(() -> assertThat(customer(id)).extracting("addresses.nodes")
				.isEqualTo(List.of(Map.of("city", "Back on the replica"))));
	}

	/** The customer as a query shows it, or null. */
	private @Nullable Map<String, Object> customer(String id) {
		GraphQlResponse response = this.tenant.graphQl()
			.document(CUSTOMER)
			.variable("id", id)
			.execute()
			.returnResponse();
		assertThat(response.getErrors()).isEmpty();
		return response.field("customer").getValue();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> update(String id, Map<String, Object> changes) {
		Map<String, Object> input = new HashMap<>(changes);
		input.put("id", id);
		Map<String, Object> payload = this.tenant.graphQl()
			.document(UPDATE)
			.variable("input", input)
			.execute()
			.path("updateCustomer")
			.entity(Map.class)
			.get();
		assertThat((List<?>) payload.get("userErrors")).isEmpty();
		return (Map<String, Object>) payload.get("customer");
	}

	private double usable() {
		return this.metrics.get("gateway.datasource.read.usable").gauge().value();
	}

}
