package dev.customergraph.address;

import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.customer.CustomerApi;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
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

/** The address mutations, through HTTP. */
@GatewayTest
class AddressMutationTests {

	static final Map<String, Object> FULL = Map.ofEntries(Map.entry("firstName", "Ada"), Map.entry("lastName", "L"),
			Map.entry("company", "Engines Ltd"), Map.entry("phone", "+44 1"), Map.entry("line1", "1 Road"),
			Map.entry("line2", "Flat 2"), Map.entry("city", "London"), Map.entry("regionCode", "LND"),
			Map.entry("regionName", "Greater London"), Map.entry("postalCode", "N1 1AA"),
			Map.entry("countryCode", "GB"), Map.entry("latitude", 51.5), Map.entry("longitude", -0.1));

	@Autowired
	TestTenants tenants;

	TestTenant tenant;

	String customerId;

	@BeforeEach
	void newCustomer() {
		this.tenant = this.tenants.create();
		this.customerId = CustomerApi.create(this.tenant, "a@example.com");
	}

	@Test
	void createCustomerAddressWritesEveryFieldAndTheDefaults() {
		Map<String, Object> payload = create(input("defaultShipping", true));
		assertThat(userErrors(payload)).isEmpty();
		Map<String, Object> address = get(payload, "address");
		FULL.forEach((field, value) -> assertThat(address.get(field)).as(field).isEqualTo(value));
		assertThat(address).containsEntry("isDefaultShipping", true)
			.containsEntry("isDefaultBilling", false)
			.containsEntry("customer", Map.of("id", this.customerId));
		assertThat((Object) get(payload, "customer")).isEqualTo(
				input("id", this.customerId, "version", 2, "defaultShippingAddress", Map.of("id", address.get("id")),
						"defaultBillingAddress", null, "addresses", Map.of("totalCount", 1)));
	}

	@Test
	void oneAddressOverTheLimitIsLimitExceededAndWritesNothing() {
		for (int i = 0; i < 3; i++) {
			assertThat(userErrors(create(input()))).isEmpty();
		}
		assertThat(userErrors(create(input()))).containsExactly("LIMIT_EXCEEDED input.customerId");
		Map<String, Object> customer = CustomerApi.read(this.tenant, this.customerId);
		assertThat(customer).containsEntry("version", 4);
		assertThat((Object) get(customer, "addresses.totalCount")).isEqualTo(3);
	}

	@Test
	void invalidFieldsAreReportedWithTheirPathsAndWriteNothing() {
		Map<String, Object> payload = run(this.tenant, "customerAddresses#CreateAddress", "createCustomerAddress",
				input("customerId", this.customerId, "countryCode", "gb", "latitude", -90.5, "longitude", 180.5,
						"postalCode", "x".repeat(21), "phone", "no"));
		assertThat(userErrors(payload)).containsExactlyInAnyOrder("INVALID input.countryCode", "INVALID input.latitude",
				"INVALID input.longitude", "INVALID input.postalCode", "INVALID input.phone");
		assertThat(CustomerApi.read(this.tenant, this.customerId)).containsEntry("version", 1);
	}

	@Test
	void unknownCustomerIsNotFound() {
		String other = CustomerApi.create(this.tenant, "gone@example.com");
		run(this.tenant, "customers#DeleteCustomer", "deleteCustomer", Map.of("id", other));
		Map<String, Object> payload = run(this.tenant, "customerAddresses#CreateAddress", "createCustomerAddress",
				Map.of("customerId", other));
		assertThat(userErrors(payload)).containsExactly("NOT_FOUND input.customerId");
	}

	@Test
	void updateChangesOnlyTheFieldsItCarries() {
		String addressId = get(create(input()), "address.id");
		Map<String, Object> payload = update(input("id", addressId, "city", "Leeds", "latitude", 53.8));
		assertThat(userErrors(payload)).isEmpty();
		Map<String, Object> address = get(payload, "address");
		assertThat(address).containsEntry("city", "Leeds")
			.containsEntry("latitude", 53.8)
			.containsEntry("line1", "1 Road");
		assertThat((Object) get(address, "customer")).isEqualTo(Map.of("id", this.customerId, "version", 3));
	}

