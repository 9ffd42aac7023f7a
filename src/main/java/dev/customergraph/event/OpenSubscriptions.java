package dev.customergraph.event;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import dev.customergraph.graph.ErrorCode;
import dev.customergraph.graph.QueryRefusedException;

/**
 * At most {@code max-per-key} subscriptions of one API key open on this instance at once,
 * however many connections they come on. Keys are known, authenticated ids, so the map
 * stays as small as the key table.
 */
final class OpenSubscriptions {

	private final int maxPerKey;

	private final Map<Long, Semaphore> byKey = new ConcurrentHashMap<>();

	OpenSubscriptions(int maxPerKey) {
		this.maxPerKey = maxPerKey;
	}

	/**
	 * Takes one of the key's subscriptions, to release when it ends.
	 * @throws QueryRefusedException {@code TOO_MANY_SUBSCRIPTIONS} when all are open
	 */
	Semaphore take(long keyId) {
		Semaphore open = this.byKey.computeIfAbsent(keyId, (key) -> new Semaphore(this.maxPerKey));
		if (!open.tryAcquire()) {
			throw new QueryRefusedException(ErrorCode.TOO_MANY_SUBSCRIPTIONS, "This API key already has "
					+ this.maxPerKey + " subscriptions open; complete one before starting another.");
		}
		return open;
	}

}
