package dev.customergraph.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import dev.customergraph.tenancy.Partition;
import org.jspecify.annotations.Nullable;

/**
 * Keyset pagination over one ordering column with the id as tie-breaker. It writes the
 * seek predicate and ORDER BY of a page (so page 50,000 costs what page 1 costs, and rows
 * inserted or deleted between two reads never shift a walk) and turns the fetched rows
 * into a {@link Connection}. Column names come from code, never from a client; values are
 * bound as named parameters.
 *
 * <p>
 * NULLs sort first ascending and last descending, as in MySQL and MariaDB.
 *
 * @param <T> the row type
 */
public final class Keyset<T> {

	private final String ordering;

	private final @Nullable String column;

	private final String idColumn;

	/**
	 * Whether no two rows of a partition share the column's value, nor is it ever NULL.
	 */
	private final boolean unique;

	private final boolean descending;

	private final Function<T, @Nullable String> valueOf;

	private final Function<String, Object> parseValue;

	private final ToLongFunction<T> idOf;

	private Keyset(String ordering, @Nullable String column, String idColumn, boolean unique, boolean descending,
			Function<T, @Nullable String> valueOf, Function<String, Object> parseValue, ToLongFunction<T> idOf) {
		this.ordering = ordering;
		this.column = column;
		this.idColumn = idColumn;
		this.unique = unique;
		this.descending = descending;
		this.valueOf = valueOf;
		this.parseValue = parseValue;
		this.idOf = idOf;
	}

	/** Ordered by id alone. */
	public static <T> Keyset<T> byId(String ordering, String idColumn, boolean descending, ToLongFunction<T> idOf) {
		return new Keyset<>(ordering, null, idColumn, true, descending, (row) -> null, (text) -> text, idOf);
	}

	/**
	 * Ordered by a column, then by id.
	 * @param valueOf the row's column value as cursor text (null for SQL NULL)
	 * @param parseValue cursor text back to the value bound in SQL
	 */
	public static <T> Keyset<T> byColumn(String ordering, String column, String idColumn, boolean descending,
			Function<T, @Nullable String> valueOf, Function<String, Object> parseValue, ToLongFunction<T> idOf) {
		return new Keyset<>(ordering, column, idColumn, false, descending, valueOf, parseValue, idOf);
	}

	/**
	 * Ordered by a NOT NULL column that is unique in the partition (a customer's email),
	 * which needs no tie-breaker. Sorting by (column, id) instead would not be served by
	 * a unique index on the column, since the engines do not extend unique indexes by the
	 * primary key: every page, the first included, would sort the whole partition.
	 */
	public static <T> Keyset<T> byUniqueColumn(String ordering, String column, String idColumn, boolean descending,
			Function<T, @Nullable String> valueOf, Function<String, Object> parseValue, ToLongFunction<T> idOf) {
		return new Keyset<>(ordering, column, idColumn, true, descending, valueOf, parseValue, idOf);
	}

	/**
	 * The seek condition of the page, to AND into the WHERE clause; binds its values into
	 * {@code params} as {@code afterId}, {@code afterValue}, {@code beforeId},
	 * {@code beforeValue}.
	 */
	public String seek(PageRequest page, Partition partition, Map<String, Object> params) {
		List<String> conditions = new ArrayList<>(2);
		if (page.after() != null) {
			conditions
				.add(after(Cursor.decode(page.after(), this.ordering, partition), this.descending, "after", params));
		}
		if (page.before() != null) {
			conditions
				.add(after(Cursor.decode(page.before(), this.ordering, partition), !this.descending, "before", params));
		}
		return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
	}

	/**
	 * The ORDER BY list that reads the page from its start (forward) or from its end
	 * (backward).
	 */
	public String orderBy(PageRequest page) {
		String direction = (this.descending != page.backward()) ? " DESC" : " ASC";
		if (this.column == null) {
			return this.idColumn + direction;
		}
		return this.unique ? this.column + direction : this.column + direction + ", " + this.idColumn + direction;
	}

