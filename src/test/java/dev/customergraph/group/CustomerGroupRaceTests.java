package dev.customergraph.group;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.customergraph.GatewayTest;
import dev.customergraph.customer.CustomerApi;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.customergraph.mutation.Mutations.atOnce;
import static dev.customergraph.mutation.Mutations.input;
import static dev.customergraph.mutation.Mutations.runAsClient;
import static dev.customergraph.mutation.Mutations.userErrors;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many real HTTP requests at the same moment against the group invariants the database
 * enforces: unique names, and no customer in a group that is gone.
 */
@GatewayTest
class CustomerGroupRaceTests {

	static final int AT_ONCE = 24;

	@Autowired
	TestTenants tenants;

	TestTenant tenant;

	@BeforeEach
	void newTenant() {
		this.tenant = this.tenants.create();
	}

	@Test
	void theSameNameAtOnceCreatesExactlyOneGroup() throws Exception {
		List<Map<String, Object>> payloads = atOnce(AT_ONCE,
				(i) -> runAsClient(this.tenant, "customerGroups#CreateGroup", "createCustomerGroup",
						Map.of("name", (i % 2 == 0) ? "Wholesale" : "WHOLESALE")));
		assertThat(payloads.stream().filter((payload) -> userErrors(payload).isEmpty())).hasSize(1);
		assertThat(payloads.stream().flatMap((payload) -> userErrors(payload).stream())).hasSize(AT_ONCE - 1)
			.allMatch("TAKEN input.name"::equals);
		assertThat(this.tenant.graphQl()
			.document("{ customerGroups { totalCount } }")
			.execute()
			.path("customerGroups.totalCount")
			.entity(Integer.class)
			.get()).isOne();
	}

	/**
	 * Either the delete comes first and every customer's move finds no group, or a move
	 * comes first and the delete is refused while the group has customers; never a
	 * customer in a deleted group.
	 */
	@RepeatedTest(3)
	void deletingAGroupWhileCustomersJoinItLeavesNoCustomerInAGroupThatIsGone() throws Exception {
		String group = CustomerGroupApi.create(this.tenant, "Doomed");
		List<String> customerIds = IntStream.range(0, AT_ONCE - 1)
			.mapToObj((i) -> CustomerApi.create(this.tenant, "c" + i + "@example.com"))
			.toList();
		List<Map<String, Object>> payloads = atOnce(AT_ONCE,
				(i) -> (i == 0)
						? runAsClient(this.tenant, "customerGroups#DeleteGroup", "deleteCustomerGroup",
								Map.of("id", group))
						: runAsClient(this.tenant, "customerGroups#MoveCustomer", "updateCustomer",
								input("id", customerIds.get(i - 1), "groupId", group)));
		List<String> deleteErrors = userErrors(payloads.get(0));
		List<List<String>> moveErrors = payloads.subList(1, AT_ONCE)
			.stream()
			.map((payload) -> userErrors(payload))
			.toList();
		List<Object> versions = customerIds.stream()
			.map((id) -> CustomerApi.read(this.tenant, id).get("version"))
			.toList();
		if (deleteErrors.isEmpty()) {
			// The delete came first: every move found no group and wrote nothing.
			assertThat(moveErrors).allMatch(List.of("NOT_FOUND input.groupId")::equals);
			assertThat(versions).allMatch((version) -> version.equals(1));
		}
		else {
			// A move came first: the group stays, so every move went through.
			assertThat(deleteErrors).containsExactly("CONFLICT input.id");
			assertThat(moveErrors).allMatch(List::isEmpty);
			assertThat(versions).allMatch((version) -> version.equals(2));
		}
		assertThat(customersInGroupsThatAreGone()).isZero();
	}

	/** Checked in the database itself: customers whose group id names no group. */
	private int customersInGroupsThatAreGone() {
		return this.tenants.jdbc()
			.sql("""
					SELECT COUNT(*) FROM customer c
					WHERE c.tenant_id = :t AND c.livemode = :l AND c.group_id IS NOT NULL
					  AND NOT EXISTS (SELECT 1 FROM customer_group g WHERE g.tenant_id = c.tenant_id
					    AND g.livemode = c.livemode AND g.id = c.group_id)
					""")
			.param("t", this.tenant.partition().tenantId())
			.param("l", this.tenant.partition().livemode())
			.query(Integer.class)
			.single();
	}

}
