@NullMarked
package dev.customergraph.graph;

import org.jspecify.annotations.NullMarked;
