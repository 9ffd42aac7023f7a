package dev.customergraph.cli;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's options, and the Spring properties ({@code --a.b=c}) passed along with
 * them.
 */
record Options(Map<String, String> values, List<String> springArguments) {

	String required(String name) {
		String value = this.values.get(name);
		if (value == null || value.isBlank()) {
			throw new UsageException("--" + name + " is required");
		}
		return value;
	}

	String optional(String name, String fallback) {
		return this.values.getOrDefault(name, fallback);
	}

	/** Rejects options the command does not know, so a typo is not silently ignored. */
	Options only(Set<String> known) {
		this.values.keySet().stream().filter((name) -> !known.contains(name)).findFirst().ifPresent((name) -> {
			throw new UsageException("unknown option --" + name);
		});
		return this;
	}

	/**
	 * Tenant names are short lowercase slugs, so they read well in logs and keys lists.
	 */
	String tenant() {
		String tenant = required("tenant");
		if (!tenant.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
			throw new UsageException(
					"--tenant must be 1-64 lowercase letters, digits, '-' or '_'; got '" + tenant + "'");
		}
		return tenant;
	}

}
