package dev.customergraph.mutation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.resilience.annotation.Retryable;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unit of work of a mutation, on a service method: one transaction, retried whole (at
 * most three more times, after a short random pause) when the database picks it as a
 * deadlock victim (MySQL error 1213). The retry advice sits outside the transaction, so
 * each attempt is a fresh transaction.
 *
 * <p>
 * A lock-wait timeout (1205) is not retried: MySQL rolls back only the statement that
 * waited, so the exception leaves the method, which rolls back the whole transaction, and
 * the client gets an {@code UNAVAILABLE} error to retry later.
 *
 * <p>
 * READ COMMITTED: a mutation first locks its customer row ({@code SELECT … FOR UPDATE}),
 * and every later read must see what the previous holder of that lock committed, not a
 * snapshot taken before the wait. It also takes no gap locks, so concurrent inserts into
 * different customers do not deadlock one another.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Transactional(isolation = Isolation.READ_COMMITTED)
@Retryable(predicate = DeadlockVictim.class, maxRetries = 3, delay = 20, jitter = 15, multiplier = 2)
public @interface WriteTransaction {

}
