package dev.customergraph.observability;

import dev.customergraph.GatewayTest;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code /actuator/prometheus} shows after a query. */
@GatewayTest
class MetricsTests {

	@Autowired
	TestTenants tenants;

	@Autowired
	WebTestClient http;

	@Test
	void prometheusShowsTheOperationTimerBatchSizesStatementsAndPool() {
		TestTenant tenant = this.tenants.seeded(5);
		tenant.graphQl()
			.document("query MetricsProbe { customers(first: 5) { nodes { email addresses { nodes { city } } } } }")
			.execute()
			.path("customers.nodes")
			.entityList(Object.class)
			.hasSize(5);

		// Another spelling of the path, refused: the GraphQL endpoint's all the same.
		this.http.post().uri("/graphql;x=1").exchange().expectStatus().isUnauthorized();

		String page = this.http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(page).containsPattern(
				"graphql_request_seconds_count\\{[^}]*graphql_operation_name=\"MetricsProbe\"[^}]*graphql_outcome=\"SUCCESS\"")
			.containsPattern("graphql_dataloader_batch_size_keys_count\\{[^}]*loader_name=\"addressesOfCustomer\"")
			.contains("graphql_request_sql_statements_count")
			.contains("hikaricp_connections_active")
			.doesNotContain("graphql_datafetcher_seconds_count")
			.doesNotContainPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/graphql\"");
	}

	/**
	 * With trace export off (the default) observations make no spans: Boot's own switch
	 * would leave OpenTelemetry's tracer running for nobody.
	 */
	@Test
	void withoutTraceExportNoSpansAreMade(@Autowired ObjectProvider<Tracer> tracer) {
		assertThat(tracer.getIfAvailable(() -> Tracer.NOOP)).isSameAs(Tracer.NOOP);
	}

}
