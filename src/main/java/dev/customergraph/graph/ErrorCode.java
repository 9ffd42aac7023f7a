package dev.customergraph.graph;

/**
 * The {@code extensions.code} of every error the gateway returns; clients branch on it.
 * The README lists them with their meaning.
 */
public enum ErrorCode {

	/** No API key, or one that does not exist. */
	UNAUTHENTICATED,
	/** The key lacks the scope the operation needs. */
	FORBIDDEN,
	/** An argument is malformed or out of bounds: an id, a cursor, a page size, a filter. */
	INVALID,
	/** The database cannot be reached right now; retry later. */
	UNAVAILABLE,
	/** An unexpected fault; the response carries a request id to quote. */
	INTERNAL,
	/** A persisted query hash the gateway does not know: send it again with the query. */
	PERSISTED_QUERY_NOT_FOUND,
	/** In trusted-documents mode, a document that is not on the allow-list. */
	PERSISTED_QUERY_NOT_IN_LIST

}
