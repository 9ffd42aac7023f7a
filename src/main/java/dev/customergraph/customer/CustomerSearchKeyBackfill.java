package dev.customergraph.customer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Migration V10: the search keys (V9) of the customers written before V9, in chunks of
 * {@value #CHUNK} ids per partition, logging its progress. A data folder with a million
 * customers takes minutes; the connection's network timeout (the socket timeout meant for
 * requests) is lifted while it runs, so a slow machine does not fail the upgrade. INSERT
 * IGNORE makes a repeated run after a failure harmless.
 */
@Component
class CustomerSearchKeyBackfill implements JavaMigration {

	private static final Logger log = LoggerFactory.getLogger(CustomerSearchKeyBackfill.class);

	private static final int CHUNK = 2_000;

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("10");
	}

	@Override
	public String getDescription() {
		return "backfill customer search keys";
	}

	@Override
	public @Nullable Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
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
					CustomerSearchKeys.index(connection, partition.tenantId(), partition.livemode(), first, last);
					done += last - first + 1;
					int percent = (int) (100 * done / total);
					if (percent / 10 > lastPercent / 10) {
						log.info("Search keys of existing customers: {} %", percent);
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

	private record Partition(int tenantId, boolean livemode, long firstKey, long lastKey) {
	}

}
