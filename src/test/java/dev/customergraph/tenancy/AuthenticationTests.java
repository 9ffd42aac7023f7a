package dev.customergraph.tenancy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;

import dev.customergraph.GatewayTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@GatewayTest
class AuthenticationTests {

	@Autowired
	TestTenants tenants;

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	WebTestClient http;

	@Test
	void viewerTellsTheKeysTenantModeAndScopes() {
		var tenant = this.tenants.create();
		tenant.graphQl()
			.document("{ viewer { tenant livemode scopes } }")
			.execute()
			.path("viewer.tenant")
			.entity(String.class)
			.isEqualTo(tenant.name())
			.path("viewer.livemode")
			.entity(Boolean.class)
			.isEqualTo(false)
			.path("viewer.scopes")
			.entityList(String.class)
			.containsExactly("customers:read", "customers:write");
	}

	@Test
	void basicAuthWithTheKeyAsUserNameWorks() {
		var tenant = this.tenants.create(true, EnumSet.of(Scope.READ));
		String basic = Base64.getEncoder().encodeToString((tenant.key() + ":").getBytes(StandardCharsets.UTF_8));
		this.graphQl.mutate()
			.header("Authorization", "Basic " + basic)
			.build()
			.document("{ viewer { livemode scopes } }")
			.execute()
			.path("viewer.livemode")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("viewer.scopes")
			.entityList(String.class)
			.containsExactly("customers:read");
	}

	@Test
	void missingKeyIsUnauthenticated() {
		postViewer(null).expectStatus()
			.isEqualTo(HttpStatus.UNAUTHORIZED)
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("UNAUTHENTICATED")
			.jsonPath("$.data")
			.doesNotExist();
	}

	@Test
	void unknownOrMalformedKeyIsUnauthenticated() {
		for (String header : new String[] { "Bearer sk_test_00000000000000000000000000000000", "Bearer nonsense",
				"Basic !!!", "Token sk_test_x" }) {
			postViewer(header).expectStatus()
				.isEqualTo(HttpStatus.UNAUTHORIZED)
				.expectBody()
				.jsonPath("$.errors[0].extensions.code")
				.isEqualTo("UNAUTHENTICATED");
		}
	}

	private WebTestClient.ResponseSpec postViewer(String authorization) {
		return this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).headers((headers) -> {
			if (authorization != null) {
				headers.set("Authorization", authorization);
			}
		}).bodyValue("{\"query\":\"{ viewer { tenant } }\"}").exchange();
	}

}
