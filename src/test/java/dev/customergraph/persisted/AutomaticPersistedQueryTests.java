package dev.customergraph.persisted;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
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

	@Autowired
	PersistedQueryDocumentProvider provider;

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

	@Test
	void aDocumentTooLargeToPersistIsRefusedButRunsWithoutAHash() {
		TestTenant tenant = this.tenants.create();
		String query = "{ viewer { tenant } } # " + "x".repeat(150_000);
		post(tenant, Map.of("query", query, "extensions", persistedQuery(DocumentHash.of(query))))
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_TOO_LARGE")
			.jsonPath("$.data")
			.doesNotExist();
		post(tenant, Map.of("query", query)).jsonPath("$.data.viewer.tenant").isEqualTo(tenant.name());
	}

	/**
	 * 180 registrations of 99 KB, 17.8 MB in all: the registry and the parsed document
	 * cache stay within their 16 MB each, by evicting documents.
	 */
	@Test
	void manyLargeRegistrationsStayWithinTheCapacities() {
		TestTenant tenant = this.tenants.create();
		List<String> hashes = new ArrayList<>();
		for (int i = 0; i < 180; i++) {
			String query = "query Large" + i + " { viewer { tenant } } # " + "x".repeat(99_000);
			String hash = DocumentHash.of(query);
			hashes.add(hash);
			post(tenant, Map.of("query", query, "extensions", persistedQuery(hash))).jsonPath("$.errors")
				.doesNotExist();
		}
		long capacity = DataSize.ofMegabytes(16).toBytes();
		assertThat(this.provider.registeredWeight()).isBetween(capacity - 200_000, capacity);
		assertThat(this.provider.cachedWeight()).isLessThanOrEqualTo(capacity);
		long stillRegistered = hashes.stream().filter((hash) -> isRegistered(tenant, hash)).count();
		assertThat(stillRegistered).isLessThan(180).isGreaterThan(150);
	}

	private boolean isRegistered(TestTenant tenant, String hash) {
		byte[] body = post(tenant, Map.of("extensions", persistedQuery(hash))).returnResult().getResponseBody();
		return !new String(body, StandardCharsets.UTF_8).contains("PERSISTED_QUERY_NOT_FOUND");
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
