package dev.customergraph.edge;

import java.util.Arrays;
import java.util.Map;

import dev.customergraph.graph.ErrorCode;
import graphql.execution.AbortExecutionException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * A request the edge answers without running it: before GraphQL sees it (a bad body, no
 * key, a wrong method) or, thrown inside graphql-java, before any resolver runs (a
 * missing scope, a mutation over GET). graphql-java answers an
 * {@link AbortExecutionException} with this error alone and no data. {@link Responses}
 * writes its body either way.
 */
final class Refusal extends AbortExecutionException {

	private final HttpStatus status;

	private final ErrorCode code;

	private final Map<String, String> headers;

	private Refusal(HttpStatus status, ErrorCode code, String message, Map<String, String> headers) {
		super(message);
		this.status = status;
		this.code = code;
		this.headers = headers;
	}

	Refusal(HttpStatus status, ErrorCode code, String message) {
		this(status, code, message, Map.of());
	}

	static Refusal badRequest(String message) {
		return new Refusal(HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST, message);
	}

	static Refusal unauthenticated() {
		return new Refusal(HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED,
				"A valid API key is required: send 'Authorization: Bearer sk_test_…' or 'sk_live_…'.",
				Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"customer-graph\""));
	}

	/** A key not in memory needs the database, and without it no one can be let in. */
	static Refusal keyLookupUnavailable() {
		return new Refusal(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.UNAVAILABLE,
				"The database is unavailable right now; retry in a moment.", Map.of(HttpHeaders.RETRY_AFTER, "1"));
	}

	static Refusal forbidden(String message) {
		return new Refusal(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, message);
	}

	static Refusal methodNotAllowed(String message, HttpMethod... allow) {
		String methods = String.join(", ", Arrays.stream(allow).map(HttpMethod::name).toList());
		return new Refusal(HttpStatus.METHOD_NOT_ALLOWED, ErrorCode.METHOD_NOT_ALLOWED, message,
				Map.of(HttpHeaders.ALLOW, methods));
	}

	HttpStatus status() {
		return this.status;
	}

	ErrorCode code() {
		return this.code;
	}

	/**
	 * Headers the answer needs: {@code Allow}, {@code WWW-Authenticate},
	 * {@code Retry-After}.
	 */
	Map<String, String> headers() {
		return this.headers;
	}

	@Override
	public Map<String, Object> getExtensions() {
		return this.code.extensions();
	}

	@Override
	public synchronized Throwable fillInStackTrace() {
		// A refusal is an answer, not a fault: skip the stack walk.
		return this;
	}

}
