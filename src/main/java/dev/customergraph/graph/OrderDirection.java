package dev.customergraph.graph;

/** Sort direction of a connection's {@code orderBy}. */
public enum OrderDirection {

	ASC, DESC

}
