package dev.customergraph.graph;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A secret every gateway instance shares with no set-up: the setting's when it is set,
 * otherwise the one the first instance to need it stores in the database (a feature's own
 * one-row table, written with {@code INSERT IGNORE} so that instances that race agree on
 * the first one's), read once and then kept.
 *
 * @param <T> the key the secret becomes
 */
public final class InstanceSecret<T> {

	/** The shortest value a secret's setting may have. */
	public static final int MIN_SETTING_LENGTH = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Supplier<T> stored;

	private volatile @Nullable T key;

	/**
	 * @param configured the key made from the setting, or null when it is not set
	 * @param stored the key made from the database's secret, created there if missing
	 */
	public InstanceSecret(@Nullable T configured, Supplier<T> stored) {
		this.key = configured;
		this.stored = stored;
	}

	public T get() {
		T current = this.key;
		if (current == null) {
			synchronized (this) {
				current = this.key;
				if (current == null) {
					current = this.stored.get();
					this.key = current;
				}
			}
		}
		return current;
	}

	/** The setting's bytes, or null when it is not set; a short one stops the start. */
	public static byte @Nullable [] setting(String name, @Nullable String value) {
		if (value == null) {
			return null;
		}
		if (value.length() < MIN_SETTING_LENGTH) {
			throw new IllegalStateException(name + " must have at least " + MIN_SETTING_LENGTH + " characters.");
		}
		return value.getBytes(StandardCharsets.UTF_8);
	}

	/** 32 random bytes, a new secret for the database. */
	public static byte[] generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
