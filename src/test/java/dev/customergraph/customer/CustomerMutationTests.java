package dev.customergraph.customer;

import java.util.List;
import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@GatewayTest
class CustomerMutationTests {

	@Autowired
	TestTenants tenants;

	TestTenant tenant;

	@BeforeEach
	void newTenant() {
		this.tenant = this.tenants.create();
	}

	@Test
	void createCustomerWritesEveryField() {
		Map<String, Object> payload = CustomerFixtures.createPayload(this.tenant, Map.ofEntries(
				Map.entry("email", "Ada@Example.com"), Map.entry("firstName", "Ada"), Map.entry("lastName", "Lovelace"),
				Map.entry("phone", "+44 20 7946 0000"), Map.entry("locale", "en_GB"), Map.entry("type", "BUSINESS"),
				Map.entry("enabled", false), Map.entry("code", "C-1"), Map.entry("tags", List.of(" vip ", "b", "VIP")),
				Map.entry("vatNumber", "GB123"), Map.entry("acceptsMarketing", true),
				Map.entry("avatarUrl", "https://example.com/a.png"), Map.entry("metadata", Map.of("tier", 2)),
				Map.entry("paymentProviders", List.of(Map.of("provider", "stripe", "customerRef", "cus_1"))),
				Map.entry("requestToBeForgotten", true),
				Map.entry("addresses", List.of(Map.of("city", "London", "countryCode", "GB", "defaultShipping", true),
						Map.of("city", "Paris", "countryCode", "FR", "defaultBilling", true)))));
		assertThat((List<?>) payload.get("userErrors")).isEmpty();
		@SuppressWarnings("unchecked")
		Map<String, Object> customer = (Map<String, Object>) payload.get("customer");
		assertThat(customer).containsEntry("email", "Ada@Example.com")
			.containsEntry("displayName", "Ada Lovelace")
			.containsEntry("type", "BUSINESS")
			.containsEntry("enabled", false)
			.containsEntry("tags", List.of("b", "vip"))
			.containsEntry("metadata", Map.of("tier", 2))
			.containsEntry("paymentProviders", List.of(Map.of("provider", "stripe", "customerRef", "cus_1")))
			.containsEntry("requestToBeForgotten", true)
			.containsEntry("version", 1);
		System.out.println(customer);
	}

}
