package dev.customergraph.graph;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Reads that fetch only the columns their GraphQL selection needs, from a fixed list of
 * columns per table (an enum of {@link Column}s), so the SQL is always built from
 * constants, never from client text. A field the list does not know fetches every column,
 * so a field added to the schema is never served from a column that was not read; the
 * fields of the columns left out stay null, false or 0, and GraphQL never shows them
 * because the selection did not ask for them.
 */
public final class SelectedColumns {

	private SelectedColumns() {
	}

	/** A column a read may fetch: fixed SQL qualified by its table's alias. */
	public interface Column {

		String sql();

		/** The column's name in a result row (without a join's prefix). */
		default String label() {
			return sql().substring(sql().indexOf('.') + 1);
		}

	}

	/**
	 * The columns the given fields need, by the table's map of field to columns.
	 */
	public static <C extends Enum<C> & Column> Set<C> neededBy(Collection<String> fields, Map<String, Set<C>> byField,
			Class<C> type) {
		EnumSet<C> columns = EnumSet.noneOf(type);
		for (String field : fields) {
			Set<C> needed = byField.get(field);
			if (needed == null) {
				return EnumSet.allOf(type);
			}
			columns.addAll(needed);
		}
		return columns;
	}

	/**
	 * A SELECT list: the columns every read has ({@code "a.id"}), then the given ones,
	 * each labelled with a prefix ("" in a table's own statement, the field's in a join).
	 */
	public static String selectList(String prefix, Collection<? extends Column> columns, String... always) {
		return Stream.concat(Stream.of(always), columns.stream().map(Column::sql))
			.map((sql) -> sql + " AS " + prefix + sql.substring(sql.indexOf('.') + 1))
			.collect(Collectors.joining(", "));
	}

	/** One result row of such a read, its columns labelled with a prefix. */
	public record Row<C extends Column>(ResultSet row, Set<C> columns, String prefix) {

		public long id(String label) throws SQLException {
			return this.row.getLong(this.prefix + label);
		}

		public @Nullable String string(C column) throws SQLException {
			return this.columns.contains(column) ? this.row.getString(this.prefix + column.label()) : null;
		}

		public boolean flag(C column) throws SQLException {
			return this.columns.contains(column) && this.row.getBoolean(this.prefix + column.label());
		}

		public @Nullable Integer integer(C column) throws SQLException {
			return this.columns.contains(column) ? this.row.getObject(this.prefix + column.label(), Integer.class)
					: null;
		}

		public @Nullable Long key(C column) throws SQLException {
			return this.columns.contains(column) ? this.row.getObject(this.prefix + column.label(), Long.class) : null;
		}

		public @Nullable Double decimal(C column) throws SQLException {
			return this.columns.contains(column) ? this.row.getObject(this.prefix + column.label(), Double.class)
					: null;
		}

		/** A UTC time column's value; null when not selected or NULL. */
		public @Nullable OffsetDateTime instant(C column) throws SQLException {
			LocalDateTime value = this.columns.contains(column)
					? this.row.getObject(this.prefix + column.label(), LocalDateTime.class) : null;
			return (value != null) ? value.atOffset(ZoneOffset.UTC) : null;
		}

	}

}
