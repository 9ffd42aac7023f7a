package dev.customergraph.mutation;

import java.util.function.Function;

import org.springframework.graphql.data.ArgumentValue;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * Binds the fields of a partial update into one fixed UPDATE statement: for each field
 * {@code x} the statement writes {@code col = IF(:xSet, :x, col)}, so an absent field
 * keeps its column, a null clears it, and the SQL text never depends on the input.
 */
public final class PartialUpdates {

	private PartialUpdates() {
	}

	public static <T> void bind(StatementSpec statement, String name, ArgumentValue<T> value) {
		bind(statement, name, value, Function.identity());
	}

	/**
	 * Binds {@code nameSet} (whether the input carried the field) and {@code name} (its
	 * column value).
	 */
	public static <T> void bind(StatementSpec statement, String name, ArgumentValue<T> value,
			Function<? super T, ?> toColumn) {
		T present = value.value();
		statement.param(name + "Set", !value.isOmitted())
			.param(name, (present != null) ? toColumn.apply(present) : null);
	}

}
