package dev.customergraph.photo;

/** The input of {@code removeCustomerPhoto}. */
record RemoveCustomerPhotoInput(String customerId) {

}
