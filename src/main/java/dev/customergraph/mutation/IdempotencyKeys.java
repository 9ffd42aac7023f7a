package dev.customergraph.mutation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.LongSupplier;

import dev.customergraph.observability.SqlStatementCounter;
import dev.customergraph.tenancy.Partition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys of create mutations, scoped to partition and operation. Inside the
 * mutation's transaction, {@link #once} inserts the key before anything else is written:
 * a concurrent retry with the same key blocks on the primary key until the first
 * transaction ends, then either finds its committed row (and returns its result) or, if
 * it rolled back, claims the key itself. So retries arriving at the same moment create
 * one row, whatever the number of gateway instances.
 */
@Repository
public class IdempotencyKeys {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

	/**
	 * Map keys sorted, so the same input sent with its JSON fields in another order
	 * hashes the same.
	 */
	private static final JsonMapper CANONICAL = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private static final int DELETE_BATCH = 1000;

	private final JdbcClient jdbc;

	private final Duration retention;

	IdempotencyKeys(JdbcClient jdbc, @Value("${gateway.idempotency.retention:PT24H}") Duration retention) {
		this.jdbc = jdbc;
		this.retention = retention;
	}

	/**
	 * Runs {@code create} once per idempotency key, inside the caller's transaction. The
	 * key is claimed before anything is created; a retry with the same key and input gets
	 * the id the first request created, and creates nothing.
	 * @param key the client's idempotency key; without one, {@code create} just runs
	 * @param input the whole input, hashed to tell a retry from another request
	 * @param create creates the row and returns its id
	 * @return the id of the row created now, or by the first request with this key
	 * @throws UserErrorException {@code CONFLICT} when the key was used with another
	 * input
	 */
	public long once(Partition partition, String operation, @Nullable String key, Object input, LongSupplier create) {
		if (key == null) {
			return create.getAsLong();
		}
		byte[] hash = hash(input);
		Optional<Long> earlier = claim(partition, operation, key, hash);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		long created = create.getAsLong();
		this.jdbc
			.sql("""
					UPDATE idempotency_key SET result_id = :resultId
					WHERE tenant_id = :tenantId AND livemode = :livemode AND operation = :operation AND idempotency_key = :key
					""")
			.param("resultId", created)
			.param("tenantId", partition.tenantId())
			.param("livemode", partition.livemode())
			.param("operation", operation)
			.param("key", key)
			.update();
		return created;
	}

	/**
	 * Deletes keys older than the retention, a batch at a time: each batch is a short
	 * statement of its own, so requests that insert keys never wait for the cleanup. Its
	 * statements serve no request, so they are not counted as a request's.
	 */
	@Scheduled(fixedDelayString = "${gateway.idempotency.cleanup-interval:PT1H}", initialDelayString = "PT1M")
	public void deleteExpired() {
		SqlStatementCounter.notCounted(this::deleteExpiredBatches);
	}

	private void deleteExpiredBatches() {
		LocalDateTime cutoff = LocalDateTime.now(ZoneOffset.UTC).minus(this.retention);
		int deleted;
		int total = 0;
		do {
			deleted = this.jdbc.sql("DELETE FROM idempotency_key WHERE created_at < :cutoff LIMIT :batch")
				.param("cutoff", cutoff)
				.param("batch", DELETE_BATCH)
				.update();
			total += deleted;
		}
		while (deleted == DELETE_BATCH);
		log.debug("Deleted {} expired idempotency keys", total);
	}

	/**
	 * Inserts the key, or finds the request that inserted it before: empty when the key
	 * is new.
	 */
	private Optional<Long> claim(Partition partition, String operation, String key, byte[] hash) {
		try {
			this.jdbc
				.sql("""
						INSERT INTO idempotency_key (tenant_id, livemode, operation, idempotency_key, request_hash, created_at)
						VALUES (:tenantId, :livemode, :operation, :key, :hash, :now)
						""")
				.param("tenantId", partition.tenantId())
				.param("livemode", partition.livemode())
				.param("operation", operation)
				.param("key", key)
				.param("hash", hash)
				.param("now", LocalDateTime.now(ZoneOffset.UTC))
				.update();
			return Optional.empty();
		}
		catch (DuplicateKeyException ex) {
			return Optional.of(earlierResult(partition, operation, key, hash));
		}
	}

	/**
	 * The committed row of an earlier request. A shared lock reads the latest committed
	 * row (not a snapshot) and, unlike FOR UPDATE, lets many concurrent retries read it
	 * at once.
	 */
	private long earlierResult(Partition partition, String operation, String key, byte[] hash) {
		KeyRow row = this.jdbc
			.sql("""
					SELECT request_hash, result_id FROM idempotency_key
					WHERE tenant_id = :tenantId AND livemode = :livemode AND operation = :operation AND idempotency_key = :key
					LOCK IN SHARE MODE
					""")
			.param("tenantId", partition.tenantId())
			.param("livemode", partition.livemode())
			.param("operation", operation)
			.param("key", key)
			.query(KeyRow.class)
			.single();
		if (!Arrays.equals(row.requestHash(), hash) || row.resultId() == null) {
			throw new UserErrorException(UserErrorCode.CONFLICT,
					"This idempotency key was already used with a different input; use a new key for a new request.",
					"idempotencyKey");
		}
		return row.resultId();
	}

	private static byte[] hash(Object input) {
		try {
			return MessageDigest.getInstance("SHA-256")
				.digest(CANONICAL.writeValueAsString(input).getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JRE", ex);
		}
	}

	private record KeyRow(byte[] requestHash, @Nullable Long resultId) {
	}

}
