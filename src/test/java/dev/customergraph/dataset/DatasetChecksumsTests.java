package dev.customergraph.dataset;

import java.util.List;
import java.util.UUID;

import dev.customergraph.GatewayTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The seed writes exactly the rows of the dataset specification: its checksum table at N
 * = 10,000.
 */
@GatewayTest
class DatasetChecksumsTests {

	@Autowired
	DatasetWriter writer;

	@Autowired
	JdbcClient jdbc;

	@Test
	void tenThousandCustomersMatchTheSpecifiedChecksums() {
		String tenant = "bench-" + UUID.randomUUID().toString().substring(0, 8);
		DatasetChecksums checksums = this.writer.write(tenant, 10_000, false);
		assertThat(checksums).isEqualTo(new DatasetChecksums(10_000, 15_001, 13_000, 500, 2_083, 1_042, 10));
	}

	@Test
	void eachCustomerPointsAtItsFirstAddressForShippingItsLastForBillingAndItsFirstSource() {
		String tenant = "bench-" + UUID.randomUUID().toString().substring(0, 8);
		this.writer.write(tenant, 12, false);
		// Customers 3 to 6: three addresses and a source, one address, two and four, a
		// source.
		List<String> defaults = this.jdbc
			.sql("""
					SELECT CONCAT_WS(' | ', c.email, COALESCE(s.line1, '-'), COALESCE(b.line2, b.line1, '-'),
					  COALESCE(p.provider_reference, '-'))
					FROM customer c JOIN tenant t ON t.id = c.tenant_id
					LEFT JOIN address s ON s.tenant_id = c.tenant_id AND s.livemode = c.livemode AND s.id = c.default_shipping_address_id
					LEFT JOIN address b ON b.tenant_id = c.tenant_id AND b.livemode = c.livemode AND b.id = c.default_billing_address_id
					LEFT JOIN source p ON p.tenant_id = c.tenant_id AND p.livemode = c.livemode AND p.id = c.default_source_id
					WHERE t.name = :tenant AND c.livemode = FALSE
					ORDER BY c.id LIMIT 4 OFFSET 2""")
			.param("tenant", tenant)
			.query(String.class)
			.list();
		assertThat(defaults).containsExactly("dan.rahman.3@example.test | 4 Main Street | Apt 2 | src_3_0",
				"eva.young.4@example.test | 5 Main Street | 5 Main Street | -",
				"finn.smith.5@example.test | 6 Main Street | Apt 1 | src_5_0",
				"gia.kim.6@example.test | - | - | src_6_0");
	}

	@Test
	void aTenantIsSeededOnlyOnce() {
		String tenant = "bench-" + UUID.randomUUID().toString().substring(0, 8);
		this.writer.write(tenant, 3, false);
		assertThatIllegalStateException().isThrownBy(() -> this.writer.write(tenant, 3, false))
			.withMessageContaining("already has 3 test-mode customers");
	}

}
