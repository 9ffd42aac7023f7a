package dev.customergraph.customer;

import java.sql.Connection;

import dev.customergraph.tenancy.Partition;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The search keys of customers (V9): every distinct prefix of one to {@value #LENGTH}
 * characters of a customer's first name, last name and email, so that a search by such a
 * prefix, the page and its count, reads one index range. Keeps them in step with the
 * searched fields, in the transaction that writes those; deleting a customer deletes its
 * keys by the foreign key.
 */
@Component
public class CustomerSearchKeys {

	/**
	 * The longest prefix with keys; a longer one matches few customers by its columns.
	 */
	static final int LENGTH = 4;

	/**
	 * Adds the keys of a partition's customers whose ids lie in a range. IGNORE skips a
	 * prefix the customer already has from another field (first name and email often
	 * start alike) or from an earlier run over the same range; the collation, not Java,
	 * decides which prefixes are the same. A key never ends in a space (the collation
	 * pads with spaces, so 'ab ' would equal 'ab').
	 */
	private static final String INDEX = """
			INSERT IGNORE INTO customer_search_key (tenant_id, livemode, search_key, created_at, customer_id)
			SELECT w.tenant_id, w.livemode, LOWER(LEFT(w.word, n.n)), w.created_at, w.id
			FROM (SELECT c.tenant_id, c.livemode, c.created_at, c.id,
			             CASE f.field WHEN 1 THEN c.first_name WHEN 2 THEN c.last_name ELSE c.email END AS word
			      FROM customer c
			      CROSS JOIN (SELECT 1 AS field UNION ALL SELECT 2 UNION ALL SELECT 3) f
			      WHERE c.tenant_id = :tenantId AND c.livemode = :livemode AND c.id BETWEEN :firstKey AND :lastKey) w
			JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) n
			  ON n.n <= CHAR_LENGTH(w.word)
			WHERE RIGHT(LEFT(w.word, n.n), 1) <> ' '
			""";

	private static final CustomerDerivedRows KEYS = new CustomerDerivedRows("customer_search_key", INDEX);

	private final JdbcClient jdbc;

	CustomerSearchKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Whether the keys answer a search by this prefix: at most {@value #LENGTH}
	 * characters and no trailing space.
	 */
	static boolean answer(String prefix) {
		return prefix.codePointCount(0, prefix.length()) <= LENGTH && !prefix.endsWith(" ");
	}

	/**
	 * The key that narrows a search by a longer prefix to the customers it can match:
	 * every match has the key of the prefix's first {@value #LENGTH} characters, since
	 * LIKE compares character by character. None for a prefix the keys answer, or one
	 * whose first characters end in a space (no key does).
	 */
	static @Nullable String narrowing(String prefix) {
		if (prefix.codePointCount(0, prefix.length()) <= LENGTH) {
			return null;
		}
		String key = prefix.substring(0, prefix.offsetByCodePoints(0, LENGTH));
		return key.endsWith(" ") ? null : key;
	}

	/** Adds a new customer's keys. */
	void add(Partition partition, long customerKey) {
		KEYS.add(this.jdbc, partition, customerKey);
	}

	/** Replaces a customer's keys after its name or email changed. */
	void replace(Partition partition, long customerKey) {
		KEYS.replace(this.jdbc, partition, customerKey);
	}

	/**
	 * Deletes an erased customer's keys, without keys of its placeholder email: a search
	 * never finds an erased customer.
	 */
	void remove(Partition partition, long customerKey) {
		KEYS.remove(this.jdbc, partition, customerKey);
	}

	/**
	 * Adds the keys of the customers with ids {@code firstKey} to {@code lastKey} of a
	 * partition, on a connection whose transaction wrote them (the dataset writer's
	 * chunks).
	 */
	public static void index(Connection connection, int tenantId, boolean livemode, long firstKey, long lastKey) {
		KEYS.index(connection, tenantId, livemode, firstKey, lastKey);
	}

	/** Adds the keys of a partition's customers with ids in a range, on {@code jdbc}. */
	static void index(JdbcClient jdbc, int tenantId, boolean livemode, long firstKey, long lastKey) {
		KEYS.index(jdbc, tenantId, livemode, firstKey, lastKey);
	}

}
