package dev.customergraph.event;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.customergraph.graph.JsonColumns;
import dev.customergraph.tenancy.Partition;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Appends a transaction's events to its partition's sequence: two statements whatever
 * their number. The counter's upsert leaves the last number it gave out in the
 * connection's {@code LAST_INSERT_ID()}, which the INSERT counts back from, so the
 * numbers never leave the database.
 */
@Repository
class EventWriteRepository {

	/**
	 * Creates the partition's counter at its first event; otherwise advances it. Either
	 * way the row stays locked until commit.
	 */
	private static final String ADVANCE = """
			INSERT INTO event_sequence (tenant_id, livemode, last_seq) VALUES (:tenantId, :livemode, LAST_INSERT_ID(:count))
			ON DUPLICATE KEY UPDATE last_seq = LAST_INSERT_ID(last_seq + :count)
			""";

	private static final String INSERT = """
			INSERT INTO event (tenant_id, livemode, seq, type, customer_id, entity_id, version, changed_fields,
			  occurred_at, api_key_id, request_id)
			VALUES
			""";

	/**
	 * One event's row, its parameters suffixed with its index in place of {@code $}. The
	 * version is the customer row's at commit unless the event gives one (a tombstone's
	 * row is gone).
	 */
	private static final String ROW = """
			(:tenantId, :livemode, LAST_INSERT_ID() - :count + 1 + :i$, :type$, :customerKey$, :entityKey$,
			  COALESCE(:version$, (SELECT c.version FROM customer c
			    WHERE c.tenant_id = :tenantId AND c.livemode = :livemode AND c.id = :customerKey$)),
			  :changedFields$, UTC_TIMESTAMP(6), :apiKeyId, :requestId)""";

	private final JdbcClient jdbc;

	EventWriteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void append(Partition partition, List<ChangeEvent> events, EventOrigin origin) {
		if (events.isEmpty()) {
			return;
		}
		Map<String, Object> params = new HashMap<>();
		params.put("tenantId", partition.tenantId());
		params.put("livemode", partition.livemode());
		params.put("count", events.size());
		this.jdbc.sql(ADVANCE).params(params).update();
		params.put("apiKeyId", origin.apiKeyId());
		params.put("requestId", origin.requestId());
		for (int i = 0; i < events.size(); i++) {
			ChangeEvent event = events.get(i);
			params.put("i" + i, i);
			params.put("type" + i, event.type().name());
			params.put("customerKey" + i, event.customerKey());
			params.put("entityKey" + i, event.entityKey());
			params.put("version" + i, event.version());
			params.put("changedFields" + i,
					(event.type() == EventType.CUSTOMER_UPDATED) ? JsonColumns.write(event.changedFields()) : null);
		}
		String rows = IntStream.range(0, events.size())
			.mapToObj((i) -> ROW.replace("$", String.valueOf(i)))
			.collect(Collectors.joining(",\n"));
		this.jdbc.sql(INSERT + rows).params(params).update();
	}

}
