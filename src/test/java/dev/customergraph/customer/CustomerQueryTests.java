package dev.customergraph.customer;

import java.util.List;
import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customer root fields, every Customer field and every filter, over the benchmark
 * dataset's first 200 rows.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerQueryTests {

	static final int CUSTOMERS = 200;

	@Autowired
	TestTenants tenants;

	@Autowired
	JdbcClient jdbc;

	TestTenant tenant;

	@BeforeAll
	void seed() {
		this.tenant = this.tenants.seeded(CUSTOMERS);
	}

	@Test
	void customerByEmailShowsEveryField() {
		// i = 120: business, code, VAT number, metadata, no tags (i mod 5 = 0), three-way
		// defaults absent
		// i = 20 has metadata; i = 60: addresses 0, sources 0; i = 9: 3 addresses, 2
		// sources.
		Map<String, Object> customer = this.tenant.graphQl().document("""
				{ customerByEmail(email: "ADA.SMITH.120@example.test") {
				    id email firstName lastName displayName phone locale type enabled code tags vatNumber
				    acceptsMarketing avatarUrl metadata paymentProviders { provider customerRef }
				    requestToBeForgotten livemode version createdAt updatedAt } }
				""").execute().path("customerByEmail").entity(Map.class).get();
		assertThat(customer).containsEntry("email", "ada.smith.120@example.test")
			.containsEntry("firstName", "Ada")
			.containsEntry("lastName", "Smith")
			.containsEntry("displayName", "Ada Smith")
			.containsEntry("phone", "+15550000120")
			.containsEntry("locale", "en_US")
			.containsEntry("type", "BUSINESS")
			.containsEntry("enabled", true)
			.containsEntry("code", "C00000120")
			.containsEntry("tags", List.of())
			.containsEntry("vatNumber", "EU000000120")
			.containsEntry("acceptsMarketing", true)
			.containsEntry("avatarUrl", null)
			.containsEntry("metadata", Map.of("source", "bench", "i", 120))
			.containsEntry("paymentProviders", List.of())
			.containsEntry("requestToBeForgotten", false)
			.containsEntry("livemode", false)
			.containsEntry("version", 1)
			.containsEntry("createdAt", "2024-01-01T00:02:00.000Z")
			.containsEntry("updatedAt", "2024-01-01T00:04:00.000Z");

		String id = (String) customer.get("id");
		this.tenant.graphQl()
			.document("query($id: ID!) { customer(id: $id) { email } node(id: $id) { id ... on Customer { email } } }")
			.variable("id", id)
			.execute()
			.path("customer.email")
			.entity(String.class)
			.isEqualTo("ada.smith.120@example.test")
			.path("node.email")
			.entity(String.class)
			.isEqualTo("ada.smith.120@example.test");
	}

	/**
	 * The code a merchant's other systems hold finds its customer, ignoring case, with
	 * its nested fields; only in the caller's partition.
	 */
	@Test
	void customerByCodeFindsTheCustomerOfItsPartitionOnly() {
		String query = """
				{ customerByCode(code: "c00000120") { email code addresses { totalCount } } }""";
		assertThat(this.tenant.graphQl().document(query).execute().path("customerByCode").entity(Map.class).get())
			.isEqualTo(Map.of("email", "ada.smith.120@example.test", "code", "C00000120", "addresses",
					Map.of("totalCount", 0)));
		this.tenant.graphQl()
			.document("{ customerByCode(code: \"NO-SUCH-CODE\") { id } }")
			.execute()
			.path("customerByCode")
			.valueIsNull();
		this.tenants.seeded(1)
			.graphQl()
			.document("{ customerByCode(code: \"C00000120\") { id } }")
			.execute()
			.path("customerByCode")
			.valueIsNull();
	}

	@Test
	void customerWithAddressesAndSourcesShowsTheirDefaults() {
		// i = 9: tags {TAGS[1], TAGS[4]}, three addresses (j = 0 ships, j = 2 bills), one
		// card.
		Map<String, Object> customer = this.tenant.graphQl()
			.document(
					"""
							{ customerByEmail(email: "jon.young.9@example.test") {
							    tags
							    defaultShippingAddress { line1 line2 city countryCode postalCode latitude longitude isDefaultShipping isDefaultBilling }
							    defaultBillingAddress { line1 line2 isDefaultShipping isDefaultBilling }
							    addresses { totalCount nodes { line1 } }
							    sources { totalCount nodes { type provider providerReference brand last4 expiryMonth expiryYear isDefault } }
							    defaultSource { providerReference } } }
							""")
			.execute()
			.path("customerByEmail")
			.entity(Map.class)
			.get();
		assertThat(customer.get("tags")).isEqualTo(List.of("b2b", "wholesale"));
		assertThat(customer.get("defaultShippingAddress")).isEqualTo(withNulls("line1", "10 Main Street", "line2", null,
				"city", "Sao Paulo", "countryCode", "BR", "postalCode", "00279", "latitude", -40.5, "longitude", -85.5,
				"isDefaultShipping", true, "isDefaultBilling", false));
		assertThat(customer.get("defaultBillingAddress")).isEqualTo(Map.of("line1", "12 Main Street", "line2", "Apt 2",
				"isDefaultShipping", false, "isDefaultBilling", true));
		assertThat(customer.get("addresses"))
			.isEqualTo(Map.of("totalCount", 3, "nodes", List.of(Map.of("line1", "10 Main Street"),
					Map.of("line1", "11 Main Street"), Map.of("line1", "12 Main Street"))));
		assertThat(customer.get("sources")).isEqualTo(Map.of("totalCount", 1, "nodes",
				List.of(Map.of("type", "CARD", "provider", "adyen", "providerReference", "src_9_0", "brand",
						"mastercard", "last4", "0117", "expiryMonth", 10, "expiryYear", 2031, "isDefault", true))));
		assertThat(customer.get("defaultSource")).isEqualTo(Map.of("providerReference", "src_9_0"));
	}

	@Test
	void everyFilterSelectsWhatItSays() {
		assertThat(count("{ email: \"UMA.SMITH.100@EXAMPLE.TEST\" }")).isEqualTo(1);
		assertThat(count("{ email: \"eva.young.4@example.test\" }")).isEqualTo(1);
		assertThat(count("{ email: \"eva.young.5@example.test\" }")).isEqualTo(0);
		// FIRST[i mod 40] = Ada for i = 40, 80, … 200: five; "ad" also prefixes no last
		// name.
		assertThat(count("{ search: \"ad\" }")).isEqualTo(5);
		assertThat(count("{ search: \"AD\" }")).isEqualTo(5);
		assertThat(count("{ search: \"smi\" }")).isEqualTo(countWhere((i) -> i * 7 % 35 == 0));
		assertThat(count("{ search: \"%\" }")).isEqualTo(0);
		assertThat(count("{ tags: [\"vip\"] }")).isEqualTo(countWhere((i) -> hasTag(i, 0) || i % 97 == 0));
		assertThat(count("{ tags: [\"vip\", \"staff\"] }"))
			.isEqualTo(countWhere((i) -> (hasTag(i, 0) || i % 97 == 0) && hasTag(i, 2)));
		assertThat(count("{ type: BUSINESS }")).isEqualTo(CUSTOMERS / 10);
		assertThat(count("{ enabled: false }")).isEqualTo(CUSTOMERS / 50);
		assertThat(count("{ requestToBeForgotten: false }")).isEqualTo(CUSTOMERS);
		assertThat(count("{ countryCode: \"DE\" }")).isEqualTo(countWhere((i) -> hasAddressIn(i, 1)));
		assertThat(count("{ createdAfter: \"2024-01-01T00:03:00Z\" }")).isEqualTo(CUSTOMERS - 180);
		assertThat(count("{ createdBefore: \"2024-01-01T01:00:10+01:00\" }")).isEqualTo(9);
		assertThat(count("{ updatedAfter: \"2024-01-01T00:06:00Z\" }")).isEqualTo(countWhere((i) -> 2 * i > 360));
		assertThat(count("{ type: BUSINESS, enabled: false }")).isEqualTo(CUSTOMERS / 50);
	}

	@Test
	void eachSelectionOfOneCustomerGetsEveryFieldItAsksFor() {
		// Reads fetch only the columns their selection needs; two selections of customer
		// 120 in one request, and a page that selects fields through nodes and edges.
		String id = this.tenant.graphQl()
			.document("{ customerByEmail(email: \"ada.smith.120@example.test\") { id } }")
			.execute()
			.path("customerByEmail.id")
			.entity(String.class)
			.get();
		this.tenant.graphQl()
			.document(
					"""
							query($id: ID!) { a: customer(id: $id) { email } b: customer(id: $id) { phone code version }
							  page: customers(first: 1, filter: {ids: [$id]}) { nodes { firstName } edges { node { lastName } } } }
							""")
			.variable("id", id)
			.execute()
			.path("a")
			.entity(Map.class)
			.isEqualTo(Map.of("email", "ada.smith.120@example.test"))
			.path("b")
			.entity(Map.class)
			.isEqualTo(Map.of("phone", "+15550000120", "code", "C00000120", "version", 1))
			.path("page.nodes[0].firstName")
			.entity(String.class)
			.isEqualTo("Ada")
			.path("page.edges[0].node.lastName")
			.entity(String.class)
			.isEqualTo("Smith");
	}

	@Test
	void tagFilterComparesIgnoringCaseLikeTagsAreDeduplicated() {
		long vip = countWhere((i) -> hasTag(i, 0) || i % 97 == 0);
		assertThat(count("{ tags: [\"VIP\"] }")).isEqualTo(vip);
		assertThat(count("{ tags: [\"VIP\", \"vip\"] }")).isEqualTo(vip);
		assertThat(count("{ tags: [\" Vip \", \"vip\", \"STAFF\"] }"))
			.isEqualTo(countWhere((i) -> (hasTag(i, 0) || i % 97 == 0) && hasTag(i, 2)));
	}

	@Test
	void searchCountsEachMatchOnceWhicheverColumnsMatchAndWithoutNames() {
		TestTenant other = this.tenants.create();
		CustomerFixtures.customer("nobody@example.test").insert(this.jdbc, other.partition());
		CustomerFixtures.customer("nora.noble@example.test")
			.named("Nora", "Noble")
			.insert(this.jdbc, other.partition());
		CustomerFixtures.customer("x@example.test").named(null, "Nolan").insert(this.jdbc, other.partition());
		CustomerFixtures.customer("y@example.test").named("Noah", null).insert(this.jdbc, other.partition());
		CustomerFixtures.customer("z@example.test").named("Ann", "Smith").insert(this.jdbc, other.partition());
		GraphQlTester.Response response = other.graphQl()
			.document("{ customers(filter: {search: \"NO\"}) { totalCount nodes { email } } }")
			.execute();
		response.path("customers.totalCount").entity(Integer.class).isEqualTo(4);
		assertThat(response.path("customers.nodes[*].email").entityList(String.class).get()).containsExactlyInAnyOrder(
				"nobody@example.test", "nora.noble@example.test", "x@example.test", "y@example.test");
	}

	@Test
	void emptyOrBlankSearchIsInvalid() {
		for (String search : List.of("", "   ", "\\t")) {
			this.tenant.graphQl()
				.document("{ customers(filter: {search: \"" + search + "\"}) { totalCount nodes { id } } }")
				.execute()
				.errors()
				.satisfy((errors) -> {
					assertThat(errors).hasSize(1);
					assertThat(errors.get(0).getExtensions()).containsEntry("code", "INVALID");
					assertThat(errors.get(0).getMessage()).contains("filter.search");
				});
		}
	}

	@Test
	void filterByIdsKeepsOnlyThoseCustomers() {
		List<String> ids = this.tenant.graphQl()
			.document("{ customers(first: 3) { nodes { id } } }")
			.execute()
			.path("customers.nodes[*].id")
			.entityList(String.class)
			.get();
		this.tenant.graphQl()
			.document("query($ids: [ID!]) { customers(filter: {ids: $ids}) { totalCount nodes { id } } }")
			.variable("ids", ids.subList(0, 2))
			.execute()
			.path("customers.totalCount")
			.entity(Integer.class)
			.isEqualTo(2)
			.path("customers.nodes[*].id")
			.entityList(String.class)
			.containsExactly(ids.get(0), ids.get(1));
		this.tenant.graphQl()
			.document("{ customers(filter: {ids: []}) { totalCount nodes { id } } }")
			.execute()
			.path("customers.totalCount")
			.entity(Integer.class)
			.isEqualTo(0);
	}

	private static boolean hasTag(long i, int tag) {
		return i % 5 != 0 && (i % 8 == tag || (i * 3 + 1) % 8 == tag);
	}

	private static boolean hasAddressIn(long i, int country) {
		int addresses = new int[] { 0, 1, 2, 3, 1, 2 }[(int) (i % 6)];
		for (int j = 0; j < addresses; j++) {
			if ((i + j) % 16 == country) {
				return true;
			}
		}
		return false;
	}

	private static long countWhere(java.util.function.LongPredicate predicate) {
		return java.util.stream.LongStream.rangeClosed(1, CUSTOMERS).filter(predicate).count();
	}

	private long count(String filter) {
		return this.tenant.graphQl()
			.document("{ customers(filter: " + filter + ") { totalCount } }")
			.execute()
			.path("customers.totalCount")
			.entity(Long.class)
			.get();
	}

	/** Map.of refuses nulls; GraphQL answers have them. */
	private static Map<String, Object> withNulls(Object... keysAndValues) {
		Map<String, Object> map = new java.util.HashMap<>();
		for (int n = 0; n < keysAndValues.length; n += 2) {
			map.put((String) keysAndValues[n], keysAndValues[n + 1]);
		}
		return map;
	}

}
