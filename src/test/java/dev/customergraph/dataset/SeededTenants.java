package dev.customergraph.dataset;

import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;

import org.springframework.stereotype.Component;

/** Fresh tenants that already hold the benchmark dataset's first customers in their test mode. */
@Component
public class SeededTenants {

	private final TestTenants tenants;

	private final DatasetWriter dataset;

	SeededTenants(TestTenants tenants, DatasetWriter dataset) {
		this.tenants = tenants;
		this.dataset = dataset;
	}

	/** A new tenant with {@code customers} customers, their addresses and sources, and a read+write key. */
	public TestTenant create(int customers) {
		TestTenant tenant = this.tenants.create();
		this.dataset.write(tenant.name(), customers, false);
		return tenant;
	}

}
