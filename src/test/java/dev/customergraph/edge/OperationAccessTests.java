package dev.customergraph.edge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.http.RawGraphQl;
import dev.customergraph.http.RawGraphQl.Response;
import dev.customergraph.tenancy.Scope;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scopes and methods are checked on the operation graphql-java resolved, however its
 * document arrived.
 */
@GatewayTest
class OperationAccessTests {

	static final String CREATE = "mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } userErrors { code } } }";

	@Autowired
	TestTenants tenants;

	@Autowired
	WebTestClient http;

	@Autowired
	ExecutionGraphQlService graphQlService;

	@Test
	void aWriteOnlyKeyMayNotRead() {
		TestTenant tenant = this.tenants.create();
		TestTenant writeOnly = this.tenants.keyFor(tenant.name(), false, EnumSet.of(Scope.WRITE));
		RawGraphQl graphQl = new RawGraphQl(this.http, writeOnly.key());
		// The key's first use looks it up; the requests below then cost no SQL at all.
		graphQl.post("{ viewer { tenant } }");
		for (String query : List.of("{ customers { nodes { id } } }", "{ viewer { tenant } sources { totalCount } }",
				"{ ...Q } fragment Q on Query { customer(id: \"x\") { id } }",
				"{ ... on Query { nodes(ids: []) { id } } }")) {
			Response response = graphQl.post(query);
			assertThat(response.firstErrorCode()).as(query + ": " + response.body()).isEqualTo("FORBIDDEN");
			assertThat(response.json()).as(query).doesNotContainKey("data");
			assertThat(response.statements()).isZero();
		}
		assertThat(graphQl.post("{ viewer { scopes } __typename }").body()).contains("customers:write")
			.doesNotContain("errors");
		graphQl
			.postBody("{\"query\":\"{ customers { totalCount } }\"}".getBytes(), MediaType.APPLICATION_JSON,
					MediaType.parseMediaType("application/graphql-response+json"))
			.isRefused(403, "FORBIDDEN");
	}

	@Test
	void aReadOnlyKeyMayNotWriteAndWritesNothing() {
		TestTenant tenant = this.tenants.create();
		TestTenant readOnly = this.tenants.keyFor(tenant.name(), false, EnumSet.of(Scope.READ));
		Response response = new RawGraphQl(this.http, readOnly.key()).post(CREATE,
				Map.of("input", Map.of("email", "read-only@example.com")));
		assertThat(response.firstErrorCode()).isEqualTo("FORBIDDEN");
		assertThat(response.json()).doesNotContainKey("data");
		assertThat(count(tenant, "read-only@example.com")).isZero();
	}

	@Test
	void aPersistedMutationIsRefusedOverGetAndWritesNothing() {
		TestTenant tenant = this.tenants.create();
		String email = "apq-" + System.nanoTime() + "@example.com";
		String document = "mutation { createCustomer(input: {email: \"" + email + "\"}) { customer { id } } }";
		String hash = sha256(document);
		String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
		// Registered by a read-only key: refused, nothing written, but the hash is known.
		TestTenant readOnly = this.tenants.keyFor(tenant.name(), false, EnumSet.of(Scope.READ));
		this.http.post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + readOnly.key())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", document, "extensions",
					Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash))))
			.exchange()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("FORBIDDEN");
		new RawGraphQl(this.http, tenant.key()).post("{ viewer { tenant } }");
		Response hashOnly = RawGraphQl.exchange(this.http.get()
			.uri((uri) -> uri.path("/graphql").queryParam("extensions", "{extensions}").build(extensions))
			.header("Authorization", "Bearer " + tenant.key()));
		hashOnly.isRefused(405, "METHOD_NOT_ALLOWED");
		assertThat(hashOnly.result().getResponseHeaders().getFirst("Allow")).isEqualTo("POST");
		assertThat(count(tenant, email)).isZero();
	}

	@Test
	void theEngineRefusesAnOperationWithoutACaller() {
		String email = "nobody-" + System.nanoTime() + "@example.com";
		for (String document : List.of(
				"mutation { createCustomer(input: {email: \"" + email + "\"}) { customer { id } } }",
				"{ customers { nodes { id } } }", "{ viewer { tenant } }")) {
			ExecutionGraphQlResponse response = this.graphQlService
				.execute(new DefaultExecutionGraphQlRequest(document, null, null, null, "no-caller", Locale.ROOT))
				.block();
			assertThat(response.getErrors()).singleElement()
				.extracting(ResponseError::getExtensions)
				.satisfies((extensions) -> assertThat(extensions).containsEntry("code", "UNAUTHENTICATED"));
			assertThat(response.isValid()).isFalse();
		}
		assertThat(this.tenants.jdbc()
			.sql("SELECT COUNT(*) FROM customer WHERE email = :email")
			.param("email", email)
			.query(Long.class)
			.single()).isZero();
	}

	private static String sha256(String document) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long count(TestTenant tenant, String email) {
		return tenant.graphQl()
			.document("query($e: String!) { customers(filter: {email: $e}) { totalCount } }")
			.variable("e", email)
			.execute()
			.path("customers.totalCount")
			.entity(Long.class)
			.get();
	}

}
