package dev.customergraph.edge;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.customergraph.GatewayTest;
import dev.customergraph.http.GraphQlWebSocketClient;
import dev.customergraph.http.RawGraphQl;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * GraphQL over WebSocket at the GraphQL path: who may connect, and that an operation on a
 * connection is held to what holds on HTTP.
 */
@GatewayTest
class GraphQlWebSocketTests {

	private static final int UNAUTHORIZED = 4401;

	private static final String VIEWER = "{ viewer { tenant } }";

	@Autowired
	TestTenants tenants;

	@Autowired
	WebTestClient http;

	@LocalServerPort
	int port;

	@Value("${gateway.subscriptions.max-connections-per-key}")
	int maxConnectionsPerKey;

	TestTenant tenant;

	@BeforeEach
	void newTenant() {
		this.tenant = this.tenants.create();
	}

	@Test
	void aConnectionWithoutAKeyIsClosedUnauthorized() {
		try (GraphQlWebSocketClient client = GraphQlWebSocketClient.open(this.port, null)) {
			client.init(Map.of());
			assertThat(client.closeCode()).isEqualTo(UNAUTHORIZED);
		}
	}

	@Test
	void aConnectionWithAnUnknownKeyIsClosedUnauthorized() {
		try (GraphQlWebSocketClient client = GraphQlWebSocketClient.open(this.port, null)) {
			client.init(Map.of("Authorization", "Bearer sk_test_" + "x".repeat(32)));
			assertThat(client.closeCode()).isEqualTo(UNAUTHORIZED);
		}
		try (GraphQlWebSocketClient client = GraphQlWebSocketClient.open(this.port, "Bearer sk_test_nope")) {
			client.init(Map.of());
			assertThat(client.closeCode()).isEqualTo(UNAUTHORIZED);
		}
	}

	@Test
	void aSubscribeBeforeTheConnectionIsAcknowledgedClosesIt() {
		try (GraphQlWebSocketClient client = GraphQlWebSocketClient.open(this.port, null)) {
			client.send(Map.of("type", "subscribe", "id", "1", "payload", Map.of("query", VIEWER)));
			assertThat(client.closeCode()).isEqualTo(UNAUTHORIZED);
		}
	}

	@Test
	void theKeyMayComeInAnyLetterCaseOrInTheUpgradeRequest() {
		for (String name : List.of("Authorization", "authorization", "AUTHORIZATION")) {
			try (GraphQlWebSocketClient client = GraphQlWebSocketClient.open(this.port, null)) {
				client.init(Map.of(name, "Bearer " + this.tenant.key()));
				assertThat(client.next()).as(name).containsEntry("type", "connection_ack");
				assertViewer(client);
			}
		}
		try (GraphQlWebSocketClient client = GraphQlWebSocketClient.open(this.port, "Bearer " + this.tenant.key())) {
			client.init(Map.of());
			assertThat(client.next()).containsEntry("type", "connection_ack");
			assertViewer(client);
		}
	}

	@Test
	void aBrowserPageConnectsOnlyFromAnAllowedOrigin() {
		URI uri = URI.create("ws://127.0.0.1:" + this.port + "/graphql");
		assertThatExceptionOfType(CompletionException.class)
			.isThrownBy(() -> GraphQlWebSocketClient.open(uri, Map.of("Origin", "https://evil.example")))
			.withCauseInstanceOf(WebSocketHandshakeException.class);
		try (GraphQlWebSocketClient client = GraphQlWebSocketClient.open(uri,
				Map.of("Origin", "https://app.example"))) {
			client.init(Map.of("Authorization", "Bearer " + this.tenant.key()));
			assertThat(client.next()).containsEntry("type", "connection_ack");
		}
	}

	@Test
	void aKeyHasAtMostMaxConnectionsPerKeyConnectionsOpen() {
		List<GraphQlWebSocketClient> open = new ArrayList<>();
		try {
			for (int i = 0; i < this.maxConnectionsPerKey; i++) {
				open.add(GraphQlWebSocketClient.connect(this.port, this.tenant.key()));
			}
			try (GraphQlWebSocketClient over = GraphQlWebSocketClient.open(this.port, null)) {
				over.init(Map.of("Authorization", "Bearer " + this.tenant.key()));
				assertThat(over.closeCode()).isEqualTo(UNAUTHORIZED);
			}
			open.remove(0).close();
			// The server learns of the close a moment later.
			Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				try (GraphQlWebSocketClient again = GraphQlWebSocketClient.open(this.port, null)) {
					again.init(Map.of("Authorization", "Bearer " + this.tenant.key()));
					assertThat(again.next()).containsEntry("type", "connection_ack");
				}
			});
		}
		finally {
			open.forEach(GraphQlWebSocketClient::close);
		}
	}

	@Test
	void mutationsAreNotSentOverWebSocket() {
		try (GraphQlWebSocketClient client = GraphQlWebSocketClient.connect(this.port, this.tenant.key())) {
			client.send(Map.of("type", "subscribe", "id", "1", "payload", Map.of("query",
					"mutation { deleteCustomer(input: { id: \"Q3VzdG9tZXI6MQ\" }) { deletedCustomerId } }")));
			assertThat(client.errorCode("1")).isEqualTo("METHOD_NOT_ALLOWED");
		}
	}

	@Test
	void aSubscriptionIsHeldToTheDocumentLimitsOfQueries() {
		String aliases = IntStream.range(0, 31).mapToObj((i) -> "a" + i + ": type").collect(Collectors.joining(" "));
		try (GraphQlWebSocketClient client = GraphQlWebSocketClient.connect(this.port, this.tenant.key())) {
			client.send(Map.of("type", "subscribe", "id", "1", "payload",
					Map.of("query", "subscription { customerEvents { " + aliases + " } }")));
			assertThat(client.errorCode("1")).isEqualTo("TOO_MANY_ALIASES");
		}
	}

	@Test
	void aSubscriptionOverHttpIsRefusedAtOnce() {
		new RawGraphQl(this.http, this.tenant.key()).post("subscription { customerEvents { id } }")
			.isRefused(200, "BAD_REQUEST");
	}

	@SuppressWarnings("unchecked")
	private void assertViewer(GraphQlWebSocketClient client) {
		client.send(Map.of("type", "subscribe", "id", "viewer", "payload", Map.of("query", VIEWER)));
		Map<String, Object> payload = (Map<String, Object>) client.nextOf("viewer").get("payload");
		assertThat(payload).containsEntry("data", Map.of("viewer", Map.of("tenant", this.tenant.name())));
	}

}
