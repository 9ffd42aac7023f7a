package dev.customergraph.address;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import dev.customergraph.customer.AddressInput;
import dev.customergraph.customer.CustomerErasure;
import dev.customergraph.tenancy.Partition;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import static dev.customergraph.mutation.PartialUpdates.bind;

/**
 * Writes addresses. Callers hold the lock on the owning customer's row. An erased or
 * deleted customer's addresses are deleted, all of them: they hold its name, phone and
 * whereabouts.
 */
@Repository
class AddressWriteRepository implements CustomerErasure {

	private static final String INSERT = """
			INSERT INTO address (tenant_id, livemode, customer_id, first_name, last_name, company, phone, line1, line2,
			  city, region_code, region_name, postal_code, country_code, latitude, longitude, created_at, updated_at)
			VALUES (:tenantId, :livemode, :customerKey, :firstName, :lastName, :company, :phone, :line1, :line2,
			  :city, :regionCode, :regionName, :postalCode, :countryCode, :latitude, :longitude, :now, :now)
			""";

	/**
	 * Every column keeps its value unless its {@code …Set} flag says the input carried
	 * the field.
	 */
	private static final String UPDATE = """
			UPDATE address SET
			  first_name = IF(:firstNameSet, :firstName, first_name),
			  last_name = IF(:lastNameSet, :lastName, last_name),
			  company = IF(:companySet, :company, company),
			  phone = IF(:phoneSet, :phone, phone),
			  line1 = IF(:line1Set, :line1, line1),
			  line2 = IF(:line2Set, :line2, line2),
			  city = IF(:citySet, :city, city),
			  region_code = IF(:regionCodeSet, :regionCode, region_code),
			  region_name = IF(:regionNameSet, :regionName, region_name),
			  postal_code = IF(:postalCodeSet, :postalCode, postal_code),
			  country_code = IF(:countryCodeSet, :countryCode, country_code),
			  latitude = IF(:latitudeSet, :latitude, latitude),
			  longitude = IF(:longitudeSet, :longitude, longitude),
			  updated_at = :now
			WHERE tenant_id = :tenantId AND livemode = :livemode AND id = :addressKey AND customer_id = :customerKey
			""";

	private final JdbcClient jdbc;

	AddressWriteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Partition partition, long customerKey, AddressInput address) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		statement(INSERT, partition).param("customerKey", customerKey)
			.param("firstName", address.firstName())
			.param("lastName", address.lastName())
			.param("company", address.company())
			.param("phone", address.phone())
			.param("line1", address.line1())
			.param("line2", address.line2())
			.param("city", address.city())
			.param("regionCode", address.regionCode())
			.param("regionName", address.regionName())
			.param("postalCode", address.postalCode())
			.param("countryCode", address.countryCode())
			.param("latitude", address.latitude())
			.param("longitude", address.longitude())
			.param("now", LocalDateTime.now(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	int countByCustomer(Partition partition, long customerKey) {
		return statement(
				"""
						SELECT COUNT(*) FROM address WHERE tenant_id = :tenantId AND livemode = :livemode AND customer_id = :customerKey
						""",
				partition)
			.param("customerKey", customerKey)
			.query(Integer.class)
			.single();
	}

	/** The customer an address belongs to, if the address exists in the partition. */
	Optional<Long> customerOf(Partition partition, long addressKey) {
		return statement(
				"""
						SELECT customer_id FROM address WHERE tenant_id = :tenantId AND livemode = :livemode AND id = :addressKey
						""",
				partition)
			.param("addressKey", addressKey)
			.query(Long.class)
			.optional();
	}

	/**
	 * Writes the fields the input carries; false when the address is no longer the
	 * customer's.
	 */
	boolean update(Partition partition, long customerKey, long addressKey, UpdateCustomerAddressInput input) {
		StatementSpec update = statement(UPDATE, partition).param("customerKey", customerKey)
			.param("addressKey", addressKey)
			.param("now", LocalDateTime.now(ZoneOffset.UTC));
		bind(update, "firstName", input.firstName());
		bind(update, "lastName", input.lastName());
		bind(update, "company", input.company());
		bind(update, "phone", input.phone());
		bind(update, "line1", input.line1());
		bind(update, "line2", input.line2());
		bind(update, "city", input.city());
		bind(update, "regionCode", input.regionCode());
		bind(update, "regionName", input.regionName());
		bind(update, "postalCode", input.postalCode());
		bind(update, "countryCode", input.countryCode());
		bind(update, "latitude", input.latitude());
		bind(update, "longitude", input.longitude());
		return update.update() == 1;
	}

	void delete(Partition partition, long addressKey) {
		statement("DELETE FROM address WHERE tenant_id = :tenantId AND livemode = :livemode AND id = :addressKey",
				partition)
			.param("addressKey", addressKey)
			.update();
	}

	@Override
	public void erase(Partition partition, long customerKey) {
		statement(
				"DELETE FROM address WHERE tenant_id = :tenantId AND livemode = :livemode AND customer_id = :customerKey",
				partition)
			.param("customerKey", customerKey)
			.update();
	}

	private StatementSpec statement(String sql, Partition partition) {
		return this.jdbc.sql(sql).param("tenantId", partition.tenantId()).param("livemode", partition.livemode());
	}

}
