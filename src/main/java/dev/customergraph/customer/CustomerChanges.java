package dev.customergraph.customer;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import dev.customergraph.mutation.UserErrorCode;
import dev.customergraph.mutation.UserErrorException;
import dev.customergraph.tenancy.Partition;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;

/**
 * The customer row's part in every change to a customer, for this feature and for the
 * features that change a customer's addresses and sources. A mutation first
 * {@link #lock}s the row, which serializes all writers of one customer in the database
 * (across gateway instances), then writes, then {@link #recordChange}s once: version + 1,
 * {@code updated_at} now. The default address and source columns live here too, so they
 * only ever point at rows the locked customer owns.
 */
@Component
public class CustomerChanges {

	private final JdbcClient jdbc;

	private final CustomerRepository customers;

	CustomerChanges(JdbcClient jdbc, CustomerRepository customers) {
		this.jdbc = jdbc;
		this.customers = customers;
	}

	/**
	 * Locks the customer's row until the transaction ends and returns its version. An
	 * erased customer takes no more changes: it is a {@code CONFLICT}, so a change that
	 * waited for the lock of the erasure never writes personal data back.
	 * @param path the input field that named the customer, for the {@code NOT_FOUND} or
	 * {@code CONFLICT} error
	 */
	public int lock(Partition partition, long customerKey, String... path) {
		LockedRow row = lockRow(partition, customerKey, path);
		if (row.erased()) {
			throw erased(path);
		}
		return row.version();
	}

	/**
	 * Locks the customer's row like {@link #lock}, erased or not, for a delete, and
	 * returns its version.
	 */
	int lockForDelete(Partition partition, long customerKey, String... path) {
		return lockRow(partition, customerKey, path).version();
	}

	/**
	 * Locks the customer's row like {@link #lock}, in the same one statement, and returns
	 * it as it was before the change, to tell which fields the change changed.
	 */
	Customer lockWhole(Partition partition, long customerKey, String... path) {
		Customer before = lockWholeEvenErased(partition, customerKey, path);
		if (before.erasedAt() != null) {
			throw erased(path);
		}
		return before;
	}

	/**
	 * Locks the customer's row like {@link #lockWhole}, erased or not, for an erasure.
	 */
	Customer lockWholeEvenErased(Partition partition, long customerKey, String... path) {
		return this.customers.lockByKey(partition, customerKey).orElseThrow(() -> notFound(path));
	}

	/** Counts one change to the locked customer. */
	public void recordChange(Partition partition, long customerKey) {
		statement("""
				UPDATE customer SET version = version + 1, updated_at = :now
				WHERE tenant_id = :tenantId AND livemode = :livemode AND id = :customerKey
				""", partition, customerKey).param("now", LocalDateTime.now(ZoneOffset.UTC)).update();
	}

	/**
	 * Makes one of the customer's own addresses its default for shipping, billing or
	 * both.
	 */
	public void setDefaultAddress(Partition partition, long customerKey, long addressKey, boolean shipping,
			boolean billing) {
		statement("""
				UPDATE customer
				SET default_shipping_address_id = IF(:shipping, :addressKey, default_shipping_address_id),
				    default_billing_address_id = IF(:billing, :addressKey, default_billing_address_id)
				WHERE tenant_id = :tenantId AND livemode = :livemode AND id = :customerKey
				""", partition, customerKey).param("addressKey", addressKey)
			.param("shipping", shipping)
			.param("billing", billing)
			.update();
	}

	/** Clears the defaults that point at an address being deleted. */
	public void clearDefaultAddress(Partition partition, long customerKey, long addressKey) {
		statement("""
				UPDATE customer
				SET default_shipping_address_id = NULLIF(default_shipping_address_id, :addressKey),
				    default_billing_address_id = NULLIF(default_billing_address_id, :addressKey)
				WHERE tenant_id = :tenantId AND livemode = :livemode AND id = :customerKey
				""", partition, customerKey).param("addressKey", addressKey).update();
	}

	/**
	 * Makes the source the customer's default if the customer owns it.
	 * @return whether it does
	 */
	public boolean setDefaultSource(Partition partition, long customerKey, long sourceKey) {
		// Connector/J counts matched rows, so setting the default it already is still
		// counts.
		return statement("""
				UPDATE customer c SET c.default_source_id = :sourceKey
				WHERE c.tenant_id = :tenantId AND c.livemode = :livemode AND c.id = :customerKey
				  AND EXISTS (SELECT 1 FROM source s WHERE s.tenant_id = c.tenant_id AND s.livemode = c.livemode
				    AND s.id = :sourceKey AND s.customer_id = c.id)
				""", partition, customerKey).param("sourceKey", sourceKey).update() == 1;
	}

	/** Leaves the customer without a default source. */
	public void clearDefaultSource(Partition partition, long customerKey) {
		statement("""
				UPDATE customer SET default_source_id = NULL
				WHERE tenant_id = :tenantId AND livemode = :livemode AND id = :customerKey
				""", partition, customerKey).update();
	}

	/** Clears the default source when it is the source being detached. */
	public void clearDefaultSource(Partition partition, long customerKey, long sourceKey) {
		statement("""
				UPDATE customer SET default_source_id = NULLIF(default_source_id, :sourceKey)
				WHERE tenant_id = :tenantId AND livemode = :livemode AND id = :customerKey
				""", partition, customerKey).param("sourceKey", sourceKey).update();
	}

	/**
	 * The customer as it is now in this transaction, for a mutation's payload; null once
	 * deleted.
	 */
	public @Nullable Customer find(Partition partition, long customerKey) {
		return this.customers.findByKeys(partition, List.of(customerKey)).get(customerKey);
	}

	private LockedRow lockRow(Partition partition, long customerKey, String... path) {
		return statement("""
				SELECT version, erased_at IS NOT NULL AS erased FROM customer
				WHERE tenant_id = :tenantId AND livemode = :livemode AND id = :customerKey
				FOR UPDATE
				""", partition, customerKey).query(LockedRow.class).optional().orElseThrow(() -> notFound(path));
	}

	private static UserErrorException notFound(String... path) {
		return new UserErrorException(UserErrorCode.NOT_FOUND, "No customer has this id.", path);
	}

	private static UserErrorException erased(String... path) {
		return new UserErrorException(UserErrorCode.CONFLICT,
				"This customer was erased on request; it takes no more changes.", path);
	}

	private StatementSpec statement(String sql, Partition partition, long customerKey) {
		return this.jdbc.sql(sql)
			.param("tenantId", partition.tenantId())
			.param("livemode", partition.livemode())
			.param("customerKey", customerKey);
	}

	private record LockedRow(int version, boolean erased) {
	}

}
