package dev.customergraph.dataset;

import java.util.UUID;

import dev.customergraph.GatewayTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

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

	@Test
	void tenThousandCustomersMatchTheSpecifiedChecksums() {
		String tenant = "bench-" + UUID.randomUUID().toString().substring(0, 8);
		DatasetChecksums checksums = this.writer.write(tenant, 10_000, false);
		assertThat(checksums).isEqualTo(new DatasetChecksums(10_000, 15_001, 13_000, 500, 2_083, 1_042, 10));
	}

	@Test
	void aTenantIsSeededOnlyOnce() {
		String tenant = "bench-" + UUID.randomUUID().toString().substring(0, 8);
		this.writer.write(tenant, 3, false);
		assertThatIllegalStateException().isThrownBy(() -> this.writer.write(tenant, 3, false))
			.withMessageContaining("already has 3 test-mode customers");
	}

}
