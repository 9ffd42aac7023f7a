package dev.customergraph.event;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One event a mutation records, before it has its number.
 *
 * @param type what happened
 * @param customerKey the customer it happened to; null only for a source created without
 * one
 * @param entityKey the address or source it names, for those types
 * @param version the customer's version to record; null to take the customer row's
 * version at commit, which is its version after the whole mutation
 * @param changedFields for {@code CUSTOMER_UPDATED}: the input fields whose values
 * changed
 */
public record ChangeEvent(EventType type, @Nullable Long customerKey, @Nullable Long entityKey,
		@Nullable Integer version, List<String> changedFields) {

	/**
	 * An event of the customer itself; {@code CUSTOMER_UPDATED} takes {@link #updated}.
	 */
	public static ChangeEvent of(EventType type, long customerKey) {
		return new ChangeEvent(type, customerKey, null, null, List.of());
	}

	/** The changed fields, as the mutation's input names them. */
	public static ChangeEvent updated(long customerKey, List<String> changedFields) {
		return new ChangeEvent(EventType.CUSTOMER_UPDATED, customerKey, null, null, List.copyOf(changedFields));
	}

	/** The tombstone: the row is gone at commit, so its last version is given. */
	public static ChangeEvent deleted(long customerKey, int lastVersion) {
		return new ChangeEvent(EventType.CUSTOMER_DELETED, customerKey, null, lastVersion, List.of());
	}

	/** An event about one of the customer's addresses or sources. */
	public static ChangeEvent about(EventType type, @Nullable Long customerKey, long entityKey) {
		return new ChangeEvent(type, customerKey, entityKey, null, List.of());
	}

}
