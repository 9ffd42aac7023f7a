package dev.customergraph.group;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.customergraph.graph.Keyset;
import dev.customergraph.graph.PageRequest;
import dev.customergraph.graph.SelectedColumns;
import dev.customergraph.tenancy.Partition;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads customer groups. Every statement is confined to one partition. */
@Repository
class CustomerGroupRepository {

	private static final List<String> COLUMNS = List.of("g.id", "g.name", "g.code", "g.created_at", "g.updated_at");

	private static final String SELECT = "SELECT " + selectList("")
			+ " FROM customer_group g WHERE g.tenant_id = :tenantId AND g.livemode = :livemode ";

	private final JdbcClient jdbc;

	CustomerGroupRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<Long, CustomerGroup> findByKeys(Partition partition, Collection<Long> keys) {
		return this.jdbc.sql(SELECT + "AND g.id IN (:keys)")
			.param("tenantId", partition.tenantId())
			.param("livemode", partition.livemode())
			.param("keys", keys)
			.query(CustomerGroupRepository::mapRow)
			.list()
			.stream()
			.collect(Collectors.toMap(CustomerGroup::key, Function.identity()));
	}

	/** One page of the partition's groups, in the keyset's order. */
	List<CustomerGroup> findPage(Partition partition, Keyset<CustomerGroup> keyset, PageRequest page) {
		Map<String, Object> params = new HashMap<>();
		params.put("tenantId", partition.tenantId());
		params.put("livemode", partition.livemode());
		params.put("limit", keyset.limit(page));
		String seek = keyset.seek(page, partition, params);
		return this.jdbc.sql(SELECT + "AND " + seek + " ORDER BY " + keyset.orderBy(page) + " LIMIT :limit")
			.params(params)
			.query(CustomerGroupRepository::mapRow)
			.list();
	}

	int count(Partition partition) {
		return this.jdbc.sql("SELECT COUNT(*) FROM customer_group WHERE tenant_id = :tenantId AND livemode = :livemode")
			.param("tenantId", partition.tenantId())
			.param("livemode", partition.livemode())
			.query(Integer.class)
			.single();
	}

	/**
	 * The SELECT list of a group's columns, labelled with a prefix ("" in this
	 * repository's statements, the join's in a customer's point lookup).
	 */
	static String selectList(String prefix) {
		return SelectedColumns.selectList(prefix, List.of(), COLUMNS.toArray(String[]::new));
	}

	/** A group from a row of {@link #selectList}. */
	static CustomerGroup read(ResultSet row, String prefix) throws SQLException {
		return new CustomerGroup(row.getLong(prefix + "id"), row.getString(prefix + "name"),
				row.getString(prefix + "code"),
				row.getObject(prefix + "created_at", LocalDateTime.class).atOffset(ZoneOffset.UTC),
				row.getObject(prefix + "updated_at", LocalDateTime.class).atOffset(ZoneOffset.UTC));
	}

	private static CustomerGroup mapRow(ResultSet row, int rowNum) throws SQLException {
		return read(row, "");
	}

}
