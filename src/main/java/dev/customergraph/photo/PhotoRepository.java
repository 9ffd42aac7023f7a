package dev.customergraph.photo;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.customergraph.tenancy.Partition;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/**
 * Reads photos: the metadata of a batch of customers' photos, without their bytes, and
 * one photo's bytes by its customer and content hash.
 */
@Repository
class PhotoRepository {

	private final JdbcClient jdbc;

	PhotoRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<StoredPhoto> findByCustomers(Partition partition, Collection<Long> customerKeys) {
		return this.jdbc.sql("""
				SELECT customer_id, content_type, byte_size, width, height, sha256
				FROM customer_photo
				WHERE tenant_id = :tenantId AND livemode = :livemode AND customer_id IN (:customerKeys)
				""")
			.param("tenantId", partition.tenantId())
			.param("livemode", partition.livemode())
			.param("customerKeys", customerKeys)
			.query(StoredPhoto.class)
			.list();
	}

	/**
	 * The type and size of the customer's photo if its content still has this hash, i.e.
	 * the photo was not replaced or removed since the hash was read; its bytes are not
	 * read.
	 */
	Optional<PhotoMetadata> findMetadata(Partition partition, long customerKey, byte[] sha256) {
		return byContent("SELECT content_type, byte_size", partition, customerKey, sha256).query(PhotoMetadata.class)
			.optional();
	}

	/** The photo's type and bytes, if its content still has this hash. */
	Optional<PhotoBytes> findBytes(Partition partition, long customerKey, byte[] sha256) {
		return byContent("SELECT content_type, bytes", partition, customerKey, sha256).query(PhotoBytes.class)
			.optional();
	}

	/** A statement of one photo by its key and hash, from a fixed select list. */
	private StatementSpec byContent(String select, Partition partition, long customerKey, byte[] sha256) {
		return this.jdbc.sql(select + """

				FROM customer_photo
				WHERE tenant_id = :tenantId AND livemode = :livemode AND customer_id = :customerKey AND sha256 = :sha256
				""")
			.param("tenantId", partition.tenantId())
			.param("livemode", partition.livemode())
			.param("customerKey", customerKey)
			.param("sha256", sha256);
	}

	/** What a photo is served with, without its content. */
	record PhotoMetadata(String contentType, int byteSize) {
	}

	/** A photo's content and the type it is served with. */
	record PhotoBytes(String contentType, byte[] bytes) {
	}

}
