package dev.customergraph.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.customergraph.graph.JsonColumns;
import dev.customergraph.graph.Keyset;
import dev.customergraph.graph.PageRequest;
import dev.customergraph.tenancy.Partition;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads customers. Every statement is confined to one partition. */
@Repository
public class CustomerRepository {

	/**
	 * The columns of a Customer; tags come from their own table as one sorted,
	 * comma-joined value.
	 */
	private static final String COLUMNS = """
			SELECT c.id, c.livemode, c.email, c.first_name, c.last_name, c.phone, c.locale, c.type, c.enabled,
			       c.code, c.vat_number, c.accepts_marketing, c.avatar_url, c.metadata, c.payment_providers,
			       c.request_to_be_forgotten, c.version, c.created_at, c.updated_at,
			       c.default_shipping_address_id, c.default_billing_address_id, c.default_source_id,
			       (SELECT GROUP_CONCAT(t.tag ORDER BY t.tag SEPARATOR ',') FROM customer_tag t
			        WHERE t.tenant_id = c.tenant_id AND t.livemode = c.livemode AND t.customer_id = c.id) AS tags
			""";

	private static final String SELECT = COLUMNS + "FROM customer c\n";

	/** The columns {@code search} matches by prefix; see {@link #count}. */
	private static final List<String> SEARCHED = List.of("c.first_name", "c.last_name", "c.email");

	private static final RowMapper<Customer> ROW = CustomerRepository::mapRow;

	private final JdbcClient jdbc;

	CustomerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Map<Long, Customer> findByKeys(Partition partition, Collection<Long> keys) {
		return this.jdbc.sql(SELECT + "WHERE c.tenant_id = :tenantId AND c.livemode = :livemode AND c.id IN (:keys)")
			.param("tenantId", partition.tenantId())
			.param("livemode", partition.livemode())
			.param("keys", keys)
			.query(ROW)
			.list()
			.stream()
			.collect(Collectors.toMap(Customer::key, Function.identity()));
	}

	Optional<Customer> findByEmail(Partition partition, String email) {
		return this.jdbc.sql(SELECT + "WHERE c.tenant_id = :tenantId AND c.livemode = :livemode AND c.email = :email")
			.param("tenantId", partition.tenantId())
			.param("livemode", partition.livemode())
			.param("email", email)
			.query(ROW)
			.optional();
	}

	/**
	 * One page of customers: the filter, then the keyset seek, in the keyset's order.
	 * Unfiltered, the ordering's index yields the page directly. Filtered, the optimizer
	 * may instead sort every match (a search prefix matches thousands), so the page is
	 * cut in a derived table first and the per-row tags subquery runs for the page's rows
	 * only.
	 */
	List<Customer> findPage(Partition partition, CustomerFilter filter, Keyset<Customer> keyset, PageRequest page) {
		Map<String, Object> params = new HashMap<>();
		String where = where(partition, filter, params, SEARCHED) + " AND " + keyset.seek(page, partition, params);
		params.put("limit", keyset.limit(page));
		String order = " ORDER BY " + keyset.orderBy(page);
		String sql = filter.equals(CustomerFilter.NONE) ? SELECT + "WHERE " + where + order + " LIMIT :limit"
				: COLUMNS + "FROM (SELECT c.* FROM customer c WHERE " + where + order + " LIMIT :limit) c" + order;
		return this.jdbc.sql(sql).params(params).query(ROW).list();
	}

	/**
	 * How many customers match. A search ORs three prefix ranges, which MariaDB merges by
	 * reading every match's row; a UNION of one branch per column counts from the indexes
	 * alone.
	 */
	int count(Partition partition, CustomerFilter filter) {
		Map<String, Object> params = new HashMap<>();
		String sql = (filter.search() == null)
				? "SELECT COUNT(*) FROM customer c WHERE " + where(partition, filter, params, SEARCHED)
				: SEARCHED.stream()
					.map((column) -> "SELECT c.id FROM customer c WHERE "
							+ where(partition, filter, params, List.of(column)))
					.collect(Collectors.joining(" UNION ", "SELECT COUNT(*) FROM (", ") matches"));
		return this.jdbc.sql(sql).params(params).query(Integer.class).single();
	}

