package dev.customergraph.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.SecondGateway;
import dev.customergraph.customer.CustomerApi;
import dev.customergraph.graph.GlobalId;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import dev.customergraph.webhook.DeliveryRepository.Claim;
import dev.customergraph.webhook.DeliveryRepository.Due;
import dev.customergraph.webhook.WebhookReceiver.Received;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.customergraph.mutation.Mutations.atOnce;
import static dev.customergraph.mutation.Mutations.get;
import static dev.customergraph.mutation.Mutations.input;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway instances on one database, both delivering: an endpoint's lease keeps them
 * from delivering to it at once, so it still gets every event once, in order, one request
 * at a time.
 */
@GatewayTest
class WebhookAcrossInstancesTests {

	@RegisterExtension
	static final SecondGateway second = new SecondGateway();

	@Autowired
	TestTenants tenants;

	@Autowired
	DeliveryRepository deliveries;

	@Test
	void twoInstancesDeliverEachEventOnceInOrderOneAtATime() throws Exception {
		TestTenant tenant = this.tenants.create();
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			WebhookApi.create(tenant, input("url", receiver.url()));
			TestTenant onSecond = second.as(tenant);
			// 24 customers written through both instances, 4 at a time.
			for (int round = 0; round < 6; round++) {
				int base = round * 4;
				atOnce(4, (i) -> CustomerApi.create(((i % 2) == 0) ? tenant : onSecond,
						"c" + (base + i) + "@example.com"));
			}

			List<Received> received = receiver.awaitReceived(24);
			Thread.sleep(500);
			assertThat(receiver.received()).hasSize(24);
			assertThat(received).extracting((request) -> GlobalId.decode(request.eventId()).key())
				.doesNotHaveDuplicates()
				.isSorted();
			assertThat(receiver.maxInFlight()).isEqualTo(1);
		}
	}

	@Test
	void anEndpointIsLeasedToOneWorkerUntilItIsReleased() {
		TestTenant tenant = this.tenants.create();
		// The partition has no events, so the instances' own workers never claim it.
		Map<String, Object> created = WebhookApi.create(tenant, input("url", "https://93.184.215.14/hooks"));
		Due due = new Due(tenant.partition(), GlobalId.keyOf(get(created, "webhookEndpoint.id"), WebhookEndpoint.TYPE));

		Claim claim = this.deliveries.claim(due, Duration.ofMinutes(1)).orElseThrow();
		assertThat(this.deliveries.claim(due, Duration.ofMinutes(1))).isEmpty();
		assertThat(this.deliveries.renew(claim, Duration.ofMinutes(1))).isTrue();
		this.deliveries.release(claim, Duration.ZERO);
		assertThat(this.deliveries.renew(claim, Duration.ofMinutes(1))).isFalse();
		assertThat(this.deliveries.claim(due, Duration.ofMinutes(1))).isPresent();
	}

}
