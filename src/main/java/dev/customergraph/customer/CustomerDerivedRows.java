package dev.customergraph.customer;

import java.sql.Connection;

import dev.customergraph.tenancy.Partition;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A table of rows derived from customer rows (search keys, payment provider references)
 * by one INSERT … SELECT over a partition's range of customer ids, bound as
 * {@code :tenantId}, {@code :livemode}, {@code :firstKey} and {@code :lastKey}; written
 * in the transaction that writes what they derive from, and deleted with the customer by
 * their foreign key.
 */
final class CustomerDerivedRows {

	private final String delete;

	private final String insert;

	/**
	 * @param table the derived table, a name from code
	 * @param insert the INSERT … SELECT of a range's rows
	 */
	CustomerDerivedRows(String table, String insert) {
		this.delete = "DELETE FROM " + table
				+ " WHERE tenant_id = :tenantId AND livemode = :livemode AND customer_id = :customerKey";
		this.insert = insert;
	}

	/** Adds a new customer's rows. */
	void add(JdbcClient jdbc, Partition partition, long customerKey) {
		index(jdbc, partition.tenantId(), partition.livemode(), customerKey, customerKey);
	}

	/** Replaces a customer's rows after what they derive from changed. */
	void replace(JdbcClient jdbc, Partition partition, long customerKey) {
		remove(jdbc, partition, customerKey);
		add(jdbc, partition, customerKey);
	}

	/** Deletes a customer's rows, leaving none: for an erased customer. */
	void remove(JdbcClient jdbc, Partition partition, long customerKey) {
		jdbc.sql(this.delete)
			.param("tenantId", partition.tenantId())
			.param("livemode", partition.livemode())
			.param("customerKey", customerKey)
			.update();
	}

	/**
	 * Adds the rows of a partition's customers with ids in a range, on a connection whose
	 * transaction wrote them (the dataset writer's chunks, a migration's).
	 */
	void index(Connection connection, int tenantId, boolean livemode, long firstKey, long lastKey) {
		index(JdbcClient.create(new SingleConnectionDataSource(connection, true)), tenantId, livemode, firstKey,
				lastKey);
	}

	/** Adds the rows of a partition's customers with ids in a range, on {@code jdbc}. */
	void index(JdbcClient jdbc, int tenantId, boolean livemode, long firstKey, long lastKey) {
		jdbc.sql(this.insert)
			.param("tenantId", tenantId)
			.param("livemode", livemode)
			.param("firstKey", firstKey)
			.param("lastKey", lastKey)
			.update();
	}

}
