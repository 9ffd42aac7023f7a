package dev.customergraph.customer;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.customergraph.GatewayTest;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.customergraph.mutation.Mutations.get;
import static dev.customergraph.mutation.Mutations.input;
import static dev.customergraph.mutation.Mutations.run;
import static dev.customergraph.mutation.Mutations.userErrors;
import static org.assertj.core.api.Assertions.assertThat;

/** createCustomer, updateCustomer, deleteCustomer and the tag mutations, through HTTP. */
@GatewayTest
class CustomerMutationTests {

	/** Every writable field set, so a test can see which ones an update changed. */
	static final Map<String, Object> FULL = Map.ofEntries(Map.entry("firstName", "Ada"),
			Map.entry("lastName", "Lovelace"), Map.entry("phone", "+44 20 7946 0000"), Map.entry("locale", "en_GB"),
			Map.entry("type", "BUSINESS"), Map.entry("enabled", false), Map.entry("code", "C-1"),
			Map.entry("tags", List.of(" vip ", "b", "VIP")), Map.entry("vatNumber", "GB123"),
			Map.entry("acceptsMarketing", true), Map.entry("avatarUrl", "https://example.com/a.png"),
			Map.entry("metadata", Map.of("tier", 2)),
			Map.entry("paymentProviders", List.of(Map.of("provider", "stripe", "customerRef", "cus_1"))),
			Map.entry("requestToBeForgotten", true));

	@Autowired
	TestTenants tenants;

	TestTenant tenant;

	@BeforeEach
	void newTenant() {
		this.tenant = this.tenants.create();
	}

	@Test
	void createCustomerWritesEveryFieldWithAddressesAndDefaults() {
		Map<String, Object> input = input("email", "Ada@Example.com", "addresses",
				List.of(Map.of("city", "London", "countryCode", "GB", "defaultShipping", true),
						Map.of("city", "Paris", "countryCode", "FR", "defaultBilling", true)));
		input.putAll(FULL);
		Map<String, Object> payload = CustomerApi.createPayload(this.tenant, input);
		assertThat(userErrors(payload)).isEmpty();
		Map<String, Object> customer = get(payload, "customer");
		assertThat(customer).containsEntry("email", "Ada@Example.com")
			.containsEntry("displayName", "Ada Lovelace")
			.containsEntry("phone", "+44 20 7946 0000")
			.containsEntry("locale", "en_GB")
			.containsEntry("type", "BUSINESS")
			.containsEntry("enabled", false)
			.containsEntry("code", "C-1")
			.containsEntry("tags", List.of("b", "vip"))
			.containsEntry("vatNumber", "GB123")
			.containsEntry("acceptsMarketing", true)
			.containsEntry("avatarUrl", "https://example.com/a.png")
			.containsEntry("metadata", Map.of("tier", 2))
			.containsEntry("paymentProviders", List.of(Map.of("provider", "stripe", "customerRef", "cus_1")))
			.containsEntry("requestToBeForgotten", true)
			.containsEntry("livemode", false)
			.containsEntry("version", 1);
		List<Map<String, Object>> addresses = get(payload, "customer.addresses.nodes");
		assertThat(addresses).extracting((address) -> address.get("city")).containsExactly("London", "Paris");
		assertThat((String) get(payload, "customer.defaultShippingAddress.id")).isEqualTo(addresses.get(0).get("id"));
		assertThat((String) get(payload, "customer.defaultBillingAddress.id")).isEqualTo(addresses.get(1).get("id"));
	}

	@Test
	void createCustomerHasTheContractDefaults() {
		Map<String, Object> customer = get(CustomerApi.createPayload(this.tenant, Map.of("email", "x@example.com")),
				"customer");
		assertThat(customer).containsEntry("displayName", "x@example.com")
			.containsEntry("type", "INDIVIDUAL")
			.containsEntry("enabled", true)
			.containsEntry("acceptsMarketing", false)
			.containsEntry("requestToBeForgotten", false)
			.containsEntry("tags", List.of())
			.containsEntry("paymentProviders", List.of())
			.containsEntry("metadata", null);
	}

