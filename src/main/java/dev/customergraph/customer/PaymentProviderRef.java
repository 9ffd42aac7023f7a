package dev.customergraph.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The customer's account at a payment provider, e.g. {@code stripe} / {@code cus_123}.
 */
public record PaymentProviderRef(@NotBlank @Size(max = CustomerPaymentProviders.MAX_PROVIDER) String provider,
		@NotBlank @Size(max = CustomerPaymentProviders.MAX_REFERENCE) String customerRef) {

}
