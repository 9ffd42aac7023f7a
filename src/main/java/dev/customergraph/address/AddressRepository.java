package dev.customergraph.address;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import java.util.List;

import dev.customergraph.graph.JsonColumns;
import dev.customergraph.graph.JsonRow;
import dev.customergraph.tenancy.Partition;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads addresses. Whether one is a default comes from its customer's row: joined here
 * when an address is read by its key, taken from the customer already in hand when a page
 * of customers reads its addresses ({@link Address#withDefaultsOf}).
 */
@Repository
class AddressRepository {

	private static final String COLUMNS = """
			SELECT a.id, a.customer_id, a.first_name, a.last_name, a.company, a.phone, a.line1, a.line2, a.city,
			       a.region_code, a.region_name, a.postal_code, a.country_code, a.latitude, a.longitude,
			       a.created_at, a.updated_at""";

	private static final String BY_KEYS = COLUMNS + """
			,
			       a.id = c.default_shipping_address_id AS is_default_shipping,
			       a.id = c.default_billing_address_id AS is_default_billing
			FROM address a
			JOIN customer c ON c.tenant_id = a.tenant_id AND c.livemode = a.livemode AND c.id = a.customer_id
			WHERE a.tenant_id = :tenantId AND a.livemode = :livemode AND a.id IN (:keys)
			""";

	/**
	 * The addresses of the customer row {@code c} as a JSON array, for a point lookup
	 * that reads them in its own statement ({@link #fromJson}).
	 */
	static final String AS_JSON = """
			SELECT JSON_ARRAYAGG(JSON_OBJECT('id', a.id, 'customer_id', a.customer_id, 'first_name', a.first_name,
			  'last_name', a.last_name, 'company', a.company, 'phone', a.phone, 'line1', a.line1, 'line2', a.line2,
			  'city', a.city, 'region_code', a.region_code, 'region_name', a.region_name, 'postal_code', a.postal_code,
			  'country_code', a.country_code, 'latitude', a.latitude, 'longitude', a.longitude,
			  'created_at', a.created_at, 'updated_at', a.updated_at))
			FROM address a WHERE a.tenant_id = c.tenant_id AND a.livemode = c.livemode AND a.customer_id = c.id""";

	private final JdbcClient jdbc;

	AddressRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<Long, Address> findByKeys(Partition partition, Collection<Long> keys) {
		return this.jdbc.sql(BY_KEYS)
			.param("tenantId", partition.tenantId())
			.param("livemode", partition.livemode())
			.param("keys", keys)
			.query(AddressRepository::mapRow)
			.list()
			.stream()
			.collect(Collectors.toMap(Address::key, Function.identity()));
	}

	/**
	 * All addresses of each customer, oldest first, with the given columns. A customer
	 * has at most a handful ({@code gateway.limits.addresses-per-customer}), so one
	 * statement loads them whole for a page of customers, and the addresses connection
	 * and the default addresses share it. Their default flags are left false, for the
	 * caller to set from the customers it has.
	 */
	Map<Long, List<Address>> findByCustomers(Partition partition, Collection<Long> customerKeys,
			Set<AddressColumn> columns) {
		return this.jdbc.sql("SELECT " + AddressColumn.selectList(columns) + """

				FROM address a
				WHERE a.tenant_id = :tenantId AND a.livemode = :livemode AND a.customer_id IN (:customerKeys)
				ORDER BY a.customer_id, a.id
				""")
			.param("tenantId", partition.tenantId())
			.param("livemode", partition.livemode())
			.param("customerKeys", customerKeys)
			.query((row, rowNum) -> leanRow(row, columns))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Address::customerKey));
	}

	/**
	 * Maps the columns a batch read; the fields of the others stay null, and GraphQL
	 * never shows them because the selection did not ask for them.
	 */
	private static Address leanRow(ResultSet row, Set<AddressColumn> columns) throws SQLException {
		return new Address(row.getLong("id"), row.getLong("customer_id"),
				string(row, columns, AddressColumn.FIRST_NAME), string(row, columns, AddressColumn.LAST_NAME),
				string(row, columns, AddressColumn.COMPANY), string(row, columns, AddressColumn.PHONE),
				string(row, columns, AddressColumn.LINE1), string(row, columns, AddressColumn.LINE2),
				string(row, columns, AddressColumn.CITY), string(row, columns, AddressColumn.REGION_CODE),
				string(row, columns, AddressColumn.REGION_NAME), string(row, columns, AddressColumn.POSTAL_CODE),
				string(row, columns, AddressColumn.COUNTRY_CODE), decimal(row, columns, AddressColumn.LATITUDE),
				decimal(row, columns, AddressColumn.LONGITUDE), false, false,
				instant(row, columns, AddressColumn.CREATED_AT), instant(row, columns, AddressColumn.UPDATED_AT));
	}

	private static @Nullable String string(ResultSet row, Set<AddressColumn> columns, AddressColumn column)
			throws SQLException {
		return columns.contains(column) ? row.getString(column.label()) : null;
	}

	private static @Nullable Double decimal(ResultSet row, Set<AddressColumn> columns, AddressColumn column)
			throws SQLException {
		return columns.contains(column) ? row.getObject(column.label(), Double.class) : null;
	}

	private static @Nullable OffsetDateTime instant(ResultSet row, Set<AddressColumn> columns, AddressColumn column)
			throws SQLException {
		return columns.contains(column) ? row.getObject(column.label(), LocalDateTime.class).atOffset(ZoneOffset.UTC)
				: null;
	}

	/**
	 * The addresses {@link #AS_JSON} read, oldest first like {@link #findByCustomers}
	 * (JSON_ARRAYAGG cannot sort on MySQL); default flags false.
	 */
	static List<Address> fromJson(@Nullable String json) {
		return JsonColumns.readObjects(json)
			.stream()
			.map(JsonRow::new)
			.map((row) -> new Address(row.key("id"), row.key("customer_id"), row.string("first_name"),
					row.string("last_name"), row.string("company"), row.string("phone"), row.string("line1"),
					row.string("line2"), row.string("city"), row.string("region_code"), row.string("region_name"),
					row.string("postal_code"), row.string("country_code"), row.decimal("latitude"),
					row.decimal("longitude"), false, false, row.instant("created_at"), row.instant("updated_at")))
			.sorted(Comparator.comparingLong(Address::key))
			.toList();
	}

	private static Address mapRow(ResultSet row, int rowNum) throws SQLException {
		return new Address(row.getLong("id"), row.getLong("customer_id"), row.getString("first_name"),
				row.getString("last_name"), row.getString("company"), row.getString("phone"), row.getString("line1"),
				row.getString("line2"), row.getString("city"), row.getString("region_code"),
				row.getString("region_name"), row.getString("postal_code"), row.getString("country_code"),
				row.getObject("latitude", Double.class), row.getObject("longitude", Double.class),
				row.getBoolean("is_default_shipping"), row.getBoolean("is_default_billing"),
				row.getObject("created_at", LocalDateTime.class).atOffset(ZoneOffset.UTC),
				row.getObject("updated_at", LocalDateTime.class).atOffset(ZoneOffset.UTC));
	}

}
