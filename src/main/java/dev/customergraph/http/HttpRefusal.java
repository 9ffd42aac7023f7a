package dev.customergraph.http;

import java.util.Set;

import dev.customergraph.graph.ErrorCode;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * A request the endpoint answers with an HTTP error before GraphQL sees it; for 405, with
 * the methods to list in {@code Allow}.
 */
class HttpRefusal extends RuntimeException {

	private final HttpStatus status;

	private final ErrorCode code;

	private final Set<HttpMethod> allow;

	HttpRefusal(HttpStatus status, ErrorCode code, String message) {
		this(status, code, message, Set.of());
	}

	private HttpRefusal(HttpStatus status, ErrorCode code, String message, Set<HttpMethod> allow) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
		this.allow = allow;
	}

	static HttpRefusal badRequest(String message) {
		return new HttpRefusal(HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST, message);
	}

	static HttpRefusal methodNotAllowed(String message, HttpMethod... allow) {
		return new HttpRefusal(HttpStatus.METHOD_NOT_ALLOWED, ErrorCode.METHOD_NOT_ALLOWED, message, Set.of(allow));
	}

	HttpStatus status() {
		return this.status;
	}

	ErrorCode code() {
		return this.code;
	}

	Set<HttpMethod> allow() {
		return this.allow;
	}

}
