package dev.customergraph.graph;

/** A Relay edge: a node and the cursor of its position. */
public record Edge<T>(String cursor, T node) {

}
