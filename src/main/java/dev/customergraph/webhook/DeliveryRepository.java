package dev.customergraph.webhook;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.customergraph.event.EventType;
import dev.customergraph.tenancy.Partition;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/**
 * The delivery worker's statements. An instance works on an endpoint only while it holds
 * the endpoint's lease, taken by an UPDATE that succeeds only when the lease has expired,
 * and every write of the worker names its lease token: one that lost its lease (deleted
 * endpoint, a pause longer than the lease) changes nothing. Times are the database's
 * clock, the same for every instance.
 */
@Repository
class DeliveryRepository {

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * Endpoints due, unleased, with events after their position (event_sequence holds
	 * each partition's last event number), by webhook_endpoint_due.
	 */
	private static final String DUE = """
			SELECT w.tenant_id, w.livemode, w.id FROM webhook_endpoint w
			JOIN event_sequence s ON s.tenant_id = w.tenant_id AND s.livemode = w.livemode
			WHERE w.next_attempt_at <= UTC_TIMESTAMP(6) AND (w.lease_until IS NULL OR w.lease_until < UTC_TIMESTAMP(6))
			  AND s.last_seq > w.position
			ORDER BY w.next_attempt_at LIMIT :limit
			""";

	private static final String WHERE_LEASED = """
			WHERE tenant_id = :tenantId AND livemode = :livemode AND id = :endpointKey AND lease_token = :token
			""";

	private static final String RECORD = """
			INSERT INTO webhook_delivery (tenant_id, livemode, endpoint_id, event_seq, status, attempts,
			  last_response_code, last_error, first_attempt_at, last_attempt_at, next_attempt_at)
			SELECT tenant_id, livemode, id, :seq, :status, 1, :code, :error, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6),
			  IF(:retry, UTC_TIMESTAMP(6) + INTERVAL :delayMicros MICROSECOND, NULL)
			FROM webhook_endpoint
			""" + WHERE_LEASED + """
			ON DUPLICATE KEY UPDATE status = :status, attempts = attempts + 1, last_response_code = :code,
			  last_error = :error, last_attempt_at = UTC_TIMESTAMP(6),
			  next_attempt_at = IF(:retry, UTC_TIMESTAMP(6) + INTERVAL :delayMicros MICROSECOND, NULL)
			""";

	private final JdbcClient jdbc;

	DeliveryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Due> due(int limit) {
		return this.jdbc.sql(DUE)
			.param("limit", limit)
			.query((row, n) -> new Due(new Partition(row.getInt("tenant_id"), row.getBoolean("livemode")),
					row.getLong("id")))
			.list();
	}

	/** Takes the endpoint's lease if it has expired, and reads what delivering needs. */
	Optional<Claim> claim(Due due, Duration lease) {
		byte[] token = new byte[16];
		RANDOM.nextBytes(token);
		int claimed = this.jdbc.sql("""
				UPDATE webhook_endpoint SET lease_token = :token,
				  lease_until = UTC_TIMESTAMP(6) + INTERVAL :leaseMicros MICROSECOND
				WHERE tenant_id = :tenantId AND livemode = :livemode AND id = :endpointKey
				  AND (lease_until IS NULL OR lease_until < UTC_TIMESTAMP(6))
				""")
			.params(keyParams(due.partition(), due.endpointKey(), token))
			.param("leaseMicros", micros(lease))
			.update();
		if (claimed != 1) {
			return Optional.empty();
		}
		return Optional.of(new Claim(due.partition(), due.endpointKey(), token));
	}

	/** The endpoint as it is now, while the claim holds; empty once deleted or lost. */
	Optional<LeasedEndpoint> endpoint(Claim claim) {
		return leased("SELECT url, types, secret, position FROM webhook_endpoint " + WHERE_LEASED, claim)
			.query((row, n) -> new LeasedEndpoint(row.getString("url"), everyTypeIfNull(row.getString("types")),
					row.getBytes("secret"), row.getLong("position")))
			.optional();
	}

	/** Extends the lease; false once it is lost or the endpoint deleted. */
	boolean renew(Claim claim, Duration lease) {
		return leased("UPDATE webhook_endpoint SET lease_until = UTC_TIMESTAMP(6) + INTERVAL :leaseMicros MICROSECOND "
				+ WHERE_LEASED, claim)
			.param("leaseMicros", micros(lease))
			.update() == 1;
	}

	/**
	 * The failed attempts at an event so far, and whether they began over
	 * {@code retryFor} ago.
	 */
	Optional<Retries> retries(Claim claim, long seq, Duration retryFor) {
		return this.jdbc.sql("""
				SELECT attempts, first_attempt_at < UTC_TIMESTAMP(6) - INTERVAL :retryForMicros MICROSECOND AS expired
				FROM webhook_delivery
				WHERE tenant_id = :tenantId AND livemode = :livemode AND endpoint_id = :endpointKey AND event_seq = :seq
				""")
			.params(keyParams(claim.partition(), claim.endpointKey(), claim.token()))
			.param("seq", seq)
			.param("retryForMicros", micros(retryFor))
			.query((row, n) -> new Retries(row.getInt("attempts"), row.getBoolean("expired")))
			.optional();
	}

	/**
	 * Records an attempt's outcome; {@code retryIn} null for a final one (delivered or
	 * failed).
	 */
	void record(Claim claim, long seq, WebhookDelivery.DeliveryStatus status, DeliveryOutcome outcome,
			@Nullable Duration retryIn) {
		leased(RECORD, claim).param("seq", seq)
			.param("status", status.name())
			.param("code", outcome.status())
			.param("error", outcome.error())
			.param("retry", retryIn != null)
			.param("delayMicros", (retryIn != null) ? micros(retryIn) : 0)
			.update();
	}

	/** The endpoint is done with every event up to {@code seq}. */
	void advance(Claim claim, long seq) {
		leased("UPDATE webhook_endpoint SET position = GREATEST(position, :seq) " + WHERE_LEASED, claim)
			.param("seq", seq)
			.update();
	}

	/** Gives the lease back; the endpoint is due again after {@code delay}. */
	void release(Claim claim, Duration delay) {
		leased("""
				UPDATE webhook_endpoint SET lease_token = NULL, lease_until = NULL,
				  next_attempt_at = UTC_TIMESTAMP(6) + INTERVAL :delayMicros MICROSECOND
				""" + WHERE_LEASED, claim).param("delayMicros", micros(delay)).update();
	}

	private StatementSpec leased(String sql, Claim claim) {
		return this.jdbc.sql(sql).params(keyParams(claim.partition(), claim.endpointKey(), claim.token()));
	}

	private static Map<String, Object> keyParams(Partition partition, long endpointKey, byte[] token) {
		Map<String, Object> params = WebhookRepository.partitionParams(partition);
		params.put("endpointKey", endpointKey);
		params.put("token", token);
		return params;
	}

	private static long micros(Duration duration) {
		return duration.toNanos() / 1000;
	}

	private static List<EventType> everyTypeIfNull(@Nullable String json) {
		List<EventType> types = WebhookEndpoint.types(json);
		return (types != null) ? types : List.of(EventType.values());
	}

	/** An endpoint with work. */
	record Due(Partition partition, long endpointKey) {
	}

	/** A held lease on an endpoint. */
	record Claim(Partition partition, long endpointKey, byte[] token) {
	}

	/** What a delivery needs of its endpoint; the secret still encrypted. */
	record LeasedEndpoint(String url, List<EventType> types, byte[] encryptedSecret, long position) {
	}

	record Retries(int attempts, boolean expired) {
	}

}
