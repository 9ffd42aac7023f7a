package dev.customergraph.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.customergraph.GatewayTest;
import dev.customergraph.customer.CustomerApi;
import dev.customergraph.graph.GlobalId;
import dev.customergraph.graph.JsonColumns;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import dev.customergraph.webhook.WebhookReceiver.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.customergraph.mutation.Mutations.get;
import static dev.customergraph.mutation.Mutations.input;
import static dev.customergraph.mutation.Mutations.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deliveries to a receiver in the test, over real HTTP both ways: signed, in event order,
 * once each after retries, only the endpoint's partition, and none after a delete.
 */
@GatewayTest
class WebhookDeliveryTests {

	@Autowired
	TestTenants tenants;

	@Autowired
	DeliveryRetention retention;

	TestTenant tenant;

	WebhookReceiver receiver;

	@BeforeEach
	void newTenantAndReceiver() throws Exception {
		this.tenant = this.tenants.create();
		this.receiver = new WebhookReceiver();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void aDeliveryIsSignedWithTheSecretAndCarriesTheEventButNoPersonalData() throws Exception {
		Map<String, Object> created = WebhookApi.create(this.tenant, input("url", this.receiver.url()));
		String secret = get(created, "secret");
		String customerId = CustomerApi.create(this.tenant, "ada@example.com",
				Map.of("firstName", "Ada", "lastName", "Lovelace"));

		Received delivery = this.receiver.awaitReceived(1).get(0);
		assertThat(delivery.method()).isEqualTo("POST");
		assertThat(delivery.uri()).isEqualTo("/hooks/customer-graph?source=test");
		assertThat(delivery.contentType()).isEqualTo("application/json");
		// The receiver's check: t=<unix>,v1=<hex HMAC-SHA256 of "t.body"> under the
		// secret.
		String[] parts = delivery.signature().split(",");
		String timestamp = parts[0].substring("t=".length());
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String expected = HexFormat.of()
			.formatHex(mac.doFinal((timestamp + "." + delivery.body()).getBytes(StandardCharsets.UTF_8)));
		assertThat(parts[1]).isEqualTo("v1=" + expected);
		assertThat(Long.parseLong(timestamp)).isBetween(System.currentTimeMillis() / 1000 - 60,
				System.currentTimeMillis() / 1000 + 1);

		Map<String, Object> event = JsonColumns.readObject(delivery.body());
		assertThat(event).containsEntry("type", "CUSTOMER_CREATED")
			.containsEntry("customerId", customerId)
			.containsEntry("version", 1)
			.containsEntry("livemode", false)
			.containsKeys("id", "occurredAt", "requestId");
		assertThat(delivery.eventId()).isEqualTo(event.get("id"));
		assertThat(delivery.body()).doesNotContain("ada@example.com", "Ada", "Lovelace");
	}

	@Test
	void aReceiverThatFailsTwiceGetsEveryEventOnceInOrderAfterTheRetries() {
		AtomicInteger requests = new AtomicInteger();
		this.receiver.answer((eventId) -> (requests.incrementAndGet() <= 2) ? 503 : 200);
		WebhookApi.create(this.tenant, input("url", this.receiver.url()));
		String customerId = CustomerApi.create(this.tenant, "grace@example.com");
		for (String name : List.of("Grace", "G.", "Grace B.")) {
			run(this.tenant, "customers#UpdateCustomer", "updateCustomer", input("id", customerId, "firstName", name));
		}

		List<Received> received = this.receiver.awaitReceived(6);
		assertThat(received).extracting(Received::status).containsExactly(503, 503, 200, 200, 200, 200);
		// The first event was sent three times, then each of the others once, in order.
		List<String> accepted = received.stream()
			.filter((request) -> request.status() == 200)
			.map(Received::eventId)
			.toList();
		assertThat(received.subList(0, 3)).extracting(Received::eventId).containsOnly(accepted.get(0));
		assertThat(accepted).doesNotHaveDuplicates();
		assertThat(accepted.stream().map((id) -> GlobalId.decode(id).key())).isSorted();
		assertThat(accepted.stream().map((id) -> JsonColumns.readObject(body(received, id)).get("version")))
			.containsExactly(1, 2, 3, 4);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(WebhookApi.deliveries(this.tenant)).hasSize(4)
				.allSatisfy((delivery) -> assertThat(delivery).containsEntry("status", "DELIVERED")
					.containsEntry("lastResponseCode", 200)
					.containsEntry("nextAttemptAt", null)));
		List<Map<String, Object>> deliveries = WebhookApi.deliveries(this.tenant);
		List<String> newestFirst = new ArrayList<>(accepted);
		Collections.reverse(newestFirst);
		assertThat(deliveries).extracting((delivery) -> delivery.get("eventId")).containsExactlyElementsOf(newestFirst);
		assertThat(deliveries).extracting((delivery) -> delivery.get("attempts")).containsExactly(1, 1, 1, 3);
		assertThat(this.receiver.received()).hasSize(6);
	}

