package dev.customergraph.event;

import dev.customergraph.graph.Cursor;
import dev.customergraph.tenancy.Partition;
import org.jspecify.annotations.Nullable;

/**
 * The feed's page information, with the cursors encoded only when a query asks for them.
 *
 * @param hasNextPage whether the partition has events after {@code end}, now
 * @param hasPreviousPage whether the page started after a cursor
 * @param start the first event's number, null for an empty page
 * @param end the number the page examined up to, null when it has nothing to continue
 * from (an empty partition, no cursor given)
 */
record EventPageInfo(boolean hasNextPage, boolean hasPreviousPage, @Nullable Long start, @Nullable Long end,
		Partition partition) {

	static final String ORDERING = "events";

	public @Nullable String startCursor() {
		return cursor(this.start);
	}

	public @Nullable String endCursor() {
		return cursor(this.end);
	}

	private @Nullable String cursor(@Nullable Long seq) {
		return (seq != null) ? cursorOf(seq, this.partition) : null;
	}

	static String cursorOf(long seq, Partition partition) {
		return new Cursor(ORDERING, seq, null).encode(partition);
	}

}
