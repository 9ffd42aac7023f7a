@NullMarked
package dev.customergraph.observability;

import org.jspecify.annotations.NullMarked;
