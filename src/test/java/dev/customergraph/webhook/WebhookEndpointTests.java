package dev.customergraph.webhook;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.graph.GlobalId;
import dev.customergraph.tenancy.Scope;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.customergraph.mutation.Mutations.atOnce;
import static dev.customergraph.mutation.Mutations.get;
import static dev.customergraph.mutation.Mutations.input;
import static dev.customergraph.mutation.Mutations.userErrors;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook endpoints through the API: the secret shown once, the URL rules, the cap per
 * partition, updates, deletes, and partitions kept apart.
 */
@GatewayTest
class WebhookEndpointTests {

	/** A public address literal, so that no test depends on DNS. */
	private static final String PUBLIC_URL = "https://93.184.215.14/hooks";

	@Autowired
	TestTenants tenants;

	TestTenant tenant;

	@BeforeEach
	void newTenant() {
		this.tenant = this.tenants.create();
	}

	@Test
	void theSecretIsShownOnceOnCreation() {
		Map<String, Object> created = WebhookApi.create(this.tenant,
				input("url", PUBLIC_URL, "types", List.of("CUSTOMER_CREATED"), "description", "CRM mirror"));
		assertThat(userErrors(created)).isEmpty();
		String secret = get(created, "secret");
		assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
		assertThat((Map<String, Object>) get(created, "webhookEndpoint")).containsEntry("url", PUBLIC_URL)
			.containsEntry("types", List.of("CUSTOMER_CREATED"))
			.containsEntry("description", "CRM mirror");

		String id = get(created, "webhookEndpoint.id");
		String listed = this.tenant.graphQl()
			.documentName("webhooks")
			.operationName("Endpoints")
			.execute()
			.path("webhookEndpoints")
			.entity(Object.class)
			.get()
			.toString();
		String node = this.tenant.graphQl()
			.documentName("webhooks")
			.operationName("EndpointNode")
			.variable("id", id)
			.execute()
			.path("node.url")
			.entity(String.class)
			.isEqualTo(PUBLIC_URL)
			.path("node")
			.entity(Object.class)
			.get()
			.toString();
		assertThat(listed).contains(id).doesNotContain(secret.substring(6));
		assertThat(node).doesNotContain(secret.substring(6));
		String stored = this.tenants.jdbc()
			.sql("SELECT HEX(secret) FROM webhook_endpoint WHERE id = :id")
			.param("id", GlobalId.keyOf(id, WebhookEndpoint.TYPE))
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain(secret);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://93.184.215.14/hooks", "http://93.184.215.14/hooks", "https://10.1.2.3/hooks",
			"https://172.16.0.1/", "https://192.168.1.1/", "https://169.254.169.254/latest/meta-data",
			"https://127.0.0.1/", "https://localhost/", "https://[::1]/", "https://[::ffff:127.0.0.1]/",
			"https://[::ffff:169.254.169.254]/", "https://[fe80::1]/", "https://[fd00::1]/", "https://0.0.0.0/",
			"https://100.64.0.1/", "https://224.0.0.1/", "https://[ff02::1]/", "https://[64:ff9b::a01:203]/",
			"https://[2002:a01:203::1]/", "https://user:secret@93.184.215.14/", "https://93.184.215.14/#top",
			"not a url", "/relative", "https:///no-host", "http://192.168.1.1/" })
	void urlsOutsideThePublicInternetOrNotHttpsAreInvalid(String url) {
		Map<String, Object> created = WebhookApi.create(this.tenant, input("url", url));
		assertThat(userErrors(created)).containsExactly("INVALID input.url");
		assertThat(message(created)).isNotBlank();
		assertThat((Object) get(created, "webhookEndpoint")).isNull();
		assertThat(WebhookApi.endpoints(this.tenant)).isEmpty();
	}

	@Test
	void refusalsSayWhatIsWrong() {
		assertThat(message(WebhookApi.create(this.tenant, input("url", "ftp://93.184.215.14/"))))
			.isEqualTo("The URL must use https.");
		assertThat(message(WebhookApi.create(this.tenant, input("url", "https://10.0.0.1/"))))
			.contains("public internet addresses only");
		assertThat(message(WebhookApi.create(this.tenant, input("url", "http://10.0.0.1/")))).contains("loopback");
		assertThat(userErrors(WebhookApi.create(this.tenant, input("url", PUBLIC_URL, "types", List.of()))))
			.containsExactly("INVALID input.types");
		assertThat(userErrors(WebhookApi.create(this.tenant, input("url", PUBLIC_URL, "description", "x".repeat(501)))))
			.containsExactly("INVALID input.description");
	}

	@Test
	void aReadOnlyKeyCannotCreateEndpoints() {
		TestTenant readOnly = this.tenants.keyFor(this.tenant.name(), false, EnumSet.of(Scope.READ));
		readOnly.graphQl()
			.documentName("webhooks")
			.operationName("CreateEndpoint")
			.variable("input", Map.of("url", PUBLIC_URL))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
		assertThat(WebhookApi.endpoints(this.tenant)).isEmpty();
	}

	@Test
	void aPartitionHasAtMostTenEndpointsAlsoWhenCreationsRace() throws Exception {
		List<Map<String, Object>> payloads = atOnce(14,
				(i) -> WebhookApi.create(this.tenant, input("url", PUBLIC_URL + "/" + i)));
		assertThat(payloads.stream().filter((payload) -> userErrors(payload).isEmpty())).hasSize(10);
		assertThat(payloads.stream().filter((payload) -> !userErrors(payload).isEmpty()))
			.allSatisfy((payload) -> assertThat(userErrors(payload)).containsExactly("LIMIT_EXCEEDED"));
		assertThat(WebhookApi.endpoints(this.tenant)).hasSize(10);
		// The other mode is another partition, with room of its own.
		TestTenant live = this.tenants.keyFor(this.tenant.name(), true, EnumSet.of(Scope.READ, Scope.WRITE));
		assertThat(userErrors(WebhookApi.create(live, input("url", PUBLIC_URL)))).isEmpty();
	}

	@Test
	void updatesChangeOnlyTheFieldsGivenAndCheckTheUrl() {
		String id = get(WebhookApi.create(this.tenant, input("url", PUBLIC_URL, "description", "first")),
				"webhookEndpoint.id");
		Map<String, Object> updated = WebhookApi.update(this.tenant,
				input("id", id, "types", List.of("CUSTOMER_DELETED", "CUSTOMER_CREATED", "CUSTOMER_CREATED")));
		assertThat((Map<String, Object>) get(updated, "webhookEndpoint")).containsEntry("url", PUBLIC_URL)
			.containsEntry("description", "first")
			.containsEntry("types", List.of("CUSTOMER_CREATED", "CUSTOMER_DELETED"));
		updated = WebhookApi.update(this.tenant, input("id", id, "types", null, "description", null));
		assertThat((Map<String, Object>) get(updated, "webhookEndpoint")).containsEntry("types", null)
			.containsEntry("description", null);
		assertThat(userErrors(WebhookApi.update(this.tenant, input("id", id, "url", "https://192.168.0.1/"))))
			.containsExactly("INVALID input.url");
		assertThat(userErrors(WebhookApi.update(this.tenant, input("id", id, "url", null))))
			.containsExactly("INVALID input.url");
		assertThat((String) get(WebhookApi.endpoints(this.tenant).get(0), "url")).isEqualTo(PUBLIC_URL);
	}

	@Test
	void anotherPartitionsEndpointDoesNotExistForThisKey() {
		String id = get(WebhookApi.create(this.tenant, input("url", PUBLIC_URL)), "webhookEndpoint.id");
		TestTenant other = this.tenants.create();
		assertThat(WebhookApi.endpoints(other)).isEmpty();
		other.graphQl()
			.documentName("webhooks")
			.operationName("EndpointNode")
			.variable("id", id)
			.execute()
			.path("node")
			.valueIsNull();
		assertThat(userErrors(WebhookApi.update(other, input("id", id, "description", "mine"))))
			.containsExactly("NOT_FOUND input.id");
		assertThat(userErrors(WebhookApi.delete(other, id))).containsExactly("NOT_FOUND input.id");

		assertThat((String) get(WebhookApi.delete(this.tenant, id), "deletedWebhookEndpointId")).isEqualTo(id);
		assertThat(WebhookApi.endpoints(this.tenant)).isEmpty();
		assertThat(userErrors(WebhookApi.delete(this.tenant, id))).containsExactly("NOT_FOUND input.id");
	}

	private static String message(Map<String, Object> payload) {
		List<Map<String, Object>> errors = get(payload, "userErrors");
		return (String) errors.get(0).get("message");
	}

}
