package dev.customergraph.mutation;

import dev.customergraph.GaleraCluster;
import dev.customergraph.GatewayTest;
import dev.customergraph.SecondGateway;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every race of {@link MutationRaceTests} on a three-node Galera cluster, with one
 * gateway on each node and each burst spread round-robin over the three: a row lock holds
 * on one node only, so the invariants hold because conflicting writers write a common row
 * (the customer's version, the source, the idempotency key) or a unique key, which Galera
 * certifies cluster-wide, and the loser's error 1213 is retried.
 */
@GatewayTest
@Tag(GaleraCluster.TAG)
class MutationRaceOnGaleraTests extends MutationRaceTests {

	@RegisterExtension
	static final SecondGateway second = new SecondGateway(() -> GaleraCluster.url(2));

	@RegisterExtension
	static final SecondGateway third = new SecondGateway(() -> GaleraCluster.url(3));

	TestTenant onSecond;

	TestTenant onThird;

	@DynamicPropertySource
	static void firstGatewayOnFirstNode(DynamicPropertyRegistry registry) {
		GaleraCluster.firstNode(registry);
	}

	@BeforeEach
	void sameTenantOnOtherNodes() {
		this.onSecond = second.as(this.tenant);
		this.onThird = third.as(this.tenant);
	}

	@Override
	TestTenant client(int i) {
		return switch (i % 3) {
			case 0 -> this.tenant;
			case 1 -> this.onSecond;
			default -> this.onThird;
		};
	}

}
