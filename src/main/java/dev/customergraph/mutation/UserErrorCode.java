package dev.customergraph.mutation;

/** The {@code code} of a {@link UserError}; the schema's {@code UserErrorCode}. */
public enum UserErrorCode {

	INVALID, NOT_FOUND, TAKEN, LIMIT_EXCEEDED, CONFLICT, TOO_LARGE

}
