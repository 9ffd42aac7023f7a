package dev.customergraph.source;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The source columns a customer's page of sources may fetch beyond its id, customer and
 * type, each a fixed SQL fragment. A page fetches the ones its selection needs
 * ({@link #selectedBy}): a list of cards shows brand and last four digits, not the
 * metadata JSON that would be read and parsed for every row.
 */
enum SourceColumn {

	PROVIDER("s.provider"), PROVIDER_REFERENCE("s.provider_reference"), LABEL("s.label"), BRAND("s.brand"),
	LAST4("s.last4"), EXPIRY_MONTH("s.expiry_month"), EXPIRY_YEAR("s.expiry_year"), METADATA("s.metadata"),
	CREATED_AT("s.created_at"), UPDATED_AT("s.updated_at");

	static final Set<SourceColumn> ALL = EnumSet.allOf(SourceColumn.class);

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

	/**
	 * The columns the given Source fields need; a field this map does not know fetches
	 * every column.
	 */
	static Set<SourceColumn> selectedBy(Collection<String> fields) {
		EnumSet<SourceColumn> columns = EnumSet.noneOf(SourceColumn.class);
		for (String field : fields) {
			Set<SourceColumn> needed = BY_FIELD.get(field);
			if (needed == null) {
				return ALL;
			}
			columns.addAll(needed);
		}
		return columns;
	}

	String label() {
		return this.sql.substring("s.".length());
	}

	/** The SELECT list: id, customer and type, then the columns in declaration order. */
	static String selectList(Collection<SourceColumn> columns) {
		return columns.stream()
			.map((column) -> ", " + column.sql)
			.collect(Collectors.joining("", "s.id, s.customer_id, s.type", ""));
	}

	/** The same list with every column labelled with a prefix: for a join. */
	static String selectList(Collection<SourceColumn> columns, String prefix) {
		return columns.stream()
			.map((column) -> ", " + column.sql + " AS " + prefix + column.label())
			.collect(Collectors.joining("", "s.id AS " + prefix + "id, s.customer_id AS " + prefix
					+ "customer_id, s.type AS " + prefix + "type", ""));
	}

}
