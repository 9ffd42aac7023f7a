package dev.customergraph.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.customergraph.graph.JsonColumns;
import dev.customergraph.graph.Keyset;
import dev.customergraph.graph.PageRequest;
import dev.customergraph.graph.SelectedColumns;
import dev.customergraph.tenancy.Partition;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static dev.customergraph.customer.CustomerColumn.*;

/** Reads customers. Every statement is confined to one partition. */
@Repository
public class CustomerRepository {

	/** The columns {@code search} matches by prefix; see {@link #count}. */
	private static final List<String> SEARCHED = List.of("c.first_name", "c.last_name", EMAIL.sql());

	/**
	 * The condition a search's email prefix adds: an erased customer's placeholder email
	 * matches no search. Its names are null and its search keys gone, so the names' and
	 * the keys' ranges need no such condition and stay index-only in counts.
	 */
	private static final String NOT_ERASED = " AND c.erased_at IS NULL";

	/**
	 * A search's keys (a short search's own, a longer one's narrowing), joined also on
	 * created_at so that the key range's order is the page's order (the optimizer carries
	 * the ordering and the seek over to it).
	 */
	private static final String SEARCH_KEYS = """
			JOIN customer_search_key k ON k.tenant_id = c.tenant_id AND k.livemode = c.livemode
			  AND k.customer_id = c.id AND k.created_at = c.created_at
			""";

	private final JdbcClient jdbc;

	private final Map<String, CustomerJoin> joins;

	CustomerRepository(JdbcClient jdbc, List<CustomerJoin> joins) {
		this.jdbc = jdbc;
		this.joins = joins.stream().collect(Collectors.toUnmodifiableMap(CustomerJoin::field, Function.identity()));
	}

	/**
	 * The nested fields among {@code fields} that a point lookup can read with the row:
	 * every single one, and the first list.
	 */
	List<CustomerJoin> joinable(Collection<String> fields) {
		List<CustomerJoin> joinable = new ArrayList<>();
		boolean list = false;
		for (String field : fields) {
			CustomerJoin join = this.joins.get(field);
			if (join != null && !(join.list() && list)) {
				joinable.add(join);
				list |= join.list();
			}
		}
		return joinable;
	}

	/** Whole customers, every column: for the write path's answers. */
	public Map<Long, Customer> findByKeys(Partition partition, Collection<Long> keys) {
		return findByKeys(partition, keys, CustomerColumn.ALL, Map.of());
	}

	/**
	 * Customers with the given columns and the given nested fields ({@link #joinable}),
	 * each with the fields selected of its objects.
	 */
	Map<Long, Customer> findByKeys(Partition partition, Collection<Long> keys, Set<CustomerColumn> columns,
			Map<String, Set<String>> nested) {
		return lookup("c.id IN (:keys)", Map.of("keys", keys), partition, columns, nested).stream()
			.collect(Collectors.toMap(Customer::key, Function.identity()));
	}

	/**
	 * The customer with the given email or code, both unique per partition and compared
	 * ignoring case by the columns' collation, each served by its unique index.
	 */
	Optional<Customer> findByUnique(Partition partition, UniqueColumn column, String value, Set<CustomerColumn> columns,
			Map<String, Set<String>> nested) {
		return lookup(column.condition, Map.of("value", value), partition, columns, nested).stream().findFirst();
	}

	/**
	 * The customer created first (lowest id) among those with this payment provider
	 * reference: the first entry of one range of the index's primary key (V11). A
	 * reference is not unique; see {@link CustomerPaymentProviders}.
	 */
	Optional<Customer> findByPaymentProvider(Partition partition, String provider, String reference,
			Set<CustomerColumn> columns, Map<String, Set<String>> nested) {
		return lookup("""
				c.id = (SELECT p.customer_id FROM customer_payment_provider p
				        WHERE p.tenant_id = :tenantId AND p.livemode = :livemode AND p.reference = :reference
				          AND p.provider = :provider
				        ORDER BY p.customer_id LIMIT 1)""", Map.of("provider", provider, "reference", reference),
				partition, columns, nested)
			.stream()
			.findFirst();
	}

