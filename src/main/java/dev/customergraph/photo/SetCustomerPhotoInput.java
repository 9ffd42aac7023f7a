package dev.customergraph.photo;

import dev.customergraph.graph.Upload;

/** The input of {@code setCustomerPhoto}: whose photo, and the file. */
record SetCustomerPhotoInput(String customerId, Upload photo) {

}
