package dev.customergraph.graph;

import org.jspecify.annotations.Nullable;

/**
 * One page of a connection as the client asked for it, arguments already checked.
 *
 * @param count how many rows ({@code first} or {@code last})
 * @param backward true for {@code last}: the rows closest to {@code before}
 * @param after the raw {@code after} cursor
 * @param before the raw {@code before} cursor
 * @param offset how many rows of the ordering to skip before the page; 0 unless a root
 * connection was asked for {@code offset}, which comes without cursors
 */
public record PageRequest(int count, boolean backward, @Nullable String after, @Nullable String before, int offset) {

}
