package dev.customergraph.event;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import dev.customergraph.observability.SqlStatementCounter;
import dev.customergraph.tenancy.Partition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes events older than {@code gateway.events.retention} (30 days by default),
 * partition by partition, the oldest first, a batch at a time: each batch is a short
 * statement of its own on event_by_time, so it holds its locks briefly and writers never
 * wait for the cleanup. Every instance runs it; two deleting the same rows at once only
 * find fewer to delete.
 */
@Component
class EventRetention {

	private static final Logger log = LoggerFactory.getLogger(EventRetention.class);

	static final int BATCH = 1000;

	private final JdbcClient jdbc;

	private final Duration retention;

	EventRetention(JdbcClient jdbc, @Value("${gateway.events.retention:P30D}") Duration retention) {
		this.jdbc = jdbc;
		this.retention = retention;
	}

	/** Its statements serve no request, so they are not counted as a request's. */
	@Scheduled(fixedDelayString = "${gateway.events.cleanup-interval:PT10M}", initialDelayString = "PT2M")
	void deleteExpired() {
		SqlStatementCounter.notCounted(() -> deleteBefore(LocalDateTime.now(ZoneOffset.UTC).minus(this.retention)));
	}

	/** Deletes every event that occurred before the cutoff and returns how many. */
	int deleteBefore(LocalDateTime cutoff) {
		List<Partition> partitions = this.jdbc.sql("SELECT tenant_id, livemode FROM event_sequence")
			.query((row, n) -> new Partition(row.getInt("tenant_id"), row.getBoolean("livemode")))
			.list();
		int total = 0;
		for (Partition partition : partitions) {
			int deleted;
			do {
				deleted = this.jdbc.sql("""
						DELETE FROM event WHERE tenant_id = :tenantId AND livemode = :livemode AND occurred_at < :cutoff
						ORDER BY occurred_at LIMIT :batch
						""")
					.param("tenantId", partition.tenantId())
					.param("livemode", partition.livemode())
					.param("cutoff", cutoff)
					.param("batch", BATCH)
					.update();
				total += deleted;
				if (deleted == BATCH) {
					log.info("Deleting expired events: {} so far", total);
				}
			}
			while (deleted == BATCH);
		}
		if (total > 0) {
			log.info("Deleted {} events older than {}", total, cutoff);
		}
		return total;
	}

}
