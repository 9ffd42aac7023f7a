package dev.customergraph.source;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.customergraph.graph.JsonColumns;
import dev.customergraph.graph.Keyset;
import dev.customergraph.graph.PageRequest;
import dev.customergraph.graph.SelectedColumns;
import dev.customergraph.tenancy.Partition;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads payment sources; whether one is its customer's default comes from the customer
 * row.
 */
@Repository
class SourceRepository {

	private static final String OWN_COLUMNS = """
			s.id, s.customer_id, s.type, s.provider, s.provider_reference, s.label, s.brand, s.last4,
			s.expiry_month, s.expiry_year, s.metadata, s.created_at, s.updated_at""";

	private static final String COLUMNS = OWN_COLUMNS + ", COALESCE(s.id = c.default_source_id, FALSE) AS is_default";

	/** The customer a source is attached to, for its default flag. */
	private static final String CUSTOMER_JOIN = """
			LEFT JOIN customer c ON c.tenant_id = s.tenant_id AND c.livemode = s.livemode AND c.id = s.customer_id
			""";

	private static final String FROM = "FROM source s\n" + CUSTOMER_JOIN
			+ "WHERE s.tenant_id = :tenantId AND s.livemode = :livemode\n";

	private final JdbcClient jdbc;

	SourceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<Long, Source> findByKeys(Partition partition, Collection<Long> keys) {
		return this.jdbc.sql("SELECT " + COLUMNS + " " + FROM + "AND s.id IN (:keys)")
			.param("tenantId", partition.tenantId())
			.param("livemode", partition.livemode())
			.param("keys", keys)
			.query(SourceRepository::mapRow)
			.list()
			.stream()
			.collect(Collectors.toMap(Source::key, Function.identity()));
	}

	/**
	 * One page of sources. A page at an offset reads its ids first, without the customer
	 * join and from the filter's index where it has one (else the primary key, never the
	 * index on id alone, which spans every partition), so the rows it skips are not
	 * joined; then it joins the page's own rows.
	 */
	List<Source> findPage(Partition partition, SourceFilter filter, Keyset<Source> keyset, PageRequest page) {
		Map<String, Object> params = new HashMap<>();
		String where = where(partition, filter, params) + " AND " + keyset.seek(page, partition, params);
		params.put("limit", keyset.limit(page));
		String order = " ORDER BY " + keyset.orderBy(page);
		String sql;
		if (page.offset() == 0) {
			sql = "SELECT " + COLUMNS + " " + FROM + where + order + " LIMIT :limit";
		}
		else {
			params.put("offset", page.offset());
			sql = "SELECT " + COLUMNS + " FROM (SELECT s.id FROM source s IGNORE INDEX (source_id) "
					+ "WHERE s.tenant_id = :tenantId AND s.livemode = :livemode" + where + order
					+ " LIMIT :limit OFFSET :offset) page\n"
					+ "JOIN source s ON s.tenant_id = :tenantId AND s.livemode = :livemode AND s.id = page.id\n"
					+ CUSTOMER_JOIN + order;
		}
		return this.jdbc.sql(sql).params(params).query(SourceRepository::mapRow).list();
	}

	int count(Partition partition, SourceFilter filter) {
		Map<String, Object> params = new HashMap<>();
		return this.jdbc
			.sql("SELECT COUNT(*) FROM source s WHERE s.tenant_id = :tenantId AND s.livemode = :livemode"
					+ where(partition, filter, params))
			.params(params)
			.query(Integer.class)
			.single();
	}

