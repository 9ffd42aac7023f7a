package dev.customergraph.fairness;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;

import javax.sql.DataSource;

import dev.customergraph.GatewayTest;
import dev.customergraph.customer.CustomerFixtures;
import dev.customergraph.mutation.Mutations;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One tenant cannot take the gateway from the others: real parallel requests spend its
 * cost budget or fill its execution slots, and it is throttled while another tenant's key
 * is served as usual. At the defaults: a budget of 20,000 regaining 10,000 a second, and
 * 8 requests per tenant at once, a ninth waiting up to 5 s.
 */
@GatewayTest
class FairnessTests {

	/** 1 + 37 × (1 + 1 + 25) = 1000, the most one request may cost. */
	static final String COSTLY = "{ customers(first: 37) { nodes { sources(first: 25) { nodes { id } } } } }";

	@Autowired
	TestTenants tenants;

	@Autowired
	DataSource dataSource;

	@Test
	void aKeyOverItsCostBudgetIsThrottledWhileAnotherTenantIsNot() throws Exception {
		TestTenant greedy = this.tenants.create();
		TestTenant other = this.tenants.create();
		List<List<GraphQlResponse>> rounds = Mutations.atOnce(16,
				(i) -> List.of(costly(greedy), costly(greedy), costly(greedy), costly(greedy)));
		List<GraphQlResponse> responses = rounds.stream().flatMap(List::stream).toList();

		List<GraphQlResponse> throttled = responses.stream().filter(coded("THROTTLED")).toList();
		// 64,000 asked of a budget of 20,000 regaining 10,000 a second.
		assertThat(throttled).isNotEmpty();
		assertThat(responses).filteredOn((response) -> response.getErrors().isEmpty()).hasSizeGreaterThanOrEqualTo(20);
		GraphQlResponse refused = throttled.get(0);
		assertThat((Object) refused.getData()).isNull();
		assertThat(refused.getExtensions()).extractingByKey("cost", as(InstanceOfAssertFactories.MAP))
			.containsEntry("requestedQueryCost", 1000)
			.extractingByKey("throttleStatus", as(InstanceOfAssertFactories.MAP))
			.containsEntry("maximumAvailable", 20000)
			.containsEntry("restoreRate", 10000)
			.extractingByKey("currentlyAvailable", as(InstanceOfAssertFactories.INTEGER))
			.isLessThan(1000);

		GraphQlResponse served = costly(other);
		assertThat(served.getErrors()).isEmpty();
		assertThat(served.getExtensions()).extractingByKey("cost", as(InstanceOfAssertFactories.MAP))
			.extractingByKey("throttleStatus", as(InstanceOfAssertFactories.MAP))
			.containsEntry("currentlyAvailable", 20000 - 1000);
	}

	/**
	 * Requests that wait on a row lock (3 s at most, the engine's lock wait) hold their
	 * tenant's 8 slots; a 17th request finds none free within 5 s.
	 */
	@Test
	void aTenantHoldingAllItsSlotsIsThrottledWhileAnotherTenantIsServed() throws Exception {
		TestTenant busy = this.tenants.create();
		TestTenant other = this.tenants.create();
		long key = CustomerFixtures.customer("locked@example.com").insert(this.tenants.jdbc(), busy.partition());
		try (Connection lock = this.dataSource.getConnection()) {
			lock.setAutoCommit(false);
			try (PreparedStatement select = lock.prepareStatement("SELECT id FROM customer WHERE id = ? FOR UPDATE")) {
				select.setLong(1, key);
				select.executeQuery().close();
			}
			// Longer than the tester's default of 5 s: the last request waits that long.
			HttpGraphQlTester patient = busy.graphQl()
				.mutate()
				.webTestClient((client) -> client.responseTimeout(Duration.ofSeconds(20)))
				.responseTimeout(Duration.ofSeconds(20))
				.build();
			CompletableFuture<List<GraphQlResponse>> waiting = CompletableFuture.supplyAsync(() -> {
				try {
					return Mutations.atOnce(17,
							(i) -> patient.documentName("customers")
								.operationName("UpdateCustomer")
								.variable("input", Map.of("id", CustomerFixtures.globalId(key), "firstName", "N" + i))
								.execute()
								.returnResponse());
				}
				catch (Exception ex) {
					throw new CompletionException(ex);
				}
			});
			Thread.sleep(500);
			long start = System.nanoTime();
			assertThat(costly(other).getErrors()).isEmpty();
			assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(1000);
			assertThat(waiting.get()).filteredOn(coded("THROTTLED")).isNotEmpty();
			lock.rollback();
		}
	}

	private static GraphQlResponse costly(TestTenant tenant) {
		return tenant.graphQl().document(COSTLY).execute().returnResponse();
	}

	private static Predicate<GraphQlResponse> coded(String code) {
		return (response) -> response.getErrors()
			.stream()
			.anyMatch((error) -> code.equals(error.getExtensions().get("code")));
	}

}
