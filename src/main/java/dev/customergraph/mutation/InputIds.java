package dev.customergraph.mutation;

import dev.customergraph.graph.GlobalId;
import dev.customergraph.graph.InvalidInputException;

/**
 * Global ids in mutation inputs: a malformed or wrong-type id is a user error on its
 * field, not a request error.
 */
public final class InputIds {

	private InputIds() {
	}

	/**
	 * The row key of {@code id}, which must be an id of {@code type}; {@code path} names
	 * the field below {@code input}.
	 */
	public static long keyOf(String id, String type, String... path) {
		try {
			return GlobalId.keyOf(id, type);
		}
		catch (InvalidInputException ex) {
			throw new UserErrorException(UserErrorCode.INVALID, ex.getMessage(), path);
		}
	}

}
