package dev.customergraph.mutation;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.customergraph.GatewayTest;
import dev.customergraph.customer.CustomerApi;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.customergraph.mutation.Mutations.atOnce;
import static dev.customergraph.mutation.Mutations.get;
import static dev.customergraph.mutation.Mutations.input;
import static dev.customergraph.mutation.Mutations.run;
import static dev.customergraph.mutation.Mutations.runAsClient;
import static dev.customergraph.mutation.Mutations.userErrors;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many real HTTP requests at the same moment against the invariants the database
 * enforces: the unique email, the address limit, optimistic versions, idempotency keys
 * and single attachment of a source.
 */
@GatewayTest
class MutationRaceTests {

	static final int AT_ONCE = 24;

	@Autowired
	TestTenants tenants;

	TestTenant tenant;

	@BeforeEach
	void newTenant() {
		this.tenant = this.tenants.create();
	}

	/**
	 * The tenant as request {@code i} of a burst sends it: to this test's one gateway
	 * here, spread over several instances by {@link MutationRaceAcrossInstancesTests}.
	 */
	TestTenant client(int i) {
		return this.tenant;
	}

	@Test
	void theSameEmailAtOnceCreatesExactlyOneCustomer() throws Exception {
		List<Map<String, Object>> payloads = atOnce(AT_ONCE,
				(i) -> runAsClient(client(i), "customers#CreateCustomer", "createCustomer",
						Map.of("email", (i % 2 == 0) ? "race@example.com" : "RACE@example.com", "firstName", "N" + i)));
		assertThat(payloads.stream().filter((payload) -> userErrors(payload).isEmpty())).hasSize(1);
		assertThat(payloads.stream().flatMap((payload) -> userErrors(payload).stream())).hasSize(AT_ONCE - 1)
			.allMatch("TAKEN input.email"::equals);
		assertThat(CustomerApi.customerCount(this.tenant)).isOne();
	}

	@Test
	void addressesBeyondTheLimitAtOnceStopAtExactlyTheLimit() throws Exception {
		String customerId = CustomerApi.create(this.tenant, "limit@example.com");
		List<Map<String, Object>> payloads = atOnce(AT_ONCE,
				(i) -> runAsClient(client(i), "customerAddresses#CreateAddress", "createCustomerAddress",
						Map.of("customerId", customerId, "city", "C" + i)));
		assertThat(payloads.stream().filter((payload) -> userErrors(payload).isEmpty())).hasSize(3);
		assertThat(payloads.stream().flatMap((payload) -> userErrors(payload).stream())).hasSize(AT_ONCE - 3)
			.allMatch("LIMIT_EXCEEDED input.customerId"::equals);
		Map<String, Object> customer = CustomerApi.read(this.tenant, customerId);
		assertThat((Object) get(customer, "addresses.totalCount")).isEqualTo(3);
		assertThat(customer).containsEntry("version", 4);
	}

	@Test
	void theSameExpectedVersionAtOnceLetsExactlyOneUpdateThrough() throws Exception {
		String customerId = CustomerApi.create(this.tenant, "version@example.com");
		List<Map<String, Object>> payloads = atOnce(AT_ONCE, (i) -> runAsClient(client(i), "customers#UpdateCustomer",
				"updateCustomer", Map.of("id", customerId, "firstName", "N" + i, "expectedVersion", 1)));
		List<Map<String, Object>> winners = payloads.stream()
			.filter((payload) -> userErrors(payload).isEmpty())
			.toList();
		assertThat(winners).hasSize(1);
		assertThat(payloads.stream().flatMap((payload) -> userErrors(payload).stream())).hasSize(AT_ONCE - 1)
			.allMatch("CONFLICT input.expectedVersion"::equals);
		Map<String, Object> customer = CustomerApi.read(this.tenant, customerId);
		assertThat(customer).containsEntry("version", 2)
			.containsEntry("firstName", get(winners.get(0), "customer.firstName"));
	}

	@Test
	void theSameIdempotencyKeyAtOnceCreatesOneCustomerAndAnswersAllAlike() throws Exception {
		Map<String, Object> input = Map.of("email", "idem@example.com", "tags", List.of("a"), "addresses",
				List.of(Map.of("city", "Oslo", "countryCode", "NO")), "idempotencyKey", "order-4711");
		List<Map<String, Object>> payloads = atOnce(AT_ONCE,
				(i) -> runAsClient(client(i), "customers#CreateCustomer", "createCustomer", input));
		assertThat(userErrors(payloads.get(0))).isEmpty();
		assertThat(payloads).allMatch(payloads.get(0)::equals);
		assertThat(CustomerApi.customerCount(this.tenant)).isOne();
	}

	@Test
	void theSameIdempotencyKeyAtOnceCreatesOneSource() throws Exception {
		Map<String, Object> input = Map.of("type", "CARD", "provider", "stripe", "last4", "4242", "idempotencyKey",
				"pm-1");
		List<Map<String, Object>> payloads = atOnce(AT_ONCE,
				(i) -> runAsClient(client(i), "sources#CreateSource", "createSource", input));
		assertThat(userErrors(payloads.get(0))).isEmpty();
		assertThat(payloads).allMatch(payloads.get(0)::equals);
		assertThat(this.tenant.graphQl()
			.document("{ sources { totalCount } }")
			.execute()
			.path("sources.totalCount")
			.entity(Integer.class)
			.get()).isOne();
	}

	@Test
	void oneSourceAttachedToManyCustomersAtOnceEndsOnExactlyOne() throws Exception {
		String sourceId = get(
				run(this.tenant, "sources#CreateSource", "createSource", Map.of("type", "CARD", "provider", "stripe")),
				"source.id");
		List<String> customerIds = IntStream.range(0, AT_ONCE)
			.mapToObj((i) -> CustomerApi.create(this.tenant, "c" + i + "@example.com"))
			.toList();
		List<Map<String, Object>> payloads = atOnce(AT_ONCE, (i) -> runAsClient(client(i), "sources#AttachSource",
				"attachSource", input("customerId", customerIds.get(i), "sourceId", sourceId, "makeDefault", true)));
		List<Map<String, Object>> winners = payloads.stream()
			.filter((payload) -> userErrors(payload).isEmpty())
			.toList();
		assertThat(winners).hasSize(1);
		assertThat(payloads.stream().flatMap((payload) -> userErrors(payload).stream())).hasSize(AT_ONCE - 1)
			.allMatch("CONFLICT input.sourceId"::equals);
		String owner = get(winners.get(0), "customer.id");
		assertThat((Object) get(winners.get(0), "source.customer.id")).isEqualTo(owner);
		long withDefault = customerIds.stream()
			.filter((id) -> get(CustomerApi.read(this.tenant, id), "defaultSource") != null)
			.count();
		assertThat(withDefault).isOne();
	}

}
