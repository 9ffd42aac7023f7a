package dev.customergraph.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.customergraph.tenancy.Partition;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/**
 * Reads the feed: first where the partition's events start and end (and where those after
 * a time start), then one window of event numbers, each by an index range. The numbers
 * have no gaps, so a window of n numbers holds at most n events whatever the filter, and
 * a page never examines more than {@link #WINDOW} rows.
 */
@Repository
class EventRepository {

	/** The most event numbers one page examines. */
	static final int WINDOW = 10_000;

	/**
	 * The partition's last committed number, its oldest retained event, and its first
	 * event after {@code occurredAfter} (none when that is null): occurred_at grows with
	 * seq, so event_by_time finds it in one index read.
	 */
	private static final String BOUNDS = """
			SELECT s.last_seq,
			  (SELECT MIN(e.seq) FROM event e WHERE e.tenant_id = s.tenant_id AND e.livemode = s.livemode) AS first_seq,
			  (SELECT e.seq FROM event e WHERE e.tenant_id = s.tenant_id AND e.livemode = s.livemode
			     AND e.occurred_at > :occurredAfter ORDER BY e.occurred_at, e.seq LIMIT 1) AS first_seq_after
			FROM event_sequence s WHERE s.tenant_id = :tenantId AND s.livemode = :livemode
			""";

	private static final String PAGE = """
			SELECT e.seq, e.type, e.customer_id, e.entity_id, e.version, e.changed_fields, e.occurred_at, e.api_key_id,
			  e.request_id
			FROM event e
			WHERE e.tenant_id = :tenantId AND e.livemode = :livemode AND e.seq > :start AND e.seq <= :end
			  AND e.type IN (:types)
			""";

	/** Served by event_by_customer: the customer's events of the window. */
	private static final String OF_CUSTOMER = "  AND e.customer_id = :customerKey\n";

	/**
	 * Kept with the start found by time, in case the database's clock ever stepped back.
	 */
	private static final String AFTER_TIME = "  AND e.occurred_at > :occurredAfter\n";

	private final JdbcClient jdbc;

	EventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Where the partition's events are; empty when it never had one. */
	Optional<Bounds> bounds(Partition partition, @Nullable LocalDateTime occurredAfter) {
		return this.jdbc.sql(BOUNDS)
			.param("tenantId", partition.tenantId())
			.param("livemode", partition.livemode())
			.param("occurredAfter", occurredAfter)
			.query((row, n) -> new Bounds(row.getLong("last_seq"), nullableLong(row, "first_seq"),
					nullableLong(row, "first_seq_after")))
			.optional();
	}

	/**
	 * The events numbered after {@code start} up to {@code end} that match, at most
	 * {@code limit}, in order.
	 */
	List<Event> window(Partition partition, long start, long end, int limit, Collection<EventType> types,
			@Nullable Long customerKey, @Nullable LocalDateTime occurredAfter) {
		String sql = PAGE + ((customerKey != null) ? OF_CUSTOMER : "") + ((occurredAfter != null) ? AFTER_TIME : "")
				+ "ORDER BY e.seq LIMIT :limit";
		StatementSpec statement = this.jdbc.sql(sql)
			.param("tenantId", partition.tenantId())
			.param("livemode", partition.livemode())
			.param("start", start)
			.param("end", end)
			.param("types", types.stream().map(EventType::name).toList())
			.param("limit", limit);
		if (customerKey != null) {
			statement.param("customerKey", customerKey);
		}
		if (occurredAfter != null) {
			statement.param("occurredAfter", occurredAfter);
		}
		return statement.query(EventRepository::event).list();
	}

	private static Event event(ResultSet row, int n) throws SQLException {
		return new Event(row.getLong("seq"), EventType.valueOf(row.getString("type")), nullableLong(row, "customer_id"),
				nullableLong(row, "entity_id"), row.getObject("version", Integer.class),
				row.getString("changed_fields"),
				row.getObject("occurred_at", LocalDateTime.class).atOffset(ZoneOffset.UTC),
				nullableLong(row, "api_key_id"), row.getString("request_id"));
	}

	private static @Nullable Long nullableLong(ResultSet row, String column) throws SQLException {
		return row.getObject(column, Long.class);
	}

	/**
	 * @param lastSeq the partition's last committed event number
	 * @param firstSeq its oldest retained event's, null when retention removed them all
	 * @param firstSeqAfter the first after the filter's time, null when none or no time
	 */
	record Bounds(long lastSeq, @Nullable Long firstSeq, @Nullable Long firstSeqAfter) {
	}

}
