package dev.customergraph.address;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import java.util.List;

import dev.customergraph.graph.SelectedColumns;
import dev.customergraph.tenancy.Partition;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads addresses. Whether one is a default comes from its customer's row: joined here
 * when an address is read by its key, taken from the customer already in hand when a page
 * of customers reads its addresses or a point lookup joins them to its row
 * ({@link Address#withDefaultsOf}).
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
		return this.jdbc.sql("SELECT " + AddressColumn.selectList(columns, "") + """

				FROM address a
				WHERE a.tenant_id = :tenantId AND a.livemode = :livemode AND a.customer_id IN (:customerKeys)
				ORDER BY a.customer_id, a.id
				""")
			.param("tenantId", partition.tenantId())
			.param("livemode", partition.livemode())
			.param("customerKeys", customerKeys)
			.query((row, rowNum) -> leanRow(row, columns, ""))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Address::customerKey));
	}

	/**
	 * Maps the columns a batch read; the fields of the others stay null, and GraphQL
	 * never shows them because the selection did not ask for them.
	 */
	static Address leanRow(ResultSet row, Set<AddressColumn> columns, String prefix) throws SQLException {
		SelectedColumns.Row<AddressColumn> lean = new SelectedColumns.Row<>(row, columns, prefix);
		return new Address(lean.id("id"), lean.id("customer_id"), lean.string(AddressColumn.FIRST_NAME),
				lean.string(AddressColumn.LAST_NAME), lean.string(AddressColumn.COMPANY),
				lean.string(AddressColumn.PHONE), lean.string(AddressColumn.LINE1), lean.string(AddressColumn.LINE2),
				lean.string(AddressColumn.CITY), lean.string(AddressColumn.REGION_CODE),
				lean.string(AddressColumn.REGION_NAME), lean.string(AddressColumn.POSTAL_CODE),
				lean.string(AddressColumn.COUNTRY_CODE), lean.decimal(AddressColumn.LATITUDE),
				lean.decimal(AddressColumn.LONGITUDE), false, false, lean.instant(AddressColumn.CREATED_AT),
				lean.instant(AddressColumn.UPDATED_AT));
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
