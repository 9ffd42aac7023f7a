package dev.customergraph.source;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import dev.customergraph.customer.CustomerErasure;
import dev.customergraph.graph.JsonColumns;
import dev.customergraph.tenancy.Partition;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Writes payment sources and which customer each is attached to. An erased or deleted
 * customer's sources are detached, not deleted: they and their payment history outlive
 * the customer.
 */
@Repository
class SourceWriteRepository implements CustomerErasure {

	private final JdbcClient jdbc;

	SourceWriteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Partition partition, @Nullable Long customerKey, CreateSourceInput input) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		statement("""
				INSERT INTO source (tenant_id, livemode, customer_id, type, provider, provider_reference, label, brand,
				  last4, expiry_month, expiry_year, metadata, created_at, updated_at)
				VALUES (:tenantId, :livemode, :customerKey, :type, :provider, :providerReference, :label, :brand,
				  :last4, :expiryMonth, :expiryYear, :metadata, :now, :now)
				""", partition).param("customerKey", customerKey)
			.param("type", input.type().name())
			.param("provider", input.provider())
			.param("providerReference", input.providerReference())
			.param("label", input.label())
			.param("brand", input.brand())
			.param("last4", input.last4())
			.param("expiryMonth", input.expiryMonth())
			.param("expiryYear", input.expiryYear())
			.param("metadata", (input.metadata() != null) ? JsonColumns.write(input.metadata()) : null)
			.param("now", LocalDateTime.now(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * Locks the source's row and tells whom it is attached to; empty when there is no
	 * such source.
	 */
	Optional<Attachment> lock(Partition partition, long sourceKey) {
		return statement("""
				SELECT customer_id FROM source
				WHERE tenant_id = :tenantId AND livemode = :livemode AND id = :sourceKey
				FOR UPDATE
				""", partition).param("sourceKey", sourceKey)
			.query((row, rowNum) -> new Attachment(row.getObject("customer_id", Long.class)))
			.optional();
	}

	/** Attaches the source to a customer, or detaches it with a null customer. */
	void attach(Partition partition, long sourceKey, @Nullable Long customerKey) {
		statement("""
				UPDATE source SET customer_id = :customerKey, updated_at = :now
				WHERE tenant_id = :tenantId AND livemode = :livemode AND id = :sourceKey
				""", partition).param("sourceKey", sourceKey)
			.param("customerKey", customerKey)
			.param("now", LocalDateTime.now(ZoneOffset.UTC))
			.update();
	}

	@Override
	public void erase(Partition partition, long customerKey) {
		statement("""
				UPDATE source SET customer_id = NULL, updated_at = :now
				WHERE tenant_id = :tenantId AND livemode = :livemode AND customer_id = :customerKey
				""", partition).param("customerKey", customerKey)
			.param("now", LocalDateTime.now(ZoneOffset.UTC))
			.update();
	}

	private StatementSpec statement(String sql, Partition partition) {
		return this.jdbc.sql(sql).param("tenantId", partition.tenantId()).param("livemode", partition.livemode());
	}

	/** The customer a source is attached to, null while detached. */
	record Attachment(@Nullable Long customerKey) {
	}

}
