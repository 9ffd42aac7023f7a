package dev.customergraph.customer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.Context;

import org.springframework.stereotype.Component;

/**
 * Migration V11: the index of customers by payment provider reference
 * ({@link CustomerPaymentProviders}), and its rows for the customers written before it,
 * chunk by chunk; one statement over every customer could outlast the request socket
 * timeout on a large data folder, as V9's did.
 */
@Component
class CustomerPaymentProviderMigration extends CustomerBackfill {

	/**
	 * Keyed by reference first, so that the filter (a reference alone) and the lookup
	 * (reference and provider) each read one range of the primary key; the reference
	 * compares exactly, since providers' ids are case-sensitive (cus_Ab is not cus_aB),
	 * and the provider ignoring case, as names do.
	 */
	private static final String CREATE_TABLE = """
			CREATE TABLE customer_payment_provider (
			    tenant_id   INT          NOT NULL,
			    livemode    BOOLEAN      NOT NULL,
			    reference   VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
			    provider    VARCHAR(64)  NOT NULL,
			    customer_id BIGINT       NOT NULL,
			    PRIMARY KEY (tenant_id, livemode, reference, provider, customer_id),
			    KEY customer_payment_provider_by_customer (tenant_id, livemode, customer_id),
			    CONSTRAINT customer_payment_provider_customer FOREIGN KEY (tenant_id, livemode, customer_id)
			        REFERENCES customer (tenant_id, livemode, id) ON DELETE CASCADE
			) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
			""";

	CustomerPaymentProviderMigration() {
		super("11", "create customer payment provider index");
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		try (Statement statement = connection.createStatement()) {
			statement.execute(CREATE_TABLE);
		}
		backfill(connection);
	}

	/**
	 * The rows of every existing customer; INSERT IGNORE makes a repeated run harmless.
	 */
	static void backfill(Connection connection) throws SQLException {
		run(connection, "Payment provider references", (tenantId, livemode, firstKey,
				lastKey) -> CustomerPaymentProviders.index(connection, tenantId, livemode, firstKey, lastKey));
	}

}
