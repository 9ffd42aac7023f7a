package dev.customergraph.photo;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import dev.customergraph.customer.CustomerErasure;
import dev.customergraph.tenancy.Partition;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/**
 * Writes photos, always under the lock of their customer's row, so that replacing one is
 * a delete and an insert that no other writer of that customer interleaves with. An
 * erased or deleted customer's photo is deleted, and with it every URL to it finds
 * nothing.
 */
@Repository
class PhotoWriteRepository implements CustomerErasure {

	private final JdbcClient jdbc;

	PhotoWriteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Makes the image the customer's photo, in place of any earlier one. */
	void replace(Partition partition, long customerKey, PhotoImage image) {
		delete(partition, customerKey);
		statement(
				"""
						INSERT INTO customer_photo
						  (tenant_id, livemode, customer_id, content_type, byte_size, width, height, sha256, bytes, created_at)
						VALUES (:tenantId, :livemode, :customerKey, :contentType, :byteSize, :width, :height, :sha256, :bytes, :now)
						""",
				partition, customerKey)
			.param("contentType", image.contentType())
			.param("byteSize", image.bytes().length)
			.param("width", image.width())
			.param("height", image.height())
			.param("sha256", image.sha256())
			.param("bytes", image.bytes())
			.param("now", LocalDateTime.now(ZoneOffset.UTC))
			.update();
	}

	/**
	 * Deletes the customer's photo.
	 * @return whether it had one
	 */
	boolean delete(Partition partition, long customerKey) {
		return statement("""
				DELETE FROM customer_photo
				WHERE tenant_id = :tenantId AND livemode = :livemode AND customer_id = :customerKey
				""", partition, customerKey).update() == 1;
	}

	@Override
	public void erase(Partition partition, long customerKey) {
		delete(partition, customerKey);
	}

	private StatementSpec statement(String sql, Partition partition, long customerKey) {
		return this.jdbc.sql(sql)
			.param("tenantId", partition.tenantId())
			.param("livemode", partition.livemode())
			.param("customerKey", customerKey);
	}

}
