package dev.customergraph;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The three-node MariaDB Galera cluster of {@code cluster/galera.sh} (README, "On a
 * MariaDB Galera cluster"): the first test that asks for a node runs {@code up}, which
 * starts the nodes not running yet, and the cluster stays up for the next run until
 * {@code cluster/galera.sh down}. Only test classes tagged {@value #TAG} use it; they run
 * with {@code mvn -Pgalera test} and never in the default build.
 */
public final class GaleraCluster {

	/** The tag of the tests that need the cluster. */
	public static final String TAG = "galera";

	private static @Nullable Properties settings;

	private GaleraCluster() {
	}

	/**
	 * Points the test's own gateway at node 1, as {@code SPRING_DATASOURCE_URL}, username
	 * and password would.
	 */
	public static void firstNode(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> url(1));
		registry.add("spring.datasource.username", () -> setting("GALERA_USER"));
		registry.add("spring.datasource.password", () -> setting("GALERA_PASSWORD"));
	}

	/** The JDBC URL of node 1, 2 or 3, with {@code wsrep_sync_wait} on. */
	public static String url(int node) {
		return setting("GALERA_URL_" + node);
	}

	private static synchronized String setting(String name) {
		if (settings == null) {
			settings = up();
		}
		return settings.getProperty(name);
	}

	/** Runs the script and reads the settings it wrote for clients. */
	private static Properties up() {
		String folder = System.getenv("GALERA_DIR");
		Path dir = Path.of((folder != null) ? folder : "target/galera");
		try {
			Process script = new ProcessBuilder("cluster/galera.sh", "up").inheritIO().start();
			if (script.waitFor() != 0) {
				throw new IllegalStateException("cluster/galera.sh up failed; its output is above");
			}
			Properties env = new Properties();
			try (Reader file = Files.newBufferedReader(dir.resolve("cluster.env"))) {
				env.load(file);
			}
			return env;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the Galera cluster", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the Galera cluster started", ex);
		}
	}

}
