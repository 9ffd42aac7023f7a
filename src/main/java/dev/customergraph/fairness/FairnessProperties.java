package dev.customergraph.fairness;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The share of the gateway one caller may take ({@code gateway.fairness.*}). The README's
 * "Limits and errors" section explains them.
 *
 * @param maximumAvailable the most query cost a partition (a tenant in one mode, what a
 * key sees) may spend at once, its budget when full
 * @param restoreRate the query cost the budget regains per second
 * @param maxConcurrentPerTenant the most requests of one tenant executing at once; keep
 * it below the connection pool's size
 * @param maxWait how long a request over that cap waits for a slot before it is refused
 */
@ConfigurationProperties("gateway.fairness")
public record FairnessProperties(@DefaultValue("20000") long maximumAvailable, @DefaultValue("10000") long restoreRate,
		@DefaultValue("8") int maxConcurrentPerTenant, @DefaultValue("5s") Duration maxWait) {

}
