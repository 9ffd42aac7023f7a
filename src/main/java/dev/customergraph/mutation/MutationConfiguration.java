package dev.customergraph.mutation;

import org.springframework.context.annotation.Configuration;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the retries of {@link WriteTransaction} and the scheduled {@link IdempotencyKeys#deleteExpired()}. */
@Configuration(proxyBeanMethods = false)
@EnableResilientMethods
@EnableScheduling
class MutationConfiguration {

}
