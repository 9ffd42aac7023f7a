package dev.customergraph.tenancy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.customergraph.observability.SqlStatementCounter;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Every active API key, held in memory by each gateway instance, so that authenticating a
 * request costs a hash and a map lookup, never SQL:
 * <ul>
 * <li>loaded at start, then refreshed every {@code gateway.keys.refresh-interval}
 * (default 2 s) with one indexed query for the keys created or revoked since the last
 * look; so a revoked key stops working on every instance within that interval;</li>
 * <li>a key not in memory (one created by another process a moment ago) is looked up, but
 * at most {@code gateway.keys.unknown-key-lookups-per-second} times a second for the
 * whole instance, and a hash found unknown is not looked up again for 10 minutes: a flood
 * of random keys costs the database a bounded trickle, not a lookup each, and requests
 * that bring the same such key at once share one lookup ({@link KeyLookups});</li>
 * <li>which keys were used is written down every {@code gateway.keys.last-used-interval}
 * (default 1 min) in one statement, and at shutdown.</li>
 * </ul>
 * The refresh and the last-used writes serve no request, so they are not counted as a
 * request's SQL statements.
 */
@Component
@ConditionalOnWebApplication
class KnownKeys {

	private static final Logger log = LoggerFactory.getLogger(KnownKeys.class);

	/**
	 * How far back each refresh looks beyond the newest change it saw, so a key committed
	 * a moment after a refresh with an earlier timestamp is still picked up.
	 */
	private static final Duration OVERLAP = Duration.ofSeconds(5);

	private final ApiKeyRepository keys;

	private final Map<KeyHash, KnownKey> byHash = new ConcurrentHashMap<>();

	private final KeyLookups lookups;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "api-key-refresh");
		thread.setDaemon(true);
		return thread;
	});

	private volatile LocalDateTime seenUpTo = LocalDateTime.of(1970, 1, 1, 0, 0);

	KnownKeys(ApiKeyRepository keys, @Value("${gateway.keys.refresh-interval:2s}") Duration refreshInterval,
			@Value("${gateway.keys.last-used-interval:1m}") Duration lastUsedInterval,
			@Value("${gateway.keys.unknown-key-lookups-per-second:10}") int unknownKeyLookupsPerSecond) {
		this.keys = keys;
		this.lookups = new KeyLookups(keys, unknownKeyLookupsPerSecond, this.byHash::put);
		SqlStatementCounter.notCounted(() -> apply(keys.active()));
		this.timer.scheduleWithFixedDelay(this::refresh, refreshInterval.toMillis(), refreshInterval.toMillis(),
				TimeUnit.MILLISECONDS);
		this.timer.scheduleWithFixedDelay(this::writeLastUsed, lastUsedInterval.toMillis(), lastUsedInterval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/**
	 * The caller of an active key's hash, if there is one.
	 * @throws DataAccessException when a key not in memory cannot be looked up
	 */
	Optional<Caller> find(byte[] hash) {
		KeyHash key = new KeyHash(hash);
		KnownKey known = this.byHash.get(key);
		if (known != null) {
			return Optional.of(known.use());
		}
		return this.lookups.find(key).map(KnownKey::use);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void created(KnownKey.Created created) {
		this.byHash.put(new KeyHash(created.hash()), created.key());
	}

	void refresh() {
		try {
			SqlStatementCounter.notCounted(() -> apply(this.keys.changedSince(this.seenUpTo.minus(OVERLAP))));
		}
		catch (RuntimeException ex) {
			log.warn("Could not refresh the API keys, retrying: {}", ex.toString());
		}
	}

	private void apply(List<KnownKey.Change> changes) {
		LocalDateTime newest = this.seenUpTo;
		for (KnownKey.Change change : changes) {
			KeyHash key = new KeyHash(change.hash());
			if (change.revoked()) {
				this.byHash.remove(key);
			}
			else {
				this.byHash.putIfAbsent(key, change.key());
			}
			newest = change.changedAt().isAfter(newest) ? change.changedAt() : newest;
		}
		this.seenUpTo = newest;
	}

	@PreDestroy
	void stop() {
		this.timer.shutdownNow();
		writeLastUsed();
	}

	void writeLastUsed() {
		List<Long> used = new ArrayList<>();
		for (KnownKey key : this.byHash.values()) {
			if (key.used().getAndSet(false)) {
				used.add(key.id());
			}
		}
		if (used.isEmpty()) {
			return;
		}
		try {
			SqlStatementCounter
				.notCounted(() -> this.keys.markUsed(used, LocalDateTime.now(ZoneOffset.UTC).withNano(0)));
		}
		catch (RuntimeException ex) {
			log.warn("Could not write down when {} API keys were last used: {}", used.size(), ex.toString());
		}
	}

}
