package dev.customergraph.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.customergraph.CustomerGraphApplication;
import dev.customergraph.GatewayTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar's commands, run in-process against the test server's embedded engine (they find
 * it through the data folder, as they would find a running gateway's).
 */
@GatewayTest
class CommandLineTests {

	static final String DATA_DIR = "--gateway.embedded.data-dir=target/test-engine";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	WebTestClient http;

	@Test
	void keysCreatePrintsAWorkingKeyAsTheLastLine() {
		Run run = run("keys", "create", "--tenant", "cli-tenant", "--mode", "live", "--scopes", "customers:read",
				DATA_DIR);
		assertThat(run.status()).as(run.err()).isZero();
		String key = run.lastLine();
		assertThat(key).startsWith("sk_live_").hasSize(40);
		this.graphQl.mutate()
			.header("Authorization", "Bearer " + key)
			.build()
			.document("{ viewer { tenant livemode scopes } }")
			.execute()
			.path("viewer.tenant")
			.entity(String.class)
			.isEqualTo("cli-tenant")
			.path("viewer.livemode")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("viewer.scopes")
			.entityList(String.class)
			.containsExactly("customers:read");
	}

	@Test
	void keysListShowsEachKeysPrefixModeScopesAndLife() {
		String tenant = "cli-list-" + System.nanoTime();
		String test = run("keys", "create", "--tenant", tenant, "--mode", "test", DATA_DIR).lastLine();
		String live = run("keys", "create", "--tenant", tenant, "--mode", "live", "--scopes", "customers:read",
				DATA_DIR)
			.lastLine();
		Run run = run("keys", "list", "--tenant", tenant, DATA_DIR);
		assertThat(run.status()).as(run.err()).isZero();
		List<String> lines = run.out().strip().lines().toList();
		assertThat(lines.get(0)).contains("prefix", "mode", "scopes", "created", "last used", "revoked");
		assertThat(lines).hasSize(3);
		assertThat(lines.get(1)).startsWith(live.substring(0, 16)).contains(" live ", "customers:read ").endsWith("-");
		assertThat(lines.get(2)).startsWith(test.substring(0, 16)).contains(" test ", "customers:read,customers:write");
		assertThat(run.out()).doesNotContain(test).doesNotContain(live);
		assertThat(run("keys", "list", "--tenant", "no-such-tenant", DATA_DIR).status()).isEqualTo(1);
	}

	@Test
	void aRevokedKeyIsRefusedByTheRunningGatewayWithinThreeSeconds() throws InterruptedException {
		String tenant = "cli-revoke-" + System.nanoTime();
		String key = run("keys", "create", "--tenant", tenant, "--mode", "test", DATA_DIR).lastLine();
		HttpGraphQlTester withKey = this.graphQl.mutate().header("Authorization", "Bearer " + key).build();
		withKey.document("{ viewer { tenant } }")
			.execute()
			.path("viewer.tenant")
			.entity(String.class)
			.isEqualTo(tenant);

		Run revoke = run("keys", "revoke", key.substring(0, 16), DATA_DIR);
		assertThat(revoke.status()).as(revoke.err()).isZero();
		long revoked = System.nanoTime();
		while (status(key) == 200) {
			assertThat(System.nanoTime() - revoked).as("time until refused").isLessThan(3_000_000_000L);
			Thread.sleep(50);
		}
		assertThat(status(key)).isEqualTo(401);
		assertThat(run("keys", "list", "--tenant", tenant, DATA_DIR).out().strip().lines().toList().get(1))
			.doesNotEndWith(" -");
		Run again = run("keys", "revoke", key.substring(0, 16), DATA_DIR);
		assertThat(again.status()).isZero();
		assertThat(again.out()).contains("already revoked");
		Run unknown = run("keys", "revoke", "sk_test_00000000", DATA_DIR);
		assertThat(unknown.status()).isEqualTo(1);
		assertThat(unknown.err()).contains("no key sk_test_00000000");
	}

	private int status(String key) {
		return this.http.post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"{ viewer { tenant } }\"}")
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
	}

	@Test
	void seedWritesTheDatasetAndPrintsItsChecksums() {
		Run run = run("seed", "--tenant", "cli-seed-" + System.nanoTime(), "--customers", "10", DATA_DIR);
		assertThat(run.status()).as(run.err()).isZero();
		assertThat(run.out()).contains("customers               10").contains("addresses               16");
	}

	@Test
	void seedKeepsAnExistingDatasetOfTheSameSizeWhenAsked() {
		String tenant = "cli-keep-" + System.nanoTime();
		assertThat(run("seed", "--tenant", tenant, "--customers", "10", DATA_DIR).status()).isZero();
		Run kept = run("seed", "--tenant", tenant, "--customers", "10", "--existing", "keep", DATA_DIR);
		assertThat(kept.status()).as(kept.err()).isZero();
		assertThat(kept.out()).contains("Kept tenant").contains("customers               10");
		Run otherSize = run("seed", "--tenant", tenant, "--customers", "20", "--existing", "keep", DATA_DIR);
		assertThat(otherSize.status()).isEqualTo(1);
		assertThat(otherSize.err()).contains("already has 10 test-mode customers");
	}

	@Test
	void helpListsCommandsAndSettings() {
		for (List<String> args : List.of(List.of("--help"), List.of("seed", "--help"),
				List.of("keys", "create", "--tenant", "x", "-h"))) {
			Run run = run(args.toArray(String[]::new));
			assertThat(run.status()).as(run.err()).isZero();
			assertThat(run.out()).as(String.join(" ", args))
				.contains("keys create", "keys list --tenant", "keys revoke PREFIX", "seed --tenant",
						"GATEWAY_EMBEDDED_DATA_DIR", "server.port");
		}
	}

	@Test
	void badArgumentsExplainThemselvesAndExitNonZero() {
		for (List<String> args : List.of(List.of("keys", "create", "--tenant", "x", "--mode", "prod"),
				List.of("keys", "create", "--mode", "test"),
				List.of("keys", "create", "--tenant", "Bad Name", "--mode", "test"),
				List.of("keys", "create", "--tenant", "x", "--mode", "test", "--scopes", "admin"),
				List.of("seed", "--tenant", "x", "--customers", "many"),
				List.of("seed", "--tenant", "x", "--customers", "0"),
				List.of("seed", "--tenant", "x", "--customers", "5", "--colour", "red"),
				List.of("seed", "--tenant", "x", "--customers", "5", "--existing", "replace"), List.of("frobnicate"),
				List.of("keys", "create", "--tenant"), List.of("keys", "list"),
				List.of("keys", "list", "--tenant", "x", "--mode", "test"), List.of("keys", "revoke"),
				List.of("keys", "revoke", "--tenant", "x"), List.of("keys", "revoke", "nonsense"),
				List.of("keys", "revoke", "sk_test_AbCd1234", "--force", "yes"), List.of("keys", "rotate"))) {
			Run run = run(args.toArray(String[]::new));
			assertThat(run.status()).as(String.join(" ", args)).isEqualTo(2);
			assertThat(run.err()).as(String.join(" ", args)).startsWith("error: ").contains("Usage:");
		}
	}

	private static Run run(String... args) {
		PrintStream out = System.out;
		PrintStream err = System.err;
		ByteArrayOutputStream stdout = new ByteArrayOutputStream();
		ByteArrayOutputStream stderr = new ByteArrayOutputStream();
		try {
			System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
			int status = CommandLine.run(CustomerGraphApplication.class, args);
			return new Run(status, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
	}

	record Run(int status, String out, String err) {

		String lastLine() {
			String[] lines = this.out.strip().split("\\R");
			return lines[lines.length - 1];
		}

	}

}
