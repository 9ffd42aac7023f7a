/**
 * GraphQL over HTTP: the {@code /graphql} endpoint, its methods, media types and status
 * codes.
 */
@NullMarked
package dev.customergraph.http;

import org.jspecify.annotations.NullMarked;
