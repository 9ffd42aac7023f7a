package dev.customergraph.photo;

/**
 * A photo's row without its bytes: what {@code Customer.photo} needs.
 *
 * @param customerId the customer's row key
 * @param sha256 the content's SHA-256, which its URL and ETag carry
 */
record StoredPhoto(long customerId, String contentType, int byteSize, int width, int height, byte[] sha256) {

}
