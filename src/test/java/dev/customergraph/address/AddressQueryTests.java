package dev.customergraph.address;

import java.util.List;
import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.customer.CustomerFixtures;
import dev.customergraph.graph.GlobalId;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Address and Source field, and node() for each type, on rows with every column
 * set.
 */
@GatewayTest
class AddressQueryTests {

	@Autowired
	TestTenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyAddressAndSourceFieldIsServedAndNodeResolvesEachType() {
		TestTenant tenant = this.tenants.create();
		long customer = CustomerFixtures.customer("full@example.test").insert(this.jdbc, tenant.partition());
		long address = insert(tenant,
				"""
						INSERT INTO address (tenant_id, livemode, customer_id, first_name, last_name, company, phone, line1,
						  line2, city, region_code, region_name, postal_code, country_code, latitude, longitude, created_at, updated_at)
						VALUES (:t, FALSE, :c, 'Grace', 'Hopper', 'Navy', '+1 555 0100', '1 Main St', 'Suite 2', 'Arlington',
						  'VA', 'Virginia', '22201', 'US', 38.88, -77.1, '2025-01-02 03:04:05.678', '2025-02-03 04:05:06')
						""",
				customer);
		long source = insert(tenant, """
				INSERT INTO source (tenant_id, livemode, customer_id, type, provider, provider_reference, label, brand,
				  last4, expiry_month, expiry_year, metadata, created_at, updated_at)
				VALUES (:t, FALSE, :c, 'WALLET', 'paypal', 'pp_1', 'Grace''s wallet', NULL, NULL, NULL, NULL,
				  '{"risk": "low", "score": 3}', '2025-01-02 03:04:05', '2025-01-02 03:04:05')
				""", customer);
		this.jdbc.sql("UPDATE customer SET default_billing_address_id = :a, default_source_id = :s WHERE id = :c")
			.param("a", address)
			.param("s", source)
			.param("c", customer)
			.update();

		Map<String, Object> node = tenant.graphQl()
			.document(
					"""
							query($a: ID!, $s: ID!) {
							  address: node(id: $a) { __typename id ... on Address { customer { email } firstName lastName company
							    phone line1 line2 city regionCode regionName postalCode countryCode latitude longitude
							    isDefaultShipping isDefaultBilling createdAt updatedAt } }
							  source: node(id: $s) { __typename ... on Source { type provider providerReference label brand last4
							    expiryMonth expiryYear metadata isDefault customer { defaultSource { label } defaultBillingAddress { city } } } } }
							""")
			.variables(Map.of("a", new GlobalId("Address", address).encode(), "s",
					new GlobalId("Source", source).encode()))
			.execute()
			.path("")
			.entity(Map.class)
			.get();
		Map<String, Object> expectedAddress = new java.util.HashMap<>(Map.ofEntries(Map.entry("__typename", "Address"),
				Map.entry("id", new GlobalId("Address", address).encode()),
				Map.entry("customer", Map.of("email", "full@example.test")), Map.entry("firstName", "Grace"),
				Map.entry("lastName", "Hopper"), Map.entry("company", "Navy"), Map.entry("phone", "+1 555 0100"),
				Map.entry("line1", "1 Main St"), Map.entry("line2", "Suite 2"), Map.entry("city", "Arlington"),
				Map.entry("regionCode", "VA"), Map.entry("regionName", "Virginia"), Map.entry("postalCode", "22201"),
				Map.entry("countryCode", "US"), Map.entry("latitude", 38.88), Map.entry("longitude", -77.1),
				Map.entry("isDefaultShipping", false), Map.entry("isDefaultBilling", true),
				Map.entry("createdAt", "2025-01-02T03:04:05.678Z"),
				Map.entry("updatedAt", "2025-02-03T04:05:06.000Z")));
		assertThat(node.get("address")).isEqualTo(expectedAddress);
		Map<String, Object> expectedSource = new java.util.HashMap<>();
		expectedSource.putAll(Map.of("__typename", "Source", "type", "WALLET", "provider", "paypal",
				"providerReference", "pp_1", "label", "Grace's wallet", "metadata", Map.of("risk", "low", "score", 3),
				"isDefault", true, "customer", Map.of("defaultSource", Map.of("label", "Grace's wallet"),
						"defaultBillingAddress", Map.of("city", "Arlington"))));
		for (String absent : List.of("brand", "last4", "expiryMonth", "expiryYear")) {
			expectedSource.put(absent, null);
		}
		assertThat(node.get("source")).isEqualTo(expectedSource);

		// customer(id:) reads its addresses and default source with its own row (joined,
		// in one statement); every field comes back the same.
		Map<String, Object> lookup = tenant.graphQl()
			.document(
					"""
							query($c: ID!) { customer(id: $c) {
							  addresses { nodes { __typename id customer { email } firstName lastName company phone line1 line2
							    city regionCode regionName postalCode countryCode latitude longitude isDefaultShipping
							    isDefaultBilling createdAt updatedAt } }
							  defaultSource { __typename type provider providerReference label brand last4 expiryMonth
							    expiryYear metadata isDefault customer { defaultSource { label } defaultBillingAddress { city } } } } }
							""")
			.variable("c", new GlobalId("Customer", customer).encode())
			.execute()
			.path("customer")
			.entity(Map.class)
			.get();
		assertThat(lookup.get("addresses")).isEqualTo(Map.of("nodes", List.of(expectedAddress)));
		assertThat(lookup.get("defaultSource")).isEqualTo(expectedSource);
	}

