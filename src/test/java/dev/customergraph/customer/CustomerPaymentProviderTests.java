package dev.customergraph.customer;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.customergraph.GatewayTest;
import dev.customergraph.mutation.Mutations;
import dev.customergraph.observability.SqlStatementCounter;
import dev.customergraph.tenancy.Scope;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers by payment provider reference: {@code customerByPaymentProviderReference} and
 * {@code customers(filter: {paymentProviderReference})}, kept in step by every write,
 * confined to the key's partition, one statement each.
 */
@GatewayTest
class CustomerPaymentProviderTests {

	@Autowired
	TestTenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void aCustomerIsFoundByEachOfItsReferences() {
		TestTenant tenant = this.tenants.create();
		String id = CustomerApi.create(tenant, "ada@example.test", Map.of("paymentProviders",
				List.of(ref("stripe", "cus_Ab1"), ref("adyen", "AD-9"), ref("stripe", "cus_Ab1"))));

		assertThat(lookup(tenant, "stripe", "cus_Ab1")).isEqualTo(id);
		assertThat(lookup(tenant, "adyen", "AD-9")).isEqualTo(id);
		// The provider is a name, compared ignoring case; the reference is the
		// provider's id, compared exactly.
		assertThat(lookup(tenant, "Stripe", "cus_Ab1")).isEqualTo(id);
		assertThat(lookup(tenant, "stripe", "cus_ab1")).isNull();
		assertThat(lookup(tenant, "adyen", "cus_Ab1")).isNull();
		assertThat(filtered(tenant, "cus_Ab1")).containsExactly(id);
		assertThat(filtered(tenant, "AD-9")).containsExactly(id);
		assertThat(filtered(tenant, "cus_ab1")).isEmpty();
	}

	@Test
	void updatesAndDeletesKeepTheLookupsInStep() {
		TestTenant tenant = this.tenants.create();
		String id = CustomerApi.create(tenant, "ben@example.test",
				Map.of("paymentProviders", List.of(ref("stripe", "cus_old"))));

		update(tenant, Map.of("id", id, "paymentProviders", List.of(ref("stripe", "cus_new"), ref("paypal", "PP1"))));
		assertThat(lookup(tenant, "stripe", "cus_old")).isNull();
		assertThat(filtered(tenant, "cus_old")).isEmpty();
		assertThat(lookup(tenant, "stripe", "cus_new")).isEqualTo(id);
		assertThat(lookup(tenant, "paypal", "PP1")).isEqualTo(id);

		update(tenant, Map.of("id", id, "firstName", "Ben"));
		assertThat(lookup(tenant, "stripe", "cus_new")).as("unchanged by other fields").isEqualTo(id);

		Map<String, Object> cleared = new HashMap<>(Map.of("id", id));
		cleared.put("paymentProviders", null);
		update(tenant, cleared);
		assertThat(lookup(tenant, "stripe", "cus_new")).isNull();
		assertThat(filtered(tenant, "PP1")).isEmpty();

		String other = CustomerApi.create(tenant, "cleo@example.test",
				Map.of("paymentProviders", List.of(ref("stripe", "cus_gone"))));
		Mutations.run(tenant, "customers#DeleteCustomer", "deleteCustomer", Map.of("id", other));
		assertThat(lookup(tenant, "stripe", "cus_gone")).isNull();
		assertThat(filtered(tenant, "cus_gone")).isEmpty();
	}

	@Test
	void aSharedReferenceFindsTheCustomerCreatedFirstAndTheFilterListsThemAll() {
		TestTenant tenant = this.tenants.create();
		List<String> ids = new ArrayList<>();
		for (String email : List.of("dup1@example.test", "dup2@example.test", "dup3@example.test")) {
			ids.add(CustomerApi.create(tenant, email, Map.of("paymentProviders", List.of(ref("stripe", "cus_dup")))));
		}
		assertThat(lookup(tenant, "stripe", "cus_dup")).isEqualTo(ids.get(0));
		// Newest first, the customers' default order.
		assertThat(filtered(tenant, "cus_dup")).containsExactly(ids.get(2), ids.get(1), ids.get(0));
	}

