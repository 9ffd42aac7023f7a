package dev.customergraph.mutation;

import dev.customergraph.GatewayTest;
import dev.customergraph.SecondGateway;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every race of {@link MutationRaceTests}, with each burst spread round-robin over two
 * gateway instances on one database: the invariants hold because the database enforces
 * them, whichever instance a request reaches.
 */
@GatewayTest
class MutationRaceAcrossInstancesTests extends MutationRaceTests {

	@RegisterExtension
	static final SecondGateway second = new SecondGateway();

	TestTenant onSecond;

	@BeforeEach
	void sameTenantOnSecond() {
		this.onSecond = second.as(this.tenant);
	}

	@Override
	TestTenant client(int i) {
		return (i % 2 == 0) ? this.tenant : this.onSecond;
	}

}
