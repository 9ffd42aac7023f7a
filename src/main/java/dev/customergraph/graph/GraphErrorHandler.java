package dev.customergraph.graph;

import java.sql.SQLException;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.BeanInstantiationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Maps exceptions from resolvers to GraphQL errors with an {@code extensions.code}.
 * Messages of our own exceptions are written for clients; any other exception is logged
 * once with a request id and answered with that id only, never with its message.
 */
@ControllerAdvice
class GraphErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(GraphErrorHandler.class);

	private static final int ER_QUERY_INTERRUPTED = 1317;

	@GraphQlExceptionHandler
	GraphQLError invalidInput(InvalidInputException ex, GraphqlErrorBuilder<?> error) {
		return error.errorType(ErrorType.BAD_REQUEST)
			.message(ex.getMessage())
			.extensions(ErrorCode.INVALID.extensions())
			.build();
	}

	/**
	 * Binding an argument record wraps what its constructor throws, e.g. an invalid
	 * filter value.
	 */
	@GraphQlExceptionHandler
	GraphQLError invalidArgument(BeanInstantiationException ex, DataFetchingEnvironment environment,
			GraphqlErrorBuilder<?> error) {
		if (ex.getCause() instanceof InvalidInputException invalid) {
			return invalidInput(invalid, error);
		}
		return unexpected(ex, environment, error);
	}

	/**
	 * No connection, a connection lost mid-statement, or a statement timed out: the
	 * database, not the request.
	 */
	@GraphQlExceptionHandler({ CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
			RecoverableDataAccessException.class, TransientDataAccessException.class, QueryTimeoutException.class,
			CannotCreateTransactionException.class })
	GraphQLError unavailable(Exception ex, GraphqlErrorBuilder<?> error) {
		log.warn("Database unavailable: {}", ex.toString());
		return error.errorType(ErrorType.INTERNAL_ERROR)
			.message("The database is unavailable right now; retry in a moment.")
			.extensions(ErrorCode.UNAVAILABLE.extensions())
			.build();
	}

	/**
	 * A statement refused, or a field cancelled, once the request's time budget is spent;
	 * the request's result then carries one {@code REQUEST_TIMEOUT} error instead.
	 */
	@GraphQlExceptionHandler({ RequestDeadline.RequestTimeoutException.class, AbortExecutionException.class })
	GraphQLError timedOut(Exception ex, GraphqlErrorBuilder<?> error) {
		return error.errorType(ErrorType.INTERNAL_ERROR)
			.message("The request ran out of time.")
			.extensions(ErrorCode.REQUEST_TIMEOUT.extensions())
			.build();
	}

	/**
	 * A limit a resolver or a subscription's stream holds to, with the limit's code; more
	 * specific than the time budget's {@link AbortExecutionException}.
	 */
	@GraphQlExceptionHandler
	GraphQLError refused(QueryRefusedException ex, GraphqlErrorBuilder<?> error) {
		return error.errorType(ErrorType.BAD_REQUEST).message(ex.getMessage()).extensions(ex.getExtensions()).build();
	}

	@GraphQlExceptionHandler
	GraphQLError unexpected(Exception ex, DataFetchingEnvironment environment, GraphqlErrorBuilder<?> error) {
		if (stoppedAtTheDeadline(ex, environment)) {
			return timedOut(ex, error);
		}
		// The execution id is the request id (see the HTTP endpoint), so the access log
		// line matches.
		String requestId = environment.getExecutionId().toString();
		log.error("Unexpected error, request id {}", requestId, ex);
		return error.errorType(ErrorType.INTERNAL_ERROR)
			.message(ErrorCode.internalErrorMessage(requestId))
			.extensions(Map.of("code", ErrorCode.INTERNAL.name(), "requestId", requestId))
			.build();
	}

	/**
	 * Whether the engine stopped the statement at the query timeout the request's budget
	 * set (ER_QUERY_INTERRUPTED, which Spring does not translate): an expected end, not a
	 * fault to log.
	 */
	private static boolean stoppedAtTheDeadline(Throwable ex, DataFetchingEnvironment environment) {
		RequestDeadline deadline = environment.getGraphQlContext().get(RequestDeadline.CONTEXT_KEY);
		if (deadline == null || !deadline.passed()) {
			return false;
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getErrorCode() == ER_QUERY_INTERRUPTED) {
				return true;
			}
		}
		return false;
	}

}
