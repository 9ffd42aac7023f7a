package dev.customergraph.replica;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;

import org.jspecify.annotations.Nullable;

/**
 * What one check of the read side found: whether it may serve queries, how far behind it
 * is (seconds, when known) and, for the log, why.
 *
 * @param usable whether queries may read from it
 * @param lagSeconds what replication reports as its lag, or -1 when unknown
 * @param description the state in words
 */
record ReplicaState(boolean usable, long lagSeconds, String description) {

	static final ReplicaState NOT_CHECKED = unusable("not checked yet");

	/**
	 * Reads the state of the server {@code connection} leads to. An asynchronous replica
	 * (MariaDB 10.5+, MySQL 8.0.22+; the account needs {@code REPLICA MONITOR} on
	 * MariaDB, {@code REPLICATION CLIENT} on MySQL) is usable while both replication
	 * threads run and it reports fewer than {@code maxLagSeconds} seconds behind, every
	 * channel of it; reported lag counts whole seconds down, so the real lag is then
	 * below the bound. A Galera node is usable while it is {@code Synced}. Anything else
	 * (a server that replicates from nothing) is not: its lag cannot be known.
	 */
	static ReplicaState read(Connection connection, long maxLagSeconds) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet channels = statement.executeQuery("SHOW REPLICA STATUS")) {
			if (!channels.next()) {
				return galeraNode(statement);
			}
			long worstLag = 0;
			do {
				String io = column(channels, "Slave_IO_Running", "Replica_IO_Running");
				String sql = column(channels, "Slave_SQL_Running", "Replica_SQL_Running");
				if (!"Yes".equals(io)) {
					return unusable("its replication I/O thread is " + io + errorOf(channels, "Last_IO_Error"));
				}
				if (!"Yes".equals(sql)) {
					return unusable("its replication SQL thread is " + sql + errorOf(channels, "Last_SQL_Error"));
				}
				String behind = column(channels, "Seconds_Behind_Master", "Seconds_Behind_Source");
				if (behind == null) {
					return unusable("its lag is unknown");
				}
				worstLag = Math.max(worstLag, Long.parseLong(behind));
			}
			while (channels.next());
			String lag = worstLag + " s behind the primary";
			return (worstLag < maxLagSeconds) ? new ReplicaState(true, worstLag, lag)
					: new ReplicaState(false, worstLag, lag + " (max-lag " + maxLagSeconds + " s)");
		}
	}

	static ReplicaState unusable(String description) {
		return new ReplicaState(false, -1, description);
	}

	private static ReplicaState galeraNode(Statement statement) throws SQLException {
		try (ResultSet status = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'wsrep_local_state_comment'")) {
			if (!status.next()) {
				return unusable("it replicates from nothing (SHOW REPLICA STATUS is empty) and is no Galera node");
			}
			String state = status.getString(2);
			return "Synced".equals(state) ? new ReplicaState(true, 0, "a Synced Galera node")
					: unusable("it is a Galera node in state " + state);
		}
	}

	/** MariaDB names the columns after the master, MySQL 8.4 after the source. */
	private static @Nullable String column(ResultSet row, String mariaDb, String mySql) throws SQLException {
		ResultSetMetaData columns = row.getMetaData();
		for (int i = 1; i <= columns.getColumnCount(); i++) {
			String name = columns.getColumnLabel(i);
			if (name.equalsIgnoreCase(mariaDb) || name.equalsIgnoreCase(mySql)) {
				return row.getString(i);
			}
		}
		throw new SQLException("SHOW REPLICA STATUS has no column " + mariaDb + " or " + mySql);
	}

	private static String errorOf(ResultSet row, String column) throws SQLException {
		String error = row.getString(column);
		return (error == null || error.isBlank()) ? "" : " (" + error + ")";
	}

}
