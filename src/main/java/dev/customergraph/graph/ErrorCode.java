package dev.customergraph.graph;

import java.util.Map;

/**
 * The {@code extensions.code} of every error the gateway returns; clients branch on it.
 * The README lists them with their meaning and HTTP status.
 */
public enum ErrorCode {

	/** No API key, or one that does not exist. */
	UNAUTHENTICATED,
	/** The key lacks the scope the operation needs. */
	FORBIDDEN,
	/**
	 * A malformed or out-of-bounds argument or variable (id, cursor, page size, enum,
	 * scalar), or an unknown operation name.
	 */
	INVALID,
	/** The database cannot be reached right now; retry later. */
	UNAVAILABLE,
	/** An unexpected fault; the response carries a request id to quote. */
	INTERNAL,
	/** A persisted query hash the gateway does not know: send it again with the query. */
	PERSISTED_QUERY_NOT_FOUND,
	/** In trusted-documents mode, a document that is not on the allow-list. */
	PERSISTED_QUERY_NOT_IN_LIST,
	/**
	 * A document sent to be persisted that is larger than
	 * {@code gateway.persisted-queries.max-document-size}.
	 */
	PERSISTED_QUERY_TOO_LARGE,

	/**
	 * The HTTP request is not a GraphQL request: a body that is not JSON or UTF-8, a
	 * missing query, a batch.
	 */
	BAD_REQUEST,
	/**
	 * The HTTP method cannot run this request: a mutation over GET, or neither GET nor
	 * POST.
	 */
	METHOD_NOT_ALLOWED,
	/**
	 * The client accepts neither {@code application/json} nor
	 * {@code application/graphql-response+json}.
	 */
	NOT_ACCEPTABLE,
	/** The body is larger than {@code gateway.limits.max-body-size}. */
	REQUEST_TOO_LARGE,
	/**
	 * The POST body is neither {@code application/json} nor a multipart request with
	 * uploads.
	 */
	UNSUPPORTED_MEDIA_TYPE,
	/**
	 * Outside GraphQL: no photo at this URL, because its signature is not the gateway's,
	 * it expired, or the photo was replaced or removed.
	 */
	NOT_FOUND,

	/** The document is not valid GraphQL syntax. */
	GRAPHQL_PARSE_FAILED,
	/**
	 * The document does not fit the schema: an unknown field, a missing argument, a wrong
	 * literal.
	 */
	GRAPHQL_VALIDATION_FAILED,
	/** The document has more tokens than {@code gateway.limits.max-tokens}. */
	QUERY_TOO_LARGE,
	/** Fields nest deeper than {@code gateway.limits.max-depth}. */
	QUERY_TOO_DEEP,
	/** More aliases than {@code gateway.limits.max-aliases}. */
	TOO_MANY_ALIASES,
	/**
	 * More selections (fields, fragment spreads, inline fragments, fragments inlined)
	 * than {@code gateway.limits.max-fields}.
	 */
	TOO_MANY_FIELDS,
	/** More root fields than {@code gateway.limits.max-root-fields}. */
	TOO_MANY_ROOT_FIELDS,
	/**
	 * More directives on one selection than
	 * {@code gateway.limits.max-directives-per-field}.
	 */
	TOO_MANY_DIRECTIVES,
	/** A list argument longer than {@code gateway.limits.max-list-length}. */
	LIST_TOO_LONG,
	/** The requested query cost is above {@code gateway.limits.max-cost}. */
	QUERY_TOO_COMPLEX,
	/**
	 * The request ran longer than {@code gateway.limits.request-timeout}; its execution
	 * and SQL were stopped.
	 */
	REQUEST_TIMEOUT,
	/**
	 * The caller's budget of query cost per second is spent, or it already runs as many
	 * requests at once as it may; retry later ({@code extensions.cost.throttleStatus}).
	 */
	THROTTLED,
	/**
	 * The key already has {@code gateway.subscriptions.max-per-key} subscriptions open on
	 * this instance.
	 */
	TOO_MANY_SUBSCRIPTIONS,
	/**
	 * A subscription's client read its events more slowly than they came, and fell
	 * {@code gateway.subscriptions.buffer} events behind: it was ended; resubscribe with
	 * {@code after}.
	 */
	SUBSCRIPTION_TOO_SLOW;

	/**
	 * The message of an {@link #INTERNAL} error: only the request id, which the server
	 * log has too.
	 */
	public static String internalErrorMessage(String requestId) {
		return "Internal error; quote request id " + requestId + " when reporting it.";
	}

	/** The error extensions that carry this code. */
	public Map<String, Object> extensions() {
		return Map.of("code", name());
	}

}
