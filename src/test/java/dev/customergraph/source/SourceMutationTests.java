package dev.customergraph.source;

import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.customer.CustomerApi;
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

/** createSource, attachSource and detachSource, through HTTP. */
@GatewayTest
class SourceMutationTests {

	@Autowired
	TestTenants tenants;

	TestTenant tenant;

	String customerId;

	@BeforeEach
	void newCustomer() {
		this.tenant = this.tenants.create();
		this.customerId = CustomerApi.create(this.tenant, "s@example.com");
	}

	@Test
	void createSourceWritesEveryFieldDetachedOrAttached() {
		Map<String, Object> detached = create(input("type", "CARD", "provider", "stripe", "providerReference", "pm_1",
				"label", "Work card", "brand", "visa", "last4", "4242", "expiryMonth", 12, "expiryYear", 2031,
				"metadata", Map.of("fingerprint", "abc")));
		assertThat(userErrors(detached)).isEmpty();
		assertThat((Map<String, Object>) get(detached, "source")).containsEntry("type", "CARD")
			.containsEntry("provider", "stripe")
			.containsEntry("providerReference", "pm_1")
			.containsEntry("label", "Work card")
			.containsEntry("brand", "visa")
			.containsEntry("last4", "4242")
			.containsEntry("expiryMonth", 12)
			.containsEntry("expiryYear", 2031)
			.containsEntry("metadata", Map.of("fingerprint", "abc"))
			.containsEntry("isDefault", false)
			.containsEntry("customer", null);
		Map<String, Object> attached = create(
				input("type", "WALLET", "provider", "paypal", "customerId", this.customerId));
		assertThat((Object) get(attached, "source.customer")).isEqualTo(Map.of("id", this.customerId, "version", 2));
	}

	@Test
	void invalidFieldsAreReportedWithTheirPathsAndWriteNothing() {
		Map<String, Object> payload = create(input("type", "CARD", "provider", "", "last4", "42a2", "expiryMonth", 13,
				"expiryYear", 99, "metadata", Map.of("x", "y".repeat(10_300)), "customerId", "bad id"));
		assertThat(userErrors(payload)).containsExactlyInAnyOrder("INVALID input.provider", "INVALID input.last4",
				"INVALID input.expiryMonth", "INVALID input.expiryYear", "TOO_LARGE input.metadata");
		assertThat(userErrors(create(input("type", "CARD", "provider", "p", "customerId", "bad id"))))
			.containsExactly("INVALID input.customerId");
		assertThat(sourceCount()).isZero();
	}

	@Test
	void createSourceForAnUnknownCustomerIsNotFoundAndWritesNothing() {
		run(this.tenant, "customers#DeleteCustomer", "deleteCustomer", Map.of("id", this.customerId));
		assertThat(userErrors(create(input("type", "CARD", "provider", "p", "customerId", this.customerId))))
			.containsExactly("NOT_FOUND input.customerId");
		assertThat(sourceCount()).isZero();
	}

	@Test
	void attachAsDefaultThenDetachClearsTheDefault() {
		String sourceId = detachedSource();
		Map<String, Object> attached = attach(this.customerId, sourceId, true);
		assertThat(userErrors(attached)).isEmpty();
		assertThat((Object) get(attached, "source"))
			.isEqualTo(Map.of("id", sourceId, "isDefault", true, "customer", Map.of("id", this.customerId)));
		assertThat((Object) get(attached, "customer")).isEqualTo(Map.of("id", this.customerId, "version", 2,
				"defaultSource", Map.of("id", sourceId), "sources", Map.of("totalCount", 1)));
		Map<String, Object> detached = run(this.tenant, "sources#DetachSource", "detachSource",
				Map.of("customerId", this.customerId, "sourceId", sourceId));
		assertThat(userErrors(detached)).isEmpty();
		assertThat((Object) get(detached, "source"))
			.isEqualTo(input("id", sourceId, "isDefault", false, "customer", null));
		assertThat((Object) get(detached, "customer")).isEqualTo(
				input("id", this.customerId, "version", 3, "defaultSource", null, "sources", Map.of("totalCount", 0)));
	}

	@Test
	void aSourceAttachedToAnotherCustomerIsConflict() {
		String sourceId = detachedSource();
		assertThat(userErrors(attach(this.customerId, sourceId, false))).isEmpty();
		String other = CustomerApi.create(this.tenant, "other@example.com");
		assertThat(userErrors(attach(other, sourceId, true))).containsExactly("CONFLICT input.sourceId");
		assertThat(CustomerApi.read(this.tenant, other)).containsEntry("version", 1)
			.containsEntry("defaultSource", null);
		assertThat(userErrors(run(this.tenant, "sources#DetachSource", "detachSource",
				Map.of("customerId", other, "sourceId", sourceId))))
			.containsExactly("NOT_FOUND input.sourceId");
	}

	@Test
	void unknownIdsAreNotFoundOrInvalid() {
		String sourceId = detachedSource();
		assertThat(userErrors(attach(this.customerId, this.customerId, false)))
			.containsExactly("INVALID input.sourceId");
		assertThat(userErrors(attach(sourceId, sourceId, false))).containsExactly("INVALID input.customerId");
		run(this.tenant, "customers#DeleteCustomer", "deleteCustomer", Map.of("id", this.customerId));
		assertThat(userErrors(attach(this.customerId, sourceId, false))).containsExactly("NOT_FOUND input.customerId");
	}

	private String detachedSource() {
		return get(create(input("type", "CARD", "provider", "stripe")), "source.id");
	}

	private Map<String, Object> create(Map<String, Object> input) {
		return run(this.tenant, "sources#CreateSource", "createSource", input);
	}

	private Map<String, Object> attach(String customerId, String sourceId, boolean makeDefault) {
		return run(this.tenant, "sources#AttachSource", "attachSource",
				Map.of("customerId", customerId, "sourceId", sourceId, "makeDefault", makeDefault));
	}

	private int sourceCount() {
		return this.tenant.graphQl()
			.document("{ sources { totalCount } }")
			.execute()
			.path("sources.totalCount")
			.entity(Integer.class)
			.get();
	}

}
