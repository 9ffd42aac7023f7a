/**
 * The optional read side: a read-only DataSource ({@code gateway.datasource.read.url})
 * that serves the statements of query operations while its replication lag is within
 * {@code gateway.datasource.read.max-lag}; everything else goes to the primary. It
 * imports none of our packages but observability's statement counter, and nothing imports
 * it.
 */
@NullMarked
package dev.customergraph.replica;

import org.jspecify.annotations.NullMarked;
