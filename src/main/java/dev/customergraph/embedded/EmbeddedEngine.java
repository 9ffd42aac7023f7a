package dev.customergraph.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MariaDB server, private to the gateway: on a free loopback port, with its
 * grant tables on and one account whose password is kept in the data folder
 * ({@link EngineAccount}). The data folder survives restarts, kills and clean shutdowns
 * wherever it lies. If the engine of a live gateway or command already runs on the same
 * folder it is reused and left running; one left behind by a killed process is stopped
 * and started again by this one.
 */
public final class EmbeddedEngine implements AutoCloseable {

	static final String DATABASE = "customer_graph";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedEngine.class);

	private final EngineFolder folder;

	private final EngineAccount account;

	private final int port;

	private final @Nullable MariaDbServer started;

	private final AtomicBoolean closed = new AtomicBoolean();

	private volatile boolean closingWithContext;

	private EmbeddedEngine(EngineFolder folder, EngineAccount account, int port, @Nullable MariaDbServer started) {
		this.folder = folder;
		this.account = account;
		this.port = port;
		this.started = started;
		if (started != null) {
			Runtime.getRuntime().addShutdownHook(new Thread(this::stopAtExit, "embedded-mariadb-stop"));
		}
	}

	/** Connects to the engine running on {@code properties.dataDir()}, or starts one. */
	public static EmbeddedEngine startOrReuse(EmbeddedProperties properties) {
		EngineFolder folder = new EngineFolder(properties.dataDir());
		try {
			OwnerOnlyFile.createFolder(folder.tmp());
			EngineAccount account = EngineAccount.readOrCreate(folder.passwordFile());
			Optional<Integer> running = runningPort(folder, account);
			if (running.isPresent() && ownerIsAlive(folder)) {
				log.info("Using the embedded MariaDB already running on port {} for {}", running.get(), folder.home());
				return new EmbeddedEngine(folder, account, running.get(), null);
			}
			MariaDbServer server = MariaDbServer.prepare(folder, properties.bufferPoolSize());
			stopLeftOver(folder, server);
			server.start(account.provisioningSql());
			EmbeddedEngine engine = new EmbeddedEngine(folder, account, server.port(), server);
			try {
				engine.checkAccount();
				Files.writeString(folder.portFile(), Integer.toString(server.port()));
				Files.writeString(folder.ownerFile(), Long.toString(ProcessHandle.current().pid()));
			}
			catch (IOException | SQLException | RuntimeException ex) {
				engine.close();
				throw ex;
			}
			log.info("Embedded MariaDB started on port {} with data in {}", server.port(), folder.home());
			return engine;
		}
		catch (IOException | SQLException ex) {
			throw new IllegalStateException("The embedded MariaDB did not start (data folder " + folder.home()
					+ ", log " + folder.logFile() + "): " + ex.getMessage(), ex);
		}
	}

	/**
	 * Stops the engine this process started, keeping its data and port, so that a test
	 * can see the gateway through a database outage; {@link #restart()} brings it back.
	 */
	public void stop() {
		started().stop();
	}

	/** Starts the engine again on the same port after {@link #stop()}. */
	public void restart() {
		try {
			started().start(this.account.provisioningSql());
		}
		catch (IOException ex) {
			throw new IllegalStateException("The embedded MariaDB did not start again", ex);
		}
	}

	private MariaDbServer started() {
		if (this.started == null) {
			throw new IllegalStateException("This engine was started by another process");
		}
		return this.started;
	}

	public String jdbcUrl() {
		return "jdbc:mysql://127.0.0.1:" + this.port + "/" + DATABASE + "?createDatabaseIfNotExist=true";
	}

	public int port() {
		return this.port;
	}

	/** The gateway's account on this engine. */
	EngineAccount account() {
		return this.account;
	}

	/**
	 * The application context that holds this engine has begun to close; it stops the
	 * engine last, after requests in flight have finished.
	 */
	void closingWithContext() {
		this.closingWithContext = true;
	}

	@Override
	public void close() {
		if (this.started == null || !this.closed.compareAndSet(false, true)) {
			return;
		}
		this.started.stop();
		try {
			Files.deleteIfExists(this.folder.portFile());
			Files.deleteIfExists(this.folder.ownerFile());
		}
		catch (IOException ex) {
			log.warn("Could not remove {}", this.folder.portFile());
		}
	}

	/**
	 * The JVM is exiting (SIGTERM, or a test run ending) and mariadbd, a child process,
	 * would outlive it. When Spring's own shutdown hook is closing the context, that
	 * context stops the engine after its graceful shutdown; otherwise (nobody closes the
	 * context, as in a test JVM) this hook does. Only the engine is stopped: no file is
	 * deleted.
	 */
	private void stopAtExit() {
		try {
			// Spring's hook starts at the same moment; give it time to announce itself.
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (!this.closingWithContext) {
			close();
		}
	}

	private void checkAccount() throws SQLException {
		try (var connection = connect(this.port, this.account)) {
			connection.isValid(2);
		}
	}

	/**
	 * The port of an engine that answers on the recorded port, lets the gateway's account
	 * in and serves this data folder.
	 */
	private static Optional<Integer> runningPort(EngineFolder folder, EngineAccount account) {
		if (!Files.isRegularFile(folder.portFile())) {
			return Optional.empty();
		}
		try {
			int port = Integer.parseInt(Files.readString(folder.portFile()).trim());
			try (var connection = connect(port, account);
					var result = connection.createStatement().executeQuery("SELECT @@datadir")) {
				result.next();
				boolean same = Path.of(result.getString(1)).toRealPath().equals(folder.data().toRealPath());
				return same ? Optional.of(port) : Optional.empty();
			}
		}
		catch (IOException | NumberFormatException | SQLException ex) {
			return Optional.empty();
		}
	}

	private static java.sql.Connection connect(int port, EngineAccount account) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", account.user());
		properties.setProperty("password", account.password());
		properties.setProperty("connectTimeout", "1000");
		properties.setProperty("socketTimeout", "2000");
		return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/", properties);
	}

	/** Whether the process that started the running engine is still there to stop it. */
	private static boolean ownerIsAlive(EngineFolder folder) {
		try {
			long owner = Long.parseLong(Files.readString(folder.ownerFile()).trim());
			return ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false);
		}
		catch (IOException | NumberFormatException ex) {
			return false;
		}
	}

	/**
	 * Stops a mariadbd still running on this folder for a process that was killed (or for
	 * a version that ran it without grant tables), so this process starts and owns a
	 * fresh one. Its shutdown is a clean one: SIGTERM, and the data is flushed.
	 */
	private static void stopLeftOver(EngineFolder folder, MariaDbServer server) throws IOException {
		Optional<ProcessHandle> leftOver;
		try {
			long pid = Long.parseLong(Files.readString(folder.pidFile()).trim());
			leftOver = ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(server::isOurs);
		}
		catch (IOException | NumberFormatException ex) {
			return;
		}
		if (leftOver.isEmpty()) {
			return;
		}
		log.info("Stopping the embedded MariaDB (pid {}) left running on {}", leftOver.get().pid(), folder.home());
		leftOver.get().destroy();
		try {
			leftOver.get().onExit().get(60, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IOException(
					"The embedded MariaDB left running on this folder (pid " + leftOver.get().pid() + ") did not stop",
					ex);
		}
	}

}
