package dev.customergraph.address;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import dev.customergraph.graph.SelectedColumns;

/**
 * The address columns a page of customers' addresses may fetch beyond their ids, each a
 * fixed SQL fragment. The batch fetches the ones its selections need
 * ({@link #selectedBy}): a list screen's "city, country" does not read seventeen columns
 * per address.
 */
enum AddressColumn implements SelectedColumns.Column {

	FIRST_NAME("a.first_name"), LAST_NAME("a.last_name"), COMPANY("a.company"), PHONE("a.phone"), LINE1("a.line1"),
	LINE2("a.line2"), CITY("a.city"), REGION_CODE("a.region_code"), REGION_NAME("a.region_name"),
	POSTAL_CODE("a.postal_code"), COUNTRY_CODE("a.country_code"), LATITUDE("a.latitude"), LONGITUDE("a.longitude"),
	CREATED_AT("a.created_at"), UPDATED_AT("a.updated_at");

	/**
	 * The columns each Address field needs; the default flags come from the customer.
	 */
	private static final Map<String, Set<AddressColumn>> BY_FIELD = Map.ofEntries(Map.entry("id", Set.of()),
			Map.entry("__typename", Set.of()), Map.entry("customer", Set.of()),
			Map.entry("isDefaultShipping", Set.of()), Map.entry("isDefaultBilling", Set.of()),
			Map.entry("firstName", Set.of(FIRST_NAME)), Map.entry("lastName", Set.of(LAST_NAME)),
			Map.entry("company", Set.of(COMPANY)), Map.entry("phone", Set.of(PHONE)), Map.entry("line1", Set.of(LINE1)),
			Map.entry("line2", Set.of(LINE2)), Map.entry("city", Set.of(CITY)),
			Map.entry("regionCode", Set.of(REGION_CODE)), Map.entry("regionName", Set.of(REGION_NAME)),
			Map.entry("postalCode", Set.of(POSTAL_CODE)), Map.entry("countryCode", Set.of(COUNTRY_CODE)),
			Map.entry("country", Set.of(COUNTRY_CODE)), Map.entry("region", Set.of(REGION_CODE, REGION_NAME)),
			Map.entry("latitude", Set.of(LATITUDE)), Map.entry("longitude", Set.of(LONGITUDE)),
			Map.entry("createdAt", Set.of(CREATED_AT)), Map.entry("updatedAt", Set.of(UPDATED_AT)));

	private final String sql;

	AddressColumn(String sql) {
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
	static Set<AddressColumn> selectedBy(Collection<String> fields) {
		return SelectedColumns.neededBy(fields, BY_FIELD, AddressColumn.class);
	}

	/**
	 * The SELECT list: the ids (and a source's type), then the columns, labelled with a
	 * prefix ("" in the batch, the field's in a point lookup's join).
	 */
	static String selectList(Collection<AddressColumn> columns, String prefix) {
		return SelectedColumns.selectList(prefix, columns, "a.id", "a.customer_id");
	}

}
