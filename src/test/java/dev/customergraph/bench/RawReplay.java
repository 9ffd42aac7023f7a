package dev.customergraph.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import dev.customergraph.observability.SqlCapture;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database's own bound: replays the SQL statements the gateway sent for requests of
 * one benchmark shape (captured by the bench profile, {@code captures/<shape>.json})
 * straight over JDBC, one connection per client, at the harness's concurrency, with the
 * gateway's driver settings (read from its {@code application.yml}). Prints one JSON line
 * per measurement.
 *
 * <pre>
 * RawReplay --jdbc-url URL --captures DIR --shapes Q1,Q2 --concurrency 16,64 --runs 3 --warmup 5 --duration 20
 * </pre>
 */
public final class RawReplay {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Options options;

	private RawReplay(Options options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		new RawReplay(Options.parse(args)).run(System.out);
	}

	private void run(PrintStream out) throws Exception {
		Properties driver = new Properties();
		String sessionSetup = readDriverSettings(driver);
		for (int run = 1; run <= this.options.runs(); run++) {
			for (int concurrency : this.options.concurrency()) {
				for (String shape : this.options.shapes()) {
					List<List<SqlCapture.Statement>> requests = JSON
						.readValue(this.options.captures().resolve(shape + ".json").toFile(), new TypeReference<>() {
						});
					Latencies result = measure(driver, sessionSetup, requests, concurrency);
					Measurement measurement = new Measurement("raw", shape, concurrency, run, result.requests(),
							result.rps(), result.percentile(50), result.percentile(99), result.errors(),
							requests.stream().mapToInt(List::size).average().orElse(0));
					out.println(JSON.writeValueAsString(measurement));
					System.err.printf("raw %s c=%d run %d: %,.0f req/s, p50 %.2f ms, %d errors%n", shape, concurrency,
							run, measurement.rps(), measurement.p50Ms(), measurement.errors());
				}
			}
		}
	}

	/**
	 * Clients replay the captured requests in turn; the first {@code warmup} seconds are
	 * not counted.
	 */
	private Latencies measure(Properties driver, String sessionSetup, List<List<SqlCapture.Statement>> requests,
			int concurrency) throws Exception {
		long start = System.nanoTime();
		long counted = start + this.options.warmupSeconds() * 1_000_000_000L;
		long end = counted + this.options.durationSeconds() * 1_000_000_000L;
		AtomicLong errors = new AtomicLong();
		List<Client> clients = new ArrayList<>();
		for (int n = 0; n < concurrency; n++) {
			Connection connection = DriverManager.getConnection(this.options.jdbcUrl(), driver);
			try (Statement setup = connection.createStatement()) {
				setup.execute(sessionSetup);
			}
			clients.add(new Client(connection, requests, n * 7919, counted, end, errors));
		}
		List<Thread> threads = clients.stream().map(Thread::new).toList();
		threads.forEach(Thread::start);
		for (Thread thread : threads) {
			thread.join();
		}
		long[] latencies = clients.stream()
			.flatMapToLong((client) -> Arrays.stream(client.latencies()))
			.sorted()
			.toArray();
		return new Latencies(latencies, this.options.durationSeconds(), errors.get());
	}

