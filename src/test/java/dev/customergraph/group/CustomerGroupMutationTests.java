package dev.customergraph.group;

import java.util.EnumSet;
import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.customer.CustomerApi;
import dev.customergraph.tenancy.Scope;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.customergraph.mutation.Mutations.get;
import static dev.customergraph.mutation.Mutations.input;
import static dev.customergraph.mutation.Mutations.run;
import static dev.customergraph.mutation.Mutations.userErrors;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * createCustomerGroup, updateCustomerGroup, deleteCustomerGroup and the groupId of
 * createCustomer and updateCustomer, through HTTP.
 */
@GatewayTest
class CustomerGroupMutationTests {

	@Autowired
	TestTenants tenants;

	TestTenant tenant;

	@BeforeEach
	void newTenant() {
		this.tenant = this.tenants.create();
	}

	@Test
	void aGroupIsCreatedUpdatedAndDeleted() {
		Map<String, Object> created = CustomerGroupApi.createPayload(this.tenant,
				Map.of("name", "  Wholesale ", "code", "WHOLESALE"));
		assertThat(userErrors(created)).isEmpty();
		String id = get(created, "customerGroup.id");
		assertThat((Map<String, Object>) get(created, "customerGroup")).containsEntry("name", "Wholesale")
			.containsEntry("code", "WHOLESALE")
			.containsEntry("customerCount", 0);
		Map<String, Object> renamed = CustomerGroupApi.update(this.tenant, Map.of("id", id, "name", "Trade"));
		assertThat(userErrors(renamed)).isEmpty();
		assertThat((Object) get(renamed, "customerGroup"))
			.isEqualTo(Map.of("id", id, "name", "Trade", "code", "WHOLESALE", "customerCount", 0));
		Map<String, Object> uncoded = CustomerGroupApi.update(this.tenant, input("id", id, "code", null));
		assertThat((Object) get(uncoded, "customerGroup"))
			.isEqualTo(input("id", id, "name", "Trade", "code", null, "customerCount", 0));
		Map<String, Object> deleted = CustomerGroupApi.delete(this.tenant, id);
		assertThat(userErrors(deleted)).isEmpty();
		assertThat((Object) get(deleted, "deletedCustomerGroupId")).isEqualTo(id);
		assertThat(groupById(id)).isNull();
		assertThat(userErrors(CustomerGroupApi.delete(this.tenant, id))).containsExactly("NOT_FOUND input.id");
		assertThat(userErrors(CustomerGroupApi.update(this.tenant, Map.of("id", id, "name", "Gone"))))
			.containsExactly("NOT_FOUND input.id");
	}

	@Test
	void invalidInputIsReportedWithItsPathsAndWritesNothing() {
		assertThat(userErrors(CustomerGroupApi.createPayload(this.tenant, Map.of("name", " ", "code", ""))))
			.containsExactly("INVALID input.code", "INVALID input.name");
		assertThat(userErrors(
				CustomerGroupApi.createPayload(this.tenant, Map.of("name", "n".repeat(101), "code", "c".repeat(65)))))
			.containsExactly("INVALID input.code", "INVALID input.name");
		assertThat(userErrors(CustomerGroupApi.createPayload(this.tenant, Map.of("name", "n".repeat(100))))).isEmpty();
		String id = CustomerGroupApi.create(this.tenant, "Retail");
		assertThat(userErrors(CustomerGroupApi.update(this.tenant, input("id", id, "name", null))))
			.containsExactly("INVALID input.name");
		assertThat(userErrors(CustomerGroupApi.update(this.tenant, input("id", "nope", "name", "X"))))
			.containsExactly("INVALID input.id");
		String customerId = CustomerApi.create(this.tenant, "c@example.com");
		assertThat(userErrors(CustomerGroupApi.update(this.tenant, input("id", customerId, "name", "X"))))
			.containsExactly("INVALID input.id");
		assertThat(userErrors(CustomerGroupApi.delete(this.tenant, customerId))).containsExactly("INVALID input.id");
		assertThat(groupById(id)).containsEntry("name", "Retail");
		assertThat(groupCount()).isEqualTo(2);
	}

	@Test
	void aNameOrCodeAnotherGroupHasIsTakenIgnoringCase() {
		assertThat(userErrors(CustomerGroupApi.createPayload(this.tenant, Map.of("name", "VIP", "code", "V"))))
			.isEmpty();
		assertThat(userErrors(CustomerGroupApi.createPayload(this.tenant, Map.of("name", "vip "))))
			.containsExactly("TAKEN input.name");
		assertThat(userErrors(CustomerGroupApi.createPayload(this.tenant, Map.of("name", "Gold", "code", "v"))))
			.containsExactly("TAKEN input.code");
		String gold = CustomerGroupApi.create(this.tenant, "Gold");
		assertThat(userErrors(CustomerGroupApi.update(this.tenant, Map.of("id", gold, "name", "Vip"))))
			.containsExactly("TAKEN input.name");
		assertThat(userErrors(CustomerGroupApi.update(this.tenant, Map.of("id", gold, "code", "V"))))
			.containsExactly("TAKEN input.code");
		assertThat(groupById(gold)).containsEntry("name", "Gold").containsEntry("code", null);
		// Another partition has names of its own.
		assertThat(userErrors(CustomerGroupApi.createPayload(this.tenants.create(), Map.of("name", "VIP")))).isEmpty();
	}

