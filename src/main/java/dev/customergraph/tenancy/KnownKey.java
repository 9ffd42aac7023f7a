package dev.customergraph.tenancy;

import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A key this gateway instance holds in memory: whom it authenticates, and whether it was
 * used since its last use was written down.
 *
 * @param id the key's row id
 * @param caller the caller it authenticates
 * @param used set by a request, cleared when {@link KnownKeys} writes the use down
 */
record KnownKey(long id, Caller caller, AtomicBoolean used) {

	KnownKey(long id, Caller caller) {
		this(id, caller, new AtomicBoolean());
	}

	/**
	 * Marks the key used; a plain read first, so a busy key costs no write per request.
	 */
	Caller use() {
		if (!this.used.get()) {
			this.used.set(true);
		}
		return this.caller;
	}

	/** Published when this instance created a key, so it knows the key at once. */
	record Created(KnownKey key, byte[] hash) {
	}

	/** A key's row as the refresh reads it: active, or revoked since the last look. */
	record Change(KnownKey key, byte[] hash, boolean revoked, LocalDateTime changedAt) {
	}

}
