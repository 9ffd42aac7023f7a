package dev.customergraph.graph;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Checks the Relay pagination arguments of every connection against the configured page
 * sizes.
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
			return new PageRequest(last, true, after, before);
		}
		return new PageRequest((first != null) ? first : this.limits.defaultPageSize(), false, after, before);
	}

	private void checkCount(String argument, @Nullable Integer count) {
		if (count != null && (count < 0 || count > this.limits.maxPageSize())) {
			throw new InvalidInputException(
					"'" + argument + "' must be between 0 and " + this.limits.maxPageSize() + "; got " + count + ".");
		}
	}

}
