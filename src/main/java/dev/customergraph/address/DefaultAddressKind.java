package dev.customergraph.address;

/** Which of a customer's default addresses {@code setDefaultCustomerAddress} sets. */
enum DefaultAddressKind {

	SHIPPING, BILLING, BOTH

}
