package dev.customergraph.customer;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The customer's account at a payment provider, e.g. {@code stripe} / {@code cus_123}.
 */
public record PaymentProviderRef(
		@Size(max = CustomerPaymentProviders.MAX_PROVIDER) @Pattern(regexp = CustomerPaymentProviders.TRIMMED,
				message = CustomerPaymentProviders.TRIMMED_MESSAGE) String provider,
		@Size(max = CustomerPaymentProviders.MAX_REFERENCE) @Pattern(regexp = CustomerPaymentProviders.TRIMMED,
				message = CustomerPaymentProviders.TRIMMED_MESSAGE) String customerRef) {

}
