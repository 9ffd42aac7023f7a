package dev.customergraph.tenancy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.customergraph.GatewayTest;
import dev.customergraph.http.RawGraphQl;
import dev.customergraph.observability.SqlStatementCounter;
import dev.customergraph.tenancy.ApiKeyRepository.KeyListing;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authentication from the keys held in memory: no SQL for a key in use, a bounded trickle
 * for a flood of unknown keys, and the last use written down in batches.
 */
@GatewayTest
class KeyLifecycleTests {

	@Autowired
	TestTenants tenants;

	@Autowired
	WebTestClient http;

	@Autowired
	KnownKeys knownKeys;

	@Autowired
	ApiKeyRepository keys;

	@Test
	void aKeyInUseCostsNoSqlFromItsFirstRequest() {
		RawGraphQl graphQl = new RawGraphQl(this.http, this.tenants.create().key());
		for (int i = 0; i < 20; i++) {
			RawGraphQl.Response response = graphQl.post("{ viewer { tenant } }");
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.statements()).isZero();
		}
	}

	@Test
	void aFloodOfRandomKeysCostsABoundedTrickleOfLookups() throws Exception {
		long start = System.nanoTime();
		long before = SqlStatementCounter.total();
		int requests = 600;
		ExecutorService clients = Executors.newFixedThreadPool(16);
		try {
			List<Future<?>> sent = new ArrayList<>();
			for (int i = 0; i < requests; i++) {
				boolean live = i % 2 == 0;
				sent.add(clients
					.submit(() -> assertUnauthenticated(new RawGraphQl(this.http, ApiKey.generate(live).value()))));
			}
			for (Future<?> request : sent) {
				request.get();
			}
		}
		finally {
			clients.shutdown();
		}
		long statements = SqlStatementCounter.total() - before;
		double seconds = (System.nanoTime() - start) / 1e9;
		// At most 10 lookups of unknown keys a second
		// (gateway.keys.unknown-key-lookups-per-second).
		assertThat(statements).as("%d requests in %.1f s", requests, seconds)
			.isLessThanOrEqualTo(10 * ((long) Math.ceil(seconds) + 1))
			.isLessThan(requests / 2);
	}

	@Test
	void theSameUnknownKeyIsLookedUpOnce() {
		RawGraphQl stranger = new RawGraphQl(this.http, ApiKey.generate(false).value());
		long before = SqlStatementCounter.total();
		for (int i = 0; i < 50; i++) {
			assertUnauthenticated(stranger);
		}
		assertThat(SqlStatementCounter.total() - before).isLessThanOrEqualTo(1);
	}

	private static void assertUnauthenticated(RawGraphQl graphQl) {
		RawGraphQl.Response response = graphQl.post("{ viewer { tenant } }");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.firstErrorCode()).isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void theLastUseIsWrittenDownInABatch() {
		TestTenants.TestTenant tenant = this.tenants.create(false, EnumSet.of(Scope.READ));
		assertThat(this.keys.list(tenant.name())).singleElement().extracting(KeyListing::lastUsedAt).isNull();
		new RawGraphQl(this.http, tenant.key()).post("{ viewer { tenant } }");
		this.knownKeys.writeLastUsed();
		assertThat(this.keys.list(tenant.name())).singleElement().extracting(KeyListing::lastUsedAt).isNotNull();
	}

}
