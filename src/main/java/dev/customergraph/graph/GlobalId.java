package dev.customergraph.graph;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A Relay global object id: the type name and the row key, base64url-encoded so clients
 * treat it as opaque. Only the API edge sees it; repositories get the raw key.
 *
 * @param type the GraphQL type name, e.g. {@code Customer}
 * @param key the row id
 */
public record GlobalId(String type, long key) {

	public String encode() {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((this.type + ":" + this.key).getBytes(StandardCharsets.UTF_8));
	}

	/** Decodes any well-formed global id. */
	public static GlobalId decode(String id) {
		String text;
		try {
			text = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw malformed(id);
		}
		int colon = text.indexOf(':');
		if (colon <= 0) {
			throw malformed(id);
		}
		try {
			long key = Long.parseLong(text.substring(colon + 1));
			if (key <= 0) {
				throw malformed(id);
			}
			return new GlobalId(text.substring(0, colon), key);
		}
		catch (NumberFormatException ex) {
			throw malformed(id);
		}
	}

	/** Decodes a global id that must name the given type, and returns its key. */
	public static long keyOf(String id, String expectedType) {
		GlobalId globalId = decode(id);
		if (!globalId.type.equals(expectedType)) {
			throw new InvalidInputException("'" + abbreviate(id) + "' is not a " + expectedType + " id.");
		}
		return globalId.key;
	}

	private static InvalidInputException malformed(String id) {
		return new InvalidInputException("'" + abbreviate(id) + "' is not a valid global id.");
	}

	private static String abbreviate(String id) {
		return (id.length() > 64) ? id.substring(0, 64) + "…" : id;
	}

}
