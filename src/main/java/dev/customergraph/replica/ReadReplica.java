package dev.customergraph.replica;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.customergraph.observability.SqlStatementCounter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * The read replica: its pool, and a background check of its replication state every
 * {@code check-interval} on a connection of its own, so that a busy pool does not delay
 * it. Queries read from the replica only while the last check found it usable
 * ({@link ReplicaState}); a request never waits for a check. Each change is logged and
 * counted ({@code gateway.datasource.read.switches}), and the state is a gauge
 * ({@code gateway.datasource.read.usable}, with {@code gateway.datasource.read.lag}).
 */
final class ReadReplica implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ReadReplica.class);

	private final HikariDataSource pool;

	private final HikariDataSource checks;

	private final ReadSide side;

	private final long maxLagSeconds;

	private final long checkIntervalMillis;

	private final Counter toReplica;

	private final Counter toPrimary;

	private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "read-replica-check");
		thread.setDaemon(true);
		return thread;
	});

	private volatile ReplicaState state = ReplicaState.NOT_CHECKED;

	ReadReplica(ReadReplicaProperties properties, HikariDataSource primary, Binder binder, MeterRegistry registry) {
		this.maxLagSeconds = properties.maxLag().toSeconds();
		this.checkIntervalMillis = properties.checkInterval().toMillis();
		HikariConfig reads = poolSettings(properties, primary, binder, "-read");
		reads.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
		HikariConfig check = poolSettings(properties, primary, binder, "-read-check");
		check.setMaximumPoolSize(1);
		check.setMinimumIdle(1);
		// A replica that hangs is given up on within two checks' time, not the primary's
		// socket timeout.
		check.addDataSourceProperty("socketTimeout", Long.toString(Math.max(1000, 2 * this.checkIntervalMillis)));
		this.pool = new HikariDataSource(reads);
		this.checks = new HikariDataSource(check);
		this.side = new ReadSide(this.pool);
		Gauge.builder("gateway.datasource.read.usable", this, (replica) -> replica.state.usable() ? 1 : 0)
			.description("1 while queries read from the read replica, 0 while they read from the primary")
			.register(registry);
		Gauge.builder("gateway.datasource.read.lag", this, (replica) -> lagOrNaN(replica.state))
			.description("The read replica's lag as it reported it at the last check; NaN when unknown")
			.baseUnit("seconds")
			.register(registry);
		this.toReplica = switches(registry, "replica");
		this.toPrimary = switches(registry, "primary");
	}

	/** Starts the checks; queries read from the primary until the first one passes. */
	void start() {
		this.checker.scheduleWithFixedDelay(() -> SqlStatementCounter.notCounted(this::check), 0,
				this.checkIntervalMillis, TimeUnit.MILLISECONDS);
	}

	/** Where a query that starts now reads. */
	ReadSide forQuery() {
		return this.state.usable() ? this.side : ReadSide.PRIMARY;
	}

	@Override
	public void close() {
		this.checker.shutdownNow();
		this.checks.close();
		this.pool.close();
	}

	private void check() {
		ReplicaState found;
		try (Connection connection = this.checks.getConnection()) {
			found = ReplicaState.read(connection, this.maxLagSeconds);
		}
		catch (SQLException | RuntimeException ex) {
			if (this.checker.isShutdown()) {
				// Interrupted by close(): the replica is fine, the gateway is stopping.
				return;
			}
			found = ReplicaState.unusable("it cannot be checked: " + ex.getMessage());
		}
		ReplicaState previous = this.state;
		this.state = found;
		if (found.usable() && (!previous.usable() || previous == ReplicaState.NOT_CHECKED)) {
			this.toReplica.increment();
			log.info("Queries read from the read replica ({}): it is {}", this.pool.getJdbcUrl(), found.description());
		}
		else if (!found.usable() && (previous.usable() || previous == ReplicaState.NOT_CHECKED)) {
			this.toPrimary.increment();
			log.warn("Queries read from the primary; the read replica ({}) is not usable: {}", this.pool.getJdbcUrl(),
					found.description());
		}
	}

	/**
	 * The primary's pool settings ({@code spring.datasource.hikari.*}: size, timeouts,
	 * init SQL, driver properties), then the read side's own
	 * ({@code gateway.datasource.read.hikari.*}). A replica that is down never keeps the
	 * gateway from starting: its pool does not wait for a first connection.
	 */
	private static HikariConfig poolSettings(ReadReplicaProperties properties, HikariDataSource primary, Binder binder,
			String poolSuffix) {
		HikariConfig config = new HikariConfig();
		binder.bind("spring.datasource.hikari", Bindable.ofInstance(config));
		binder.bind("gateway.datasource.read.hikari", Bindable.ofInstance(config));
		config.setJdbcUrl(properties.url());
		config.setUsername((properties.username() != null) ? properties.username() : primary.getUsername());
		config.setPassword((properties.password() != null) ? properties.password() : primary.getPassword());
		config.setPoolName(primary.getPoolName() + poolSuffix);
		config.setInitializationFailTimeout(-1);
		return config;
	}

	private static Counter switches(MeterRegistry registry, String to) {
		return Counter.builder("gateway.datasource.read.switches")
			.description("Times queries switched to reading from the replica or from the primary")
			.tag("to", to)
			.register(registry);
	}

	private static double lagOrNaN(ReplicaState state) {
		return (state.lagSeconds() >= 0) ? state.lagSeconds() : Double.NaN;
	}

}