	@Test
	void createCustomerReportsEveryInvalidFieldWithItsPathAndWritesNothing() {
		Map<String, Object> payload = CustomerApi.createPayload(this.tenant,
				Map.of("email", "not-an-email", "phone", "call me", "locale", "english", "code", "", "tags",
						List.of("ok", " "), "avatarUrl", "not a url", "vatNumber", "x".repeat(33), "paymentProviders",
						List.of(Map.of("provider", "", "customerRef", "cus_1 ")), "addresses",
						List.of(Map.of("countryCode", "XX", "latitude", 91.0, "longitude", -181.0))));
		assertThat(userErrors(payload)).containsExactlyInAnyOrder("INVALID input.addresses.0.countryCode",
				"INVALID input.addresses.0.latitude", "INVALID input.addresses.0.longitude", "INVALID input.avatarUrl",
				"INVALID input.code", "INVALID input.email", "INVALID input.locale",
				"INVALID input.paymentProviders.0.provider", "INVALID input.paymentProviders.0.customerRef",
				"INVALID input.phone", "INVALID input.tags.1", "INVALID input.vatNumber");
		assertThat((Object) get(payload, "customer")).isNull();
		assertThat(CustomerApi.customerCount(this.tenant)).isZero();
	}

	@Test
	void metadataOverTenKilobytesIsTooLargeAndMustBeAnObject() {
		Map<String, Object> tooLarge = CustomerApi.createPayload(this.tenant,
				Map.of("email", "m@example.com", "metadata", Map.of("notes", "x".repeat(10_240))));
		assertThat(userErrors(tooLarge)).containsExactly("TOO_LARGE input.metadata");
		Map<String, Object> notAnObject = CustomerApi.createPayload(this.tenant,
				Map.of("email", "m@example.com", "metadata", List.of(1, 2)));
		assertThat(userErrors(notAnObject)).containsExactly("INVALID input.metadata");
		assertThat(CustomerApi.customerCount(this.tenant)).isZero();
	}

	@Test
	void emailIsTakenCaseInsensitivelyAndCodeIsTaken() {
		CustomerApi.create(this.tenant, "taken@example.com", Map.of("code", "K1"));
		assertThat(userErrors(CustomerApi.createPayload(this.tenant, Map.of("email", "TAKEN@example.COM"))))
			.containsExactly("TAKEN input.email");
		assertThat(
				userErrors(CustomerApi.createPayload(this.tenant, Map.of("email", "other@example.com", "code", "k1"))))
			.containsExactly("TAKEN input.code");
		assertThat(CustomerApi.customerCount(this.tenant)).isOne();
	}

	@Test
	void moreInitialAddressesThanTheLimitIsLimitExceededAndWritesNothing() {
		List<Map<String, Object>> four = IntStream.range(0, 4)
			.mapToObj((i) -> Map.<String, Object>of("city", "C" + i))
			.toList();
		Map<String, Object> payload = CustomerApi.createPayload(this.tenant,
				Map.of("email", "many@example.com", "addresses", four));
		assertThat(userErrors(payload)).containsExactly("LIMIT_EXCEEDED input.addresses");
		assertThat(CustomerApi.customerCount(this.tenant)).isZero();
	}

