package dev.customergraph.edge;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.tenancy.TestTenants;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edge fails closed: no spelling of the GraphQL path and no method reaches GraphQL
 * without a key, and every answer of the endpoint carries its request id. Requests are
 * sent byte for byte as written (java.net.http), so no client normalises the path first.
 */
@GatewayTest
class RequestEdgeTests {

	static final String QUERY = "{\"query\":\"{ viewer { tenant } customers(first: 1) { nodes { id } } }\"}";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	TestTenants tenants;

	HttpClient client = HttpClient.newHttpClient();

	@Test
	void everySpellingOfThePathIsRefusedWithoutAKey() throws Exception {
		for (String path : List.of("/graphql", "/graphql;x=1", "/graphql;jsessionid=1", "/gr%61phql", "/%67raphql",
				"/graphql/", "//graphql", "/GRAPHQL", "/Graphql", "/graphql%2F", "/./graphql", "/x/../graphql",
				"/graphql?x=1", "/graphql.json")) {
			for (HttpRequest request : List.of(post(path, null), get(path, null))) {
				HttpResponse<String> response = send(request);
				assertThat(response.statusCode()).as(request.method() + " " + path + ": " + response.body())
					.isIn(400, 401, 404);
				assertThat(response.body()).as(path).doesNotContain("\"data\"").doesNotContain("\"viewer\"");
				if (response.statusCode() == 401) {
					assertThat(firstError(response)).containsEntry("code", "UNAUTHENTICATED");
				}
			}
		}
	}

	@Test
	void theSpellingsTheRouterAcceptsReachTheEndpointAndNeedTheKey() throws Exception {
		String key = this.tenants.create().key();
		for (String path : List.of("/graphql;x=1", "/gr%61phql", "/%67raphql")) {
			HttpResponse<String> anonymous = send(post(path, null));
			assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
			assertThat(firstError(anonymous)).containsEntry("code", "UNAUTHENTICATED")
				.containsEntry("requestId", anonymous.headers().firstValue("X-Request-Id").orElseThrow());
			HttpResponse<String> withKey = send(post(path, key));
			assertThat(withKey.statusCode()).as(path).isEqualTo(200);
			assertThat(withKey.body()).as(path).contains("\"viewer\"");
		}
	}

	@Test
	void everyMethodIsRefusedWithoutAKey() throws Exception {
		URI uri = uri("/graphql");
		List<HttpRequest> requests = List.of(HttpRequest.newBuilder(uri).PUT(BodyPublishers.ofString(QUERY)).build(),
				HttpRequest.newBuilder(uri).method("DELETE", BodyPublishers.noBody()).build(),
				HttpRequest.newBuilder(uri).method("PATCH", BodyPublishers.ofString(QUERY)).build(),
				HttpRequest.newBuilder(uri).method("OPTIONS", BodyPublishers.noBody()).build(),
				HttpRequest.newBuilder(uri)
					.header("Content-Type", "multipart/form-data; boundary=x")
					.POST(BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n"
							+ QUERY + "\r\n--x--\r\n"))
					.build(),
				HttpRequest.newBuilder(uri)
					.header("Content-Type", "application/graphql")
					.POST(BodyPublishers.ofString("{ viewer { tenant } }"))
					.build());
		for (HttpRequest request : requests) {
			HttpResponse<String> response = send(request);
			assertThat(response.statusCode()).as(request.method() + " " + response.body()).isEqualTo(401);
			assertThat(firstError(response)).containsEntry("code", "UNAUTHENTICATED");
		}
		HttpResponse<String> head = send(HttpRequest.newBuilder(uri("/graphql?query=%7B__typename%7D"))
			.method("HEAD", BodyPublishers.noBody())
			.build());
		assertThat(head.statusCode()).isEqualTo(401);
	}

	@Test
	void corsPreflightNeedsNoKeyButAnswersNoData() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/graphql"))
			.method("OPTIONS", BodyPublishers.noBody())
			.header("Origin", "https://app.example")
			.header("Access-Control-Request-Method", "POST")
			.build());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEmpty();
	}

	@Test
	void publicPathsReadNoTenantData() throws Exception {
		for (String path : List.of("/graphiql", "/graphql/schema", "/actuator/health")) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET().build());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.body()).as(path).doesNotContain("@example");
		}
	}

	@Test
	void graphQlErrorsCarryTheRequestIdToo() throws Exception {
		String key = this.tenants.create().key();
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/graphql"))
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"query\":\"{ nope }\"}"))
			.build());
		assertThat(firstError(response)).containsEntry("code", "GRAPHQL_VALIDATION_FAILED")
			.containsEntry("requestId", response.headers().firstValue("X-Request-Id").orElseThrow());
	}

	private HttpRequest post(String path, String key) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(QUERY));
		return (key != null) ? request.header("Authorization", "Bearer " + key).build() : request.build();
	}

	private HttpRequest get(String path, String key) {
		String separator = path.contains("?") ? "&" : "?";
		HttpRequest.Builder request = HttpRequest
			.newBuilder(uri(path + separator + "query=%7B%20viewer%20%7B%20tenant%20%7D%20%7D"))
			.GET();
		return (key != null) ? request.header("Authorization", "Bearer " + key).build() : request.build();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	/**
	 * A request refused before its body is read (no key) must not leave a server thread
	 * waiting for the rest of a body the client declared and never sends: with more such
	 * connections than the server has threads, nobody else would be answered.
	 */
	@Test
	void bodiesLeftUnsentAfterARefusalHoldNoServerThread() throws Exception {
		byte[] head = ("POST /graphql HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer sk_test_unknown\r\n"
				+ "Content-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{")
			.getBytes(StandardCharsets.US_ASCII);
		List<Socket> stalled = new ArrayList<>();
		try {
			// More than Tomcat's 200 request threads on platform threads (Java 17).
			for (int i = 0; i < 220; i++) {
				Socket socket = new Socket("localhost", this.port);
				socket.setSoTimeout(10_000);
				socket.getOutputStream().write(head);
				stalled.add(socket);
			}
			for (Socket socket : stalled) {
				assertThat(statusLine(socket.getInputStream())).startsWith("HTTP/1.1 401");
			}
			String key = this.tenants.create().key();
			HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/graphql"))
				.timeout(Duration.ofSeconds(5))
				.header("Authorization", "Bearer " + key)
				.header("Content-Type", "application/json")
				.POST(BodyPublishers.ofString(QUERY))
				.build());
			assertThat(answer.statusCode()).isEqualTo(200);
		}
		finally {
			for (Socket socket : stalled) {
				socket.close();
			}
		}
	}

	private static String statusLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
			line.append((char) c);
		}
		return line.toString();
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.client.send(request, BodyHandlers.ofString());
	}

	private static Map<String, Object> firstError(HttpResponse<String> response) {
		Map<String, Object> body = JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() {
		});
		@SuppressWarnings("unchecked")
		Map<String, Object> error = ((List<Map<String, Object>>) body.get("errors")).get(0);
		@SuppressWarnings("unchecked")
		Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
		return extensions;
	}

}
