package dev.customergraph.customer;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;

/**
 * A nested field of Customer that a point lookup reads in its own statement, by a LEFT
 * JOIN to the customer row {@code c}. The feature that owns the field contributes it as a
 * bean (addresses, the default source), so {@code customer(id:)} with its nested fields
 * costs one statement, not one per level. Joined rows beat a JSON subquery per field: on
 * MariaDB an aggregate in a correlated subquery cost about twice the whole lookup. Pages
 * do not use them: one batch for the page is cheaper than rows multiplied per customer.
 * One statement joins at most one list field, so its rows never exceed that list.
 */
public interface CustomerJoin {

	/** The Customer field it serves. */
	String field();

	/**
	 * For a list field (many joined rows per customer) the rows' order, fixed text (the
	 * joined id); null for a single object.
	 */
	@Nullable String listOrder();

	default boolean list() {
		return listOrder() != null;
	}

	/**
	 * Where, in the customer's selection, the fields of its objects are selected: for a
	 * connection {@code "addresses/nodes"} and {@code "addresses/edges/node"}, and any
	 * other field the joined rows serve too (the default addresses).
	 */
	String[] selectionPaths();

	/** The LEFT JOIN clause, fixed text. */
	String join();

	/**
	 * The join's part of one statement, for the fields selected of its objects (at
	 * {@link #selectionPaths}).
	 */
	Selected select(Set<String> fields);

	/**
	 * The joined columns, fixed text per column, each labelled with a prefix of the
	 * join's own, and the reader of a joined row's value, which is null when the join
	 * found no row.
	 */
	record Selected(String columns, RowMapper<@Nullable Object> reader) {
	}

}
