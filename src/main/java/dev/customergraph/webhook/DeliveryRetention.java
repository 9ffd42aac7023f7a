package dev.customergraph.webhook;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import dev.customergraph.observability.SqlStatementCounter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes the deliveries' history as the events' retention removes their events
 * ({@code gateway.events.retention}, 30 days by default), a batch per statement, so the
 * table does not grow without end. A delivery still being retried is kept.
 */
@Component
class DeliveryRetention {

	static final int BATCH = 1000;

	private final JdbcClient jdbc;

	private final Duration retention;

	DeliveryRetention(JdbcClient jdbc, @Value("${gateway.events.retention:P30D}") Duration retention) {
		this.jdbc = jdbc;
		this.retention = retention;
	}

	@Scheduled(fixedDelayString = "${gateway.events.cleanup-interval:PT10M}", initialDelayString = "PT2M")
	void deleteExpired() {
		SqlStatementCounter.notCounted(() -> deleteBefore(LocalDateTime.now(ZoneOffset.UTC).minus(this.retention)));
	}

	/** Deletes the finished deliveries first attempted before the cutoff. */
	int deleteBefore(LocalDateTime cutoff) {
		int total = 0;
		int deleted;
		do {
			deleted = this.jdbc.sql("""
					DELETE FROM webhook_delivery WHERE first_attempt_at < :cutoff AND status <> 'RETRYING'
					ORDER BY first_attempt_at LIMIT :batch
					""").param("cutoff", cutoff).param("batch", BATCH).update();
			total += deleted;
		}
		while (deleted == BATCH);
		return total;
	}

}
