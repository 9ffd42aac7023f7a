package dev.customergraph.address;

import dev.customergraph.customer.AddressInput;
import dev.customergraph.mutation.CountryCode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.ArgumentValue;

/**
 * The input of {@code updateCustomerAddress}: an absent field stays, an explicit null
 * clears it. The constraints are those of {@link AddressInput}, applied to present
 * values.
 */
record UpdateCustomerAddressInput(String id, @Size(max = 100) ArgumentValue<String> firstName,
		@Size(max = 100) ArgumentValue<String> lastName, @Size(max = 100) ArgumentValue<String> company,
		@Pattern(regexp = AddressInput.PHONE, message = AddressInput.PHONE_MESSAGE) ArgumentValue<String> phone,
		@Size(max = 200) ArgumentValue<String> line1, @Size(max = 200) ArgumentValue<String> line2,
		@Size(max = 100) ArgumentValue<String> city, @Size(max = 10) ArgumentValue<String> regionCode,
		@Size(max = 100) ArgumentValue<String> regionName, @Size(max = 20) ArgumentValue<String> postalCode,
		@CountryCode ArgumentValue<String> countryCode,
		@DecimalMin("-90") @DecimalMax("90") ArgumentValue<Double> latitude,
		@DecimalMin("-180") @DecimalMax("180") ArgumentValue<Double> longitude) {

}
