package dev.customergraph.mutation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.resilience.retry.MethodRetryEvent;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on the retries of {@link WriteTransaction} and the scheduled
 * {@link IdempotencyKeys#deleteExpired()}.
 */
@Configuration(proxyBeanMethods = false)
@EnableResilientMethods
@EnableScheduling
class MutationConfiguration {

	private static final Logger log = LoggerFactory.getLogger(MutationConfiguration.class);

	private final DeadlockVictim deadlockVictim = new DeadlockVictim();

	/**
	 * Makes deadlock retries visible: frequent ones point at lock ordering worth a look.
	 * Spring publishes the event for every failed attempt, before the retry predicate
	 * decides, so a user error (which is never retried) would be logged as a retry too.
	 */
	@EventListener
	void writeTransactionRetried(MethodRetryEvent event) {
		if (!event.isRetryAborted() && this.deadlockVictim.shouldRetry(event.getMethod(), event.getFailure())) {
			log.info("Retrying {} after a deadlock", event.getMethod().getName());
		}
	}

}
