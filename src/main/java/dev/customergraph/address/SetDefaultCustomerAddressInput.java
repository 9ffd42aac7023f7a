package dev.customergraph.address;

/** The input of {@code setDefaultCustomerAddress}. */
record SetDefaultCustomerAddressInput(String customerId, String addressId, DefaultAddressKind kind) {

}
