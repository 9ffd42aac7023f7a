package dev.customergraph.graph;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Checks the Relay pagination arguments of every connection against the configured page
 * sizes, and the {@code offset} of the root connections that take one against
 * {@code gateway.limits.max-offset}.
 */
@Component
public class QueryLimits {

	private final GatewayLimits limits;

	QueryLimits(GatewayLimits limits) {
		this.limits = limits;
	}

	/** Checks the Relay pagination arguments and turns them into a page request. */
	public PageRequest page(@Nullable Integer first, @Nullable String after, @Nullable Integer last,
			@Nullable String before) {
		if (first != null && last != null) {
			throw new InvalidInputException("Pass either 'first' or 'last', not both.");
		}
		checkCount("first", first);
		checkCount("last", last);
		if (last != null) {
			return new PageRequest(last, true, after, before, 0);
		}
		return new PageRequest((first != null) ? first : this.limits.defaultPageSize(), false, after, before, 0);
	}

	/**
	 * Checks the pagination arguments of a root connection that also takes
	 * {@code offset}: a numbered page, {@code first} rows after skipping {@code offset},
	 * which is bounded because every skipped row is still read (from an index).
	 */
	public PageRequest page(@Nullable Integer first, @Nullable Integer offset, @Nullable String after,
			@Nullable Integer last, @Nullable String before) {
		if (offset == null) {
			return page(first, after, last, before);
		}
		if (after != null || before != null || last != null) {
			throw new InvalidInputException("Pass 'offset' with 'first' only, not with 'after', 'before' or 'last': "
					+ "an offset counts from the start of the list.");
		}
		if (offset < 0) {
			throw new InvalidInputException("'offset' must not be negative; got " + offset + ".");
		}
		if (offset > this.limits.maxOffset()) {
			throw new InvalidInputException("'offset' may be at most " + this.limits.maxOffset() + "; got " + offset
					+ ". To read further, page with 'after' and the 'endCursor' of the previous page: "
					+ "a cursor costs the same at any depth.");
		}
		PageRequest page = page(first, null, null, null);
		return new PageRequest(page.count(), false, null, null, offset);
	}

	private void checkCount(String argument, @Nullable Integer count) {
		if (count != null && (count < 0 || count > this.limits.maxPageSize())) {
			throw new InvalidInputException(
					"'" + argument + "' must be between 0 and " + this.limits.maxPageSize() + "; got " + count + ".");
		}
	}

}
