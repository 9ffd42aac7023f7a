package dev.customergraph.customer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A migration that fills a table from the customers already written, in chunks of
 * {@value #CHUNK} ids per partition ({@link #run}), logging its progress in steps of 10
 * %. A data folder with a million customers takes minutes; the connection's network
 * timeout (the socket timeout meant for requests) is lifted while it runs, so a slow
 * machine does not fail the upgrade.
 */
abstract class CustomerBackfill implements JavaMigration {

	private static final Logger log = LoggerFactory.getLogger(CustomerBackfill.class);

	private static final int CHUNK = 2_000;

	private final MigrationVersion version;

	private final String description;

	CustomerBackfill(String version, String description) {
		this.version = MigrationVersion.fromVersion(version);
		this.description = description;
	}

	@Override
	public MigrationVersion getVersion() {
		return this.version;
	}

	@Override
	public String getDescription() {
		return this.description;
	}

	@Override
	public @Nullable Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	/**
	 * Runs {@code chunk} over every partition's customer ids; {@code what} names the rows
	 * in the log.
	 */
	static void run(Connection connection, String what, Chunk chunk) throws SQLException {
		int networkTimeout = connection.getNetworkTimeout();
		connection.setNetworkTimeout(Runnable::run, 0);
		try {
			List<Partition> partitions = partitions(connection);
			long total = partitions.stream()
				.mapToLong((partition) -> partition.lastKey() - partition.firstKey() + 1)
				.sum();
			long done = 0;
			int lastPercent = -1;
			for (Partition partition : partitions) {
				for (long first = partition.firstKey(); first <= partition.lastKey(); first += CHUNK) {
					long last = Math.min(first + CHUNK - 1, partition.lastKey());
					chunk.fill(partition.tenantId(), partition.livemode(), first, last);
					done += last - first + 1;
					int percent = (int) (100 * done / total);
					if (percent / 10 > lastPercent / 10) {
						log.info("{} of existing customers: {} %", what, percent);
						lastPercent = percent;
					}
				}
			}
		}
		finally {
			connection.setNetworkTimeout(Runnable::run, networkTimeout);
		}
	}

	/**
	 * Each partition with customers, and its lowest and highest customer id.
	 */
	private static List<Partition> partitions(Connection connection) throws SQLException {
		List<Partition> partitions = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(
						"SELECT tenant_id, livemode, MIN(id), MAX(id) FROM customer GROUP BY tenant_id, livemode")) {
			while (rows.next()) {
				partitions.add(new Partition(rows.getInt(1), rows.getBoolean(2), rows.getLong(3), rows.getLong(4)));
			}
		}
		return partitions;
	}

	/** One chunk's work: the customers of a partition with ids in a range. */
	@FunctionalInterface
	interface Chunk {

		void fill(int tenantId, boolean livemode, long firstKey, long lastKey) throws SQLException;

	}

	private record Partition(int tenantId, boolean livemode, long firstKey, long lastKey) {
	}

}
