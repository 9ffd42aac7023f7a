package dev.customergraph.persisted;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.SecondGateway;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Apollo's automatic persisted queries over HTTP: a miss, the registration, then hits, on
 * each gateway instance.
 */
@GatewayTest
class AutomaticPersistedQueryTests {

	@RegisterExtension
	static final SecondGateway second = new SecondGateway();

	@Autowired
	TestTenants tenants;

	@Autowired
	WebTestClient http;

	@Autowired
	PersistedQueryDocumentProvider provider;

	@Test
	void unknownHashIsNotFoundThenRegisteredWithItsQueryThenFound() {
		// A query no other test sends, so its hash is unknown to the gateway.
		notFoundThenRegisteredThenFound(this.http, this.tenants.create(), "query Apq { viewer { tenant scopes } }");
	}

	/**
	 * Each instance keeps its own registry, so a client meets the miss once per instance
	 * and registers the query there too: no stickiness needed, one more round trip.
	 */
	@Test
	void aHashRegisteredOnOneInstanceIsRegisteredOnThatOneOnly() {
		TestTenant tenant = this.tenants.create();
		for (WebTestClient instance : List.of(this.http, second.http())) {
			notFoundThenRegisteredThenFound(instance, tenant, "query ApqOnEach { viewer { tenant } }");
		}
	}

	private void notFoundThenRegisteredThenFound(WebTestClient instance, TestTenant tenant, String query) {
		Map<String, Object> hashOnly = Map.of("extensions", persistedQuery(DocumentHash.of(query)));
		post(instance, tenant, hashOnly).jsonPath("$.errors[0].message")
			.isEqualTo("PersistedQueryNotFound")
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND")
			.jsonPath("$.data")
			.doesNotExist();
		post(instance, tenant, Map.of("query", query, "extensions", persistedQuery(DocumentHash.of(query))))
			.jsonPath("$.data.viewer.tenant")
			.isEqualTo(tenant.name());
		post(instance, tenant, hashOnly).jsonPath("$.errors")
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
		return post(this.http, tenant, body);
	}

	private static WebTestClient.BodyContentSpec post(WebTestClient instance, TestTenant tenant,
			Map<String, Object> body) {
		return instance.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + tenant.key())
			.bodyValue(body)
			.exchange()
			.expectBody();
	}

}
