package dev.customergraph.customer;

/** The customer's account at a payment provider, e.g. {@code stripe} / {@code cus_123}. */
public record PaymentProviderRef(String provider, String customerRef) {

}