	/**
	 * A page of customers reads its addresses and sources in batches with only the
	 * columns its selections ask for: the connection and the default address select
	 * different fields (in fragments) of the same addresses, and each gets its own.
	 */
	@Test
	void pageBatchesServeEverySelectionOfTheSameAddressesAndSources() {
		TestTenant tenant = this.tenants.create();
		long customer = CustomerFixtures.customer("page@example.test").insert(this.jdbc, tenant.partition());
		long address = insert(tenant,
				"""
						INSERT INTO address (tenant_id, livemode, customer_id, line1, city, postal_code, country_code, latitude,
						  created_at, updated_at)
						VALUES (:t, FALSE, :c, '1 Main St', 'Arlington', '22201', 'US', 38.88, '2025-01-02 03:04:05', '2025-01-02 03:04:05')
						""",
				customer);
		long source = insert(tenant,
				"""
						INSERT INTO source (tenant_id, livemode, customer_id, type, provider, brand, last4, metadata, created_at,
						  updated_at)
						VALUES (:t, FALSE, :c, 'CARD', 'stripe', 'visa', '4242', '{"risk": "low"}', '2025-01-02 03:04:05',
						  '2025-01-02 03:04:05')
						""",
				customer);
		this.jdbc.sql("UPDATE customer SET default_shipping_address_id = :a, default_source_id = :s WHERE id = :c")
			.param("a", address)
			.param("s", source)
			.param("c", customer)
			.update();

		String selection = """
				defaultShippingAddress { ...Where isDefaultShipping }
				addresses(first: 3) { edges { node { line1 ... on Address { latitude } } } }
				sources(first: 5) { nodes { ...Card } }
				defaultSource { provider metadata }
				""";
		String fragments = """
				fragment Where on Address { city countryCode }
				fragment Card on Source { brand last4 metadata isDefault }
				""";
		Map<String, Object> node = tenant.graphQl()
			.document("{ customers(first: 5) { nodes { " + selection + " } } }" + fragments)
			.execute()
			.path("customers.nodes[0]")
			.entity(Map.class)
			.get();
		// A point lookup joins the same rows to the customer's, once for both selections.
		Map<String, Object> lookup = tenant.graphQl()
			.document("query($id: ID!) { customer(id: $id) { " + selection + " } }" + fragments)
			.variable("id", new GlobalId("Customer", customer).encode())
			.execute()
			.path("customer")
			.entity(Map.class)
			.get();

		assertThat(lookup).isEqualTo(node);
		assertThat(node).isEqualTo(Map.of("defaultShippingAddress",
				Map.of("city", "Arlington", "countryCode", "US", "isDefaultShipping", true), "addresses",
				Map.of("edges", List.of(Map.of("node", Map.of("line1", "1 Main St", "latitude", 38.88)))), "sources",
				Map.of("nodes",
						List.of(Map.of("brand", "visa", "last4", "4242", "metadata", Map.of("risk", "low"), "isDefault",
								true))),
				"defaultSource", Map.of("provider", "stripe", "metadata", Map.of("risk", "low"))));
	}

	/**
	 * An address's country comes with its English name and its region as one object; an
	 * address without them has none, in a page's batch and in a point lookup alike.
	 */
	@Test
	void countryAndRegionAreObjectsWithNames() {
		TestTenant tenant = this.tenants.create();
		long customer = CustomerFixtures.customer("places@example.test").insert(this.jdbc, tenant.partition());
		insert(tenant, """
				INSERT INTO address (tenant_id, livemode, customer_id, city, region_code, region_name, country_code,
				  created_at, updated_at)
				VALUES (:t, FALSE, :c, 'Berlin', 'BE', 'Berlin', 'DE', '2025-01-01 00:00:01', '2025-01-01 00:00:01')
				""", customer);
		insert(tenant, """
				INSERT INTO address (tenant_id, livemode, customer_id, city, region_name, created_at, updated_at)
				VALUES (:t, FALSE, :c, 'Munich', 'Bavaria', '2025-01-01 00:00:02', '2025-01-01 00:00:02')
				""", customer);
		insert(tenant, """
				INSERT INTO address (tenant_id, livemode, customer_id, city, country_code, created_at, updated_at)
				VALUES (:t, FALSE, :c, 'Arlington', 'US', '2025-01-01 00:00:03', '2025-01-01 00:00:03')
				""", customer);
		String selection = "addresses { nodes { city country { code name } region { code name } } }";
		Map<String, Object> page = tenant.graphQl()
			.document("{ customers(first: 1) { nodes { " + selection + " } } }")
			.execute()
			.path("customers.nodes[0]")
			.entity(Map.class)
			.get();
		Map<String, Object> lookup = tenant.graphQl()
			.document("query($id: ID!) { customer(id: $id) { " + selection + " } }")
			.variable("id", new GlobalId("Customer", customer).encode())
			.execute()
			.path("customer")
			.entity(Map.class)
			.get();

		Map<String, Object> noRegion = new java.util.HashMap<>(
				Map.of("city", "Arlington", "country", Map.of("code", "US", "name", "United States")));
		noRegion.put("region", null);
		Map<String, Object> nameOnly = new java.util.HashMap<>(Map.of("name", "Bavaria"));
		nameOnly.put("code", null);
		Map<String, Object> noCountry = new java.util.HashMap<>(Map.of("city", "Munich", "region", nameOnly));
		noCountry.put("country", null);
		assertThat(page).isEqualTo(lookup)
			.isEqualTo(Map.of("addresses",
					Map.of("nodes", List.of(Map.of("city", "Berlin", "country", Map.of("code", "DE", "name", "Germany"),
							"region", Map.of("code", "BE", "name", "Berlin")), noCountry, noRegion))));
	}

	private long insert(TestTenant tenant, String sql, long customer) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql(sql).param("t", tenant.partition().tenantId()).param("c", customer).update(key);
		return key.getKey().longValue();
	}

}
