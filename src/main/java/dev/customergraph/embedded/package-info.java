@NullMarked
package dev.customergraph.embedded;

import org.jspecify.annotations.NullMarked;
