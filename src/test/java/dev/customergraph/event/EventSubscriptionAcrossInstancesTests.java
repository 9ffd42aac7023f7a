package dev.customergraph.event;

import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.SecondGateway;
import dev.customergraph.customer.CustomerApi;
import dev.customergraph.http.GraphQlWebSocketClient;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.customergraph.mutation.Mutations.input;
import static dev.customergraph.mutation.Mutations.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscription on one instance receives what another instance commits: the poller reads
 * it from the shared outbox within its interval.
 */
@GatewayTest
class EventSubscriptionAcrossInstancesTests {

	@RegisterExtension
	static final SecondGateway second = new SecondGateway();

	@Autowired
	TestTenants tenants;

	@LocalServerPort
	int port;

	@Test
	void aSubscriptionReceivesAnUpdateMadeThroughAnotherInstance() {
		TestTenant tenant = this.tenants.create();
		TestTenant elsewhere = second.as(tenant);
		String id = CustomerApi.create(elsewhere, "ada@example.com");
		try (GraphQlWebSocketClient client = GraphQlWebSocketClient.connect(this.port, tenant.key())) {
			LiveEvents.subscribe(client, "1", id, null, null);
			run(elsewhere, "customers#UpdateCustomer", "updateCustomer", input("id", id, "lastName", "Lovelace"));
			long committed = System.nanoTime();
			Map<String, Object> event = client.event("1");
			assertThat(event).containsEntry("type", "CUSTOMER_UPDATED").containsEntry("version", 2);
			assertThat(event).containsEntry("customer", Map.of("email", "ada@example.com"));
			// Within the poll interval (250 ms), with room for a busy machine.
			assertThat(System.nanoTime() - committed).isLessThan(5_000_000_000L);
		}
	}

}