	/**
	 * Puts the gateway's driver properties (minus its statement counter) and credentials
	 * into {@code properties}, and returns its session setup statement.
	 */
	private static String readDriverSettings(Properties properties) throws IOException {
		try (InputStream yaml = RawReplay.class.getResourceAsStream("/application.yml")) {
			Map<String, Object> hikari = at(new Yaml().load(yaml), "spring", "datasource", "hikari");
			Map<String, Object> driver = at(hikari, "data-source-properties");
			driver.forEach((name, value) -> properties.setProperty(name, String.valueOf(value)));
			properties.remove("queryInterceptors");
			properties.setProperty("user", System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "root"));
			properties.setProperty("password", System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", ""));
			return String.valueOf(hikari.get("connection-init-sql"));
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> at(Map<String, Object> yaml, String... path) {
		Map<String, Object> node = yaml;
		for (String name : path) {
			node = (Map<String, Object>) node.get(name);
		}
		return node;
	}

	/**
	 * One client: a connection that replays requests back to back and records their
	 * latency.
	 */
	private static final class Client implements Runnable {

		private final Connection connection;

		private final List<List<SqlCapture.Statement>> requests;

		private final long counted;

		private final long end;

		private final AtomicLong errors;

		private long[] latencies = new long[1 << 14];

		private int size;

		private int next;

		Client(Connection connection, List<List<SqlCapture.Statement>> requests, int offset, long counted, long end,
				AtomicLong errors) {
			this.connection = connection;
			this.requests = requests;
			this.next = offset;
			this.counted = counted;
			this.end = end;
			this.errors = errors;
		}

		@Override
		public void run() {
			try (this.connection) {
				long now = System.nanoTime();
				while (now < this.end) {
					List<SqlCapture.Statement> request = this.requests.get(this.next++ % this.requests.size());
					try {
						for (SqlCapture.Statement statement : request) {
							execute(statement);
						}
					}
					catch (SQLException ex) {
						this.errors.incrementAndGet();
					}
					long done = System.nanoTime();
					if (now >= this.counted && done <= this.end) {
						record(done - now);
					}
					now = done;
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/**
		 * Runs a statement and reads every column of every row, as the gateway's row
		 * mappers do.
		 */
		private void execute(SqlCapture.Statement statement) throws SQLException {
			try (PreparedStatement prepared = this.connection.prepareStatement(statement.sql())) {
				List<SqlCapture.Parameter> parameters = statement.parameters();
				for (int n = 0; n < parameters.size(); n++) {
					bind(prepared, n + 1, parameters.get(n));
				}
				try (ResultSet rows = prepared.executeQuery()) {
					int columns = rows.getMetaData().getColumnCount();
					while (rows.next()) {
						for (int column = 1; column <= columns; column++) {
							rows.getObject(column);
						}
					}
				}
			}
		}

		private static void bind(PreparedStatement statement, int index, SqlCapture.Parameter parameter)
				throws SQLException {
			String value = parameter.value();
			switch (parameter.type()) {
				case "null" -> statement.setObject(index, null);
				case "Long" -> statement.setLong(index, Long.parseLong(value));
				case "Integer", "Short" -> statement.setInt(index, Integer.parseInt(value));
				case "Boolean" -> statement.setBoolean(index, Boolean.parseBoolean(value));
				case "Double" -> statement.setDouble(index, Double.parseDouble(value));
				case "LocalDateTime" -> statement.setObject(index, LocalDateTime.parse(value));
				case "String" -> statement.setString(index, value);
				default -> throw new IllegalArgumentException("Cannot replay a parameter of type " + parameter.type());
			}
		}

		private void record(long nanos) {
			if (this.size == this.latencies.length) {
				this.latencies = Arrays.copyOf(this.latencies, this.size * 2);
			}
			this.latencies[this.size++] = nanos;
		}

		long[] latencies() {
			return Arrays.copyOf(this.latencies, this.size);
		}

	}

	/** Latencies (sorted, in ns) and errors of the counted window. */
	private record Latencies(long[] latencies, long seconds, long errors) {

		long requests() {
			return this.latencies.length;
		}

		double rps() {
			return (double) this.latencies.length / this.seconds;
		}

		double percentile(double percent) {
			if (this.latencies.length == 0) {
				return 0;
			}
			int index = (int) Math.ceil(percent / 100 * this.latencies.length) - 1;
			return this.latencies[Math.max(0, index)] / 1e6;
		}

	}

	/** The command line, {@code --name value} pairs. */
	private record Options(String jdbcUrl, Path captures, List<String> shapes, List<Integer> concurrency, int runs,
			long warmupSeconds, long durationSeconds) {

		static Options parse(String[] args) {
			Map<String, String> values = new java.util.HashMap<>();
			for (int n = 0; n + 1 < args.length; n += 2) {
				if (!args[n].startsWith("--")) {
					throw new IllegalArgumentException("Expected --name value pairs, got " + args[n]);
				}
				values.put(args[n].substring(2), args[n + 1]);
			}
			return new Options(required(values, "jdbc-url"), Path.of(required(values, "captures")),
					List.of(required(values, "shapes").split(",")),
					Arrays.stream(values.getOrDefault("concurrency", "16,64").split(","))
						.map(Integer::valueOf)
						.toList(),
					Integer.parseInt(values.getOrDefault("runs", "3")),
					Long.parseLong(values.getOrDefault("warmup", "5")),
					Long.parseLong(values.getOrDefault("duration", "20")));
		}

		private static String required(Map<String, String> values, String name) {
			String value = values.get(name);
			if (value == null) {
				throw new IllegalArgumentException("--" + name + " is required");
			}
			if (name.equals("captures") && !Files.isDirectory(Path.of(value))) {
				throw new IllegalArgumentException("No captures folder " + value);
			}
			return value;
		}

	}

}
