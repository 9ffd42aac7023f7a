package dev.customergraph.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.introspection.GoodFaithIntrospection;
import graphql.validation.ValidationError;
import org.jspecify.annotations.Nullable;

/**
 * Gives the errors graphql-java reports itself (syntax, validation, variable coercion,
 * and anything else that reached the result without a code) an {@code extensions.code}.
 * Errors from resolvers already carry one, from {@link GraphErrorHandler}.
 */
final class EngineErrors {

	private EngineErrors() {
	}

	/**
	 * @param parseRefusal the code of the parser limit that stopped parsing, if one did;
	 * graphql-java reports it as a syntax error
	 * @param requestId quoted in errors that should not happen
	 */
	static List<GraphQLError> withCodes(List<GraphQLError> errors, @Nullable ErrorCode parseRefusal, String requestId) {
		return errors.stream().map((error) -> withCode(error, parseRefusal, requestId)).toList();
	}

	private static GraphQLError withCode(GraphQLError error, @Nullable ErrorCode parseRefusal, String requestId) {
		Map<String, Object> extensions = (error.getExtensions() != null) ? error.getExtensions() : Map.of();
		if (extensions.containsKey("code")) {
			return error;
		}
		ErrorCode code = codeOf(error, parseRefusal);
		Map<String, Object> withCode = new LinkedHashMap<>(extensions);
		withCode.put("code", code.name());
		String message = error.getMessage();
		if (code == ErrorCode.INTERNAL) {
			withCode.put("requestId", requestId);
			message = ErrorCode.internalErrorMessage(requestId);
		}
		return GraphqlErrorBuilder.newError()
			.message(ClientMessages.clean(message))
			.locations(error.getLocations())
			.path(error.getPath())
			.errorType(error.getErrorType())
			.extensions(withCode)
			.build();
	}

	private static ErrorCode codeOf(GraphQLError error, @Nullable ErrorCode parseRefusal) {
		if (error.getErrorType() == ErrorType.InvalidSyntax) {
			return (parseRefusal != null) ? parseRefusal : ErrorCode.GRAPHQL_PARSE_FAILED;
		}
		// graphql-java's own bound on introspection: a type's fields asked for again and
		// again, nested.
		if (error instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
			return ErrorCode.QUERY_TOO_DEEP;
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