	@ParameterizedTest
	@ValueSource(strings = { "firstName", "lastName", "company", "phone", "line1", "line2", "city", "regionCode",
			"regionName", "postalCode", "countryCode", "latitude", "longitude" })
	void explicitNullClearsAnAddressFieldAndOnlyIt(String field) {
		String addressId = get(create(input()), "address.id");
		Map<String, Object> address = get(update(input("id", addressId, field, null)), "address");
		assertThat(address.get(field)).isNull();
		FULL.keySet()
			.stream()
			.filter((other) -> !other.equals(field))
			.forEach((other) -> assertThat(address.get(other)).as(other).isEqualTo(FULL.get(other)));
	}

	@Test
	void updateWithInvalidValuesOrAnUnknownIdWritesNothing() {
		String addressId = get(create(input()), "address.id");
		assertThat(userErrors(update(input("id", addressId, "countryCode", "ZZ", "city", "X"))))
			.containsExactly("INVALID input.countryCode");
		assertThat(userErrors(update(input("id", this.customerId, "city", "X")))).containsExactly("INVALID input.id");
		run(this.tenant, "customerAddresses#DeleteAddress", "deleteCustomerAddress", Map.of("id", addressId));
		assertThat(userErrors(update(input("id", addressId, "city", "X")))).containsExactly("NOT_FOUND input.id");
	}

	@Test
	void deletingTheDefaultAddressClearsTheDefaults() {
		String addressId = get(create(input("defaultShipping", true, "defaultBilling", true)), "address.id");
		Map<String, Object> payload = run(this.tenant, "customerAddresses#DeleteAddress", "deleteCustomerAddress",
				Map.of("id", addressId));
		assertThat(payload).containsEntry("deletedAddressId", addressId);
		assertThat((Object) get(payload, "customer")).isEqualTo(input("id", this.customerId, "version", 3,
				"defaultShippingAddress", null, "defaultBillingAddress", null, "addresses", Map.of("totalCount", 0)));
		assertThat(userErrors(
				run(this.tenant, "customerAddresses#DeleteAddress", "deleteCustomerAddress", Map.of("id", addressId))))
			.containsExactly("NOT_FOUND input.id");
	}

	@Test
	void setDefaultCustomerAddressSetsShippingBillingOrBoth() {
		String first = get(create(input()), "address.id");
		String second = get(create(input()), "address.id");
		assertThat((Object) get(setDefault(first, "BOTH"), "customer"))
			.isEqualTo(Map.of("id", this.customerId, "version", 4, "defaultShippingAddress", Map.of("id", first),
					"defaultBillingAddress", Map.of("id", first)));
		assertThat((Object) get(setDefault(second, "BILLING"), "customer"))
			.isEqualTo(Map.of("id", this.customerId, "version", 5, "defaultShippingAddress", Map.of("id", first),
					"defaultBillingAddress", Map.of("id", second)));
		assertThat((Object) get(setDefault(second, "SHIPPING"), "customer.defaultShippingAddress"))
			.isEqualTo(Map.of("id", second));
	}

	@Test
	void anotherCustomersAddressCannotBecomeTheDefault() {
		String otherCustomer = CustomerApi.create(this.tenant, "b@example.com");
		String theirs = get(run(this.tenant, "customerAddresses#CreateAddress", "createCustomerAddress",
				Map.of("customerId", otherCustomer)), "address.id");
		assertThat(userErrors(setDefault(theirs, "BOTH"))).containsExactly("NOT_FOUND input.addressId");
		assertThat(CustomerApi.read(this.tenant, this.customerId)).containsEntry("version", 1)
			.containsEntry("defaultShippingAddress", null);
	}

	private Map<String, Object> create(Map<String, Object> more) {
		Map<String, Object> input = input("customerId", this.customerId);
		input.putAll(FULL);
		input.putAll(more);
		return run(this.tenant, "customerAddresses#CreateAddress", "createCustomerAddress", input);
	}

	private Map<String, Object> update(Map<String, Object> input) {
		return run(this.tenant, "customerAddresses#UpdateAddress", "updateCustomerAddress", input);
	}

	private Map<String, Object> setDefault(String addressId, String kind) {
		return run(this.tenant, "customerAddresses#SetDefaultAddress", "setDefaultCustomerAddress",
				Map.of("customerId", this.customerId, "addressId", addressId, "kind", kind));
	}

}
