package dev.customergraph.customer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.customergraph.mutation.Mutations;
import dev.customergraph.tenancy.TestTenants.TestTenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creates customers through the HTTP API for tests of the write side, and reads them back
 * as clients see them.
 */
public final class CustomerApi {

	private CustomerApi() {
	}

	/**
	 * Creates a customer with this email (and any other input fields) and returns its id.
	 */
	public static String create(TestTenant tenant, String email, Map<String, Object> more) {
		Map<String, Object> input = new HashMap<>(more);
		input.put("email", email);
		Map<String, Object> payload = createPayload(tenant, input);
		assertThat((List<?>) payload.get("userErrors")).isEmpty();
		@SuppressWarnings("unchecked")
		Map<String, Object> customer = (Map<String, Object>) payload.get("customer");
		return (String) customer.get("id");
	}

	public static String create(TestTenant tenant, String email) {
		return create(tenant, email, Map.of());
	}

	public static Map<String, Object> createPayload(TestTenant tenant, Map<String, ?> input) {
		return Mutations.run(tenant, "customers#CreateCustomer", "createCustomer", input);
	}

	/** The customer as the read side shows it, or null. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> read(TestTenant tenant, String id) {
		return tenant.graphQl().document("""
				query($id: ID!) { customer(id: $id) {
				  id email firstName lastName phone locale type enabled code tags vatNumber acceptsMarketing avatarUrl
				  metadata paymentProviders { provider customerRef } requestToBeForgotten version updatedAt
				  addresses { totalCount nodes { id } } sources { totalCount nodes { id } }
				  defaultShippingAddress { id } defaultBillingAddress { id } defaultSource { id } } }
				""").variable("id", id).execute().path("customer").entity(Map.class).get();
	}

	public static int customerCount(TestTenant tenant) {
		return tenant.graphQl()
			.document("{ customers { totalCount } }")
			.execute()
			.path("customers.totalCount")
			.entity(Integer.class)
			.get();
	}

}
