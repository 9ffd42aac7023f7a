package dev.customergraph.event;

import java.util.List;

import dev.customergraph.GaleraCluster;
import dev.customergraph.GatewayTest;
import dev.customergraph.SecondGateway;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The race of {@link EventRaceTests} on a three-node Galera cluster, one gateway on each
 * node, writers and polls spread over the three: the partition's counter row is written
 * by every mutation, so certification lets one of two nodes' concurrent writers through
 * and the other's 1213 is retried, and each node commits in the cluster's one order.
 */
@GatewayTest
@Tag(GaleraCluster.TAG)
class EventRaceOnGaleraTests extends EventRaceTests {

	@RegisterExtension
	static final SecondGateway second = new SecondGateway(() -> GaleraCluster.url(2));

	@RegisterExtension
	static final SecondGateway third = new SecondGateway(() -> GaleraCluster.url(3));

	@DynamicPropertySource
	static void firstGatewayOnFirstNode(DynamicPropertyRegistry registry) {
		GaleraCluster.firstNode(registry);
	}

	@Override
	List<TestTenant> instances(TestTenant tenant) {
		return List.of(tenant, second.as(tenant), third.as(tenant));
	}

}