	/**
	 * The whole customer, its row locked until the transaction ends: a mutation's lock
	 * that also reads what the row was before the change.
	 */
	Optional<Customer> lockByKey(Partition partition, long key) {
		return lookup("c.id = :key", Map.of("key", key), partition, CustomerColumn.ALL, Map.of(), " FOR UPDATE")
			.stream()
			.findFirst();
	}

	/** A customer column unique per partition. */
	enum UniqueColumn {

		// An erased customer's placeholder email finds nothing; its code is cleared.
		EMAIL("c.email = :value AND c.erased_at IS NULL"), CODE("c.code = :value");

		private final String condition;

		UniqueColumn(String condition) {
			this.condition = condition;
		}

	}

	/**
	 * The customers matching one condition, whose parameters are {@code values}, with
	 * their joined nested fields: one row per row of the list join (or one), in customer
	 * order, folded into one customer each.
	 */
	private List<Customer> lookup(String condition, Map<String, Object> values, Partition partition,
			Set<CustomerColumn> columns, Map<String, Set<String>> nested) {
		return lookup(condition, values, partition, columns, nested, "");
	}

	/** The lookup, with a locking clause after its ORDER BY. */
	@SuppressWarnings("unchecked")
	private List<Customer> lookup(String condition, Map<String, Object> values, Partition partition,
			Set<CustomerColumn> columns, Map<String, Set<String>> nested, String locking) {
		List<CustomerJoin> joined = nested.keySet().stream().map(this.joins::get).toList();
		Map<CustomerJoin, CustomerJoin.Selected> selected = new HashMap<>();
		joined.forEach((join) -> selected.put(join, join.select(nested.get(join.field()))));
		StringBuilder sql = new StringBuilder("SELECT ").append(CustomerColumn.selectList(columns));
		joined.forEach((join) -> sql.append(", ").append(selected.get(join).columns()));
		sql.append(" FROM customer c");
		joined.forEach((join) -> sql.append('\n').append(join.join()));
		sql.append("\nWHERE c.tenant_id = :tenantId AND c.livemode = :livemode AND ").append(condition);
		sql.append(" ORDER BY c.id");
		joined.stream().filter(CustomerJoin::list).forEach((join) -> sql.append(", ").append(join.listOrder()));
		sql.append(locking);
		return this.jdbc.sql(sql.toString())
			.param("tenantId", partition.tenantId())
			.param("livemode", partition.livemode())
			.params(values)
			.query((ResultSet rows) -> {
				List<Customer> customers = new ArrayList<>();
				Map<String, @Nullable Object> prefetched = null;
				long current = 0;
				while (rows.next()) {
					if (prefetched == null || rows.getLong("id") != current) {
						current = rows.getLong("id");
						prefetched = new HashMap<>();
						customers.add(read(rows, columns, prefetched));
						for (CustomerJoin join : joined) {
							prefetched.put(join.field(), join.list() ? new ArrayList<>() : null);
						}
					}
					for (CustomerJoin join : joined) {
						Object read = selected.get(join).reader().mapRow(rows, rows.getRow());
						if (read != null && join.list()) {
							((List<Object>) prefetched.get(join.field())).add(read);
						}
						else if (read != null) {
							prefetched.put(join.field(), read);
						}
					}
				}
				return customers;
			});
	}

