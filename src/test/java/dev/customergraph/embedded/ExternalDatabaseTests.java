package dev.customergraph.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.customergraph.CustomerGraphApplication;
import dev.customergraph.GatewayTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.datasource.url} set, the gateway starts nothing embedded and
 * migrates the database it is given. The test engine stands in for an external MySQL
 * here; set {@code EXTERNAL_MYSQL_URL} (with {@code _USERNAME}, {@code _PASSWORD}) to run
 * it against a real one too.
 */
@GatewayTest
class ExternalDatabaseTests {

	@Test
	void aDatasourceUrlIsUsedAsItIsAndNothingEmbeddedStarts() throws IOException {
		String port = Files.readString(Path.of("target/test-engine/engine.port")).trim();
		assertMigratedWithoutEngine("jdbc:mysql://127.0.0.1:" + port + "/external_check?createDatabaseIfNotExist=true",
				"root", "");
	}

	@Test
	@EnabledIfEnvironmentVariable(named = "EXTERNAL_MYSQL_URL", matches = ".+")
	void aRealMySqlIsMigratedAndUsed() {
		assertMigratedWithoutEngine(System.getenv("EXTERNAL_MYSQL_URL"), System.getenv("EXTERNAL_MYSQL_USERNAME"),
				System.getenv("EXTERNAL_MYSQL_PASSWORD"));
	}

	private static void assertMigratedWithoutEngine(String url, String username, String password) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CustomerGraphApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.datasource.url=" + url, "spring.datasource.username=" + username,
					"spring.datasource.password=" + ((password != null) ? password : ""))
			.run()) {
			assertThat(context.getBeanProvider(EmbeddedEngine.class).getIfAvailable()).isNull();
			List<String> tables = context.getBean(JdbcClient.class)
				.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 1")
				.query(String.class)
				.list();
			assertThat(tables).contains("tenant", "api_key", "customer", "customer_tag", "address", "source");
		}
	}

}
