package dev.customergraph.customer;

import java.util.List;

import dev.customergraph.mutation.JsonObject;
import dev.customergraph.mutation.MaxJsonSize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.URL;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.ArgumentValue;

/**
 * The input of {@code updateCustomer}. Each {@link ArgumentValue} tells an absent field
 * (unchanged) from an explicit null (cleared); constraints apply to the value when
 * present, and fields that cannot be empty refuse null.
 */
record UpdateCustomerInput(String id, @NotBlank @Email @Size(max = 254) ArgumentValue<String> email,
		@Size(max = 100) ArgumentValue<String> firstName, @Size(max = 100) ArgumentValue<String> lastName,
		@Pattern(regexp = AddressInput.PHONE, message = AddressInput.PHONE_MESSAGE) ArgumentValue<String> phone,
		@Pattern(regexp = CustomerRules.LOCALE, message = CustomerRules.LOCALE_MESSAGE) ArgumentValue<String> locale,
		@NotNull ArgumentValue<CustomerType> type, @NotNull ArgumentValue<Boolean> enabled,
		@Size(min = 1, max = 64) ArgumentValue<String> code,
		@Size(max = CustomerRules.MAX_TAGS) ArgumentValue<List<@NotBlank @Size(
				max = CustomerRules.MAX_TAG_LENGTH) String>> tags,
		@Size(max = 32) ArgumentValue<String> vatNumber, @NotNull ArgumentValue<Boolean> acceptsMarketing,
		@URL @Size(max = 2048) ArgumentValue<String> avatarUrl,
		@JsonObject @MaxJsonSize(bytes = MaxJsonSize.METADATA_BYTES) ArgumentValue<Object> metadata,
		@Size(max = 20) ArgumentValue<List<@Valid PaymentProviderRef>> paymentProviders,
		@NotNull ArgumentValue<Boolean> requestToBeForgotten, ArgumentValue<String> defaultSourceId,
		@Nullable Integer expectedVersion, ArgumentValue<String> groupId) {

}
