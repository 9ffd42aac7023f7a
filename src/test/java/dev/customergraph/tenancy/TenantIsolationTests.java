package dev.customergraph.tenancy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.customer.CustomerFixtures;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another tenant's data, and the other mode's, behave exactly like data that does not
 * exist.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTests {

	@Autowired
	TestTenants tenants;

	TestTenant owner;

	TestTenant stranger;

	TestTenant ownerLive;

	List<String> customerIds;

	List<String> addressIds;

	List<String> sourceIds;

	@BeforeAll
	void seed() {
		this.owner = this.tenants.seeded(30);
		this.stranger = this.tenants.seeded(5);
		this.ownerLive = this.tenants.keyFor(this.owner.name(), true, EnumSet.of(Scope.READ, Scope.WRITE));
		this.customerIds = ids("{ customers(first: 30) { nodes { id } } }", "customers.nodes[*].id");
		this.addressIds = ids("{ customers(first: 30) { nodes { addresses { nodes { id } } } } }",
				"customers.nodes[*].addresses.nodes[*].id");
		this.sourceIds = ids("{ sources(first: 100) { nodes { id } } }", "sources.nodes[*].id");
		assertThat(this.customerIds).hasSize(30);
		assertThat(this.addressIds).isNotEmpty();
		assertThat(this.sourceIds).isNotEmpty();
	}

	@Test
	void anotherTenantSeesOnlyItsOwnRows() {
		this.stranger.graphQl()
			.document("{ customers(first: 100) { totalCount } sources(first: 100) { totalCount } }")
			.execute()
			.path("customers.totalCount")
			.entity(Integer.class)
			.isEqualTo(5)
			.path("sources.totalCount")
			.entity(Integer.class)
			.isEqualTo(8);
		this.ownerLive.graphQl()
			.document("{ customers(first: 100) { nodes { id } } sources(first: 100) { totalCount } }")
			.execute()
			.path("customers.nodes[*].id")
			.entityList(String.class)
			.satisfies((ids) -> assertThat(ids).doesNotContainAnyElementsOf(this.customerIds))
			.path("sources.totalCount")
			.entity(Integer.class)
			.isEqualTo(0);
	}

	@Test
	void foreignIdsAreNullThroughEveryRootField() {
		for (TestTenant other : List.of(this.stranger, this.ownerLive)) {
			for (String id : List.of(this.customerIds.get(0), this.addressIds.get(0), this.sourceIds.get(0))) {
				other.graphQl()
					.document("query($id: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } }")
					.variable("id", id)
					.execute()
					.errors()
					.verify()
					.path("node")
					.valueIsNull()
					.path("nodes[0]")
					.valueIsNull();
			}
			other.graphQl()
				.document("query($c: ID!, $s: ID!) { customer(id: $c) { id } source(id: $s) { id } }")
				.variables(Map.of("c", this.customerIds.get(0), "s", this.sourceIds.get(0)))
				.execute()
				.errors()
				.verify()
				.path("customer")
				.valueIsNull()
				.path("source")
				.valueIsNull();
		}
	}

	@Test
	void foreignIdsAndEmailsMatchNothingInFilters() {
		String email = this.owner.graphQl()
			.document("{ customers(first: 1) { nodes { email } } }")
			.execute()
			.path("customers.nodes[0].email")
			.entity(String.class)
			.get();
		this.stranger.graphQl()
			.document("query($ids: [ID!], $c: ID, $email: String!) { customers(filter: {ids: $ids}) { totalCount }"
					+ " sources(filter: {customerId: $c}) { totalCount } customerByEmail(email: $email) { id } }")
			.variables(Map.of("ids", this.customerIds, "c", this.customerIds.get(0), "email", email))
			.execute()
			.errors()
			.verify()
			.path("customers.totalCount")
			.entity(Integer.class)
			.isEqualTo(0)
			.path("sources.totalCount")
			.entity(Integer.class)
			.isEqualTo(0)
			.path("customerByEmail")
			.valueIsNull();
	}

	@Test
	void testAndLiveModeOfOneTenantNeverSeeEachOthersData() {
		long live = CustomerFixtures.customer("live-only@example.test")
			.insert(this.tenants.jdbc(), this.ownerLive.partition());
		String liveId = CustomerFixtures.globalId(live);
		this.ownerLive.graphQl()
			.document("{ viewer { livemode } customers { totalCount nodes { email livemode } } }")
			.execute()
			.path("viewer.livemode")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("customers.totalCount")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("customers.nodes[0].livemode")
			.entity(Boolean.class)
			.isEqualTo(true);
		this.owner.graphQl()
			.document(
					"query($id: ID!) { customer(id: $id) { id } customerByEmail(email: \"live-only@example.test\") { id } }")
			.variable("id", liveId)
			.execute()
			.errors()
			.verify()
			.path("customer")
			.valueIsNull()
			.path("customerByEmail")
			.valueIsNull();
	}

	@Test
	void nestedFieldsNeverReachIntoAnotherPartition() {
		this.owner.graphQl()
			.document(
					"{ customers(first: 30) { nodes { addresses(first: 3) { nodes { customer { id } } } sources(first: 5) { nodes { customer { id } } } } } }")
			.execute()
			.path("customers.nodes[*].addresses.nodes[*].customer.id")
			.entityList(String.class)
			.satisfies((ids) -> assertThat(this.customerIds).containsAll(ids));
	}

	private List<String> ids(String document, String path) {
		return this.owner.graphQl().document(document).execute().path(path).entityList(String.class).get();
	}

}
