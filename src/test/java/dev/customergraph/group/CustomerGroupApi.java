package dev.customergraph.group;

import java.util.List;
import java.util.Map;

import dev.customergraph.graph.GlobalId;
import dev.customergraph.mutation.Mutations;
import dev.customergraph.tenancy.TestTenants.TestTenant;

import static dev.customergraph.mutation.Mutations.get;
import static org.assertj.core.api.Assertions.assertThat;

/** Writes customer groups through the HTTP API for the group tests. */
final class CustomerGroupApi {

	private CustomerGroupApi() {
	}

	/** Creates a group with this name and returns its id. */
	static String create(TestTenant tenant, String name) {
		Map<String, Object> payload = createPayload(tenant, Map.of("name", name));
		assertThat((List<?>) payload.get("userErrors")).isEmpty();
		return get(payload, "customerGroup.id");
	}

	static Map<String, Object> createPayload(TestTenant tenant, Map<String, ?> input) {
		return Mutations.run(tenant, "customerGroups#CreateGroup", "createCustomerGroup", input);
	}

	static Map<String, Object> update(TestTenant tenant, Map<String, ?> input) {
		return Mutations.run(tenant, "customerGroups#UpdateGroup", "updateCustomerGroup", input);
	}

	static Map<String, Object> delete(TestTenant tenant, String id) {
		return Mutations.run(tenant, "customerGroups#DeleteGroup", "deleteCustomerGroup", Map.of("id", id));
	}

	/** Moves the customer to the group, or out of any with a null group id. */
	static Map<String, Object> move(TestTenant tenant, String customerId, String groupId) {
		return Mutations.run(tenant, "customerGroups#MoveCustomer", "updateCustomer",
				Mutations.input("id", customerId, "groupId", groupId));
	}

	static long key(String groupId) {
		return GlobalId.keyOf(groupId, CustomerGroup.TYPE);
	}

}