	/**
	 * The same page of sources for each of many customers, in one statement, with the
	 * given columns: the window function numbers each customer's sources in page order
	 * and keeps the first {@code limit}. Their default flag is left false, for the caller
	 * to set from the customers it has, so the customer table is not read again.
	 */
	Map<Long, List<Source>> findPagesByCustomers(Partition partition, Collection<Long> customerKeys,
			Keyset<Source> keyset, PageRequest page, Set<SourceColumn> columns) {
		Map<String, Object> params = new HashMap<>();
		params.put("tenantId", partition.tenantId());
		params.put("livemode", partition.livemode());
		params.put("customerKeys", customerKeys);
		params.put("limit", keyset.limit(page));
		String seek = keyset.seek(page, partition, params);
		return this.jdbc.sql("SELECT * FROM (SELECT " + SourceColumn.selectList(columns, "") + ", ROW_NUMBER() OVER "
				+ "(PARTITION BY s.customer_id ORDER BY " + keyset.orderBy(page) + ") AS position FROM source s "
				+ "WHERE s.tenant_id = :tenantId AND s.livemode = :livemode AND s.customer_id IN (:customerKeys) AND "
				+ seek + ") page WHERE position <= :limit ORDER BY customer_id, position")
			.params(params)
			.query((row, rowNum) -> leanRow(row, columns, ""))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Source::customerKey));
	}

	/**
	 * Maps the columns a page read; the fields of the others stay null, and GraphQL never
	 * shows them because the selection did not ask for them.
	 */
	static Source leanRow(ResultSet row, Set<SourceColumn> columns, String prefix) throws SQLException {
		SelectedColumns.Row<SourceColumn> lean = new SelectedColumns.Row<>(row, columns, prefix);
		return new Source(lean.id("id"), row.getObject(prefix + "customer_id", Long.class),
				SourceType.valueOf(row.getString(prefix + "type")), lean.string(SourceColumn.PROVIDER),
				lean.string(SourceColumn.PROVIDER_REFERENCE), lean.string(SourceColumn.LABEL),
				lean.string(SourceColumn.BRAND), lean.string(SourceColumn.LAST4),
				lean.integer(SourceColumn.EXPIRY_MONTH), lean.integer(SourceColumn.EXPIRY_YEAR),
				JsonColumns.readObject(lean.string(SourceColumn.METADATA)), false,
				lean.instant(SourceColumn.CREATED_AT), lean.instant(SourceColumn.UPDATED_AT));
	}

	Map<Long, Integer> countByCustomers(Partition partition, Collection<Long> customerKeys) {
		Map<Long, Integer> counts = new HashMap<>();
		this.jdbc.sql("""
				SELECT s.customer_id, COUNT(*) AS sources FROM source s
				WHERE s.tenant_id = :tenantId AND s.livemode = :livemode AND s.customer_id IN (:customerKeys)
				GROUP BY s.customer_id
				""")
			.param("tenantId", partition.tenantId())
			.param("livemode", partition.livemode())
			.param("customerKeys", customerKeys)
			.query((row) -> {
				counts.put(row.getLong("customer_id"), row.getInt("sources"));
			});
		customerKeys.forEach((key) -> counts.putIfAbsent(key, 0));
		return counts;
	}

	/**
	 * The conditions of a filter, each fixed text after the partition; values are bound.
	 */
	private static String where(Partition partition, SourceFilter filter, Map<String, Object> params) {
		params.put("tenantId", partition.tenantId());
		params.put("livemode", partition.livemode());
		List<String> conditions = new ArrayList<>();
		Long customerKey = filter.customerKey();
		if (customerKey != null) {
			conditions.add("s.customer_id = :customerKey");
			params.put("customerKey", customerKey);
		}
		if (filter.provider() != null) {
			conditions.add("s.provider = :provider");
			params.put("provider", filter.provider());
		}
		if (filter.attached() != null) {
			conditions.add(filter.attached() ? "s.customer_id IS NOT NULL" : "s.customer_id IS NULL");
		}
		return conditions.stream().map((condition) -> " AND " + condition).collect(Collectors.joining());
	}

	private static Source mapRow(ResultSet row, int rowNum) throws SQLException {
		return new Source(row.getLong("id"), row.getObject("customer_id", Long.class),
				SourceType.valueOf(row.getString("type")), row.getString("provider"),
				row.getString("provider_reference"), row.getString("label"), row.getString("brand"),
				row.getString("last4"), row.getObject("expiry_month", Integer.class),
				row.getObject("expiry_year", Integer.class), JsonColumns.readObject(row.getString("metadata")),
				row.getBoolean("is_default"), row.getObject("created_at", LocalDateTime.class).atOffset(ZoneOffset.UTC),
				row.getObject("updated_at", LocalDateTime.class).atOffset(ZoneOffset.UTC));
	}

}
