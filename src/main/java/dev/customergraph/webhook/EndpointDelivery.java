package dev.customergraph.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.customergraph.event.Event;
import dev.customergraph.event.EventLog;
import dev.customergraph.event.EventType;
import dev.customergraph.graph.GlobalId;
import dev.customergraph.graph.JsonColumns;
import dev.customergraph.webhook.DeliveryRepository.Claim;
import dev.customergraph.webhook.DeliveryRepository.LeasedEndpoint;
import dev.customergraph.webhook.DeliveryRepository.Retries;
import dev.customergraph.webhook.WebhookDelivery.DeliveryStatus;

import org.springframework.stereotype.Component;

/**
 * Delivers a claimed endpoint's events, one at a time, in event order: a 2xx answer moves
 * the endpoint past the event; any other outcome schedules a retry of the same event
 * after an exponential back-off and gives the endpoint up until then, so its later events
 * wait; an event still failing {@code retry-for} after its first attempt is marked failed
 * and skipped. The lease is renewed before each attempt, and a claim delivers at most
 * {@value #EVENTS_PER_CLAIM} events before it lets other endpoints have the thread.
 */
@Component
class EndpointDelivery {

	static final String SIGNATURE_HEADER = "Customer-Graph-Signature";

	static final String EVENT_ID_HEADER = "Customer-Graph-Event-Id";

	private static final int EVENTS_PER_CLAIM = 100;

	private static final int BATCH = 20;

	private static final long CLAIM_BUDGET_NANOS = Duration.ofSeconds(10).toNanos();

	private final DeliveryRepository deliveries;

	private final EventLog events;

	private final WebhookSecrets secrets;

	private final WebhookClient client;

	private final WebhookProperties properties;

	EndpointDelivery(DeliveryRepository deliveries, EventLog events, WebhookSecrets secrets, WebhookClient client,
			WebhookProperties properties) {
		this.deliveries = deliveries;
		this.events = events;
		this.secrets = secrets;
		this.client = client;
		this.properties = properties;
	}

	void run(Claim claim) {
		long deadline = System.nanoTime() + CLAIM_BUDGET_NANOS;
		int sent = 0;
		while (true) {
			Optional<LeasedEndpoint> found = this.deliveries.endpoint(claim);
			if (found.isEmpty()) {
				return;
			}
			LeasedEndpoint endpoint = found.get();
			EventLog.Batch batch = this.events.after(claim.partition(), endpoint.position(), BATCH, endpoint.types());
			for (Event event : batch.events()) {
				if (sent == EVENTS_PER_CLAIM || System.nanoTime() >= deadline) {
					this.deliveries.release(claim, Duration.ZERO);
					return;
				}
				if (!this.deliveries.renew(claim, this.properties.lease())) {
					return;
				}
				Optional<Duration> retry = deliver(claim, endpoint, event);
				sent++;
				if (retry.isPresent()) {
					this.deliveries.release(claim, retry.get());
					return;
				}
			}
			// Past the events of other types in the window, too.
			this.deliveries.advance(claim, batch.examinedThrough());
			if (batch.events().size() < BATCH) {
				this.deliveries.release(claim, Duration.ZERO);
				return;
			}
		}
	}

	/**
	 * Sends one event and records the outcome.
	 * @return when to retry it, or empty when the endpoint may go on
	 */
	private Optional<Duration> deliver(Claim claim, LeasedEndpoint endpoint, Event event) {
		DeliveryOutcome outcome = send(claim, endpoint, event);
		Optional<Retries> earlier = this.deliveries.retries(claim, event.seq(), this.properties.retryFor());
		if (outcome.delivered() || earlier.map(Retries::expired).orElse(false)) {
			this.deliveries.record(claim, event.seq(),
					outcome.delivered() ? DeliveryStatus.DELIVERED : DeliveryStatus.FAILED, outcome, null);
			this.deliveries.advance(claim, event.seq());
			return Optional.empty();
		}
		Duration retryIn = this.properties.retryAfter(earlier.map(Retries::attempts).orElse(0) + 1);
		this.deliveries.record(claim, event.seq(), DeliveryStatus.RETRYING, outcome, retryIn);
		return Optional.of(retryIn);
	}

	private DeliveryOutcome send(Claim claim, LeasedEndpoint endpoint, Event event) {
		WebhookTarget target;
		try {
			target = WebhookTarget.of(endpoint.url(), this.properties);
		}
		catch (WebhookTarget.RefusedUrl ex) {
			return DeliveryOutcome.failed("address not allowed: " + ex.getMessage());
		}
		byte[] body = JsonColumns.write(body(event, claim.partition().livemode())).getBytes(StandardCharsets.UTF_8);
		String secret = this.secrets.decrypt(claim.partition(), endpoint.encryptedSecret());
		Map<String, String> headers = Map.of(SIGNATURE_HEADER,
				WebhookSecrets.signature(secret, Instant.now().getEpochSecond(), body), EVENT_ID_HEADER, event.id());
		return this.client.post(target, body, headers);
	}

	/**
	 * What the events feed shows of the event, no more: ids, the version, the changed
	 * fields' names, never a customer's data.
	 */
	private static Map<String, Object> body(Event event, boolean livemode) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", event.id());
		body.put("type", event.type().name());
		body.put("occurredAt", event.occurredAt().toString());
		body.put("livemode", livemode);
		body.put("customerId", event.customerId());
		body.put("version", event.version());
		// addressId() and sourceId() are the one entity id, typed by the event's kind.
		String entityId = event.addressId();
		if (entityId != null) {
			body.put(GlobalId.decode(entityId).type().equals("Source") ? "sourceId" : "addressId", entityId);
		}
		if (event.type() == EventType.CUSTOMER_UPDATED) {
			body.put("changedFields", event.changedFields());
		}
		body.put("requestId", event.requestId());
		return body;
	}

}
