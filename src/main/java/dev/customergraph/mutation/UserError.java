package dev.customergraph.mutation;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * An expected failure of a mutation, reported in its payload's {@code userErrors}.
 *
 * @param code what kind of failure
 * @param field the path of the input field at fault, starting with {@code input}; null
 * when no one field is
 * @param message what went wrong, written for the client
 */
public record UserError(UserErrorCode code, @Nullable List<String> field, String message) {

	/**
	 * An error about the input field at {@code path} below {@code input}, e.g.
	 * {@code ("email")}.
	 */
	public static UserError of(UserErrorCode code, String message, String... path) {
		List<String> field = (path.length == 0) ? null
				: Stream.concat(Stream.of("input"), Arrays.stream(path)).toList();
		return new UserError(code, field, message);
	}

}
