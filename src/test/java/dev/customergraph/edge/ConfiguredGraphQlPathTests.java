package dev.customergraph.edge;

import java.net.URI;
import java.util.Map;

import dev.customergraph.http.GraphQlWebSocketClient;
import dev.customergraph.tenancy.TestTenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With another GraphQL path configured, authentication follows the route there, and the
 * WebSocket is there too: the key check is not tied to the default path.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "gateway.embedded.data-dir=target/test-engine", "gateway.demo.customers=50",
				"spring.graphql.http.path=/api/graphql" })
@AutoConfigureHttpGraphQlTester
class ConfiguredGraphQlPathTests {

	@Autowired
	WebTestClient http;

	@Autowired
	TestTenants tenants;

	@LocalServerPort
	int port;

	@Test
	void theConfiguredPathNeedsAKey() {
		for (String path : new String[] { "/api/graphql", "/api/graphql;x=1" }) {
			post(path, null).expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.errors[0].extensions.code")
				.isEqualTo("UNAUTHENTICATED")
				.jsonPath("$.data")
				.doesNotExist();
		}
		post("/api/graphql", this.tenants.create().key()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.viewer.tenant")
			.exists();
	}

	@Test
	void theWebSocketIsAtTheConfiguredPathToo() {
		URI uri = URI.create("ws://127.0.0.1:" + this.port + "/api/graphql");
		try (GraphQlWebSocketClient client = GraphQlWebSocketClient.open(uri, Map.of())) {
			client.init(Map.of());
			assertThat(client.closeCode()).isEqualTo(4401);
		}
		try (GraphQlWebSocketClient client = GraphQlWebSocketClient.open(uri, Map.of())) {
			client.init(Map.of("Authorization", "Bearer " + this.tenants.create().key()));
			assertThat(client.next()).containsEntry("type", "connection_ack");
		}
	}

	private WebTestClient.ResponseSpec post(String path, String key) {
		return this.http.post()
			.uri((uri) -> uri.path(path).build())
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> {
				if (key != null) {
					headers.setBearerAuth(key);
				}
			})
			.bodyValue("{\"query\":\"{ viewer { tenant } customers(first: 1) { nodes { id } } }\"}")
			.exchange();
	}

}
