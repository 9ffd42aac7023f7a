package dev.customergraph.address;

import org.jspecify.annotations.Nullable;

/**
 * A state, province or county within the address's country, as the address gives it: its
 * code, its name, or both.
 */
public record Region(@Nullable String code, @Nullable String name) {

}
