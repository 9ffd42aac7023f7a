@NullMarked
package dev.customergraph.address;

import org.jspecify.annotations.NullMarked;
