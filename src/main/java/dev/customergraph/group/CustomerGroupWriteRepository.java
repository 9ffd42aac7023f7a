package dev.customergraph.group;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.IntSupplier;

import dev.customergraph.mutation.UserErrorCode;
import dev.customergraph.mutation.UserErrorException;
import dev.customergraph.tenancy.Partition;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import static dev.customergraph.mutation.PartialUpdates.bind;

/**
 * Writes customer groups. The database holds their invariants, so they hold under any
 * race: unique keys make a duplicate name or code {@code TAKEN}, and the customers'
 * foreign key (V10.1) refuses to delete a group that has customers.
 */
@Repository
class CustomerGroupWriteRepository {

	private final JdbcClient jdbc;

	CustomerGroupWriteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the group, its name trimmed, and returns its key. */
	long insert(Partition partition, CreateCustomerGroupInput input) {
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		uniquely(() -> statement("""
				INSERT INTO customer_group (tenant_id, livemode, name, code, created_at, updated_at)
				VALUES (:tenantId, :livemode, :name, :code, :now, :now)
				""", partition).param("name", input.name().strip())
			.param("code", input.code())
			.param("now", now)
			.update(keys, "id"));
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * Writes the fields the input carries, the name trimmed.
	 * @return whether the partition has the group
	 */
	boolean update(Partition partition, long groupKey, UpdateCustomerGroupInput input) {
		StatementSpec update = statement("""
				UPDATE customer_group SET
				  name = IF(:nameSet, :name, name),
				  code = IF(:codeSet, :code, code),
				  updated_at = :now
				WHERE tenant_id = :tenantId AND livemode = :livemode AND id = :groupKey
				""", partition).param("groupKey", groupKey).param("now", LocalDateTime.now(ZoneOffset.UTC));
		bind(update, "name", input.name(), String::strip);
		bind(update, "code", input.code());
		// Connector/J counts matched rows, so an update that changes nothing still
		// counts.
		return uniquely(update::update) == 1;
	}

	/**
	 * Deletes the group unless customers are in it.
	 * @return whether the partition had the group
	 */
	boolean delete(Partition partition, long groupKey) {
		try {
			return statement(
					"DELETE FROM customer_group WHERE tenant_id = :tenantId AND livemode = :livemode AND id = :groupKey",
					partition)
				.param("groupKey", groupKey)
				.update() == 1;
		}
		catch (DataIntegrityViolationException ex) {
			throw new UserErrorException(UserErrorCode.CONFLICT,
					"Customers are in this group; move them to another group or to none first.", "id");
		}
	}

	private StatementSpec statement(String sql, Partition partition) {
		return this.jdbc.sql(sql).param("tenantId", partition.tenantId()).param("livemode", partition.livemode());
	}

	/**
	 * Runs a write that may break the name or code unique key, and reports which as
	 * {@code TAKEN}; returns the rows it matched.
	 */
	private static int uniquely(IntSupplier write) {
		try {
			return write.getAsInt();
		}
		catch (DuplicateKeyException ex) {
			// MySQL and MariaDB name the violated key in the message.
			boolean code = String.valueOf(ex.getMessage()).contains("customer_group_by_code");
			throw code ? new UserErrorException(UserErrorCode.TAKEN, "Another customer group has this code.", "code")
					: new UserErrorException(UserErrorCode.TAKEN, "Another customer group has this name.", "name");
		}
	}

}
