package dev.customergraph.replica;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The gateway's DataSource when a read side is configured: the primary's pool, except for
 * the statements of a query operation reading from the replica ({@link ReadSide}).
 * Everything that is not a query's statement (transactions, Flyway, health checks, pool
 * metrics through {@code unwrap}) sees the primary.
 */
final class ReadRoutingDataSource extends DelegatingDataSource implements AutoCloseable {

	ReadRoutingDataSource(DataSource primary) {
		super(primary);
	}

	@Override
	public Connection getConnection() throws SQLException {
		DataSource replica = ReadSide.currentReplica();
		return (replica != null) ? replica.getConnection() : obtainTargetDataSource().getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		DataSource replica = ReadSide.currentReplica();
		return (replica != null) ? replica.getConnection(username, password)
				: obtainTargetDataSource().getConnection(username, password);
	}

	/** Closes the primary's pool, as its bean would have been closed. */
	@Override
	public void close() throws Exception {
		if (obtainTargetDataSource() instanceof AutoCloseable pool) {
			pool.close();
		}
	}

}
