package dev.customergraph.tenancy;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.customergraph.GatewayTest;
import dev.customergraph.SecondGateway;
import dev.customergraph.http.RawGraphQl;
import dev.customergraph.observability.SqlStatementCounter;
import dev.customergraph.tenancy.ApiKeyRepository.Revocation;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.customergraph.mutation.Mutations.atOnce;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys held in memory by two gateway instances on one database: a key created through one
 * works at once on the other, and one revoked through one is refused by both within the
 * refresh interval.
 */
@GatewayTest
class KeysAcrossInstancesTests {

	/**
	 * What the README promises: a revoked key is refused within about the refresh
	 * interval (2 s), at worst about twice that.
	 */
	static final long REVOCATION_BOUND_MILLIS = 4_000;

	@RegisterExtension
	static final SecondGateway second = new SecondGateway();

	@Autowired
	TestTenants tenants;

	@Autowired
	WebTestClient http;

	@Autowired
	ApiKeyRepository keys;

	@Test
	void aNewKeysFirstBurstOnTheOtherInstanceIsAnsweredWithOneLookup() throws Exception {
		TestTenant onSecond = second.as(this.tenants.create());
		long before = SqlStatementCounter.total();
		List<String> answers = atOnce(24,
				(i) -> onSecond.graphQl()
					.document("{ viewer { tenant } }")
					.execute()
					.path("viewer.tenant")
					.entity(String.class)
					.get());
		assertThat(answers).hasSize(24).containsOnly(onSecond.name());
		// The counter is this JVM's, so it counts the second instance's lookups too.
		assertThat(SqlStatementCounter.total() - before).as("key lookups").isLessThanOrEqualTo(1);
	}

	@Test
	void aKeyRevokedThroughOneInstanceIsRefusedByBothWithinTheBound() throws Exception {
		String key = this.tenants.create().key();
		RawGraphQl onFirst = new RawGraphQl(this.http, key);
		RawGraphQl onSecond = new RawGraphQl(second.http(), key);
		assertThat(onFirst.post("{ viewer { tenant } }").status()).isEqualTo(200);
		assertThat(onSecond.post("{ viewer { tenant } }").status()).isEqualTo(200);
		long revoked = System.nanoTime();
		assertThat(this.keys.revoke(new ApiKey(key).prefix())).isEqualTo(Revocation.REVOKED);
		for (RawGraphQl instance : List.of(onSecond, onFirst)) {
			long millis = millisUntilRefused(instance, revoked);
			assertThat(millis).as("refused %d ms after the revocation", millis)
				.isLessThanOrEqualTo(REVOCATION_BOUND_MILLIS);
		}
	}

	private static long millisUntilRefused(RawGraphQl instance, long since) throws InterruptedException {
		while (instance.post("{ viewer { tenant } }").status() == 200
				&& System.nanoTime() - since < TimeUnit.SECONDS.toNanos(30)) {
			Thread.sleep(20);
		}
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
	}

}
