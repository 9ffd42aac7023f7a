@NullMarked
package dev.customergraph.customer;

import org.jspecify.annotations.NullMarked;
