@NullMarked
package dev.customergraph.tenancy;

import org.jspecify.annotations.NullMarked;
