package dev.customergraph.embedded;

import java.util.List;

import dev.customergraph.CustomerGraphApplication;
import dev.customergraph.GatewayTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import org.springframework.beans.factory.annotation.Autowired;
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

	@Autowired
	EmbeddedEngine engine;

	@Test
	void aDatasourceUrlIsUsedAsItIsAndNothingEmbeddedStarts() {
		assertMigratedWithoutEngine(
				"jdbc:mysql://127.0.0.1:" + this.engine.port()
						+ "/customer_graph_external_check?createDatabaseIfNotExist=true",
				this.engine.account().user(), this.engine.account().password());
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
