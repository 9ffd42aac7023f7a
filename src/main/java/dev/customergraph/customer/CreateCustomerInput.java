package dev.customergraph.customer;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.customergraph.mutation.JsonObject;
import dev.customergraph.mutation.MaxJsonSize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.URL;
import org.jspecify.annotations.Nullable;

/**
 * The input of {@code createCustomer}. Lengths match the columns; see
 * {@link CustomerRules}. A field added later is left out of the idempotency hash while
 * absent, so a retry of a request sent before it existed still hashes the same.
 */
record CreateCustomerInput(@NotBlank @Email @Size(max = 254) String email, @Size(max = 100) @Nullable String firstName,
		@Size(max = 100) @Nullable String lastName,
		@Pattern(regexp = AddressInput.PHONE, message = AddressInput.PHONE_MESSAGE) @Nullable String phone,
		@Pattern(regexp = CustomerRules.LOCALE, message = CustomerRules.LOCALE_MESSAGE) @Nullable String locale,
		CustomerType type, boolean enabled, @Size(min = 1, max = 64) @Nullable String code,
		@Size(max = CustomerRules.MAX_TAGS) List<@NotBlank @Size(max = CustomerRules.MAX_TAG_LENGTH) String> tags,
		@Size(max = 32) @Nullable String vatNumber, boolean acceptsMarketing,
		@URL @Size(max = 2048) @Nullable String avatarUrl,
		@JsonObject @MaxJsonSize(bytes = MaxJsonSize.METADATA_BYTES) @Nullable Object metadata,
		@Size(max = 20) List<@Valid PaymentProviderRef> paymentProviders, boolean requestToBeForgotten,
		List<@Valid AddressInput> addresses, @Size(min = 1, max = 255) @Nullable String idempotencyKey,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String groupId) {

}
