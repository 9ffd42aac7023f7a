package dev.customergraph.replica;

import javax.sql.DataSource;

import io.micrometer.context.ContextRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Where the statements of one GraphQL operation go: the replica's pool, or the primary
 * ({@link #PRIMARY}). It is chosen once, when the operation starts ({@link ReadRouting}),
 * and lives in the request's GraphQL context; Spring's context propagation sets it as the
 * current read side on whichever thread a resolver or batch loader runs, for that call
 * only, as it does for the request's deadline. A thread that serves no operation (key
 * lookups, migrations, background jobs, commands) has none and uses the primary.
 *
 * @param replica the replica's pool, or null for the primary
 */
record ReadSide(@Nullable DataSource replica) {

	static final String CONTEXT_KEY = ReadSide.class.getName();

	/**
	 * Set explicitly for mutations, so that nothing a thread may hold from elsewhere
	 * reaches their statements or payloads.
	 */
	static final ReadSide PRIMARY = new ReadSide(null);

	private static final ThreadLocal<ReadSide> CURRENT = new ThreadLocal<>();

	static void propagateToResolverThreads() {
		ContextRegistry.getInstance().registerThreadLocalAccessor(CONTEXT_KEY, CURRENT);
	}

	/** The replica when this thread serves a query that reads from it, else null. */
	static @Nullable DataSource currentReplica() {
		ReadSide side = CURRENT.get();
		return (side != null) ? side.replica : null;
	}

}
