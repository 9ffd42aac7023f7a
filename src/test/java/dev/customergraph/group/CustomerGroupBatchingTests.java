package dev.customergraph.group;

import java.util.List;
import java.util.stream.IntStream;

import dev.customergraph.GatewayTest;
import dev.customergraph.customer.CustomerFixtures;
import dev.customergraph.observability.SqlStatementCounter;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Groups in pages are batched: a page of customers with their groups costs one statement
 * more than the page, and a page of groups with their customers and counts three,
 * whatever the page size.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerGroupBatchingTests {

	static final int GROUPS = 30;

	@Autowired
	TestTenants tenants;

	TestTenant tenant;

	@BeforeAll
	void customersInManyGroups() {
		this.tenant = this.tenants.seeded(90);
		List<String> groupIds = IntStream.range(0, GROUPS)
			.mapToObj((i) -> CustomerGroupApi.create(this.tenant, "Group " + i))
			.toList();
		// Customer n in group n mod 30: three customers per group, neighbours in
		// different groups.
		List<Long> customerKeys = CustomerFixtures.keys(this.tenants.jdbc(), this.tenant.partition());
		for (int n = 0; n < customerKeys.size(); n++) {
			CustomerGroupApi.move(this.tenant, CustomerFixtures.globalId(customerKeys.get(n)),
					groupIds.get(n % GROUPS));
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 5, 50, 90 })
	void customersWithTheirGroupsCostOneStatementMore(int first) {
		long before = SqlStatementCounter.total();
		GraphQlTester.Response response = this.tenant.graphQl()
			.document("query($first: Int) { customers(first: $first) { nodes { id group { id name code } } } }")
			.variable("first", first)
			.execute();
		assertThat(SqlStatementCounter.total() - before).isEqualTo(2);
		response.path("customers.nodes[*].group.name").entityList(String.class).hasSize(first);
	}

	@Test
	void aCustomerReadByIdWithItsGroupIsOneStatement() {
		String id = this.tenant.graphQl()
			.document("{ customers(first: 1) { nodes { id } } }")
			.execute()
			.path("customers.nodes[0].id")
			.entity(String.class)
			.get();
		long before = SqlStatementCounter.total();
		GraphQlTester.Response response = this.tenant.graphQl().document("""
				query($id: ID!) { customer(id: $id) { email group { id name code createdAt }
				  addresses { nodes { city } } defaultSource { last4 } } }""").variable("id", id).execute();
		// The group, like the addresses and the default source, is joined to the row.
		assertThat(SqlStatementCounter.total() - before).isEqualTo(1);
		response.path("customer.group.name")
			.entity(String.class)
			.satisfies((name) -> assertThat(name).startsWith("Group "));
	}

	@ParameterizedTest
	@ValueSource(ints = { 2, 30 })
	void groupsWithTheirCustomersAndCountsCostThreeStatements(int first) {
		long before = SqlStatementCounter.total();
		GraphQlTester.Response response = this.tenant.graphQl().document("""
				query($first: Int) { customerGroups(first: $first) { nodes { name customerCount
				  customers(first: 2) { totalCount nodes { email } } } } }""").variable("first", first).execute();
		// The groups; their customers' pages; their counts, shared by customerCount and
		// totalCount.
		assertThat(SqlStatementCounter.total() - before).isEqualTo(3);
		response.path("customerGroups.nodes[*].customerCount").entityList(Integer.class).hasSize(first);
		response.path("customerGroups.nodes[*].customers.nodes[*].email").entityList(String.class).hasSize(2 * first);
	}

}