	/**
	 * One page of customers, with the given columns: the filter, then the keyset seek, in
	 * the order's keyset, read from {@link #pageSource}. A page at an offset reads its
	 * ids first, from the ordering's index alone (each ordering has one that holds its
	 * column and the id), so the rows it skips cost an index entry each, not a row; then
	 * it joins the page's own rows by primary key.
	 */
	List<Customer> findPage(Partition partition, CustomerFilter filter, CustomerOrder order, PageRequest page,
			Set<CustomerColumn> columns) {
		Keyset<Customer> keyset = order.keyset();
		Map<String, Object> params = new HashMap<>();
		String where = where(partition, filter, params, SEARCHED) + " AND " + keyset.seek(page, partition, params);
		params.put("limit", keyset.limit(page));
		String orderBy = " ORDER BY " + keyset.orderBy(page);
		String source = pageSource(filter, order, page, params);
		String sql;
		if (page.offset() == 0) {
			sql = "SELECT " + CustomerColumn.selectList(columns) + " FROM " + source + "WHERE " + where + orderBy
					+ " LIMIT :limit";
		}
		else {
			params.put("offset", page.offset());
			sql = "SELECT " + CustomerColumn.selectList(columns) + " FROM (SELECT c.id FROM " + source + "WHERE "
					+ where + orderBy + " LIMIT :limit OFFSET :offset) page\n"
					+ "JOIN customer c ON c.tenant_id = :tenantId AND c.livemode = :livemode AND c.id = page.id"
					+ orderBy;
		}
		return this.jdbc.sql(sql).params(params).query(rowOf(columns)).list();
	}

	/**
	 * The FROM clause of a page, naming the index where MariaDB would otherwise plan
	 * slowly or badly.
	 * <ul>
	 * <li>Unfiltered, the ordering's index yields the page directly. Every index of the
	 * table starts with the partition, and without the hint MariaDB estimates the seek's
	 * range in each of them, which took it longer than reading the page (ANALYZE at N =
	 * 1,000,000: 0.6 ms of planning against 0.13 ms of execution for the page after the
	 * row at 90 %, 0.2 ms of planning with the hint).</li>
	 * <li>A search by a longer prefix alone, newest or oldest first, reads the key range
	 * of its first characters ({@link CustomerSearchKeys#narrowing}) in that order and
	 * checks the prefix on each candidate's row, so the page stops after about as many
	 * candidates as it shows. Left to choose, MariaDB merged the three column ranges and
	 * sorted every match (14 ms for the benchmark's {@code cleo.}, 2,500 matches), or
	 * walked the creation index through customers that cannot match (2.6 ms, 839 rows);
	 * the candidates, the row read by primary key only, take 0.1 ms.</li>
	 * <li>Otherwise the filter's conditions choose, but not the index on id alone: it is
	 * not partition-led, and read in id order for the ID ordering it would also step over
	 * every other partition's rows, which an offset does not bound.</li>
	 * </ul>
	 */
	private static String pageSource(CustomerFilter filter, CustomerOrder order, PageRequest page,
			Map<String, Object> params) {
		if (filter.equals(CustomerFilter.NONE)) {
			return "customer c USE INDEX (" + order.index() + ")\n";
		}
		String narrowing = (filter.searchesOnly() && order.field() == CustomerOrder.Field.CREATED_AT)
				? CustomerSearchKeys.narrowing(filter.search()) : null;
		if (narrowing != null) {
			params.put("searchKey", narrowing);
			return "customer c USE INDEX (PRIMARY)\n" + SEARCH_KEYS + "  AND k.search_key = :searchKey\n";
		}
		return "customer c" + (page.offset() == 0 ? "" : " IGNORE INDEX (customer_id)") + "\n" + searchKeys(filter);
	}

