package dev.customergraph.photo;

/**
 * A customer's photo as the graph shows it: where to fetch it and what it is.
 *
 * @param url a signed URL of the image under the gateway, valid for a while
 * ({@link PhotoUrls})
 * @param contentType {@code image/jpeg} or {@code image/png}, as its content says
 * @param byteSize the image's length in bytes
 * @param width the image's width in pixels
 * @param height the image's height in pixels
 */
record CustomerPhoto(String url, String contentType, int byteSize, int width, int height) {

}
