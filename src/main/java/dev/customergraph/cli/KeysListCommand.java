package dev.customergraph.cli;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import dev.customergraph.tenancy.ApiKeyRepository;
import dev.customergraph.tenancy.ApiKeyRepository.KeyListing;
import dev.customergraph.tenancy.TenantRepository;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code keys list --tenant T}: the tenant's keys, newest first, by prefix (never the key
 * itself), with their mode, scopes and life: created, last used (to about a minute),
 * revoked. Times are UTC.
 */
record KeysListCommand(String tenant, String[] springArguments) implements CommandLine.Command {

	private static final String ROW = "%-17s %-5s %-31s %-20s %-20s %s";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	static KeysListCommand from(Options options) {
		options.only(Set.of("tenant"));
		return new KeysListCommand(options.tenant(), options.springArguments().toArray(String[]::new));
	}

	@Override
	public String run(ConfigurableApplicationContext context) {
		if (context.getBean(TenantRepository.class).tenantId(this.tenant).isEmpty()) {
			throw new IllegalStateException("there is no tenant '" + this.tenant + "'");
		}
		List<KeyListing> keys = context.getBean(ApiKeyRepository.class).list(this.tenant);
		StringBuilder table = new StringBuilder(
				String.format(ROW, "prefix", "mode", "scopes", "created (UTC)", "last used", "revoked"));
		for (KeyListing key : keys) {
			table.append(System.lineSeparator())
				.append(String.format(ROW, key.prefix(), key.livemode() ? "live" : "test", key.scopes(),
						time(key.createdAt()), time(key.lastUsedAt()), time(key.revokedAt())));
		}
		return table.toString().stripTrailing();
	}

	private static String time(@Nullable LocalDateTime time) {
		return (time != null) ? TIME.format(time) : "-";
	}

}
