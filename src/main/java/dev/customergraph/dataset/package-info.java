@NullMarked
package dev.customergraph.dataset;

import org.jspecify.annotations.NullMarked;