	@Test
	void anotherPartitionsReferenceIsNotFound() {
		TestTenant owner = this.tenants.create();
		String id = CustomerApi.create(owner, "own@example.test",
				Map.of("paymentProviders", List.of(ref("stripe", "cus_private"))));
		TestTenant stranger = this.tenants.create();
		TestTenant ownersLiveMode = this.tenants.keyFor(owner.name(), true, EnumSet.of(Scope.READ, Scope.WRITE));
		for (TestTenant other : List.of(stranger, ownersLiveMode)) {
			assertThat(lookup(other, "stripe", "cus_private")).isNull();
			assertThat(filtered(other, "cus_private")).isEmpty();
		}
		String strangers = CustomerApi.create(stranger, "own@example.test",
				Map.of("paymentProviders", List.of(ref("stripe", "cus_private"))));
		assertThat(lookup(stranger, "stripe", "cus_private")).isEqualTo(strangers);
		assertThat(lookup(owner, "stripe", "cus_private")).isEqualTo(id);
		assertThat(filtered(owner, "cus_private")).containsExactly(id);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			value = { "\" \"|cus_1|'provider' must be 1 to 64 characters without whitespace at either end",
					"stripe|\"\"|'reference' must be 1 to 255 characters without whitespace at either end",
					"stripe|\"  \"|'reference' must be 1 to 255 characters without whitespace at either end",
					"stripe|\"cus_1 \"|'reference' must be 1 to 255 characters without whitespace at either end",
					"\" stripe\"|cus_1|'provider' must be 1 to 64 characters without whitespace at either end",
					"p65|cus_1|'provider' must be 1 to 64 characters",
					"stripe|r256|'reference' must be 1 to 255 characters" })
	void badLookupArgumentsAreInvalid(String provider, String reference, String message) {
		TestTenant tenant = this.tenants.create();
		tenant.graphQl().document("{ viewer { tenant } }").execute();
		long before = SqlStatementCounter.total();
		tenant.graphQl()
			.document(
					"query($p: String!, $r: String!) { customerByPaymentProviderReference(provider: $p, reference: $r) { id } }")
			.variable("p", provider.equals("p65") ? "p".repeat(65) : provider)
			.variable("r", reference.equals("r256") ? "r".repeat(256) : reference)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
				assertThat(error.getExtensions()).containsEntry("code", "INVALID");
				assertThat(error.getMessage()).contains(message);
			}));
		assertThat(SqlStatementCounter.total() - before).as("statements sent").isZero();
	}

	@Test
	void aBlankOrOverlongFilterIsInvalid() {
		TestTenant tenant = this.tenants.create();
		for (String reference : List.of("", "  ", "cus_1 ", "r".repeat(256))) {
			tenant.graphQl()
				.document("query($r: String) { customers(filter: {paymentProviderReference: $r}) { totalCount } }")
				.variable("r", reference)
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
					assertThat(error.getExtensions()).containsEntry("code", "INVALID");
					assertThat(error.getMessage())
						.contains("'filter.paymentProviderReference' must be 1 to 255 characters without whitespace");
				}));
		}
	}

	@Test
	void theLookupIsOneStatementAndAFilteredPageOneWhateverItsSize() {
		TestTenant tenant = this.tenants.create();
		for (int n = 1; n <= 30; n++) {
			CustomerApi.create(tenant, "many" + n + "@example.test",
					Map.of("paymentProviders", List.of(ref("stripe", "cus_many"), ref("adyen", "AD" + n))));
		}
		long before = SqlStatementCounter.total();
		tenant.graphQl()
			.document("{ customerByPaymentProviderReference(provider: \"adyen\", reference: \"AD7\") { id email } }")
			.execute()
			.path("customerByPaymentProviderReference.email")
			.entity(String.class)
			.isEqualTo("many7@example.test");
		assertThat(SqlStatementCounter.total() - before).isEqualTo(1);
		for (int first : new int[] { 5, 30 }) {
			before = SqlStatementCounter.total();
			tenant.graphQl()
				.document("query($n: Int) { customers(first: $n, filter: {paymentProviderReference: \"cus_many\"}) "
						+ "{ nodes { id email paymentProviders { customerRef } } } }")
				.variable("n", first)
				.execute()
				.path("customers.nodes")
				.entityList(Object.class)
				.hasSize(first);
			assertThat(SqlStatementCounter.total() - before).as("page of %d", first).isEqualTo(1);
		}
	}

	@Test
	void theMigrationIndexesCustomersWrittenBeforeIt() throws Exception {
		TestTenant tenant = this.tenants.create();
		long key = CustomerFixtures.customer("legacy@example.test").insert(this.jdbc, tenant.partition());
		// As a version before V11 left it: the JSON on the row, no index rows.
		this.jdbc
			.sql("UPDATE customer SET payment_providers = :json WHERE tenant_id = :t AND livemode = :l AND id = :id")
			.param("json", "[{\"provider\": \"stripe\", \"customerRef\": \"cus_legacy\"}]")
			.param("t", tenant.partition().tenantId())
			.param("l", tenant.partition().livemode())
			.param("id", key)
			.update();
		assertThat(lookup(tenant, "stripe", "cus_legacy")).isNull();

		try (Connection connection = this.dataSource.getConnection()) {
			CustomerPaymentProviderMigration.backfill(connection);
		}
		assertThat(lookup(tenant, "stripe", "cus_legacy")).isEqualTo(CustomerFixtures.globalId(key));
		assertThat(filtered(tenant, "cus_legacy")).containsExactly(CustomerFixtures.globalId(key));
	}

	private static Map<String, String> ref(String provider, String customerRef) {
		return Map.of("provider", provider, "customerRef", customerRef);
	}

	private static void update(TestTenant tenant, Map<String, Object> input) {
		Map<String, Object> payload = Mutations.run(tenant, "customers#UpdateCustomer", "updateCustomer", input);
		assertThat((List<?>) payload.get("userErrors")).isEmpty();
	}

	private static @Nullable String lookup(TestTenant tenant, String provider, String reference) {
		GraphQlResponse response = response(tenant, provider, reference).returnResponse();
		assertThat(response.getErrors()).isEmpty();
		return response.field("customerByPaymentProviderReference.id").getValue();
	}

	private static List<String> filtered(TestTenant tenant, String reference) {
		GraphQlTester.Response response = response(tenant, "any", reference);
		List<String> ids = response.path("customers.nodes[*].id").entityList(String.class).get();
		response.path("customers.totalCount").entity(Integer.class).isEqualTo(ids.size());
		return ids;
	}

	private static GraphQlTester.Response response(TestTenant tenant, String provider, String reference) {
		return tenant.graphQl()
			.documentName("customerByPaymentProvider")
			.variable("provider", provider)
			.variable("reference", reference)
			.variable("first", 100)
			.execute();
	}

}