	/**
	 * How many customers match. A search by a short prefix alone counts its key range
	 * from the index alone (V9); with other conditions, the keys joined to their rows. A
	 * longer prefix ORs three prefix ranges, which MariaDB merges by reading every
	 * match's row, and a UNION of one branch per column dedupes thousands of ids in a
	 * temporary table; instead each column's branch counts only the matches no earlier
	 * column had, so the three counts are disjoint and add up, each from one index alone
	 * (V8; V16 adds the email branch's erased_at). Its first characters' keys would
	 * narrow the count too, but only to candidates whose rows must then be read.
	 */
	int count(Partition partition, CustomerFilter filter) {
		Map<String, Object> params = new HashMap<>();
		if (keyed(filter) && filter.searchesOnly()) {
			return this.jdbc.sql("""
					SELECT COUNT(*) FROM customer_search_key k
					WHERE k.tenant_id = :tenantId AND k.livemode = :livemode AND k.search_key = :searchKey
					""")
				.param("tenantId", partition.tenantId())
				.param("livemode", partition.livemode())
				.param("searchKey", filter.search())
				.query(Integer.class)
				.single();
		}
		if (filter.search() == null || keyed(filter)) {
			return this.jdbc
				.sql("SELECT COUNT(*) FROM customer c " + searchKeys(filter) + "WHERE "
						+ where(partition, filter, params, SEARCHED))
				.params(params)
				.query(Integer.class)
				.single();
		}
		List<String> branches = new ArrayList<>();
		for (int n = 0; n < SEARCHED.size(); n++) {
			String branch = "(SELECT COUNT(*) FROM customer c WHERE "
					+ where(partition, filter, params, List.of(SEARCHED.get(n)));
			for (String earlier : SEARCHED.subList(0, n)) {
				branch += " AND (" + earlier + " IS NULL OR " + earlier + " NOT LIKE :prefix)";
			}
			branches.add(branch + ")");
		}
		return this.jdbc.sql("SELECT " + String.join(" + ", branches)).params(params).query(Integer.class).single();
	}

