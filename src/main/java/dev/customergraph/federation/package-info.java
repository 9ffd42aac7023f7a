/**
 * Apollo Federation 2 wiring: the schema is built by Spring's
 * {@code FederationSchemaFactory}, which adds {@code _service} and {@code _entities}. The
 * {@code @EntityMapping} methods live with their features.
 */
@NullMarked
package dev.customergraph.federation;

import org.jspecify.annotations.NullMarked;
