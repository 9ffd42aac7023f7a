/**
 * Customer photos: {@code setCustomerPhoto} takes a JPEG or PNG as a GraphQL multipart
 * upload, {@code Customer.photo} tells its metadata and a signed, expiring URL, and
 * {@code GET /photos/{token}} serves the image behind that URL.
 */
@NullMarked
package dev.customergraph.photo;

import org.jspecify.annotations.NullMarked;
