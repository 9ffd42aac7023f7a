package dev.customergraph.cli;

import java.util.List;
import java.util.Set;

import dev.customergraph.tenancy.ApiKeyRepository;
import dev.customergraph.tenancy.ApiKeyRepository.Revocation;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code keys revoke PREFIX}: ends a key for good. Every running gateway refuses it
 * within its key refresh interval ({@code gateway.keys.refresh-interval}, 2 s).
 */
record KeysRevokeCommand(String prefix, String[] springArguments) implements CommandLine.Command {

	/**
	 * A prefix as {@code keys list} prints it, or the hint of a key created before
	 * prefixes.
	 */
	private static final String PREFIX = "sk_(test|live)_([0-9A-Za-z]{8}|…[0-9A-Za-z]{4})";

	static KeysRevokeCommand from(List<String> words) {
		if (words.isEmpty() || words.get(0).startsWith("--")) {
			throw new UsageException("keys revoke needs the key's prefix, as keys list prints it");
		}
		String prefix = words.get(0);
		if (!prefix.matches(PREFIX)) {
			throw new UsageException("'" + prefix + "' is not a key prefix like sk_test_AbCd1234 (see keys list)");
		}
		Options options = CommandLine.options(words.subList(1, words.size())).only(Set.of());
		return new KeysRevokeCommand(prefix, options.springArguments().toArray(String[]::new));
	}

	@Override
	public String run(ConfigurableApplicationContext context) {
		Revocation revocation = context.getBean(ApiKeyRepository.class).revoke(this.prefix);
		return switch (revocation) {
			case REVOKED -> "Revoked " + this.prefix + ". Running gateways refuse it within a few seconds.";
			case ALREADY_REVOKED -> this.prefix + " was already revoked.";
			case NOT_FOUND -> throw new IllegalStateException("there is no key " + this.prefix);
			case AMBIGUOUS -> throw new IllegalStateException(
					"more than one old key has the hint " + this.prefix + "; revoke it by its row in the database");
		};
	}

}
