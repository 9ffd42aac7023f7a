package dev.customergraph.persisted;

import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Apollo's automatic persisted queries: any document may run, and one sent with its hash
 * is remembered (in a cache bounded by the size of the documents) so the client can send
 * the hash alone next time.
 */
final class AutomaticPersistedQueries implements PersistedDocuments {

	private final Cache<String, String> byHash;

	/**
	 * @param capacity the document text kept at most, in bytes: a string's length in
	 * characters is its size in bytes for the ASCII documents clients send
	 */
	AutomaticPersistedQueries(long capacity) {
		this.byHash = Caffeine.newBuilder()
			.maximumWeight(capacity)
			.weigher((String hash, String document) -> hash.length() + document.length())
			.build();
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

	@Override
	public boolean registers() {
		return true;
	}

	/** The document text kept now, as the cache weighs it. */
	long weight() {
		this.byHash.cleanUp();
		return this.byHash.policy().eviction().orElseThrow().weightedSize().orElseThrow();
	}

}
