package dev.customergraph.mutation;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.customer.CustomerApi;
import dev.customergraph.tenancy.Scope;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.customergraph.mutation.Mutations.get;
import static dev.customergraph.mutation.Mutations.run;
import static dev.customergraph.mutation.Mutations.userErrors;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mutation is refused to a read-only key, and confined to the key's partition: the
 * ids of another tenant, or of the same tenant's other mode, are NOT_FOUND. Neither
 * writes anything.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutationAccessTests {

	@Autowired
	TestTenants tenants;

	TestTenant owner;

	Map<String, String> ids;

	@BeforeAll
	void ownerWithData() {
		this.owner = this.tenants.create();
		String customerId = CustomerApi.create(this.owner, "owner@example.com",
				Map.of("tags", List.of("a"), "addresses", List.of(Map.of("city", "Rome"))));
		this.ids = Map.of("customer", customerId, "address", addressId(customerId), "attachedSource",
				source(customerId), "detachedSource", source(null));
	}

	/**
	 * Each mutation with an input naming the owner's rows, and the user error another
	 * partition gets.
	 */
	static List<Object[]> mutations() {
		return List.of(new Object[] { "customers#CreateCustomer", "createCustomer", null },
				new Object[] { "customers#UpdateCustomer", "updateCustomer", "NOT_FOUND input.id" },
				new Object[] { "customers#DeleteCustomer", "deleteCustomer", "NOT_FOUND input.id" },
				new Object[] { "customers#EraseCustomer", "eraseCustomer", "NOT_FOUND input.id" },
				new Object[] { "customers#AddTags", "addCustomerTags", "NOT_FOUND input.id" },
				new Object[] { "customers#RemoveTags", "removeCustomerTags", "NOT_FOUND input.id" },
				new Object[] { "customerAddresses#CreateAddress", "createCustomerAddress",
						"NOT_FOUND input.customerId" },
				new Object[] { "customerAddresses#UpdateAddress", "updateCustomerAddress", "NOT_FOUND input.id" },
				new Object[] { "customerAddresses#DeleteAddress", "deleteCustomerAddress", "NOT_FOUND input.id" },
				new Object[] { "customerAddresses#SetDefaultAddress", "setDefaultCustomerAddress",
						"NOT_FOUND input.customerId" },
				new Object[] { "sources#CreateSource", "createSource", "NOT_FOUND input.customerId" },
				new Object[] { "sources#AttachSource", "attachSource", "NOT_FOUND input.customerId" },
				new Object[] { "sources#DetachSource", "detachSource", "NOT_FOUND input.customerId" });
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("mutations")
	void aReadOnlyKeyIsForbiddenAndWritesNothing(String operation, String field, String unused) {
		TestTenant readOnly = this.tenants.keyFor(this.owner.name(), false, EnumSet.of(Scope.READ));
		Map<String, Object> before = snapshot();
		String[] parts = operation.split("#");
		readOnly.graphQl()
			.documentName(parts[0])
			.operationName(parts[1])
			.variable("input", input(field))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")))
			.path("")
			.pathDoesNotExist();
		assertThat(snapshot()).isEqualTo(before);
	}

	/** The mutations whose input names an existing row: all but createCustomer. */
	static List<Object[]> mutationsNamingRows() {
		return mutations().stream().filter((mutation) -> mutation[2] != null).toList();
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("mutationsNamingRows")
	void anotherPartitionsIdsAreNotFoundAndWriteNothing(String operation, String field, String expected) {
		Map<String, Object> before = snapshot();
		TestTenant otherTenant = this.tenants.create();
		TestTenant liveMode = this.tenants.keyFor(this.owner.name(), true, EnumSet.of(Scope.READ, Scope.WRITE));
		for (TestTenant stranger : List.of(otherTenant, liveMode)) {
			assertThat(userErrors(run(stranger, operation, field, input(field)))).containsExactly(expected);
		}
		assertThat(snapshot()).isEqualTo(before);
	}

	private Map<String, Object> input(String field) {
		String customerId = this.ids.get("customer");
		return switch (field) {
			case "createCustomer" -> Map.of("email", "new@example.com");
			case "updateCustomer" -> Map.of("id", customerId, "firstName", "X");
			case "deleteCustomer", "eraseCustomer" -> Map.of("id", customerId);
			case "addCustomerTags", "removeCustomerTags" -> Map.of("id", customerId, "tags", List.of("a", "b"));
			case "createCustomerAddress" -> Map.of("customerId", customerId, "city", "X");
			case "updateCustomerAddress" -> Map.of("id", this.ids.get("address"), "city", "X");
			case "deleteCustomerAddress" -> Map.of("id", this.ids.get("address"));
			case "setDefaultCustomerAddress" ->
				Map.of("customerId", customerId, "addressId", this.ids.get("address"), "kind", "BOTH");
			case "createSource" -> Map.of("type", "CARD", "provider", "p", "customerId", customerId);
			case "attachSource" -> Map.of("customerId", customerId, "sourceId", this.ids.get("detachedSource"));
			case "detachSource" -> Map.of("customerId", customerId, "sourceId", this.ids.get("attachedSource"));
			default -> throw new IllegalArgumentException(field);
		};
	}

	/** Everything the owner's key can see that a mutation could change. */
	private Map<String, Object> snapshot() {
		return this.owner.graphQl()
			.document(
					"""
							{ customers(first: 20) { totalCount nodes { id email firstName tags version updatedAt
							    addresses(first: 3) { nodes { id city updatedAt } } defaultShippingAddress { id } defaultSource { id } } }
							  sources(first: 20) { totalCount nodes { id customer { id } updatedAt } } }""")
			.execute()
			.path("")
			.entity(Map.class)
			.get();
	}

	private String addressId(String customerId) {
		List<Map<String, Object>> addresses = get(CustomerApi.read(this.owner, customerId), "addresses.nodes");
		return (String) addresses.get(0).get("id");
	}

	private String source(String customerId) {
		Map<String, Object> input = (customerId != null)
				? Map.of("type", "CARD", "provider", "p", "customerId", customerId)
				: Map.of("type", "CARD", "provider", "p");
		return get(run(this.owner, "sources#CreateSource", "createSource", input), "source.id");
	}

}
