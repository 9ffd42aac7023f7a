package dev.customergraph.mutation;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.customer.CustomerApi;
import dev.customergraph.tenancy.Scope;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.customergraph.mutation.Mutations.get;
import static dev.customergraph.mutation.Mutations.run;
import static dev.customergraph.mutation.Mutations.userErrors;
import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency keys of createCustomer and createSource, one request after another. */
@GatewayTest
class IdempotencyKeyTests {

	static final Map<String, Object> INPUT = Map.of("email", "retry@example.com", "metadata", Map.of("a", 1, "b", 2),
			"idempotencyKey", "k-1");

	@Autowired
	TestTenants tenants;

	@Autowired
	IdempotencyKeys keys;

	@Autowired
	JdbcClient jdbc;

	TestTenant tenant;

	@BeforeEach
	void newTenant() {
		this.tenant = this.tenants.create();
	}

	@Test
	void aRetryReturnsTheFirstCustomerAndCreatesNothing() {
		Map<String, Object> first = CustomerApi.createPayload(this.tenant, INPUT);
		// The same input with its JSON object fields in another order is the same
		// request.
		Map<String, Object> reordered = Map.of("idempotencyKey", "k-1", "metadata", Map.of("b", 2, "a", 1), "email",
				"retry@example.com");
		assertThat(CustomerApi.createPayload(this.tenant, reordered)).isEqualTo(first);
		assertThat(CustomerApi.customerCount(this.tenant)).isOne();
	}

	@Test
	void theSameKeyWithAnotherInputIsConflictAndWritesNothing() {
		CustomerApi.createPayload(this.tenant, INPUT);
		Map<String, Object> other = CustomerApi.createPayload(this.tenant,
				Map.of("email", "someone-else@example.com", "idempotencyKey", "k-1"));
		assertThat(userErrors(other)).containsExactly("CONFLICT input.idempotencyKey");
		assertThat(CustomerApi.customerCount(this.tenant)).isOne();
	}

	@Test
	void aRefusedRequestDoesNotUseUpItsKey() {
		CustomerApi.create(this.tenant, "taken@example.com");
		Map<String, Object> refused = CustomerApi.createPayload(this.tenant,
				Map.of("email", "taken@example.com", "idempotencyKey", "k-2"));
		assertThat(userErrors(refused)).containsExactly("TAKEN input.email");
		Map<String, Object> corrected = CustomerApi.createPayload(this.tenant,
				Map.of("email", "free@example.com", "idempotencyKey", "k-2"));
		assertThat(userErrors(corrected)).isEmpty();
	}

	@Test
	void keysAreScopedToTenantModeAndOperation() {
		String first = get(CustomerApi.createPayload(this.tenant, INPUT), "customer.id");
		TestTenant live = this.tenants.keyFor(this.tenant.name(), true, EnumSet.of(Scope.READ, Scope.WRITE));
		TestTenant otherTenant = this.tenants.create();
		for (TestTenant partition : List.of(live, otherTenant)) {
			String created = get(CustomerApi.createPayload(partition, INPUT), "customer.id");
			assertThat(created).isNotEqualTo(first);
		}
		Map<String, Object> source = run(this.tenant, "sources#CreateSource", "createSource",
				Map.of("type", "CARD", "provider", "stripe", "idempotencyKey", "k-1"));
		assertThat(userErrors(source)).isEmpty();
	}

	@Test
	void aRetryOfCreateSourceReturnsTheFirstSource() {
		Map<String, Object> input = Map.of("type", "CARD", "provider", "stripe", "idempotencyKey", "pm-9");
		Map<String, Object> first = run(this.tenant, "sources#CreateSource", "createSource", input);
		assertThat(run(this.tenant, "sources#CreateSource", "createSource", input)).isEqualTo(first);
		Map<String, Object> other = run(this.tenant, "sources#CreateSource", "createSource",
				Map.of("type", "CARD", "provider", "adyen", "idempotencyKey", "pm-9"));
		assertThat(userErrors(other)).containsExactly("CONFLICT input.idempotencyKey");
	}

	@Test
	void theCleanupDeletesOnlyKeysOlderThanTheRetention() {
		CustomerApi.createPayload(this.tenant, INPUT);
		this.jdbc.sql("""
				INSERT INTO idempotency_key (tenant_id, livemode, operation, idempotency_key, request_hash, created_at)
				VALUES (:tenantId, FALSE, 'createCustomer', 'old', :hash, :createdAt)
				""")
			.param("tenantId", this.tenant.partition().tenantId())
			.param("hash", new byte[32])
			.param("createdAt", LocalDateTime.now(ZoneOffset.UTC).minusHours(25))
			.update();
		this.keys.deleteExpired();
		assertThat(this.jdbc.sql("SELECT idempotency_key FROM idempotency_key WHERE tenant_id = :tenantId")
			.param("tenantId", this.tenant.partition().tenantId())
			.query(String.class)
			.list()).containsExactly("k-1");
	}

}
