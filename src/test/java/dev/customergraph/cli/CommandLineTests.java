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
		Run run = run("--help");
		assertThat(run.status()).as(run.err()).isZero();
		assertThat(run.out()).contains("keys create", "seed --tenant", "GATEWAY_EMBEDDED_DATA_DIR", "server.port");
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
				List.of("keys", "create", "--tenant"))) {
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
