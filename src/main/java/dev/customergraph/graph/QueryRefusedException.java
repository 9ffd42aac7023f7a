package dev.customergraph.graph;

import java.util.Map;

import graphql.execution.AbortExecutionException;

/**
 * A request refused before execution because it is over a limit. graphql-java answers an
 * {@link AbortExecutionException} with this error alone and no data, so nothing is read.
 * Thrown by a resolver, or ending a subscription's stream, it is an error with its code
 * ({@code GraphErrorHandler}).
 */
public class QueryRefusedException extends AbortExecutionException {

	private final ErrorCode code;

	public QueryRefusedException(ErrorCode code, String message) {
		super(message);
		this.code = code;
	}

	@Override
	public Map<String, Object> getExtensions() {
		return this.code.extensions();
	}

	@Override
	public synchronized Throwable fillInStackTrace() {
		// A refusal is an answer, not a fault: skip the stack walk that would make it
		// slower.
		return this;
	}

}
