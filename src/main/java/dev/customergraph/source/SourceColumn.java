package dev.customergraph.source;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import dev.customergraph.graph.SelectedColumns;

/**
 * The source columns a customer's page of sources may fetch beyond its id, customer and
 * type, each a fixed SQL fragment. A page fetches the ones its selection needs
 * ({@link #selectedBy}): a list of cards shows brand and last four digits, not the
 * metadata JSON that would be read and parsed for every row.
 */
enum SourceColumn implements SelectedColumns.Column {

	PROVIDER("s.provider"), PROVIDER_REFERENCE("s.provider_reference"), LABEL("s.label"), BRAND("s.brand"),
	LAST4("s.last4"), EXPIRY_MONTH("s.expiry_month"), EXPIRY_YEAR("s.expiry_year"), METADATA("s.metadata"),
	CREATED_AT("s.created_at"), UPDATED_AT("s.updated_at");

	/** The columns each Source field needs; the default flag comes from the customer. */
	private static final Map<String, Set<SourceColumn>> BY_FIELD = Map.ofEntries(Map.entry("id", Set.of()),
			Map.entry("__typename", Set.of()), Map.entry("type", Set.of()), Map.entry("customer", Set.of()),
			Map.entry("isDefault", Set.of()), Map.entry("provider", Set.of(PROVIDER)),
			Map.entry("providerReference", Set.of(PROVIDER_REFERENCE)), Map.entry("label", Set.of(LABEL)),
			Map.entry("brand", Set.of(BRAND)), Map.entry("last4", Set.of(LAST4)),
			Map.entry("expiryMonth", Set.of(EXPIRY_MONTH)), Map.entry("expiryYear", Set.of(EXPIRY_YEAR)),
			Map.entry("metadata", Set.of(METADATA)), Map.entry("createdAt", Set.of(CREATED_AT)),
			Map.entry("updatedAt", Set.of(UPDATED_AT)));

	private final String sql;

	SourceColumn(String sql) {
		this.sql = sql;
	}

	@Override
	public String sql() {
		return this.sql;
	}

	/**
	 * The columns the given fields need; a field this map does not know fetches every
	 * column.
	 */
	static Set<SourceColumn> selectedBy(Collection<String> fields) {
		return SelectedColumns.neededBy(fields, BY_FIELD, SourceColumn.class);
	}

	/**
	 * The SELECT list: the ids (and a source's type), then the columns, labelled with a
	 * prefix ("" in the batch, the field's in a point lookup's join).
	 */
	static String selectList(Collection<SourceColumn> columns, String prefix) {
		return SelectedColumns.selectList(prefix, columns, "s.id", "s.customer_id", "s.type");
	}

}
