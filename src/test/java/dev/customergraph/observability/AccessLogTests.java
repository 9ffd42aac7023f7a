package dev.customergraph.observability;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.tenancy.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One access log line per request, with its id, and nothing a client should not find in a
 * log.
 */
@GatewayTest
@ExtendWith(OutputCaptureExtension.class)
class AccessLogTests {

	@Autowired
	TestTenants tenants;

	@Autowired
	WebTestClient http;

	@Test
	void oneLinePerRequestWithoutKeyOrPersonalData(CapturedOutput output) {
		String key = this.tenants.create().key();
		String requestId = this.http.post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"query": "query FindCustomer($email: String!) { customerByEmail(email: $email) { id } }",
					 "operationName": "FindCustomer", "variables": {"email": "grace.hopper@example.test"}}""")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("X-Request-Id");
		// The line is written when the response completes, which the client may see a
		// moment earlier.
		await().atMost(Duration.ofSeconds(2))
			.untilAsserted(
					() -> assertThat(output.getOut().lines().filter((line) -> line.contains(requestId))).singleElement()
						.asString()
						.contains("method=POST status=200", "operation=FindCustomer", "cost=1"));
		assertThat(output.getOut()).doesNotContain(key, key.substring(8), "grace.hopper", "customerByEmail");
	}

	/**
	 * GraphQL names are short: a 20,000-character operation name, asked for or in the
	 * document, is refused as {@code INVALID} and reaches neither a log line nor a metric
	 * tag.
	 */
	@Test
	void longOperationNamesReachNeitherLogNorMetrics(CapturedOutput output) {
		String key = this.tenants.create().key();
		String name = "N".repeat(20_000);
		for (Map<String, String> body : List.of(Map.of("query", "{ __typename }", "operationName", name),
				Map.of("query", "query " + name + " { __typename }"))) {
			this.http.post()
				.uri("/graphql")
				.header("Authorization", "Bearer " + key)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.errors[0].extensions.code")
				.isEqualTo("INVALID")
				.jsonPath("$.data")
				.doesNotExist();
		}
		String metrics = this.http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metrics).doesNotContain("N".repeat(101));
		await().atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(output.getOut()).contains("operation=\"invalid\""));
		assertThat(output.getOut()).doesNotContain("N".repeat(101));
	}

}
