/**
 * Change events: the transactional outbox every mutation writes its events to
 * ({@link EventOutbox}), the {@code events} feed that reads them back in commit order per
 * partition, and the job that removes them after the retention.
 */
@NullMarked
package dev.customergraph.event;

import org.jspecify.annotations.NullMarked;
