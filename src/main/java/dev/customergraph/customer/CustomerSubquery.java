package dev.customergraph.customer;

/**
 * A nested field of Customer that a point lookup reads in its own statement: a correlated
 * subquery over the customer row {@code c} that returns the field's rows as JSON. The
 * feature that owns the field contributes it as a bean (addresses, the default source),
 * so {@code customer(id:)} with its nested fields costs one statement, not one per level.
 * Pages do not use them: per row, a JSON subquery costs more than one batch for the page.
 *
 * @param field the Customer field it serves
 * @param sql the subquery, fixed text
 */
public record CustomerSubquery(String field, String sql) {

}
