package dev.customergraph.dataset;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.mysql.cj.jdbc.JdbcConnection;

import dev.customergraph.customer.CustomerSearchKeys;
import dev.customergraph.dataset.BenchDataset.AddressRow;
import dev.customergraph.dataset.BenchDataset.CustomerRow;
import dev.customergraph.dataset.BenchDataset.SourceRow;
import dev.customergraph.graph.JsonColumns;
import dev.customergraph.tenancy.TenantRepository;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the benchmark dataset into a tenant's test mode: chunks of customers with their
 * tags, addresses and sources, each chunk one transaction of batched multi-row inserts,
 * two chunks at a time. Refuses a tenant that already has test-mode customers, so two
 * datasets never mix.
 */
@Component
public class DatasetWriter {

	private static final int CHUNK = 1000;

	private static final int WRITERS = 2;

	private static final String INSERT_CUSTOMER = """
			INSERT INTO customer (tenant_id, livemode, email, first_name, last_name, phone, locale, type, enabled, code,
			  vat_number, accepts_marketing, metadata, tags, request_to_be_forgotten, version, created_at, updated_at)
			VALUES (?, FALSE, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""";

	private static final String INSERT_TAG = "INSERT INTO customer_tag (tenant_id, livemode, customer_id, tag) VALUES (?, FALSE, ?, ?)";

	private static final String INSERT_ADDRESS = """
			INSERT INTO address (tenant_id, livemode, customer_id, first_name, last_name, line1, line2, city,
			  country_code, postal_code, latitude, longitude, created_at, updated_at)
			VALUES (?, FALSE, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private static final String INSERT_SOURCE = """
			INSERT INTO source (tenant_id, livemode, customer_id, type, provider, provider_reference, brand, last4,
			  expiry_month, expiry_year, created_at, updated_at)
			VALUES (?, FALSE, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	/**
	 * Points the chunk's customers at their defaults (address j = 0 ships, the last one
	 * bills; source k = 0 pays) in one statement: a JSON array of {@code {"c": customer,
	 * "s": shipping, "b": billing, "p": source}}, a key left out for none. One UPDATE per
	 * customer spent 40 % of the seeding's time, and reading the defaults back from the
	 * children locked rows the other writer was inserting.
	 */
	private static final String SET_DEFAULTS = """
			UPDATE customer c
			JOIN JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT PATH '$.c', shipping BIGINT PATH '$.s',
			  billing BIGINT PATH '$.b', source BIGINT PATH '$.p')) d ON c.id = d.id
			SET c.default_shipping_address_id = d.shipping, c.default_billing_address_id = d.billing,
			  c.default_source_id = d.source
			WHERE c.tenant_id = ? AND c.livemode = FALSE""";

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	/**
	 * Without the gateway's 5 s statement timeout: counting a million customers' rows on
	 * a busy machine took longer, and cancelling it failed a seed that had written them
	 * all.
	 */
	private final JdbcClient counting;

	private final TenantRepository tenants;

	DatasetWriter(DataSource dataSource, JdbcClient jdbc, TenantRepository tenants) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.counting = JdbcClient.create(new JdbcTemplate(dataSource));
		this.tenants = tenants;
	}

	/** The checksums of the tenant's test mode, when it has customers. */
	public Optional<DatasetChecksums> existing(String tenant) {
		return this.tenants.tenantId(tenant)
			.filter((tenantId) -> testCustomers(tenantId) > 0)
			.map((tenantId) -> DatasetChecksums.compute(this.counting, tenantId));
	}