	@Test
	void aDeliveryStillFailingAfterTheRetryPeriodIsMarkedFailedAndTheNextEventGoesOut() {
		this.receiver.answer((eventId) -> 500);
		String endpointId = get(WebhookApi.create(this.tenant, input("url", this.receiver.url())),
				"webhookEndpoint.id");
		CustomerApi.create(this.tenant, "first@example.com");
		Received first = this.receiver.awaitReceived(1).get(0);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(WebhookApi.deliveries(this.tenant)).singleElement()
				.satisfies((delivery) -> assertThat(delivery).containsEntry("status", "RETRYING")
					.containsEntry("lastResponseCode", 500)
					.doesNotContainEntry("nextAttemptAt", null)));
		// As if the first attempt was 25 hours ago.
		this.tenants.jdbc()
			.sql("UPDATE webhook_delivery SET first_attempt_at = first_attempt_at - INTERVAL 25 HOUR "
					+ "WHERE endpoint_id = :endpointKey")
			.param("endpointKey", GlobalId.keyOf(endpointId, WebhookEndpoint.TYPE))
			.update();
		this.receiver.answer((eventId) -> eventId.equals(first.eventId()) ? 500 : 200);
		CustomerApi.create(this.tenant, "second@example.com");

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(WebhookApi.deliveries(this.tenant))
				.extracting((delivery) -> delivery.get("status"))
				.containsExactly("DELIVERED", "FAILED"));
		List<Received> received = this.receiver.received();
		assertThat(received).filteredOn((request) -> request.status() == 200)
			.singleElement()
			.satisfies((request) -> assertThat(request.eventId()).isNotEqualTo(first.eventId()));
	}

	@Test
	void aNewUrlEndsTheWaitForARetry() throws Exception {
		this.receiver.answer((eventId) -> 500);
		String endpointId = get(WebhookApi.create(this.tenant, input("url", this.receiver.url())),
				"webhookEndpoint.id");
		CustomerApi.create(this.tenant, "moved@example.com");
		this.receiver.awaitReceived(1);
		// As if the back-off had grown to an hour.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.tenants.jdbc()
				.sql("UPDATE webhook_endpoint SET next_attempt_at = UTC_TIMESTAMP(6) + INTERVAL 1 HOUR "
						+ "WHERE id = :endpointKey AND lease_token IS NULL")
				.param("endpointKey", GlobalId.keyOf(endpointId, WebhookEndpoint.TYPE))
				.update() == 1);
		try (WebhookReceiver moved = new WebhookReceiver()) {
			WebhookApi.update(this.tenant, input("id", endpointId, "url", moved.url()));
			assertThat(moved.awaitReceived(1)).singleElement()
				.satisfies((request) -> assertThat(request.eventId())
					.isEqualTo(this.receiver.received().get(0).eventId()));
		}
	}

	@Test
	void anotherTenantsEventsAreNeverDelivered() throws Exception {
		TestTenant other = this.tenants.create();
		try (WebhookReceiver othersReceiver = new WebhookReceiver()) {
			WebhookApi.create(this.tenant, input("url", this.receiver.url()));
			WebhookApi.create(other, input("url", othersReceiver.url()));
			CustomerApi.create(other, "theirs@example.com");
			CustomerApi.create(this.tenant, "mine@example.com");
			String mine = CustomerApi.create(this.tenant, "mine2@example.com");

			List<Received> received = this.receiver.awaitReceived(2);
			othersReceiver.awaitReceived(1);
			assertThat(received).extracting((request) -> JsonColumns.readObject(request.body()).get("customerId"))
				.contains(mine)
				.hasSize(2);
			assertThat(othersReceiver.received()).hasSize(1);
		}
	}

	@Test
	void onlyTheEndpointsTypesAreDelivered() {
		WebhookApi.create(this.tenant, input("url", this.receiver.url(), "types", List.of("CUSTOMER_DELETED")));
		String id = CustomerApi.create(this.tenant, "short-lived@example.com");
		run(this.tenant, "customers#DeleteCustomer", "deleteCustomer", input("id", id));

		Received received = this.receiver.awaitReceived(1).get(0);
		assertThat(JsonColumns.readObject(received.body())).containsEntry("type", "CUSTOMER_DELETED")
			.containsEntry("customerId", id);
	}

	@Test
	void deletingAnEndpointStopsItsDeliveries() throws Exception {
		String endpointId = get(WebhookApi.create(this.tenant, input("url", this.receiver.url())),
				"webhookEndpoint.id");
		CustomerApi.create(this.tenant, "before@example.com");
		this.receiver.awaitReceived(1);
		WebhookApi.delete(this.tenant, endpointId);
		CustomerApi.create(this.tenant, "after@example.com");
		// Many poll intervals (100 ms in the tests).
		Thread.sleep(1500);
		assertThat(this.receiver.received()).hasSize(1);
	}

	@Test
	void theHistoryOfDeliveriesIsKeptAsLongAsTheEvents() {
		WebhookApi.create(this.tenant, input("url", this.receiver.url()));
		CustomerApi.create(this.tenant, "kept@example.com");
		this.receiver.awaitReceived(1);
		await().atMost(Duration.ofSeconds(10)).until(() -> WebhookApi.deliveries(this.tenant).size() == 1);
		this.retention.deleteBefore(LocalDateTime.now(ZoneOffset.UTC).minusDays(1));
		assertThat(WebhookApi.deliveries(this.tenant)).hasSize(1);
		this.retention.deleteBefore(LocalDateTime.now(ZoneOffset.UTC).plusSeconds(1));
		assertThat(WebhookApi.deliveries(this.tenant)).isEmpty();
	}

	private static String body(List<Received> received, String eventId) {
		return received.stream()
			.filter((request) -> request.eventId().equals(eventId))
			.findFirst()
			.orElseThrow()
			.body();
	}

}
