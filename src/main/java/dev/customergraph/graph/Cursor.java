package dev.customergraph.graph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import dev.customergraph.tenancy.Partition;
import org.jspecify.annotations.Nullable;

/**
 * An opaque keyset cursor: the ordering it belongs to, the row's id and its ordering
 * value. A short digest over the partition and the content makes a cursor from another
 * ordering, another partition or a typo a clear error rather than a silent wrong page. It
 * is a check, not a secret: a cursor only names a position.
 *
 * @param ordering the connection and ordering, e.g. {@code customers:EMAIL:ASC}
 * @param id the row id
 * @param value the row's ordering value as text, null when the column is null or absent
 */
public record Cursor(String ordering, long id, @Nullable String value) {

	private static final char SEPARATOR = '\n';

	public String encode(Partition partition) {
		String body = this.ordering + SEPARATOR + this.id + SEPARATOR + ((this.value != null) ? "v" + this.value : "-");
		String text = digest(partition, body) + SEPARATOR + body;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Decodes a cursor, which must belong to the given ordering and partition. */
	public static Cursor decode(String cursor, String expectedOrdering, Partition partition) {
		String text;
		try {
			text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
		String[] parts = text.split(String.valueOf(SEPARATOR), 4);
		if (parts.length != 4 || !digest(partition, text.substring(parts[0].length() + 1)).equals(parts[0])) {
			throw invalid();
		}
		if (!parts[1].equals(expectedOrdering)) {
			throw new InvalidInputException("This cursor belongs to another list or ordering; "
					+ "use cursors from the same connection and orderBy.");
		}
		try {
			long id = Long.parseLong(parts[2]);
			String value = parts[3].startsWith("v") ? parts[3].substring(1) : null;
			return new Cursor(parts[1], id, value);
		}
		catch (NumberFormatException ex) {
			throw invalid();
		}
	}

	private static InvalidInputException invalid() {
		return new InvalidInputException("Invalid cursor: pass a cursor exactly as a connection returned it.");
	}

	private static String digest(Partition partition, String body) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update((partition.tenantId() + ":" + partition.livemode() + ":").getBytes(StandardCharsets.UTF_8));
			byte[] hash = sha.digest(body.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 9));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JRE", ex);
		}
	}

}