	@Test
	void absentFieldsStayAndVersionAndUpdatedAtMove() {
		String id = createFull("u@example.com");
		Map<String, Object> before = CustomerApi.read(this.tenant, id);
		Map<String, Object> payload = update(input("id", id, "firstName", "Grace"));
		assertThat(userErrors(payload)).isEmpty();
		Map<String, Object> after = CustomerApi.read(this.tenant, id);
		assertThat(after).containsEntry("firstName", "Grace").containsEntry("version", 2);
		assertThat(OffsetDateTime.parse((String) after.get("updatedAt")))
			.isAfter(OffsetDateTime.parse((String) before.get("updatedAt")));
		after.keySet()
			.stream()
			.filter((field) -> !List.of("firstName", "version", "updatedAt").contains(field))
			.forEach((field) -> assertThat(after.get(field)).as(field).isEqualTo(before.get(field)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "firstName", "lastName", "phone", "locale", "code", "vatNumber", "avatarUrl", "metadata" })
	void explicitNullClearsANullableFieldAndOnlyIt(String field) {
		String id = createFull(field + "@example.com");
		Map<String, Object> before = CustomerApi.read(this.tenant, id);
		assertThat(before.get(field)).isNotNull();
		assertThat(userErrors(update(input("id", id, field, null)))).isEmpty();
		Map<String, Object> after = CustomerApi.read(this.tenant, id);
		assertThat(after.get(field)).isNull();
		assertThat(after.get("version")).isEqualTo(2);
		after.keySet()
			.stream()
			.filter((other) -> !List.of(field, "version", "updatedAt").contains(other))
			.forEach((other) -> assertThat(after.get(other)).as(other).isEqualTo(before.get(other)));
	}

	@Test
	void explicitNullEmptiesTheListFields() {
		String id = createFull("lists@example.com");
		assertThat(userErrors(update(input("id", id, "tags", null, "paymentProviders", null)))).isEmpty();
		assertThat(CustomerApi.read(this.tenant, id)).containsEntry("tags", List.of())
			.containsEntry("paymentProviders", List.of())
			.containsEntry("firstName", "Ada");
	}

	@Test
	void updateReplacesTagsNormalized() {
		String id = createFull("tags@example.com");
		Map<String, Object> payload = update(input("id", id, "tags", List.of(" z ", "a", "Z")));
		assertThat((List<String>) get(payload, "customer.tags")).containsExactly("a", "z");
	}

	@Test
	void nullForAFieldThatCannotBeEmptyIsInvalidAndWritesNothing() {
		String id = createFull("required@example.com");
		Map<String, Object> payload = update(input("id", id, "email", null, "type", null, "enabled", null,
				"acceptsMarketing", null, "requestToBeForgotten", null));
		assertThat(userErrors(payload)).containsExactlyInAnyOrder("INVALID input.email", "INVALID input.type",
				"INVALID input.enabled", "INVALID input.acceptsMarketing", "INVALID input.requestToBeForgotten");
		assertThat(CustomerApi.read(this.tenant, id)).containsEntry("version", 1);
	}

	@Test
	void updateValidatesPresentValuesLikeCreateAndWritesNothing() {
		String id = createFull("valid@example.com");
		Map<String, Object> payload = update(input("id", id, "email", "nope", "locale", "EN", "tags", List.of(""),
				"metadata", Map.of("notes", "x".repeat(10_240)), "firstName", "Changed"));
		assertThat(userErrors(payload)).containsExactlyInAnyOrder("INVALID input.email", "INVALID input.locale",
				"INVALID input.tags.0", "TOO_LARGE input.metadata");
		assertThat(CustomerApi.read(this.tenant, id)).containsEntry("firstName", "Ada").containsEntry("version", 1);
	}

	@Test
	void staleExpectedVersionIsConflictAndWritesNothing() {
		String id = createFull("v@example.com");
		assertThat(userErrors(update(input("id", id, "firstName", "B", "expectedVersion", 1)))).isEmpty();
		Map<String, Object> stale = update(input("id", id, "firstName", "C", "expectedVersion", 1));
		assertThat(userErrors(stale)).containsExactly("CONFLICT input.expectedVersion");
		assertThat(CustomerApi.read(this.tenant, id)).containsEntry("firstName", "B").containsEntry("version", 2);
	}

	@Test
	void updateToAnotherCustomersEmailOrCodeIsTakenAndWritesNothing() {
		CustomerApi.create(this.tenant, "first@example.com", Map.of("code", "A"));
		String id = createFull("second@example.com");
		assertThat(userErrors(update(input("id", id, "email", "FIRST@example.com", "firstName", "X"))))
			.containsExactly("TAKEN input.email");
		assertThat(userErrors(update(input("id", id, "code", "a")))).containsExactly("TAKEN input.code");
		assertThat(CustomerApi.read(this.tenant, id)).containsEntry("firstName", "Ada").containsEntry("version", 1);
	}

	@Test
	void unknownOrMalformedIdsAreUserErrors() {
		String id = createFull("gone@example.com");
		assertThat(userErrors(run(this.tenant, "customers#DeleteCustomer", "deleteCustomer", Map.of("id", id))))
			.isEmpty();
		assertThat(userErrors(update(input("id", id, "firstName", "X")))).containsExactly("NOT_FOUND input.id");
		assertThat(userErrors(update(input("id", "nonsense", "firstName", "X")))).containsExactly("INVALID input.id");
		assertThat(userErrors(run(this.tenant, "customers#DeleteCustomer", "deleteCustomer", Map.of("id", id))))
			.containsExactly("NOT_FOUND input.id");
		assertThat(userErrors(tags("AddTags", "addCustomerTags", id, List.of("a"))))
			.containsExactly("NOT_FOUND input.id");
		assertThat(userErrors(tags("RemoveTags", "removeCustomerTags", id, List.of("a"))))
			.containsExactly("NOT_FOUND input.id");
	}

	@Test
	void deleteCustomerDeletesItsAddressesAndDetachesItsSources() {
		String id = CustomerApi.create(this.tenant, "d@example.com",
				Map.of("addresses", List.of(Map.of("city", "Berlin", "defaultShipping", true))));
		String addressId = get(CustomerApi.read(this.tenant, id), "defaultShippingAddress.id");
		String sourceId = get(run(this.tenant, "sources#CreateSource", "createSource",
				Map.of("type", "CARD", "provider", "stripe", "customerId", id)), "source.id");
		Map<String, Object> payload = run(this.tenant, "customers#DeleteCustomer", "deleteCustomer", Map.of("id", id));
		assertThat(payload).containsEntry("deletedCustomerId", id);
		Map<String, Object> after = this.tenant.graphQl()
			.document("""
					query($id: ID!, $addressId: ID!, $sourceId: ID!) {
					  customer(id: $id) { id }
					  address: node(id: $addressId) { id }
					  source(id: $sourceId) { id customer { id } }
					  customerByEmail(email: "d@example.com") { id }
					}""")
			.variable("id", id)
			.variable("addressId", addressId)
			.variable("sourceId", sourceId)
			.execute()
			.path("")
			.entity(Map.class)
			.get();
		assertThat(after).containsEntry("customer", null)
			.containsEntry("address", null)
			.containsEntry("customerByEmail", null)
			.containsEntry("source", input("id", sourceId, "customer", null));
	}

	@Test
	void tagsAreAddedAndRemovedNormalizedEachCountingAsOneChange() {
		String id = CustomerApi.create(this.tenant, "t@example.com", Map.of("tags", List.of("a")));
		Map<String, Object> added = tags("AddTags", "addCustomerTags", id, List.of(" c ", "b", "A", "c"));
		assertThat(userErrors(added)).isEmpty();
		assertThat((Object) get(added, "customer"))
			.isEqualTo(Map.of("id", id, "tags", List.of("a", "b", "c"), "version", 2));
		Map<String, Object> removed = tags("RemoveTags", "removeCustomerTags", id, List.of("a", " c", "absent"));
		assertThat((Object) get(removed, "customer")).isEqualTo(Map.of("id", id, "tags", List.of("b"), "version", 3));
	}

	@Test
	void tagsWithCommasRoundTripExactlyThroughEveryTagWrite() {
		String id = CustomerApi.create(this.tenant, "comma@example.com", Map.of("tags", List.of("a,b", "c")));
		assertThat(CustomerApi.read(this.tenant, id)).containsEntry("tags", List.of("a,b", "c"));
		tags("AddTags", "addCustomerTags", id, List.of("x, y"));
		assertThat(CustomerApi.read(this.tenant, id)).containsEntry("tags", List.of("a,b", "c", "x, y"));
		tags("RemoveTags", "removeCustomerTags", id, List.of("c"));
		assertThat(CustomerApi.read(this.tenant, id)).containsEntry("tags", List.of("a,b", "x, y"));
		update(input("id", id, "tags", List.of(",")));
		assertThat(CustomerApi.read(this.tenant, id)).containsEntry("tags", List.of(","));
		this.tenant.graphQl()
			.document("{ customers(filter: {tags: [\",\"]}) { nodes { id tags } } }")
			.execute()
			.path("customers.nodes")
			.entity(List.class)
			.isEqualTo(List.of(Map.of("id", id, "tags", List.of(","))));
	}

	@Test
	void moreThanFiftyTagsIsLimitExceededAndWritesNothing() {
		List<String> forty = IntStream.range(0, 40).mapToObj((i) -> "t" + i).toList();
		String id = CustomerApi.create(this.tenant, "many@example.com", Map.of("tags", forty));
		List<String> eleven = IntStream.range(40, 51).mapToObj((i) -> "t" + i).toList();
		assertThat(userErrors(tags("AddTags", "addCustomerTags", id, eleven)))
			.containsExactly("LIMIT_EXCEEDED input.tags");
		Map<String, Object> customer = CustomerApi.read(this.tenant, id);
		assertThat((List<?>) customer.get("tags")).hasSize(40);
		assertThat(customer).containsEntry("version", 1);
		List<String> tooLong = new ArrayList<>(List.of("x".repeat(65)));
		assertThat(userErrors(tags("AddTags", "addCustomerTags", id, tooLong))).containsExactly("INVALID input.tags.0");
	}

	/**
	 * updateCustomer makes one of the customer's own sources its default, or clears it;
	 * another customer's source is NOT_FOUND, and nothing of that update is written.
	 */
	@Test
	void updateSetsTheDefaultSourceOnlyFromTheCustomersOwn() {
		String id = CustomerApi.create(this.tenant, "ds@example.com");
		String own = sourceOf(id);
		String othersSource = sourceOf(CustomerApi.create(this.tenant, "other@example.com"));

		assertThat(userErrors(update(Map.of("id", id, "defaultSourceId", own)))).isEmpty();
		assertThat(defaultSource(id)).isEqualTo(Map.of("id", own));

		assertThat(userErrors(update(Map.of("id", id, "firstName", "Changed", "defaultSourceId", othersSource))))
			.containsExactly("NOT_FOUND input.defaultSourceId");
		assertThat(defaultSource(id)).isEqualTo(Map.of("id", own));
		// Created (1), its source attached (2), the default set (3); the refusal wrote
		// nothing.
		assertThat(CustomerApi.read(this.tenant, id)).containsEntry("version", 3);

		assertThat(userErrors(update(input("id", id, "defaultSourceId", null)))).isEmpty();
		assertThat(defaultSource(id)).isNull();
	}

	private String sourceOf(String customerId) {
		return get(run(this.tenant, "sources#CreateSource", "createSource",
				Map.of("type", "CARD", "provider", "stripe", "customerId", customerId)), "source.id");
	}

	private @Nullable Object defaultSource(String customerId) {
		return this.tenant.graphQl()
			.document("query($id: ID!) { customer(id: $id) { defaultSource { id } } }")
			.variable("id", customerId)
			.execute()
			.path("customer")
			.entity(Map.class)
			.get()
			.get("defaultSource");
	}

	private String createFull(String email) {
		return CustomerApi.create(this.tenant, email, FULL);
	}

	private Map<String, Object> update(Map<String, Object> input) {
		return run(this.tenant, "customers#UpdateCustomer", "updateCustomer", input);
	}

	private Map<String, Object> tags(String operation, String field, String id, List<String> tags) {
		return run(this.tenant, "customers#" + operation, field, Map.of("id", id, "tags", tags));
	}

}
