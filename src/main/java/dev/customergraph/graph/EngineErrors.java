package dev.customergraph.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.validation.ValidationError;

/**
 * Gives the errors graphql-java reports itself (syntax, validation, variable coercion, and
 * anything else that reached the result without a code) an {@code extensions.code}. Errors
 * from resolvers already carry one, from {@link GraphErrorHandler}.
 */
final class EngineErrors {

	private EngineErrors() {
	}

	/**
	 * @param parseCancelled whether parsing stopped at a parser limit, which graphql-java reports
	 * as a syntax error
	 * @param requestId quoted in errors that should not happen
	 */
	static List<GraphQLError> withCodes(List<GraphQLError> errors, boolean parseCancelled, String requestId) {
		return errors.stream().map((error) -> withCode(error, parseCancelled, requestId)).toList();
	}

	private static GraphQLError withCode(GraphQLError error, boolean parseCancelled, String requestId) {
		Map<String, Object> extensions = (error.getExtensions() != null) ? error.getExtensions() : Map.of();
		if (extensions.containsKey("code")) {
			return error;
		}
		ErrorCode code = codeOf(error, parseCancelled);
		Map<String, Object> withCode = new LinkedHashMap<>(extensions);
		withCode.put("code", code.name());
		String message = error.getMessage();
		if (code == ErrorCode.INTERNAL) {
			withCode.put("requestId", requestId);
			message = GraphErrorHandler.internalErrorMessage(requestId);
		}
		return GraphqlErrorBuilder.newError()
			.message(ClientMessages.clean(message))
			.locations(error.getLocations())
			.path(error.getPath())
			.errorType(error.getErrorType())
			.extensions(withCode)
			.build();
	}

	private static ErrorCode codeOf(GraphQLError error, boolean parseCancelled) {
		if (error.getErrorType() == ErrorType.InvalidSyntax) {
			return parseCancelled ? ErrorCode.QUERY_TOO_LARGE : ErrorCode.GRAPHQL_PARSE_FAILED;
		}
		if (error instanceof ValidationError) {
			return ErrorCode.GRAPHQL_VALIDATION_FAILED;
		}
		// Variable values that do not coerce to their declared types.
		if (error.getErrorType() == ErrorType.ValidationError) {
			return ErrorCode.INVALID;
		}
		return ErrorCode.INTERNAL;
	}

}
