package dev.customergraph.source;

/**
 * The input of {@code attachSource} and {@code detachSource}; {@code makeDefault} is
 * false for a detach, whose input has no such field.
 */
record SourceAttachmentInput(String customerId, String sourceId, boolean makeDefault) {

}
