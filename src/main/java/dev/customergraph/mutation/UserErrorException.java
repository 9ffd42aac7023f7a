package dev.customergraph.mutation;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Thrown by a mutation's service to refuse its input. Being a runtime exception it rolls
 * the whole write transaction back, so a mutation that reports user errors has written
 * nothing; the controller turns it into the payload's {@code userErrors} with
 * {@link #reported}.
 */
public class UserErrorException extends RuntimeException {

	private final List<UserError> errors;

	public UserErrorException(List<UserError> errors) {
		super(errors.toString(), null, false, false);
		this.errors = List.copyOf(errors);
	}

	public UserErrorException(UserErrorCode code, String message, String... path) {
		this(List.of(UserError.of(code, message, path)));
	}

	public List<UserError> errors() {
		return this.errors;
	}

	/**
	 * Runs a mutation and returns its payload, or the payload that reports its user
	 * errors.
	 * @param mutation runs the mutation and builds the successful payload
	 * @param failed builds the payload that carries only user errors
	 */
	public static <P> P reported(Supplier<P> mutation, Function<List<UserError>, P> failed) {
		try {
			return mutation.get();
		}
		catch (UserErrorException ex) {
			return failed.apply(ex.errors());
		}
	}

}
