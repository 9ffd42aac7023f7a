package dev.customergraph.group;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.customer.CustomerApi;
import dev.customergraph.tenancy.Scope;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import static dev.customergraph.mutation.Mutations.get;
import static dev.customergraph.mutation.Mutations.input;
import static dev.customergraph.mutation.Mutations.run;
import static dev.customergraph.mutation.Mutations.userErrors;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * customerGroup, customerGroups, node, a group's customers and count, Customer.group and
 * filter.groupIds through HTTP; another partition's groups behave as if they did not
 * exist.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerGroupQueryTests {

	@Autowired
	TestTenants tenants;

	TestTenant owner;

	String retail;

	String trade;

	String empty;

	/** The retail customers, oldest first. */
	List<String> retailCustomers;

	String tradeCustomer;

	@BeforeAll
	void groupsWithCustomers() {
		this.owner = this.tenants.create();
		this.trade = CustomerGroupApi.create(this.owner, "Trade");
		this.retail = CustomerGroupApi.create(this.owner, "retail");
		this.empty = CustomerGroupApi.create(this.owner, "Empty");
		this.retailCustomers = List.of(customerIn(this.retail, "r1@example.com"),
				customerIn(this.retail, "r2@example.com"), customerIn(this.retail, "r3@example.com"));
		this.tradeCustomer = customerIn(this.trade, "t1@example.com");
		CustomerApi.create(this.owner, "none@example.com");
	}

	@Test
	void groupsAreListedByNameIgnoringCaseAndPaged() {
		GraphQlTester.Response first = query("""
				{ customerGroups(first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { id name } } }""");
		first.path("customerGroups.nodes[*].name").entityList(String.class).containsExactly("Empty", "retail");
		first.path("customerGroups.totalCount").entity(Integer.class).isEqualTo(3);
		first.path("customerGroups.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = first.path("customerGroups.pageInfo.endCursor").entity(String.class).get();
		this.owner.graphQl()
			.document("""
					query($after: String) { customerGroups(first: 2, after: $after) {
					  pageInfo { hasNextPage hasPreviousPage } nodes { id } } }""")
			.variable("after", cursor)
			.execute()
			.path("customerGroups.nodes[*].id")
			.entityList(String.class)
			.containsExactly(this.trade)
			.path("customerGroups.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(false);
		query("{ customerGroups(last: 1) { nodes { name } } }").path("customerGroups.nodes[*].name")
			.entityList(String.class)
			.containsExactly("Trade");
	}

	@Test
	void aGroupShowsItsCustomersNewestFirstWithTheirCount() {
		GraphQlTester.Response response = this.owner.graphQl()
			.document(
					"""
							query($id: ID!) { customerGroup(id: $id) { name customerCount
							  customers(first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { id email group { id } } } } }""")
			.variable("id", this.retail)
			.execute();
		response.path("customerGroup.customerCount").entity(Integer.class).isEqualTo(3);
		response.path("customerGroup.customers.totalCount").entity(Integer.class).isEqualTo(3);
		response.path("customerGroup.customers.nodes[*].id")
			.entityList(String.class)
			.containsExactly(this.retailCustomers.get(2), this.retailCustomers.get(1));
		response.path("customerGroup.customers.nodes[*].group.id")
			.entityList(String.class)
			.containsExactly(this.retail, this.retail);
		String cursor = response.path("customerGroup.customers.pageInfo.endCursor").entity(String.class).get();
		this.owner.graphQl()
			.document("""
					query($id: ID!, $after: String) { customerGroup(id: $id) {
					  customers(first: 2, after: $after) { pageInfo { hasNextPage } nodes { id } } } }""")
			.variable("id", this.retail)
			.variable("after", cursor)
			.execute()
			.path("customerGroup.customers.nodes[*].id")
			.entityList(String.class)
			.containsExactly(this.retailCustomers.get(0))
			.path("customerGroup.customers.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(false);
		this.owner.graphQl()
			.document("query($id: ID!) { customerGroup(id: $id) { customers(last: 2) { nodes { id } } } }")
			.variable("id", this.retail)
			.execute()
			.path("customerGroup.customers.nodes[*].id")
			.entityList(String.class)
			.containsExactly(this.retailCustomers.get(1), this.retailCustomers.get(0));
		this.owner.graphQl()
			.document("query($id: ID!) { customerGroup(id: $id) { customerCount customers { nodes { id } } } }")
			.variable("id", this.empty)
			.execute()
			.path("customerGroup")
			.entity(Map.class)
			.isEqualTo(Map.of("customerCount", 0, "customers", Map.of("nodes", List.of())));
	}

	@Test
	void aCursorOfAnotherConnectionIsInvalid() {
		String customersCursor = query("{ customers(first: 1) { pageInfo { endCursor } } }")
			.path("customers.pageInfo.endCursor")
			.entity(String.class)
			.get();
		this.owner.graphQl()
			.document("""
					query($id: ID!, $after: String) { customerGroup(id: $id) {
					  customers(after: $after) { nodes { id } } } }""")
			.variable("id", this.retail)
			.variable("after", customersCursor)
			.execute()
			.errors()
			.satisfy(CustomerGroupQueryTests::oneInvalidError);
	}

	@Test
	void nodeResolvesAGroupAndCustomersShowTheirGroup() {
		this.owner.graphQl()
			.document("query($ids: [ID!]!) { nodes(ids: $ids) { id ... on CustomerGroup { name } } }")
			.variable("ids", List.of(this.trade, this.retail))
			.execute()
			.path("nodes[*].name")
			.entityList(String.class)
			.containsExactly("Trade", "retail");
		assertThat(this.owner.graphQl()
			.document("""
					query($id: ID!) { customer(id: $id) { group { name } }
					  customerByEmail(email: "none@example.com") { group { name } } }""")
			.variable("id", this.tradeCustomer)
			.execute()
			.returnResponse()
			.<Map<String, Object>>getData())
			.isEqualTo(Map.of("customer", Map.of("group", Map.of("name", "Trade")), "customerByEmail",
					input("group", null)));
		query("{ customers(first: 10, orderBy: {field: EMAIL}) { nodes { email group { name } } } }")
			.path("customers.nodes[*]")
			.entityList(Map.class)
			.containsExactly(input("email", "none@example.com", "group", null),
					Map.of("email", "r1@example.com", "group", Map.of("name", "retail")),
					Map.of("email", "r2@example.com", "group", Map.of("name", "retail")),
					Map.of("email", "r3@example.com", "group", Map.of("name", "retail")),
					Map.of("email", "t1@example.com", "group", Map.of("name", "Trade")));
	}

	@Test
	void customersAreFilteredByAnyOfTheirGroups() {
		assertThat(filtered(List.of(this.trade))).containsExactly(this.tradeCustomer);
		assertThat(filtered(List.of(this.trade, this.retail))).hasSize(4).contains(this.tradeCustomer);
		assertThat(filtered(List.of(this.empty))).isEmpty();
		assertThat(filtered(List.of())).isEmpty();
		this.owner.graphQl()
			.document("""
					query($ids: [ID!]) {
					  customers(filter: {groupIds: $ids, email: "T1@example.com"}) { totalCount } }""")
			.variable("ids", List.of(this.trade, this.retail))
			.execute()
			.path("customers.totalCount")
			.entity(Integer.class)
			.isEqualTo(1);
		this.owner.graphQl()
			.document("query($ids: [ID!]) { customers(filter: {groupIds: $ids}) { totalCount } }")
			.variable("ids", List.of(this.tradeCustomer))
			.execute()
			.errors()
			.satisfy(CustomerGroupQueryTests::oneInvalidError);
	}

	@Test
	void anotherPartitionsGroupsBehaveAsIfTheyDidNotExist() {
		TestTenant stranger = this.tenants.create();
		TestTenant ownerLive = this.tenants.keyFor(this.owner.name(), true, EnumSet.of(Scope.READ, Scope.WRITE));
		for (TestTenant other : List.of(stranger, ownerLive)) {
			Map<String, Object> data = other.graphQl()
				.document("""
						query($id: ID!, $ids: [ID!]) { customerGroup(id: $id) { id } node(id: $id) { id }
						  customerGroups { totalCount } customers(filter: {groupIds: $ids}) { totalCount } }""")
				.variable("id", this.retail)
				.variable("ids", List.of(this.retail, this.trade))
				.execute()
				.returnResponse()
				.getData();
			assertThat(data).isEqualTo(input("customerGroup", null, "node", null, "customerGroups",
					Map.of("totalCount", 0), "customers", Map.of("totalCount", 0)));
			assertThat(userErrors(run(other, "customerGroups#CreateCustomerInGroup", "createCustomer",
					Map.of("email", "s@example.com", "groupId", this.retail))))
				.containsExactly("NOT_FOUND input.groupId");
			String own = CustomerApi.create(other, "own@example.com");
			assertThat(userErrors(CustomerGroupApi.move(other, own, this.retail)))
				.containsExactly("NOT_FOUND input.groupId");
			assertThat(userErrors(CustomerGroupApi.update(other, Map.of("id", this.retail, "name", "Mine"))))
				.containsExactly("NOT_FOUND input.id");
			assertThat(userErrors(CustomerGroupApi.delete(other, this.empty))).containsExactly("NOT_FOUND input.id");
			// The same names are free there.
			assertThat(userErrors(CustomerGroupApi.createPayload(other, Map.of("name", "retail")))).isEmpty();
		}
		query("{ customerGroups { nodes { name customerCount } } }").path("customerGroups.nodes[*]")
			.entityList(Map.class)
			.containsExactly(Map.of("name", "Empty", "customerCount", 0), Map.of("name", "retail", "customerCount", 3),
					Map.of("name", "Trade", "customerCount", 1));
	}

	@Test
	void aGroupsCustomerCountCostsWhatATotalCountCosts() {
		GraphQlResponse response = query("{ customerGroups { nodes { customerCount } } }").returnResponse();
		// 1 for the connection, then per group of the default 10: 1 for the group and 2
		// for its count.
		assertThat(response.getExtensions()).extractingByKey("cost", as(InstanceOfAssertFactories.MAP))
			.containsEntry("requestedQueryCost", 1 + 10 * (1 + 2));
	}

	@Test
	void anIdOfAnotherTypeIsInvalid() {
		this.owner.graphQl()
			.document("query($id: ID!) { customerGroup(id: $id) { id } }")
			.variable("id", this.tradeCustomer)
			.execute()
			.errors()
			.satisfy(CustomerGroupQueryTests::oneInvalidError);
	}

	private String customerIn(String groupId, String email) {
		Map<String, Object> payload = run(this.owner, "customerGroups#CreateCustomerInGroup", "createCustomer",
				Map.of("email", email, "groupId", groupId));
		assertThat(userErrors(payload)).isEmpty();
		return get(payload, "customer.id");
	}

	private List<String> filtered(List<String> groupIds) {
		return this.owner.graphQl()
			.document("query($ids: [ID!]) { customers(filter: {groupIds: $ids}) { nodes { id } } }")
			.variable("ids", groupIds)
			.execute()
			.path("customers.nodes[*].id")
			.entityList(String.class)
			.get();
	}

	private static void oneInvalidError(List<ResponseError> errors) {
		assertThat(errors).singleElement()
			.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "INVALID"));
	}

	private GraphQlTester.Response query(String document) {
		return this.owner.graphQl().document(document).execute();
	}

}
