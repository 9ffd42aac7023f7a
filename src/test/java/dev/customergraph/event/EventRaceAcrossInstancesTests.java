package dev.customergraph.event;

import java.util.List;

import dev.customergraph.GatewayTest;
import dev.customergraph.SecondGateway;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The race of {@link EventRaceTests} with writers and polls spread round-robin over two
 * gateway instances on one database: the order is the database's, whichever instance
 * wrote or reads.
 */
@GatewayTest
class EventRaceAcrossInstancesTests extends EventRaceTests {

	@RegisterExtension
	static final SecondGateway second = new SecondGateway();

	@Override
	List<TestTenant> instances(TestTenant tenant) {
		return List.of(tenant, second.as(tenant));
	}

}
