@NullMarked
package dev.customergraph.cli;

import org.jspecify.annotations.NullMarked;
