@NullMarked
package dev.customergraph.source;

import org.jspecify.annotations.NullMarked;