	/**
	 * The same page of customers for each of many groups, in one statement, with the
	 * given columns (which must hold the group and the keyset's columns): one branch per
	 * group, each the first rows of its range of {@code customer_by_group} (V10.1) after
	 * the seek, so a page reads what it shows however large the groups are, where a
	 * window over the groups would number every member. The keyset's columns are
	 * unqualified, as the outer ORDER BY sees them.
	 */
	Map<Long, List<Customer>> findPagesByGroups(Partition partition, List<Long> groupKeys, Keyset<Customer> keyset,
			PageRequest page, Set<CustomerColumn> columns) {
		Map<String, Object> params = new HashMap<>();
		params.put("tenantId", partition.tenantId());
		params.put("livemode", partition.livemode());
		params.put("limit", keyset.limit(page));
		String seek = keyset.seek(page, partition, params);
		String order = keyset.orderBy(page);
		List<String> branches = new ArrayList<>();
		for (int n = 0; n < groupKeys.size(); n++) {
			params.put("group" + n, groupKeys.get(n));
			branches.add("(SELECT " + CustomerColumn.selectList(columns) + " FROM customer c "
					+ "WHERE c.tenant_id = :tenantId AND c.livemode = :livemode AND c.group_id = :group" + n + " AND "
					+ seek + " ORDER BY " + order + " LIMIT :limit)");
		}
		return this.jdbc
			.sql("SELECT * FROM (" + String.join(" UNION ALL ", branches) + ") page ORDER BY group_id, " + order)
			.params(params)
			.query(rowOf(columns))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Customer::groupKey));
	}

	/** How many customers each group has; 0 for a group without any. */
	Map<Long, Integer> countByGroups(Partition partition, Collection<Long> groupKeys) {
		Map<Long, Integer> counts = new HashMap<>();
		this.jdbc.sql("""
				SELECT c.group_id, COUNT(*) AS customers FROM customer c
				WHERE c.tenant_id = :tenantId AND c.livemode = :livemode AND c.group_id IN (:groupKeys)
				GROUP BY c.group_id
				""")
			.param("tenantId", partition.tenantId())
			.param("livemode", partition.livemode())
			.param("groupKeys", groupKeys)
			.query((row) -> {
				counts.put(row.getLong("group_id"), row.getInt("customers"));
			});
		groupKeys.forEach((key) -> counts.putIfAbsent(key, 0));
		return counts;
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
			conditions.add("c.email = :email AND c.erased_at IS NULL");
			params.put("email", filter.email());
		}
		if (keyed(filter)) {
			conditions.add("k.search_key = :searchKey");
			params.put("searchKey", filter.search());
		}
		else if (filter.search() != null) {
			conditions.add(searched.stream()
				.map((column) -> column + " LIKE :prefix" + (column.equals(EMAIL.sql()) ? NOT_ERASED : ""))
				.collect(Collectors.joining(" OR ", "(", ")")));
			params.put("prefix", escapeLike(filter.search()) + "%");
		}
		if (filter.tags() != null && !filter.tags().isEmpty()) {
			// Tags are unique ignoring case, and the collation compares them so.
			List<String> tags = CustomerRules.normalizeTags(filter.tags());
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
		Boolean erased = filter.erased();
		if (erased != null) {
			conditions.add(erased ? "c.erased_at IS NOT NULL" : "c.erased_at IS NULL");
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
		if (filter.paymentProviderReference() != null) {
			// One range of the index's primary key (V11), whatever the provider.
			conditions.add("""
					c.id IN (SELECT p.customer_id FROM customer_payment_provider p
					         WHERE p.tenant_id = :tenantId AND p.livemode = :livemode AND p.reference = :reference)""");
			params.put("reference", filter.paymentProviderReference());
		}
		List<Long> groupKeys = filter.groupKeys();
		if (groupKeys != null) {
			conditions.add(groupKeys.isEmpty() ? "FALSE" : "c.group_id IN (:groupKeys)");
			params.put("groupKeys", groupKeys);
		}
		return String.join(" AND ", conditions);
	}

	/** Whether the filter searches by a prefix the search keys answer. */
	private static boolean keyed(CustomerFilter filter) {
		return filter.search() != null && CustomerSearchKeys.answer(filter.search());
	}

	/**
	 * The join to the search keys ({@link #SEARCH_KEYS}) when the filter's search uses
	 * them.
	 */
	private static String searchKeys(CustomerFilter filter) {
		return keyed(filter) ? SEARCH_KEYS : "";
	}

	private static LocalDateTime utc(OffsetDateTime instant) {
		return instant.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
	}

	/**
	 * LIKE treats % and _ as wildcards and \ as escape; a search prefix matches them
	 * literally.
	 */
	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/**
	 * Maps the columns a read fetched; the fields of the others stay null, false or 0,
	 * and GraphQL never shows them because the selection did not ask for them.
	 */
	private static RowMapper<Customer> rowOf(Set<CustomerColumn> columns) {
		return (row, rowNum) -> read(row, columns, Map.of());
	}

	private static Customer read(ResultSet row, Set<CustomerColumn> columns, Map<String, @Nullable Object> prefetched)
			throws SQLException {
		SelectedColumns.Row<CustomerColumn> selected = new SelectedColumns.Row<>(row, columns, "");
		return new Customer(row.getLong("id"), selected.string(EMAIL), selected.string(FIRST_NAME),
				selected.string(LAST_NAME), selected.string(PHONE), selected.string(LOCALE),
				columns.contains(TYPE) ? CustomerType.valueOf(row.getString("type")) : null, selected.flag(ENABLED),
				selected.string(CODE), columns.contains(TAGS) ? CustomerTags.read(row.getString("tags")) : List.of(),
				selected.string(VAT_NUMBER), selected.flag(ACCEPTS_MARKETING), selected.string(AVATAR_URL),
				columns.contains(METADATA) ? JsonColumns.readObject(row.getString("metadata")) : null,
				columns.contains(PAYMENT_PROVIDERS) ? paymentProviders(row.getString("payment_providers")) : List.of(),
				selected.flag(REQUEST_TO_BE_FORGOTTEN), selected.flag(LIVEMODE),
				columns.contains(VERSION) ? row.getInt("version") : 0, selected.instant(CREATED_AT),
				selected.instant(UPDATED_AT), selected.key(DEFAULT_SHIPPING_ADDRESS_ID),
				selected.key(DEFAULT_BILLING_ADDRESS_ID), selected.key(DEFAULT_SOURCE_ID), prefetched,
				selected.key(GROUP_ID), selected.instant(ERASED_AT));
	}

	private static List<PaymentProviderRef> paymentProviders(@Nullable String json) {
		return JsonColumns.readList(json)
			.stream()
			.map((ref) -> new PaymentProviderRef(ref.get("provider"), ref.get("customerRef")))
			.toList();
	}

}
