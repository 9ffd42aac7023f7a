package dev.customergraph.group;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.stereotype.Component;

/**
 * Migration V10.1 (10 is the search key backfill): the customer groups and each
 * customer's group. A customer is in at most one group, or in none ({@code group_id}
 * NULL): there is no default group. Names, and codes when set, are unique per partition,
 * ignoring case as the collation compares them.
 *
 * <p>
 * The foreign key keeps a customer's group in its own partition, and it makes deleting a
 * group that still has customers fail (the mutation answers {@code CONFLICT}) whatever
 * request assigns a customer to it at the same moment. ON DELETE SET NULL is impossible
 * on a key with NOT NULL partition columns, and clearing every member's group in the
 * delete would change them without counting their versions.
 *
 * <p>
 * A migration in Java, not SQL, for the index on {@code customer}: it is built from every
 * row (0.5 s for 100,000 customers on 2 busy cores), and a million on a busy machine may
 * outlast the connection's network timeout (the 10 s socket timeout meant for requests),
 * which is lifted while it runs.
 */
@Component
class CustomerGroupTables implements JavaMigration {

	private static final String CREATE_TABLE = """
			CREATE TABLE customer_group (
			    tenant_id  INT          NOT NULL,
			    livemode   BOOLEAN      NOT NULL,
			    id         BIGINT       NOT NULL AUTO_INCREMENT,
			    name       VARCHAR(100) NOT NULL,
			    code       VARCHAR(64),
			    created_at DATETIME(6)  NOT NULL,
			    updated_at DATETIME(6)  NOT NULL,
			    PRIMARY KEY (tenant_id, livemode, id),
			    KEY customer_group_id (id),
			    UNIQUE KEY customer_group_by_name (tenant_id, livemode, name),
			    UNIQUE KEY customer_group_by_code (tenant_id, livemode, code)
			) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
			""";

	/** Alone, so that MySQL adds the column instantly, without rebuilding the table. */
	private static final String ADD_COLUMN = "ALTER TABLE customer ADD COLUMN group_id BIGINT";

	/** For the foreign key, a group's customers newest first, and their count. */
	private static final String ADD_INDEX = """
			ALTER TABLE customer ADD INDEX customer_by_group (tenant_id, livemode, group_id, created_at, id)
			""";

	/**
	 * Every existing customer is in no group, so there is nothing to check, and unchecked
	 * MySQL and MariaDB add the key in place instead of copying the table.
	 */
	private static final String UNCHECKED = "SET SESSION foreign_key_checks = 0";

	private static final String ADD_FOREIGN_KEY = """
			ALTER TABLE customer ADD CONSTRAINT customer_in_group FOREIGN KEY (tenant_id, livemode, group_id)
			  REFERENCES customer_group (tenant_id, livemode, id)
			""";

	private static final List<String> STATEMENTS = List.of(CREATE_TABLE, ADD_COLUMN, ADD_INDEX, UNCHECKED,
			ADD_FOREIGN_KEY);

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("10.1");
	}

	@Override
	public String getDescription() {
		return "create customer group";
	}

	/** Changes to the statements after a release show as a checksum mismatch. */
	@Override
	public Integer getChecksum() {
		return STATEMENTS.hashCode();
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
		try (Statement statement = connection.createStatement()) {
			for (String sql : STATEMENTS) {
				statement.execute(sql);
			}
		}
		finally {
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET SESSION foreign_key_checks = 1");
			}
			connection.setNetworkTimeout(Runnable::run, networkTimeout);
		}
	}

}
