package dev.customergraph.persisted;

import java.util.Optional;

/** Where persisted documents are kept, and which documents may run at all. */
sealed interface PersistedDocuments permits AutomaticPersistedQueries, TrustedDocuments {

	/** The document registered under a hash, if any. */
	Optional<String> find(String hash);

	/**
	 * Whether a document sent in full may run; {@code hash} is its verified hash.
	 * Automatic persisted queries also register it here, so later requests can send the
	 * hash alone.
	 */
	boolean admit(String hash, String document);

	/** Whether {@link #admit} keeps documents clients send. */
	default boolean registers() {
		return false;
	}

}
