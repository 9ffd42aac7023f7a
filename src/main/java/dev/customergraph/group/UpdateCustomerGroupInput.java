package dev.customergraph.group;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.ArgumentValue;

import static dev.customergraph.group.CreateCustomerGroupInput.MAX_CODE_LENGTH;
import static dev.customergraph.group.CreateCustomerGroupInput.MAX_NAME_LENGTH;

/**
 * The input of {@code updateCustomerGroup}: an absent field stays as it is, a null code
 * clears it, and the name cannot be null or blank.
 */
record UpdateCustomerGroupInput(String id, @NotBlank @Size(max = MAX_NAME_LENGTH) ArgumentValue<String> name,
		@Size(min = 1, max = MAX_CODE_LENGTH) ArgumentValue<String> code) {

}
