package dev.customergraph.customer;

import java.util.List;
import java.util.TreeSet;

/**
 * The rules the customer inputs share: the locale shape and the tag bounds and
 * normalization.
 */
final class CustomerRules {

	static final String LOCALE = "[a-z]{2,3}(_[A-Z]{2})?";

	static final String LOCALE_MESSAGE = "must be a locale such as en or en_US";

	static final int MAX_TAGS = 50;

	static final int MAX_TAG_LENGTH = 64;

	private CustomerRules() {
	}

	/**
	 * Tags trimmed, sorted and without duplicates. Duplicates are found ignoring case, as
	 * the tag column's case-insensitive collation would, so one input never collides with
	 * itself.
	 */
	static List<String> normalizeTags(List<String> tags) {
		TreeSet<String> normalized = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
		tags.stream().map(String::trim).forEach(normalized::add);
		return List.copyOf(normalized);
	}

}
