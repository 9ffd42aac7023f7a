package dev.customergraph.cli;

import java.util.EnumSet;
import java.util.Set;

import dev.customergraph.tenancy.Scope;
import dev.customergraph.tenancy.TenantRepository;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code keys create --tenant T --mode test|live [--scopes …]}: prints a new key once.
 */
record KeysCreateCommand(String tenant, boolean livemode, Set<Scope> scopes,
		String[] springArguments) implements CommandLine.Command {

	static KeysCreateCommand from(Options options) {
		options.only(Set.of("tenant", "mode", "scopes"));
		String mode = options.required("mode");
		if (!mode.equals("test") && !mode.equals("live")) {
			throw new UsageException("--mode must be 'test' or 'live'; got '" + mode + "'");
		}
		Set<Scope> scopes = EnumSet.noneOf(Scope.class);
		for (String value : options.optional("scopes", "customers:read,customers:write").split(",")) {
			scopes.add(Scope.of(value.trim())
				.orElseThrow(() -> new UsageException(
						"unknown scope '" + value.trim() + "'; use customers:read and/or customers:write")));
		}
		return new KeysCreateCommand(options.tenant(), mode.equals("live"), scopes,
				options.springArguments().toArray(String[]::new));
	}

	@Override
	public String run(ConfigurableApplicationContext context) {
		String key = context.getBean(TenantRepository.class).createKey(this.tenant, this.livemode, this.scopes).value();
		System.err.printf("Created a %s key for tenant '%s' with scopes %s. It is shown only now:%n",
				this.livemode ? "live" : "test", this.tenant, this.scopes.stream().map(Scope::value).toList());
		return key;
	}

}
