package dev.customergraph.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * An API key in clear text: {@code sk_test_} or {@code sk_live_} and 32 random base-62
 * characters (190 bits). Only its SHA-256 hash is stored; a slow hash adds nothing for
 * keys of this entropy.
 *
 * @param value the key as the caller sends it
 */
public record ApiKey(String value) {

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final int RANDOM_LENGTH = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	public static ApiKey generate(boolean livemode) {
		StringBuilder key = new StringBuilder(prefix(livemode));
		for (int i = 0; i < RANDOM_LENGTH; i++) {
			key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return new ApiKey(key.toString());
	}

	static String prefix(boolean livemode) {
		return livemode ? "sk_live_" : "sk_test_";
	}

	/**
	 * Whether the key has a known prefix and length; anything else is refused without a
	 * lookup.
	 */
	public boolean isWellFormed() {
		return (this.value.startsWith("sk_test_") || this.value.startsWith("sk_live_"))
				&& this.value.length() == 8 + RANDOM_LENGTH;
	}

	public boolean livemode() {
		return this.value.startsWith("sk_live_");
	}

	public byte[] hash() {
		try {
			return MessageDigest.getInstance("SHA-256").digest(this.value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JRE", ex);
		}
	}

	/**
	 * The key's name in lists and on the command line: its mode and first 8 random
	 * characters, which leave 24 (143 bits) secret.
	 */
	public String prefix() {
		return this.value.substring(0, 16);
	}

	/** A hint that tells keys apart in lists without revealing them. */
	public String hint() {
		return this.value.substring(0, 8) + "…" + this.value.substring(this.value.length() - 4);
	}

	@Override
	public String toString() {
		return hint();
	}

}
