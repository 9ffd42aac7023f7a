package dev.customergraph.cli;

import java.util.Set;

import dev.customergraph.dataset.DatasetChecksums;
import dev.customergraph.dataset.DatasetWriter;

import org.springframework.context.ConfigurableApplicationContext;

/** {@code seed --tenant T --customers N}: writes the benchmark dataset and prints its checksums. */
record SeedCommand(String tenant, long customers, String[] springArguments) implements CommandLine.Command {

	private static final long MAX_CUSTOMERS = 100_000_000L;

	static SeedCommand from(Options options) {
		options.only(Set.of("tenant", "customers"));
		String count = options.required("customers");
		long customers;
		try {
			customers = Long.parseLong(count.replace("_", ""));
		}
		catch (NumberFormatException ex) {
			throw new UsageException("--customers must be a whole number; got '" + count + "'");
		}
		if (customers < 1 || customers > MAX_CUSTOMERS) {
			throw new UsageException("--customers must be between 1 and " + MAX_CUSTOMERS + "; got " + customers);
		}
		return new SeedCommand(options.tenant(), customers, options.springArguments().toArray(String[]::new));
	}

	@Override
	public String run(ConfigurableApplicationContext context) {
		long start = System.nanoTime();
		DatasetChecksums checksums = context.getBean(DatasetWriter.class).write(this.tenant, this.customers, true);
		return String.format("Seeded tenant '%s' (test mode) in %.1f s:%n%s", this.tenant,
				(System.nanoTime() - start) / 1e9, checksums);
	}

}
