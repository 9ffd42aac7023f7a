package dev.customergraph.tenancy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Database lookups of keys an instance does not hold in memory: a key created by another
 * process a moment ago, or a stranger's. At most so many a second for the whole instance
 * ({@link LookupBudget}); a hash found unknown is not looked up again for 10 minutes; and
 * requests that bring the same key at once share one lookup, so a client's first burst on
 * an instance costs one statement and one unit of the budget, and none of it is refused
 * for want of budget.
 */
final class KeyLookups {

	private final ApiKeyRepository keys;

	private final LookupBudget budget;

	private final BiConsumer<KeyHash, KnownKey> found;

	private final Cache<KeyHash, Boolean> unknown = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(Duration.ofMinutes(10))
		.build();

	private final Map<KeyHash, CompletableFuture<Optional<KnownKey>>> running = new ConcurrentHashMap<>();

	/**
	 * @param found told of each active key found, before the requests that asked get it,
	 * so it can keep the key in memory
	 */
	KeyLookups(ApiKeyRepository keys, int perSecond, BiConsumer<KeyHash, KnownKey> found) {
		this.keys = keys;
		this.budget = new LookupBudget(perSecond);
		this.found = found;
	}

	/**
	 * The active key with this hash; empty when there is none, when it was found unknown
	 * lately, or when the budget is spent.
	 * @throws org.springframework.dao.DataAccessException when it cannot be looked up
	 */
	Optional<KnownKey> find(KeyHash key) {
		if (this.unknown.getIfPresent(key) != null) {
			return Optional.empty();
		}
		CompletableFuture<Optional<KnownKey>> lookup = new CompletableFuture<>();
		CompletableFuture<Optional<KnownKey>> earlier = this.running.putIfAbsent(key, lookup);
		if (earlier != null) {
			return joined(earlier);
		}
		try {
			Optional<KnownKey> answer = lookUp(key);
			lookup.complete(answer);
			return answer;
		}
		catch (RuntimeException | Error ex) {
			lookup.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.running.remove(key, lookup);
		}
	}

	private Optional<KnownKey> lookUp(KeyHash key) {
		if (!this.budget.tryAcquire()) {
			return Optional.empty();
		}
		Optional<KnownKey> active = this.keys.findByHash(key.bytes())
			.filter((change) -> !change.revoked())
			.map(KnownKey.Change::key);
		if (active.isPresent()) {
			this.found.accept(key, active.get());
		}
		else {
			this.unknown.put(key, Boolean.TRUE);
		}
		return active;
	}

	/**
	 * The answer of another request's lookup of the same key; its failure is this
	 * request's too.
	 */
	private static Optional<KnownKey> joined(CompletableFuture<Optional<KnownKey>> lookup) {
		try {
			return lookup.join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

}
