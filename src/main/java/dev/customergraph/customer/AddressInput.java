package dev.customergraph.customer;

import dev.customergraph.mutation.CountryCode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A new address as mutations take it: {@code createCustomer}'s {@code addresses} and
 * {@code createCustomerAddress}. It lives with the customer, whose input carries it; the
 * address feature, which depends on the customer feature, writes it through
 * {@link InitialAddresses}. Lengths match the columns.
 */
public record AddressInput(@Size(max = 100) @Nullable String firstName, @Size(max = 100) @Nullable String lastName,
		@Size(max = 100) @Nullable String company,
		@Pattern(regexp = PHONE, message = PHONE_MESSAGE) @Nullable String phone,
		@Size(max = 200) @Nullable String line1, @Size(max = 200) @Nullable String line2,
		@Size(max = 100) @Nullable String city, @Size(max = 10) @Nullable String regionCode,
		@Size(max = 100) @Nullable String regionName, @Size(max = 20) @Nullable String postalCode,
		@CountryCode @Nullable String countryCode, @DecimalMin("-90") @DecimalMax("90") @Nullable Double latitude,
		@DecimalMin("-180") @DecimalMax("180") @Nullable Double longitude, boolean defaultShipping,
		boolean defaultBilling) {

	/**
	 * Digits, spaces and {@code + ( ) . / -}, at most 32 characters as the columns hold.
	 */
	public static final String PHONE = "[+0-9 ()./-]{3,32}";

	public static final String PHONE_MESSAGE = "must be a phone number: 3 to 32 digits, spaces and + ( ) . / -";

}
