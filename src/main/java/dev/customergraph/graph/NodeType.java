package dev.customergraph.graph;

/**
 * A type that implements {@code Node}: its GraphQL name and the DataLoader (registered
 * under the value class's name, keyed by row id) that loads it. Each feature declares its
 * own as a bean.
 */
public record NodeType(String typeName, Class<?> valueClass) {

}