	/**
	 * Writes {@code customers} customers (and N / 10 detached sources) for the tenant's
	 * test mode.
	 */
	public DatasetChecksums write(String tenant, long customers, boolean showProgress) {
		int tenantId = this.tenants.ensureTenant(tenant);
		long existing = testCustomers(tenantId);
		if (existing > 0) {
			throw new IllegalStateException("Tenant '" + tenant + "' already has " + existing
					+ " test-mode customers; seed a new tenant name instead.");
		}
		Progress progress = showProgress ? new Progress("customers", customers) : null;
		ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
		try {
			List<Future<?>> chunks = new ArrayList<>();
			for (long from = 1; from <= customers; from += CHUNK) {
				long first = from;
				long last = Math.min(customers, from + CHUNK - 1);
				chunks.add(writers.submit(() -> {
					writeCustomers(tenantId, first, last);
					if (progress != null) {
						progress.advance(last - first + 1);
					}
					return null;
				}));
			}
			for (long from = 1; from <= customers / 10; from += CHUNK) {
				long first = from;
				long last = Math.min(customers / 10, from + CHUNK - 1);
				chunks.add(writers.submit(() -> {
					writeDetachedSources(tenantId, first, last);
					return null;
				}));
			}
			for (Future<?> chunk : chunks) {
				chunk.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Seeding was interrupted", ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException("Seeding failed: " + ex.getCause().getMessage(), ex.getCause());
		}
		finally {
			writers.shutdownNow();
		}
		if (progress != null) {
			progress.finish();
		}
		return DatasetChecksums.compute(this.counting, tenantId);
	}

	/** How many test-mode customers the tenant has; 0 when it does not exist. */
	public long testCustomers(String tenant) {
		return this.tenants.tenantId(tenant).map(this::testCustomers).orElse(0L);
	}

	private long testCustomers(int tenantId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM customer WHERE tenant_id = :tenantId AND livemode = FALSE")
			.param("tenantId", tenantId)
			.query(Long.class)
			.single();
	}

	private void writeCustomers(int tenantId, long first, long last) throws SQLException {
		List<CustomerRow> rows = new ArrayList<>(CHUNK);
		for (long i = first; i <= last; i++) {
			rows.add(BenchDataset.customer(i));
		}
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			// Chunks write side by side; without gap locks their inserts never wait on
			// each other.
			connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
			try {
				long[] keys = insertCustomers(connection, tenantId, rows);
				insertChildren(connection, tenantId, rows, keys);
				// The chunk's keys ascend; a range that also spans another chunk's
				// committed rows adds nothing for them twice.
				CustomerSearchKeys.index(connection, tenantId, false, keys[0], keys[keys.length - 1]);
				connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
	}

	private static long[] insertCustomers(Connection connection, int tenantId, List<CustomerRow> rows)
			throws SQLException {
		try (PreparedStatement insert = prepare(connection, INSERT_CUSTOMER, Statement.RETURN_GENERATED_KEYS)) {
			for (CustomerRow row : rows) {
				insert.setInt(1, tenantId);
				insert.setString(2, row.email());
				insert.setString(3, row.firstName());
				insert.setString(4, row.lastName());
				insert.setString(5, row.phone());
				insert.setString(6, row.locale());
				insert.setString(7, row.type());
				insert.setBoolean(8, row.enabled());
				insert.setString(9, row.code());
				insert.setString(10, row.vatNumber());
				insert.setBoolean(11, row.acceptsMarketing());
				insert.setString(12, row.metadata());
				// The row's copy of the tags, as the write path keeps it (V7).
				insert.setString(13, row.tags().isEmpty() ? null : JsonColumns.write(row.tags()));
				insert.setBoolean(14, row.requestToBeForgotten());
				insert.setObject(15, row.createdAt());
				insert.setObject(16, row.updatedAt());
				insert.addBatch();
			}
			return executeForKeys(insert);
		}
	}

	/** Inserts tags, addresses and sources, then points each customer at its defaults. */
	private static void insertChildren(Connection connection, int tenantId, List<CustomerRow> rows, long[] keys)
			throws SQLException {
		int[] addressCounts = new int[rows.size()];
		int[] sourceCounts = new int[rows.size()];
		long[] addressKeys;
		long[] sourceKeys;
		try (PreparedStatement tags = prepare(connection, INSERT_TAG, Statement.NO_GENERATED_KEYS);
				PreparedStatement addresses = prepare(connection, INSERT_ADDRESS, Statement.RETURN_GENERATED_KEYS);
				PreparedStatement sources = prepare(connection, INSERT_SOURCE, Statement.RETURN_GENERATED_KEYS)) {
			for (int n = 0; n < rows.size(); n++) {
				CustomerRow customer = rows.get(n);
				for (String tag : customer.tags()) {
					tags.setInt(1, tenantId);
					tags.setLong(2, keys[n]);
					tags.setString(3, tag);
					tags.addBatch();
				}
				List<AddressRow> customerAddresses = BenchDataset.addresses(customer);
				addressCounts[n] = customerAddresses.size();
				for (AddressRow address : customerAddresses) {
					bindAddress(addresses, tenantId, keys[n], address);
				}
				List<SourceRow> customerSources = BenchDataset.sources(customer);
				sourceCounts[n] = customerSources.size();
				for (SourceRow source : customerSources) {
					bindSource(sources, tenantId, keys[n], source);
				}
			}
			tags.executeBatch();
			addressKeys = executeForKeys(addresses);
			sourceKeys = executeForKeys(sources);
		}
		try (PreparedStatement defaults = prepare(connection, SET_DEFAULTS, Statement.NO_GENERATED_KEYS)) {
			defaults.setString(1, defaultsJson(keys, addressCounts, addressKeys, sourceCounts, sourceKeys));
			defaults.setInt(2, tenantId);
			defaults.executeUpdate();
		}
	}

	/**
	 * The defaults of the customers that have any, for {@link #SET_DEFAULTS}: the
	 * children come in their customers' order, so each customer's are the next ones in
	 * the keys.
	 */
	private static String defaultsJson(long[] keys, int[] addressCounts, long[] addressKeys, int[] sourceCounts,
			long[] sourceKeys) {
		StringBuilder json = new StringBuilder(keys.length * 48).append('[');
		int address = 0;
		int source = 0;
		for (int n = 0; n < keys.length; n++) {
			if (addressCounts[n] + sourceCounts[n] == 0) {
				continue;
			}
			json.append((json.length() > 1) ? ",{\"c\":" : "{\"c\":").append(keys[n]);
			if (addressCounts[n] > 0) {
				json.append(",\"s\":").append(addressKeys[address]);
				json.append(",\"b\":").append(addressKeys[address + addressCounts[n] - 1]);
			}
			if (sourceCounts[n] > 0) {
				json.append(",\"p\":").append(sourceKeys[source]);
			}
			json.append('}');
			address += addressCounts[n];
			source += sourceCounts[n];
		}
		return json.append(']').toString();
	}

	/**
	 * A client-side prepared statement, whatever the pool's {@code useServerPrepStmts}:
	 * the driver then rewrites a batch into multi-row statement text, where binding
	 * thousands of values into a server-side statement spent nearly all the writers' time
	 * in the driver (JFR).
	 */
	private static PreparedStatement prepare(Connection connection, String sql, int generatedKeys) throws SQLException {
		return connection.unwrap(JdbcConnection.class).clientPrepareStatement(sql, generatedKeys);
	}

	/**
	 * Runs a batch of inserts and returns the generated keys, in the order of the rows.
	 */
	private static long[] executeForKeys(PreparedStatement insert) throws SQLException {
		int[] counts = insert.executeBatch();
		long[] keys = new long[counts.length];
		try (ResultSet generated = insert.getGeneratedKeys()) {
			for (int n = 0; n < keys.length && generated.next(); n++) {
				keys[n] = generated.getLong(1);
			}
		}
		return keys;
	}

	private static void bindAddress(PreparedStatement addresses, int tenantId, long customerKey, AddressRow address)
			throws SQLException {
		addresses.setInt(1, tenantId);
		addresses.setLong(2, customerKey);
		addresses.setString(3, address.firstName());
		addresses.setString(4, address.lastName());
		addresses.setString(5, address.line1());
		addresses.setString(6, address.line2());
		addresses.setString(7, address.city());
		addresses.setString(8, address.countryCode());
		addresses.setString(9, address.postalCode());
		addresses.setDouble(10, address.latitude());
		addresses.setDouble(11, address.longitude());
		addresses.setObject(12, address.createdAt());
		addresses.setObject(13, address.createdAt());
		addresses.addBatch();
	}

	private void writeDetachedSources(int tenantId, long first, long last) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement sources = prepare(connection, INSERT_SOURCE, Statement.NO_GENERATED_KEYS)) {
			for (long m = first; m <= last; m++) {
				bindSource(sources, tenantId, null, BenchDataset.detachedSource(m));
			}
			sources.executeBatch();
		}
	}

	private static void bindSource(PreparedStatement sources, int tenantId, @Nullable Long customerKey,
			SourceRow source) throws SQLException {
		sources.setInt(1, tenantId);
		setNullable(sources, 2, customerKey);
		sources.setString(3, source.type());
		sources.setString(4, source.provider());
		sources.setString(5, source.providerReference());
		sources.setString(6, source.brand());
		sources.setString(7, source.last4());
		sources.setObject(8, source.expiryMonth(), Types.SMALLINT);
		sources.setObject(9, source.expiryYear(), Types.SMALLINT);
		sources.setObject(10, source.createdAt());
		sources.setObject(11, source.createdAt());
		sources.addBatch();
	}

	private static void setNullable(PreparedStatement statement, int index, @Nullable Long value) throws SQLException {
		if (value != null) {
			statement.setLong(index, value);
		}
		else {
			statement.setNull(index, Types.BIGINT);
		}
	}

}