	/**
	 * How many rows to fetch: one more than the page, to learn whether another page
	 * follows.
	 */
	public int limit(PageRequest page) {
		return page.count() + 1;
	}

	/**
	 * Builds the connection from rows fetched with {@link #seek}, {@link #orderBy} and
	 * {@link #limit}.
	 */
	public Connection<T> connection(List<T> rows, PageRequest page, Partition partition, TotalCount totalCount) {
		boolean more = rows.size() > page.count();
		List<T> pageRows = new ArrayList<>(more ? rows.subList(0, page.count()) : rows);
		if (page.backward()) {
			Collections.reverse(pageRows);
		}
		Function<T, String> cursorOf = (row) -> cursorOf(row, partition);
		List<Edge<T>> edges = pageRows.stream().map((row) -> new Edge<>(row, cursorOf)).toList();
		boolean hasNext = page.backward() ? page.before() != null : more;
		// An offset page has rows before it whenever it skipped any (the Relay rule for
		// forward pages, "false unless after is given", knows no offsets).
		boolean hasPrevious = page.backward() ? more : page.after() != null || page.offset() > 0;
		return new Connection<>(edges, new PageInfo(hasNext, hasPrevious, edges), totalCount);
	}

	/**
	 * Pages through rows already in memory, all of one parent and in this keyset's order:
	 * for small bounded lists (a customer's addresses) that are loaded whole.
	 */
	public Connection<T> slice(List<T> ordered, PageRequest page, Partition partition) {
		Cursor after = (page.after() != null) ? Cursor.decode(page.after(), this.ordering, partition) : null;
		Cursor before = (page.before() != null) ? Cursor.decode(page.before(), this.ordering, partition) : null;
		if (this.column != null) {
			throw new IllegalStateException("In-memory slices are ordered by id only");
		}
		List<T> between = ordered.stream()
			.filter((row) -> after == null || isAfter(this.idOf.applyAsLong(row), after.id(), this.descending))
			.filter((row) -> before == null || isAfter(this.idOf.applyAsLong(row), before.id(), !this.descending))
			.toList();
		List<T> fetched = new ArrayList<>(between);
		if (page.backward()) {
			Collections.reverse(fetched);
		}
		List<T> limited = fetched.subList(0, Math.min(fetched.size(), limit(page)));
		return connection(limited, page, partition, TotalCount.of(ordered::size));
	}

	private static boolean isAfter(long id, long position, boolean descending) {
		return descending ? id < position : id > position;
	}

	private String cursorOf(T row, Partition partition) {
		return new Cursor(this.ordering, this.idOf.applyAsLong(row), this.valueOf.apply(row)).encode(partition);
	}

	/**
	 * Rows strictly after {@code cursor} in the order (column, id) taken in the given
	 * direction.
	 */
	private String after(Cursor cursor, boolean descending, String name, Map<String, Object> params) {
		String cmp = descending ? " < " : " > ";
		String id = ":" + name + "Id";
		params.put(name + "Id", cursor.id());
		if (this.column == null) {
			return this.idColumn + cmp + id;
		}
		if (cursor.value() == null) {
			return descending ? "(" + this.column + " IS NULL AND " + this.idColumn + " < " + id + ")"
					: "(" + this.column + " IS NOT NULL OR " + this.idColumn + " > " + id + ")";
		}
		String value = ":" + name + "Value";
		params.put(name + "Value", this.parseValue.apply(cursor.value()));
		if (this.unique) {
			return this.column + cmp + value;
		}
		String seek = "(" + this.column + cmp + value + " OR (" + this.column + " = " + value + " AND " + this.idColumn
				+ cmp + id + ")";
		// Descending, NULLs come last: they are after every value.
		return descending ? seek + " OR " + this.column + " IS NULL)" : seek + ")";
	}

}
