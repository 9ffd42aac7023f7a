package dev.customergraph.customer;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The input of {@code addCustomerTags} and {@code removeCustomerTags}. */
record CustomerTagsInput(String id,
		@Size(max = CustomerRules.MAX_TAGS) List<@NotBlank @Size(max = CustomerRules.MAX_TAG_LENGTH) String> tags) {

}
