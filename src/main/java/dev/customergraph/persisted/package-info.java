/**
 * Persisted queries: Apollo's automatic persisted queries, a trusted-documents mode for
 * production frontends, and the cache of parsed and validated documents behind both.
 */
@NullMarked
package dev.customergraph.persisted;

import org.jspecify.annotations.NullMarked;
