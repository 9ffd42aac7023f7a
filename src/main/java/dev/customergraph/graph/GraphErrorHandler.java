package dev.customergraph.graph;

import java.util.Map;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Maps exceptions from resolvers to GraphQL errors with an {@code extensions.code}. Messages
 * of our own exceptions are written for clients; any other exception is logged once with a
 * request id and answered with that id only, never with its message.
 */
@ControllerAdvice
class GraphErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(GraphErrorHandler.class);

	@GraphQlExceptionHandler
	GraphQLError invalidInput(InvalidInputException ex, GraphqlErrorBuilder<?> error) {
		return error.errorType(ErrorType.BAD_REQUEST).message(ex.getMessage()).extensions(code(ErrorCode.INVALID)).build();
	}

	@GraphQlExceptionHandler({ CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
			TransientDataAccessException.class, QueryTimeoutException.class, CannotCreateTransactionException.class })
	GraphQLError unavailable(Exception ex, GraphqlErrorBuilder<?> error) {
		log.warn("Database unavailable: {}", ex.toString());
		return error.errorType(ErrorType.INTERNAL_ERROR)
			.message("The database is unavailable right now; retry in a moment.")
			.extensions(code(ErrorCode.UNAVAILABLE))
			.build();
	}

	@GraphQlExceptionHandler
	GraphQLError unexpected(Exception ex, GraphqlErrorBuilder<?> error) {
		String requestId = UUID.randomUUID().toString();
		log.error("Unexpected error, request id {}", requestId, ex);
		return error.errorType(ErrorType.INTERNAL_ERROR)
			.message("Internal error; quote request id " + requestId + " when reporting it.")
			.extensions(Map.of("code", ErrorCode.INTERNAL.name(), "requestId", requestId))
			.build();
	}

	private static Map<String, Object> code(ErrorCode code) {
		return Map.of("code", code.name());
	}

}
