package dev.customergraph.persisted;

import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Apollo's automatic persisted queries over HTTP: a miss, the registration, then hits.
 */
@GatewayTest
class AutomaticPersistedQueryTests {

	@Autowired
	TestTenants tenants;

	@Autowired
	WebTestClient http;

	@Test
	void unknownHashIsNotFoundThenRegisteredWithItsQueryThenFound() {
		TestTenant tenant = this.tenants.create();
		// A query no other test sends, so its hash is unknown to the gateway.
		String query = "query Apq { viewer { tenant scopes } }";
		Map<String, Object> hashOnly = Map.of("extensions", persistedQuery(DocumentHash.of(query)));

		post(tenant, hashOnly).jsonPath("$.errors[0].message")
			.isEqualTo("PersistedQueryNotFound")
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND")
			.jsonPath("$.data")
			.doesNotExist();
		post(tenant, Map.of("query", query, "extensions", persistedQuery(DocumentHash.of(query))))
			.jsonPath("$.data.viewer.tenant")
			.isEqualTo(tenant.name());
		post(tenant, hashOnly).jsonPath("$.errors")
			.doesNotExist()
			.jsonPath("$.data.viewer.tenant")
			.isEqualTo(tenant.name());
	}

	@Test
	void hashThatDoesNotMatchTheQueryIsRefused() {
		String query = "{ viewer { tenant } }";
		post(this.tenants.create(), Map.of("query", query, "extensions", persistedQuery(DocumentHash.of(query + " "))))
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("INVALID")
			.jsonPath("$.data")
			.doesNotExist();
	}

	private static Map<String, Object> persistedQuery(String hash) {
		return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
	}

	private WebTestClient.BodyContentSpec post(TestTenant tenant, Map<String, Object> body) {
		return this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + tenant.key())
			.bodyValue(body)
			.exchange()
			.expectBody();
	}

}
