package dev.customergraph.mutation;

import java.lang.reflect.Method;
import java.sql.SQLException;

import org.springframework.resilience.retry.MethodRetryPredicate;

/**
 * Retries a {@link WriteTransaction} only when the database chose it as a deadlock victim
 * (MySQL and MariaDB error 1213), which rolled it back whole. Spring translates that
 * error and the lock-wait timeout (1205) to the same exception type, so the vendor code
 * decides.
 */
class DeadlockVictim implements MethodRetryPredicate {

	private static final int ER_LOCK_DEADLOCK = 1213;

	@Override
	public boolean shouldRetry(Method method, Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getErrorCode() == ER_LOCK_DEADLOCK) {
				return true;
			}
		}
		return false;
	}

}