	/**
	 * The WHERE conditions of a filter. Each condition is fixed text; only which ones
	 * apply depends on the filter, and every value is a bound parameter.
	 */
	private static String where(Partition partition, CustomerFilter filter, Map<String, Object> params,
			List<String> searched) {
		List<String> conditions = new ArrayList<>();
		conditions.add("c.tenant_id = :tenantId AND c.livemode = :livemode");
		params.put("tenantId", partition.tenantId());
		params.put("livemode", partition.livemode());
		List<Long> keys = filter.idKeys();
		if (keys != null) {
			// IN () is not SQL; no ids means no customer.
			conditions.add(keys.isEmpty() ? "FALSE" : "c.id IN (:keys)");
			params.put("keys", keys);
		}
		if (filter.email() != null) {
			conditions.add("c.email = :email");
			params.put("email", filter.email());
		}
		if (filter.search() != null) {
			conditions.add(searched.stream()
				.map((column) -> column + " LIKE :prefix")
				.collect(Collectors.joining(" OR ", "(", ")")));
			params.put("prefix", escapeLike(filter.search()) + "%");
		}
		if (filter.tags() != null && !filter.tags().isEmpty()) {
			List<String> tags = filter.tags().stream().map(String::trim).distinct().toList();
			conditions.add("""
					c.id IN (SELECT t.customer_id FROM customer_tag t
					         WHERE t.tenant_id = :tenantId AND t.livemode = :livemode AND t.tag IN (:tags)
					         GROUP BY t.customer_id HAVING COUNT(*) = :tagCount)""");
			params.put("tags", tags);
			params.put("tagCount", tags.size());
		}
		if (filter.type() != null) {
			conditions.add("c.type = :type");
			params.put("type", filter.type().name());
		}
		if (filter.enabled() != null) {
			conditions.add("c.enabled = :enabled");
			params.put("enabled", filter.enabled());
		}
		if (filter.countryCode() != null) {
			conditions.add("""
					EXISTS (SELECT 1 FROM address a WHERE a.tenant_id = c.tenant_id AND a.livemode = c.livemode
					        AND a.customer_id = c.id AND a.country_code = :countryCode)""");
			params.put("countryCode", filter.countryCode());
		}
		if (filter.requestToBeForgotten() != null) {
			conditions.add("c.request_to_be_forgotten = :forgotten");
			params.put("forgotten", filter.requestToBeForgotten());
		}
		if (filter.createdAfter() != null) {
			conditions.add("c.created_at > :createdAfter");
			params.put("createdAfter", utc(filter.createdAfter()));
		}
		if (filter.createdBefore() != null) {
			conditions.add("c.created_at < :createdBefore");
			params.put("createdBefore", utc(filter.createdBefore()));
		}
		if (filter.updatedAfter() != null) {
			conditions.add("c.updated_at > :updatedAfter");
			params.put("updatedAfter", utc(filter.updatedAfter()));
		}
		return String.join(" AND ", conditions);
	}

	private static LocalDateTime utc(java.time.OffsetDateTime instant) {
		return instant.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
	}

	/**
	 * LIKE treats % and _ as wildcards and \ as escape; a search prefix matches them
	 * literally.
	 */
	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static Customer mapRow(ResultSet row, int rowNum) throws SQLException {
		String tags = row.getString("tags");
		return new Customer(row.getLong("id"), row.getString("email"), row.getString("first_name"),
				row.getString("last_name"), row.getString("phone"), row.getString("locale"),
				CustomerType.valueOf(row.getString("type")), row.getBoolean("enabled"), row.getString("code"),
				(tags != null) ? Arrays.asList(tags.split(",")) : List.of(), row.getString("vat_number"),
				row.getBoolean("accepts_marketing"), row.getString("avatar_url"),
				JsonColumns.readObject(row.getString("metadata")),
				JsonColumns.readList(row.getString("payment_providers"))
					.stream()
					.map((ref) -> new PaymentProviderRef(ref.get("provider"), ref.get("customerRef")))
					.toList(),
				row.getBoolean("request_to_be_forgotten"), row.getBoolean("livemode"), row.getInt("version"),
				row.getObject("created_at", LocalDateTime.class).atOffset(ZoneOffset.UTC),
				row.getObject("updated_at", LocalDateTime.class).atOffset(ZoneOffset.UTC),
				row.getObject("default_shipping_address_id", Long.class),
				row.getObject("default_billing_address_id", Long.class),
				row.getObject("default_source_id", Long.class));
	}

}
