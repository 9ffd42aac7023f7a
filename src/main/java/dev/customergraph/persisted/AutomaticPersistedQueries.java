package dev.customergraph.persisted;

import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Apollo's automatic persisted queries: any document may run, and one sent with its hash
 * is remembered (in a bounded cache) so the client can send the hash alone next time.
 */
final class AutomaticPersistedQueries implements PersistedDocuments {

	private final Cache<String, String> byHash;

	AutomaticPersistedQueries(long maximumSize) {
		this.byHash = Caffeine.newBuilder().maximumSize(maximumSize).build();
	}

	@Override
	public Optional<String> find(String hash) {
		return Optional.ofNullable(this.byHash.getIfPresent(hash));
	}

	@Override
	public boolean admit(String hash, String document) {
		this.byHash.put(hash, document);
		return true;
	}

}
