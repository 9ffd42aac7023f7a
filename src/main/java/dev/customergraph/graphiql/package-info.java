/**
 * GraphiQL, ready for a newcomer: served offline, with the demo key and an example query.
 */
@NullMarked
package dev.customergraph.graphiql;

import org.jspecify.annotations.NullMarked;
