package dev.customergraph.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;

import dev.customergraph.embedded.EmbeddedEngine;
import dev.customergraph.embedded.EmbeddedProperties;
import dev.customergraph.embedded.OwnerOnlyFile;
import dev.customergraph.tenancy.ApiKey;
import dev.customergraph.tenancy.Scope;
import dev.customergraph.tenancy.TenantRepository;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On the embedded engine's first start, creates the {@code demo} tenant with a test-mode
 * read+write key and a small dataset; on every start prints the key and the GraphiQL
 * address. The key is kept in clear text in the local data folder only, readable by its
 * owner alone, so a developer can find it again (and GraphiQL can open with it).
 */
@Component
@ConditionalOnProperty(name = "gateway.demo.enabled", havingValue = "true", matchIfMissing = true)
public class DemoData implements ApplicationRunner {

	static final String TENANT = "demo";

	private final ObjectProvider<EmbeddedEngine> engine;

	private final EmbeddedProperties embedded;

	private final TenantRepository tenants;

	private final DatasetWriter writer;

	private final Environment environment;

	private final int customers;

	DemoData(ObjectProvider<EmbeddedEngine> engine, EmbeddedProperties embedded, TenantRepository tenants,
			DatasetWriter writer, Environment environment, @Value("${gateway.demo.customers:200}") int customers) {
		this.engine = engine;
		this.embedded = embedded;
		this.tenants = tenants;
		this.writer = writer;
		this.environment = environment;
		this.customers = customers;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (this.engine.getIfAvailable() == null) {
			return;
		}
		Path keyFile = keyFile();
		// Also after a first start that stopped half-way: the seed is one transaction at
		// this size.
		if (this.writer.testCustomers(TENANT) == 0) {
			this.writer.write(TENANT, this.customers, false);
		}
		if (!Files.isRegularFile(keyFile)) {
			ApiKey key = this.tenants.createKey(TENANT, false, EnumSet.of(Scope.READ, Scope.WRITE));
			OwnerOnlyFile.write(keyFile, key.value());
		}
		// A folder from an older version may hold it world-readable.
		OwnerOnlyFile.restrict(keyFile);
		String key = Files.readString(keyFile).trim();
		String port = this.environment.getProperty("local.server.port", "8080");
		System.out.printf("""

				  Customer Graph is ready.
				    GraphiQL:  http://localhost:%s/graphiql
				    Endpoint:  http://localhost:%s/graphql
				    Demo key:  %s   (tenant 'demo', test mode, read+write)
				    GraphiQL opens with this key in its Headers tab and an example query.

				""", port, port, key);
	}

	/**
	 * The demo tenant's key, once {@link #run} has created it; never against an external
	 * database.
	 */
	public Optional<String> key() throws IOException {
		Path keyFile = keyFile();
		if (this.engine.getIfAvailable() == null || !Files.isRegularFile(keyFile)) {
			return Optional.empty();
		}
		return Optional.of(Files.readString(keyFile).trim());
	}

	private Path keyFile() {
		return this.embedded.dataDir().resolve("demo-api-key");
	}

}
