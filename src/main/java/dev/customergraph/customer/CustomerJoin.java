package dev.customergraph.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

import org.jspecify.annotations.Nullable;

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

	/** Whether the field is a list (many joined rows per customer). */
	boolean list();

	/**
	 * Where, in the customer's selection, the fields of its objects are selected: for a
	 * connection {@code "addresses/nodes"} and {@code "addresses/edges/node"}, and any
	 * other field the joined rows serve too (the default addresses).
	 */
	String[] selectionPaths();

	/** The LEFT JOIN clause, fixed text. */
	String join();

	/**
	 * The joined columns the given selected fields need, fixed text per column, each
	 * labelled with a prefix of its own.
	 */
	String columns(Set<String> selected);

	/** The joined row's order within a list, fixed text. */
	String orderBy();

	/**
	 * The value of the joined row read with {@link #columns}, or null when the join found
	 * no row.
	 */
	@Nullable Object read(ResultSet row, Set<String> selected) throws SQLException;

}