	@Test
	void customersJoinMoveAndLeaveGroupsByGroupId() {
		String retail = CustomerGroupApi.create(this.tenant, "Retail");
		String trade = CustomerGroupApi.create(this.tenant, "Trade");
		Map<String, Object> created = run(this.tenant, "customerGroups#CreateCustomerInGroup", "createCustomer",
				Map.of("email", "g@example.com", "groupId", retail));
		assertThat(userErrors(created)).isEmpty();
		String customerId = get(created, "customer.id");
		assertThat((Object) get(created, "customer.group")).isEqualTo(Map.of("id", retail, "name", "Retail"));
		Map<String, Object> moved = CustomerGroupApi.move(this.tenant, customerId, trade);
		assertThat((Object) get(moved, "customer")).isEqualTo(input("id", customerId, "version", 2, "firstName", null,
				"group", Map.of("id", trade, "name", "Trade")));
		Map<String, Object> renamed = run(this.tenant, "customerGroups#MoveCustomer", "updateCustomer",
				Map.of("id", customerId, "firstName", "Ada"));
		assertThat((Object) get(renamed, "customer.group")).isEqualTo(Map.of("id", trade, "name", "Trade"));
		Map<String, Object> left = CustomerGroupApi.move(this.tenant, customerId, null);
		assertThat((Object) get(left, "customer"))
			.isEqualTo(input("id", customerId, "version", 4, "firstName", "Ada", "group", null));
		Map<String, Object> plain = run(this.tenant, "customerGroups#CreateCustomerInGroup", "createCustomer",
				Map.of("email", "p@example.com"));
		assertThat((Object) get(plain, "customer.group")).isNull();
	}

	@Test
	void aGroupThatIsNotThereIsNotFoundForCustomersAndWritesNothing() {
		String gone = CustomerGroupApi.create(this.tenant, "Gone");
		CustomerGroupApi.delete(this.tenant, gone);
		assertThat(userErrors(run(this.tenant, "customerGroups#CreateCustomerInGroup", "createCustomer",
				Map.of("email", "n@example.com", "groupId", gone))))
			.containsExactly("NOT_FOUND input.groupId");
		assertThat(CustomerApi.customerCount(this.tenant)).isZero();
		String customerId = CustomerApi.create(this.tenant, "c@example.com");
		assertThat(userErrors(run(this.tenant, "customerGroups#MoveCustomer", "updateCustomer",
				Map.of("id", customerId, "firstName", "Ada", "groupId", gone))))
			.containsExactly("NOT_FOUND input.groupId");
		assertThat(CustomerApi.read(this.tenant, customerId)).containsEntry("version", 1)
			.containsEntry("firstName", null);
		assertThat(userErrors(CustomerGroupApi.move(this.tenant, customerId, customerId)))
			.containsExactly("INVALID input.groupId");
		assertThat(userErrors(run(this.tenant, "customerGroups#CreateCustomerInGroup", "createCustomer",
				Map.of("email", "m@example.com", "groupId", "not an id"))))
			.containsExactly("INVALID input.groupId");
	}

	@Test
	void aGroupWithCustomersIsNotDeletedUntilTheyLeave() {
		String group = CustomerGroupApi.create(this.tenant, "Members");
		String customerId = CustomerApi.create(this.tenant, "m@example.com", Map.of("groupId", group));
		assertThat(userErrors(CustomerGroupApi.delete(this.tenant, group))).containsExactly("CONFLICT input.id");
		assertThat(groupById(group)).containsEntry("customerCount", 1);
		CustomerGroupApi.move(this.tenant, customerId, null);
		assertThat(userErrors(CustomerGroupApi.delete(this.tenant, group))).isEmpty();
		assertThat(groupById(group)).isNull();
	}

	@Test
	void aReadOnlyKeyIsForbiddenAndWritesNothing() {
		String group = CustomerGroupApi.create(this.tenant, "Kept");
		TestTenant readOnly = this.tenants.keyFor(this.tenant.name(), false, EnumSet.of(Scope.READ));
		Map<String, Map<String, Object>> inputs = Map.of("CreateGroup", Map.of("name", "New"), "UpdateGroup",
				Map.of("id", group, "name", "Renamed"), "DeleteGroup", Map.of("id", group));
		inputs.forEach((operation, input) -> readOnly.graphQl()
			.documentName("customerGroups")
			.operationName(operation)
			.variable("input", input)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN"))));
		assertThat(groupById(group)).containsEntry("name", "Kept");
		assertThat(groupCount()).isOne();
	}

	private Map<String, Object> groupById(String id) {
		return this.tenant.graphQl()
			.document("query($id: ID!) { customerGroup(id: $id) { id name code customerCount } }")
			.variable("id", id)
			.execute()
			.returnResponse()
			.field("customerGroup")
			.getValue();
	}

	private int groupCount() {
		return this.tenant.graphQl()
			.document("{ customerGroups { totalCount } }")
			.execute()
			.path("customerGroups.totalCount")
			.entity(Integer.class)
			.get();
	}

}
