package dev.customergraph.customer;

import java.sql.Connection;

import dev.customergraph.graph.InvalidInputException;
import dev.customergraph.tenancy.Partition;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The index of customers by payment provider reference (V11): one row per customer per
 * entry of its {@code paymentProviders}, so that a lookup by reference reads one index
 * range (MariaDB has no multi-valued index on JSON). Kept in step with the row's JSON, in
 * the transaction that writes it; deleting a customer deletes its rows by the foreign
 * key.
 *
 * <p>
 * A reference is not unique per partition: a merchant's list often holds two records of
 * one buyer (a duplicate signup, before a merge) that both point at the buyer's account,
 * and refusing the second write would break services that mirror the provider. Data from
 * before V11 may already hold such pairs, which a unique key would turn into a failed
 * upgrade. {@code customerByPaymentProviderReference} answers the customer created first
 * (lowest id), and {@code customers(filter: {paymentProviderReference})} lists them all.
 */
@Component
class CustomerPaymentProviders {

	/** The longest provider name, as {@code paymentProviders} accepts it. */
	static final int MAX_PROVIDER = 64;

	/** The longest reference, as {@code paymentProviders} accepts it. */
	static final int MAX_REFERENCE = 255;

	/**
	 * Not blank, and no whitespace at either end: the columns compare with PAD SPACE
	 * collations, so {@code "cus_1 "} would find {@code "cus_1"}, which an exact lookup
	 * must not. (The schema makes both fields non-null.)
	 */
	static final String TRIMMED = "\\S(.*\\S)?";

	static final String TRIMMED_MESSAGE = "must not be blank, nor start or end with whitespace";

	/**
	 * The rows of a partition's customers whose ids lie in a range, from their JSON.
	 * IGNORE skips an entry a customer lists twice (the provider compared ignoring case,
	 * as lookups do) and rows an earlier run over the same range wrote.
	 */
	private static final String INDEX = """
			INSERT IGNORE INTO customer_payment_provider (tenant_id, livemode, reference, provider, customer_id)
			SELECT c.tenant_id, c.livemode, p.reference, p.provider, c.id
			FROM customer c
			CROSS JOIN JSON_TABLE(c.payment_providers, '$[*]' COLUMNS (
			  provider VARCHAR(64) PATH '$.provider', reference VARCHAR(255) PATH '$.customerRef')) p
			WHERE c.tenant_id = :tenantId AND c.livemode = :livemode AND c.id BETWEEN :firstKey AND :lastKey
			  AND p.provider IS NOT NULL AND p.reference IS NOT NULL
			""";

	private static final CustomerDerivedRows ROWS = new CustomerDerivedRows("customer_payment_provider", INDEX);

	private final JdbcClient jdbc;

	CustomerPaymentProviders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A lookup argument, which like the stored values must be non-blank, without
	 * whitespace at either end and no longer than {@code max}: anything else could match
	 * no customer.
	 */
	static String checked(String argument, String value, int max) {
		if (!value.matches(TRIMMED) || value.codePointCount(0, value.length()) > max) {
			throw new InvalidInputException("'" + argument + "' must be 1 to " + max
					+ " characters without whitespace at either end, as payment providers are.");
		}
		return value;
	}

	/** Adds a new customer's rows. */
	void add(Partition partition, long customerKey) {
		ROWS.add(this.jdbc, partition, customerKey);
	}

	/** Replaces a customer's rows after its payment providers were written. */
	void replace(Partition partition, long customerKey) {
		ROWS.replace(this.jdbc, partition, customerKey);
	}

	/** Deletes an erased customer's rows, whose payment providers were cleared. */
	void remove(Partition partition, long customerKey) {
		ROWS.remove(this.jdbc, partition, customerKey);
	}

	/**
	 * Adds the rows of the customers with ids {@code firstKey} to {@code lastKey} of a
	 * partition, on a migration's connection.
	 */
	static void index(Connection connection, int tenantId, boolean livemode, long firstKey, long lastKey) {
		ROWS.index(connection, tenantId, livemode, firstKey, lastKey);
	}

}
