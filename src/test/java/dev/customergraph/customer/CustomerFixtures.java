package dev.customergraph.customer;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.customergraph.graph.GlobalId;
import dev.customergraph.graph.JsonColumns;
import dev.customergraph.tenancy.Partition;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Writes customers straight into the database for read tests:
 * {@code customer("a@x.test").insert(...)}.
 */
public final class CustomerFixtures {

	private final String email;

	private String firstName;

	private String lastName;

	private LocalDateTime createdAt = LocalDateTime.of(2025, 6, 1, 12, 0);

	private final List<String> tags = new ArrayList<>();

	private CustomerFixtures(String email) {
		this.email = email;
	}

	public static CustomerFixtures customer(String email) {
		return new CustomerFixtures(email);
	}

	public CustomerFixtures named(String firstName, String lastName) {
		this.firstName = firstName;
		this.lastName = lastName;
		return this;
	}

	public CustomerFixtures createdAt(LocalDateTime createdAt) {
		this.createdAt = createdAt;
		return this;
	}

	public CustomerFixtures tagged(String... tags) {
		this.tags.addAll(List.of(tags));
		return this;
	}

	/** Inserts the customer and returns its row key. */
	public long insert(JdbcClient jdbc, Partition partition) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO customer (tenant_id, livemode, email, first_name, last_name, type, enabled,
				  accepts_marketing, request_to_be_forgotten, tags, version, created_at, updated_at)
				VALUES (:tenantId, :livemode, :email, :firstName, :lastName, 'INDIVIDUAL', TRUE, FALSE, FALSE, :tags, 1,
				  :createdAt, :createdAt)
				""")
			.param("tenantId", partition.tenantId())
			.param("livemode", partition.livemode())
			.param("email", this.email)
			.param("firstName", this.firstName)
			.param("lastName", this.lastName)
			.param("createdAt", this.createdAt)
			.param("tags", this.tags.isEmpty() ? null : JsonColumns.write(this.tags))
			.update(key);
		long customerKey = key.getKey().longValue();
		// As the write path does: its search keys in the same breath as the row.
		CustomerSearchKeys.index(jdbc, partition.tenantId(), partition.livemode(), customerKey, customerKey);
		for (String tag : this.tags) {
			jdbc.sql("INSERT INTO customer_tag (tenant_id, livemode, customer_id, tag) VALUES (:t, :l, :c, :tag)")
				.param("t", partition.tenantId())
				.param("l", partition.livemode())
				.param("c", customerKey)
				.param("tag", tag)
				.update();
		}
		return customerKey;
	}

	public static void delete(JdbcClient jdbc, Partition partition, long customerKey) {
		jdbc.sql("DELETE FROM customer WHERE tenant_id = :t AND livemode = :l AND id = :id")
			.param("t", partition.tenantId())
			.param("l", partition.livemode())
			.param("id", customerKey)
			.update();
	}

	public static String globalId(long customerKey) {
		return new GlobalId(Customer.TYPE, customerKey).encode();
	}

	/** Keys of a partition's customers, in id order. */
	public static List<Long> keys(JdbcClient jdbc, Partition partition) {
		return jdbc.sql("SELECT id FROM customer WHERE tenant_id = :t AND livemode = :l ORDER BY id")
			.param("t", partition.tenantId())
			.param("l", partition.livemode())
			.query(Long.class)
			.list();
	}

}
