package dev.customergraph.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;

import dev.customergraph.GatewayTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The embedded engine is the gateway's alone: another local process that finds its port
 * in {@code engine.port} gets nowhere without the password, which only the data folder's
 * owner can read.
 */
@GatewayTest
class EmbeddedEngineAccessTests {

	static final Path HOME = Path.of("target/test-engine");

	@Autowired
	EmbeddedEngine engine;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theEngineRefusesEveryoneWithoutThePassword() {
		for (String[] login : new String[][] { { "root", "" }, { "root", "root" }, { "", "" }, { "anonymous", "" },
				{ this.engine.account().user(), "" }, { this.engine.account().user(), "wrong-password" } }) {
			assertThatExceptionOfType(SQLException.class).as("%s / '%s'", login[0], login[1])
				.isThrownBy(() -> DriverManager
					.getConnection("jdbc:mysql://127.0.0.1:" + this.engine.port() + "/customer_graph", login[0],
							login[1])
					.close())
				.withMessageContaining("Access denied");
		}
	}

	@Test
	void theSecretsInTheDataFolderAreReadableByTheirOwnerOnly() throws Exception {
		assertThat(Files.readString(HOME.resolve("engine.port")).trim())
			.isEqualTo(Integer.toString(this.engine.port()));
		for (String secret : new String[] { "engine.password", "demo-api-key" }) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(HOME.resolve(secret)))).as(secret)
				.isEqualTo("rw-------");
		}
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(HOME.resolve("tmp"))))
			.isEqualTo("rwx------");
	}

	@Test
	void theGatewaysAccountListensOnLoopbackAndCannotReachFiles() {
		assertThat(this.jdbc.sql("SELECT @@bind_address").query(String.class).single()).isEqualTo("127.0.0.1");
		assertThat(this.jdbc.sql("SELECT @@secure_file_priv").query(String.class).single()).endsWith("tmp/files/");
		assertThat(this.jdbc.sql("SHOW GRANTS").query(String.class).list())
			.noneMatch((grant) -> grant.contains(" FILE"))
			.anyMatch((grant) -> grant.contains("`customer\\_graph%`"));
	}

}
