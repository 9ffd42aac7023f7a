package dev.customergraph.customer;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import dev.customergraph.graph.SelectedColumns;
import dev.customergraph.graph.SelectedFields;
import graphql.schema.DataFetchingEnvironment;

/**
 * The customer columns a read may fetch, each a fixed SQL fragment. A read fetches the
 * ones its GraphQL selection needs ({@link #selectedBy}), so a list screen does not pay
 * for the JSON columns it never shows; the column list is always built from these
 * constants, never from client text.
 */
enum CustomerColumn implements SelectedColumns.Column {

	EMAIL("c.email"), FIRST_NAME("c.first_name"), LAST_NAME("c.last_name"), PHONE("c.phone"), LOCALE("c.locale"),
	TYPE("c.type"), ENABLED("c.enabled"), CODE("c.code"), TAGS("c.tags"), VAT_NUMBER("c.vat_number"),
	ACCEPTS_MARKETING("c.accepts_marketing"), AVATAR_URL("c.avatar_url"), METADATA("c.metadata"),
	PAYMENT_PROVIDERS("c.payment_providers"), REQUEST_TO_BE_FORGOTTEN("c.request_to_be_forgotten"),
	LIVEMODE("c.livemode"), VERSION("c.version"), CREATED_AT("c.created_at"), UPDATED_AT("c.updated_at"),
	DEFAULT_SHIPPING_ADDRESS_ID("c.default_shipping_address_id"),
	DEFAULT_BILLING_ADDRESS_ID("c.default_billing_address_id"), DEFAULT_SOURCE_ID("c.default_source_id"),
	GROUP_ID("c.group_id"), ERASED_AT("c.erased_at");

	/** Every column: for reads that do not know their selection (mutations, node). */
	static final Set<CustomerColumn> ALL = EnumSet.allOf(CustomerColumn.class);

	/**
	 * The columns each Customer field needs. The default ids also decide the
	 * {@code isDefault…} flags of a customer's addresses and sources.
	 */
	private static final Map<String, Set<CustomerColumn>> BY_FIELD = Map.ofEntries(Map.entry("id", Set.of()),
			Map.entry("__typename", Set.of()), Map.entry("email", Set.of(EMAIL)),
			Map.entry("firstName", Set.of(FIRST_NAME)), Map.entry("lastName", Set.of(LAST_NAME)),
			Map.entry("displayName", Set.of(FIRST_NAME, LAST_NAME, EMAIL)), Map.entry("phone", Set.of(PHONE)),
			Map.entry("locale", Set.of(LOCALE)), Map.entry("type", Set.of(TYPE)), Map.entry("enabled", Set.of(ENABLED)),
			Map.entry("code", Set.of(CODE)), Map.entry("tags", Set.of(TAGS)),
			Map.entry("vatNumber", Set.of(VAT_NUMBER)), Map.entry("acceptsMarketing", Set.of(ACCEPTS_MARKETING)),
			Map.entry("avatarUrl", Set.of(AVATAR_URL)), Map.entry("metadata", Set.of(METADATA)),
			Map.entry("paymentProviders", Set.of(PAYMENT_PROVIDERS)),
			Map.entry("requestToBeForgotten", Set.of(REQUEST_TO_BE_FORGOTTEN)), Map.entry("livemode", Set.of(LIVEMODE)),
			Map.entry("version", Set.of(VERSION)), Map.entry("createdAt", Set.of(CREATED_AT)),
			Map.entry("updatedAt", Set.of(UPDATED_AT)),
			Map.entry("addresses", Set.of(DEFAULT_SHIPPING_ADDRESS_ID, DEFAULT_BILLING_ADDRESS_ID)),
			Map.entry("defaultShippingAddress", Set.of(DEFAULT_SHIPPING_ADDRESS_ID)),
			Map.entry("defaultBillingAddress", Set.of(DEFAULT_BILLING_ADDRESS_ID)),
			Map.entry("sources", Set.of(DEFAULT_SOURCE_ID)), Map.entry("defaultSource", Set.of(DEFAULT_SOURCE_ID)),
			Map.entry("group", Set.of(GROUP_ID)), Map.entry("erasedAt", Set.of(ERASED_AT)),
			// The photo feature's field: its loader needs the customer's id only.
			Map.entry("photo", Set.of()));

	private final String sql;

	CustomerColumn(String sql) {
		this.sql = sql;
	}

	/**
	 * The columns the Customer fields under {@code paths} of the field being fetched need
	 * (for example {@code "edges/node"}; {@code ""} is its own selection).
	 */
	static Set<CustomerColumn> selectedBy(DataFetchingEnvironment environment, String... paths) {
		return neededBy(SelectedFields.of(environment, paths));
	}

	/** The columns these Customer fields need. */
	static Set<CustomerColumn> neededBy(Set<String> fields) {
		return SelectedColumns.neededBy(fields, BY_FIELD, CustomerColumn.class);
	}

	/** The column as SQL, qualified by the customer table's alias {@code c}. */
	@Override
	public String sql() {
		return this.sql;
	}

	/** The SELECT list: the id, then the columns in declaration order. */
	static String selectList(Collection<CustomerColumn> columns) {
		return SelectedColumns.selectList("", columns, "c.id");
	}

}
