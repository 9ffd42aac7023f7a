package dev.customergraph.tenancy;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import dev.customergraph.dataset.DatasetWriter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Creates a fresh tenant per test with a key, and a tester that sends that key. */
@Component
public class TestTenants {

	private final TenantRepository tenants;

	// Lazily: the jar's commands, started in-process by CommandLineTests, scan this class
	// too.
	private final ObjectProvider<HttpGraphQlTester> graphQl;

	private final JdbcClient jdbc;

	private final DatasetWriter dataset;

	TestTenants(TenantRepository tenants, ObjectProvider<HttpGraphQlTester> graphQl, JdbcClient jdbc,
			DatasetWriter dataset) {
		this.tenants = tenants;
		this.graphQl = graphQl;
		this.jdbc = jdbc;
		this.dataset = dataset;
	}

	/**
	 * A new tenant whose test mode holds the first {@code customers} rows of the
	 * benchmark dataset.
	 */
	public TestTenant seeded(int customers) {
		TestTenant tenant = create();
		this.dataset.write(tenant.name(), customers, false);
		return tenant;
	}

	/** For fixtures that write rows straight into a tenant's partition. */
	public JdbcClient jdbc() {
		return this.jdbc;
	}

	/** A new tenant's test mode, with a read+write key. */
	public TestTenant create() {
		return create(false, EnumSet.of(Scope.READ, Scope.WRITE));
	}

	public TestTenant create(boolean livemode, Set<Scope> scopes) {
		String name = "t-" + UUID.randomUUID().toString().substring(0, 13);
		return keyFor(name, livemode, scopes);
	}

	/** Another key of an existing tenant, e.g. its other mode or a read-only key. */
	public TestTenant keyFor(String tenant, boolean livemode, Set<Scope> scopes) {
		ApiKey key = this.tenants.createKey(tenant, livemode, scopes);
		Partition partition = new Partition(this.tenants.tenantId(tenant).orElseThrow(), livemode);
		return new TestTenant(tenant, partition, key.value(),
				this.graphQl.getObject().mutate().header("Authorization", "Bearer " + key.value()).build());
	}

	/** A tenant's partition, its key and a tester authenticated with it. */
	public record TestTenant(String name, Partition partition, String key, HttpGraphQlTester graphQl) {
	}

}
