package dev.customergraph.observability;

import java.util.regex.Pattern;

/**
 * Operation names as metrics and logs may carry them: the value comes from the client, so
 * anything that is not a GraphQL name of at most 100 characters becomes
 * {@value #INVALID}, and one tag value stands for all such names.
 */
final class OperationNames {

	static final String INVALID = "invalid";

	private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,99}");

	private OperationNames() {
	}

	static String bounded(String name) {
		return isName(name) ? name : INVALID;
	}

	static boolean isName(String name) {
		return name.length() <= 100 && NAME.matcher(name).matches();
	}

}
