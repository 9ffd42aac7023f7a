package dev.customergraph.graph;

import org.jspecify.annotations.Nullable;

/** The bounds every list argument is checked against, in one place. */
public final class QueryLimits {

	/** Page size when neither {@code first} nor {@code last} is given. */
	public static final int DEFAULT_PAGE_SIZE = 10;

	/** Largest {@code first} or {@code last}, as on GitHub's API. */
	public static final int MAX_PAGE_SIZE = 100;

	/** Most ids in one {@code nodes} or {@code filter.ids}. */
	public static final int MAX_IDS = 100;

	private QueryLimits() {
	}

	/** Checks the Relay pagination arguments and turns them into a page request. */
	public static PageRequest page(@Nullable Integer first, @Nullable String after, @Nullable Integer last,
			@Nullable String before) {
		if (first != null && last != null) {
			throw new InvalidInputException("Pass either 'first' or 'last', not both.");
		}
		checkCount("first", first);
		checkCount("last", last);
		if (last != null) {
			return new PageRequest(last, true, after, before);
		}
		return new PageRequest((first != null) ? first : DEFAULT_PAGE_SIZE, false, after, before);
	}

	public static void checkIds(String argument, int count) {
		if (count > MAX_IDS) {
			throw new InvalidInputException("'" + argument + "' takes at most " + MAX_IDS + " ids; got " + count + ".");
		}
	}

	private static void checkCount(String argument, @Nullable Integer count) {
		if (count != null && (count < 0 || count > MAX_PAGE_SIZE)) {
			throw new InvalidInputException(
					"'" + argument + "' must be between 0 and " + MAX_PAGE_SIZE + "; got " + count + ".");
		}
	}

}
