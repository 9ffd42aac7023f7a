package dev.customergraph.group;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The input of {@code createCustomerGroup}. Lengths match the columns; the name is
 * trimmed.
 */
record CreateCustomerGroupInput(@NotBlank @Size(max = MAX_NAME_LENGTH) String name,
		@Size(min = 1, max = MAX_CODE_LENGTH) @Nullable String code) {

	static final int MAX_NAME_LENGTH = 100;

	static final int MAX_CODE_LENGTH = 64;

}
