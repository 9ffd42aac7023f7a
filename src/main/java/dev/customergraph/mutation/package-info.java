/**
 * What every mutation shares: user errors and their payload convention, input validation,
 * the retried write transaction and idempotency keys. Features import it; it imports no
 * feature.
 */
@NullMarked
package dev.customergraph.mutation;

import org.jspecify.annotations.NullMarked;
