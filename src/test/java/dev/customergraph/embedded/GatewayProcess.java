package dev.customergraph.embedded;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.customergraph.CustomerGraphApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as a user runs it: its main class in a child JVM on the test's class path
 * (what {@code java -jar target/customer-graph.jar} runs, without needing the jar), with
 * {@code GATEWAY_EMBEDDED_DATA_DIR} set, its output in {@code <data folder>.log}.
 */
final class GatewayProcess {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Process process;

	private final Path log;

	private final int port;

	private GatewayProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/**
	 * Runs a command ({@code keys create …}) to its end and returns its last line of
	 * output.
	 */
	static String command(Path dataDir, String... args) throws Exception {
		GatewayProcess command = launch(dataDir, 0, List.of(args));
		assertThat(command.process.waitFor(120, TimeUnit.SECONDS)).as(command.logTail()).isTrue();
		assertThat(command.process.exitValue()).as(command.logTail()).isZero();
		List<String> lines = Files.readAllLines(command.log).stream().filter((line) -> !line.isBlank()).toList();
		return lines.get(lines.size() - 1).strip();
	}

	/** Starts the server and waits until it is healthy. */
	static GatewayProcess serve(Path dataDir) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		GatewayProcess server = launch(dataDir, port,
				List.of("--server.port=" + port, "--gateway.demo.customers=5", "--logging.level.root=warn"));
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (!server.isHealthy()) {
			assertThat(server.process.isAlive()).as("the gateway exited: " + server.logTail()).isTrue();
			assertThat(System.nanoTime()).as("not healthy within 120 s: " + server.logTail()).isLessThan(deadline);
			Thread.sleep(200);
		}
		return server;
	}

	/** POSTs a GraphQL query with {@code key} and returns the response body as JSON. */
	JsonNode graphQl(String key, String query, Map<String, Object> variables) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(20))
			.POST(HttpRequest.BodyPublishers
				.ofByteArray(JSON.writeValueAsBytes(Map.of("query", query, "variables", variables))))
			.build();
		return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
	}

	/** SIGTERM, as a service manager or Ctrl-C stops it, and waits for the exit. */
	void stop() throws InterruptedException {
		this.process.destroy();
		assertThat(this.process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
	}

	/** SIGKILL: no shutdown hook runs, the engine is left behind. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor();
	}

	String logTail() {
		try {
			String text = Files.readString(this.log);
			return text.substring(Math.max(0, text.length() - 3000));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private boolean isHealthy() {
		try {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(2))
				.build();
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static GatewayProcess launch(Path dataDir, int port, List<String> args) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
						"-cp", System.getProperty("java.class.path"), CustomerGraphApplication.class.getName()));
		command.addAll(args);
		Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().put("GATEWAY_EMBEDDED_DATA_DIR", dataDir.toString());
		return new GatewayProcess(builder.start(), log, port);
	}

}
