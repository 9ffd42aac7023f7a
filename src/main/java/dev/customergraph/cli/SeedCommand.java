package dev.customergraph.cli;

import java.util.Set;

import dev.customergraph.dataset.DatasetChecksums;
import dev.customergraph.dataset.DatasetWriter;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code seed --tenant T --customers N [--existing fail|keep]}: writes the benchmark
 * dataset and prints its checksums. With {@code --existing keep}, a tenant that already
 * holds N customers is kept as it is and its checksums are printed, so a benchmark can
 * reuse its dataset.
 */
record SeedCommand(String tenant, long customers, boolean keepExisting,
		String[] springArguments) implements CommandLine.Command {

	private static final long MAX_CUSTOMERS = 100_000_000L;

	static SeedCommand from(Options options) {
		options.only(Set.of("tenant", "customers", "existing"));
		String existing = options.optional("existing", "fail");
		if (!existing.equals("fail") && !existing.equals("keep")) {
			throw new UsageException("--existing must be 'fail' or 'keep'; got '" + existing + "'");
		}
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
		return new SeedCommand(options.tenant(), customers, existing.equals("keep"),
				options.springArguments().toArray(String[]::new));
	}

	@Override
	public String run(ConfigurableApplicationContext context) {
		DatasetWriter writer = context.getBean(DatasetWriter.class);
		if (this.keepExisting) {
			DatasetChecksums kept = writer.existing(this.tenant).orElse(null);
			if (kept != null && kept.customers() == this.customers) {
				return String.format("Kept tenant '%s' (test mode) as it was:%n%s", this.tenant, kept);
			}
		}
		long start = System.nanoTime();
		DatasetChecksums checksums = writer.write(this.tenant, this.customers, true);
		return String.format("Seeded tenant '%s' (test mode) in %.1f s:%n%s", this.tenant,
				(System.nanoTime() - start) / 1e9, checksums);
	}

}
