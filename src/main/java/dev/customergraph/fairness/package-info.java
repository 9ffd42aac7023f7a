/**
 * Fairness between tenants: a budget of query cost per second for each key's partition
 * (Bucket4j token buckets), and a cap on the requests one tenant runs at once, so one
 * tenant can neither spend the database's time nor hold the whole connection pool.
 */
@NullMarked
package dev.customergraph.fairness;

import org.jspecify.annotations.NullMarked;
