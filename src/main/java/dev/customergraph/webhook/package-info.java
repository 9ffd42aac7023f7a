/**
 * Webhooks: endpoints a partition's change events are pushed to, signed, one at a time
 * per endpoint in event order, retried with back-off, at least once; and the checks that
 * keep them from reaching anything but the public internet.
 */
@NullMarked
package dev.customergraph.webhook;

import org.jspecify.annotations.NullMarked;
