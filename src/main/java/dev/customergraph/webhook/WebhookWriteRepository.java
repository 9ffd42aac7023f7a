package dev.customergraph.webhook;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import dev.customergraph.event.EventType;
import dev.customergraph.graph.JsonColumns;
import dev.customergraph.tenancy.Partition;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import static dev.customergraph.mutation.PartialUpdates.bind;

/** Writes webhook endpoints, each statement confined to one partition. */
@Repository
class WebhookWriteRepository {

	private final JdbcClient jdbc;

	WebhookWriteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks the tenant's row until commit and counts the partition's endpoints: creations
	 * in one tenant so take turns, and the cap holds however many race.
	 */
	int lockAndCount(Partition partition) {
		this.jdbc.sql("SELECT id FROM tenant WHERE id = :tenantId FOR UPDATE")
			.param("tenantId", partition.tenantId())
			.query(Integer.class)
			.list();
		return this.jdbc
			.sql("SELECT COUNT(*) FROM webhook_endpoint WHERE tenant_id = :tenantId AND livemode = :livemode")
			.params(WebhookRepository.partitionParams(partition))
			.query(Integer.class)
			.single();
	}

	/**
	 * Inserts an endpoint that receives the events committed from now on: its position is
	 * the partition's last event number.
	 */
	long insert(Partition partition, CreateWebhookEndpointInput input, byte[] encryptedSecret, long position) {
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		statement("""
				INSERT INTO webhook_endpoint (tenant_id, livemode, url, types, description, secret, position,
				  next_attempt_at, created_at, updated_at)
				VALUES (:tenantId, :livemode, :url, :types, :description, :secret, :position, :now, :now, :now)
				""", partition).param("url", input.url())
			.param("types", types(input.types()))
			.param("description", input.description())
			.param("secret", encryptedSecret)
			.param("position", position)
			.param("now", now)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * Writes the fields the input carries. A new URL makes a delivery waiting for its
	 * retry due at once.
	 * @return whether the partition has the endpoint
	 */
	boolean update(Partition partition, long endpointKey, UpdateWebhookEndpointInput input) {
		StatementSpec update = statement("""
				UPDATE webhook_endpoint SET
				  url = IF(:urlSet, :url, url),
				  types = IF(:typesSet, :types, types),
				  description = IF(:descriptionSet, :description, description),
				  next_attempt_at = IF(:urlSet, :now, next_attempt_at),
				  updated_at = :now
				WHERE tenant_id = :tenantId AND livemode = :livemode AND id = :endpointKey
				""", partition).param("endpointKey", endpointKey).param("now", LocalDateTime.now(ZoneOffset.UTC));
		bind(update, "url", input.url());
		bind(update, "types", input.types(), WebhookWriteRepository::types);
		bind(update, "description", input.description());
		return update.update() == 1;
	}

	/**
	 * Deletes the endpoint and its deliveries; a delivery under way stops at its next
	 * lease renewal.
	 * @return whether the partition had the endpoint
	 */
	boolean delete(Partition partition, long endpointKey) {
		return statement(
				"DELETE FROM webhook_endpoint WHERE tenant_id = :tenantId AND livemode = :livemode AND id = :endpointKey",
				partition)
			.param("endpointKey", endpointKey)
			.update() == 1;
	}

	private StatementSpec statement(String sql, Partition partition) {
		return this.jdbc.sql(sql).params(WebhookRepository.partitionParams(partition));
	}

	private static @Nullable String types(@Nullable List<EventType> types) {
		return (types != null) ? JsonColumns.write(types.stream().distinct().sorted().map(EventType::name).toList())
				: null;
	}

}
