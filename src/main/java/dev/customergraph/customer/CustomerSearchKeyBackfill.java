package dev.customergraph.customer;

import java.sql.Connection;
import java.sql.SQLException;

import org.flywaydb.core.api.migration.Context;

import org.springframework.stereotype.Component;

/**
 * Migration V10: the search keys (V9) of the customers written before V9, chunk by chunk.
 * INSERT IGNORE makes a repeated run after a failure harmless.
 */
@Component
class CustomerSearchKeyBackfill extends CustomerBackfill {

	CustomerSearchKeyBackfill() {
		super("10", "backfill customer search keys");
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		run(connection, "Search keys", (tenantId, livemode, firstKey, lastKey) -> CustomerSearchKeys.index(connection,
				tenantId, livemode, firstKey, lastKey));
	}

}
