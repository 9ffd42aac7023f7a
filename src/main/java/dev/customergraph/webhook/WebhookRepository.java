package dev.customergraph.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.customergraph.graph.Keyset;
import dev.customergraph.graph.PageRequest;
import dev.customergraph.tenancy.Partition;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads webhook endpoints and their deliveries. Every statement is confined to one
 * partition; none reads a secret.
 */
@Repository
class WebhookRepository {

	private static final String SELECT = """
			SELECT w.id, w.url, w.types, w.description, w.created_at, w.updated_at FROM webhook_endpoint w
			WHERE w.tenant_id = :tenantId AND w.livemode = :livemode
			""";

	private final JdbcClient jdbc;

	WebhookRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<Long, WebhookEndpoint> findByKeys(Partition partition, Collection<Long> keys) {
		return this.jdbc.sql(SELECT + "AND w.id IN (:keys)")
			.param("tenantId", partition.tenantId())
			.param("livemode", partition.livemode())
			.param("keys", keys)
			.query(WebhookRepository::endpoint)
			.list()
			.stream()
			.collect(Collectors.toMap(WebhookEndpoint::key, Function.identity()));
	}

	List<WebhookEndpoint> findPage(Partition partition, Keyset<WebhookEndpoint> keyset, PageRequest page) {
		Map<String, Object> params = partitionParams(partition);
		params.put("limit", keyset.limit(page));
		String seek = keyset.seek(page, partition, params);
		return this.jdbc.sql(SELECT + "AND " + seek + " ORDER BY " + keyset.orderBy(page) + " LIMIT :limit")
			.params(params)
			.query(WebhookRepository::endpoint)
			.list();
	}

	int count(Partition partition) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM webhook_endpoint WHERE tenant_id = :tenantId AND livemode = :livemode")
			.params(partitionParams(partition))
			.query(Integer.class)
			.single();
	}

	/**
	 * The same page of deliveries for each of many endpoints, in one statement: the
	 * window function numbers each endpoint's deliveries in page order and keeps the
	 * first {@code limit}.
	 */
	Map<Long, List<WebhookDelivery>> findDeliveryPages(Partition partition, Collection<Long> endpointKeys,
			Keyset<WebhookDelivery> keyset, PageRequest page) {
		Map<String, Object> params = partitionParams(partition);
		params.put("endpointKeys", endpointKeys);
		params.put("limit", keyset.limit(page));
		String seek = keyset.seek(page, partition, params);
		return this.jdbc
			.sql("""
					SELECT * FROM (SELECT d.endpoint_id, d.event_seq, d.status, d.attempts, d.last_response_code,
					  d.last_error, d.first_attempt_at, d.last_attempt_at, d.next_attempt_at,
					  ROW_NUMBER() OVER (PARTITION BY d.endpoint_id ORDER BY %s) AS position
					FROM webhook_delivery d
					WHERE d.tenant_id = :tenantId AND d.livemode = :livemode AND d.endpoint_id IN (:endpointKeys) AND %s) page
					WHERE position <= :limit ORDER BY endpoint_id, position
					"""
				.formatted(keyset.orderBy(page), seek))
			.params(params)
			.query(WebhookRepository::delivery)
			.list()
			.stream()
			.collect(Collectors.groupingBy(WebhookDelivery::endpointKey));
	}

	static Map<String, Object> partitionParams(Partition partition) {
		Map<String, Object> params = new HashMap<>();
		params.put("tenantId", partition.tenantId());
		params.put("livemode", partition.livemode());
		return params;
	}

	private static WebhookEndpoint endpoint(ResultSet row, int rowNum) throws SQLException {
		return new WebhookEndpoint(row.getLong("id"), row.getString("url"),
				WebhookEndpoint.types(row.getString("types")), row.getString("description"), instant(row, "created_at"),
				instant(row, "updated_at"));
	}

	private static WebhookDelivery delivery(ResultSet row, int rowNum) throws SQLException {
		return new WebhookDelivery(row.getLong("endpoint_id"), row.getLong("event_seq"),
				WebhookDelivery.DeliveryStatus.valueOf(row.getString("status")), row.getInt("attempts"),
				row.getObject("last_response_code", Integer.class), row.getString("last_error"),
				instant(row, "first_attempt_at"), instant(row, "last_attempt_at"), instant(row, "next_attempt_at"));
	}

	private static @Nullable OffsetDateTime instant(ResultSet row, String column) throws SQLException {
		LocalDateTime value = row.getObject(column, LocalDateTime.class);
		return (value != null) ? value.atOffset(ZoneOffset.UTC) : null;
	}

}
