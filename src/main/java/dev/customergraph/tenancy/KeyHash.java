package dev.customergraph.tenancy;

import java.util.Arrays;

/** A key's SHA-256, compared by content: how an instance finds a key in memory. */
record KeyHash(byte[] bytes) {

	@Override
	public boolean equals(Object other) {
		return other instanceof KeyHash hash && Arrays.equals(this.bytes, hash.bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.bytes);
	}

	@Override
	public String toString() {
		return "KeyHash";
	}

}
