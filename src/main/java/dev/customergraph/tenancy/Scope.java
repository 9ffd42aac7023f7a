package dev.customergraph.tenancy;

import java.util.Arrays;
import java.util.Optional;

/** What an API key may do. */
public enum Scope {

	READ("customers:read"), WRITE("customers:write");

	private final String value;

	Scope(String value) {
		this.value = value;
	}

	public String value() {
		return this.value;
	}

	public static Optional<Scope> of(String value) {
		return Arrays.stream(values()).filter((scope) -> scope.value.equals(value)).findFirst();
	}

}
