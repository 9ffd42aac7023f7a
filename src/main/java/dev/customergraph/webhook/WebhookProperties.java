package dev.customergraph.webhook;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook endpoints and their deliveries, from {@code gateway.webhooks.*}.
 *
 * @param maxEndpoints endpoints per tenant and mode at most
 * @param allowHttpLoopback whether {@code http} URLs to loopback addresses are accepted
 * (for tests and local development); otherwise only {@code https}
 * @param allowPrivateNetworks whether {@code https} URLs may reach private, loopback,
 * link-local and other non-public addresses
 * @param secretKey the key that encrypts the stored signing secrets (at least 32
 * characters, the same on every instance); unset, one is generated and kept in the
 * database
 * @param retryBase the pause after a delivery's first failure, doubled after each next
 * @param retryCap the longest pause between two attempts
 * @param retryFor how long a delivery is retried before it is marked failed
 * @param pollInterval how often each instance looks for endpoints with work
 * @param workerThreads deliveries running at once per instance (one per endpoint)
 * @param lease how long a claim of an endpoint lasts without renewal
 * @param connectTimeout the longest wait for a connection (and TLS handshake start)
 * @param readTimeout the longest wait, in all, for the receiver's response
 */
@ConfigurationProperties("gateway.webhooks")
record WebhookProperties(@DefaultValue("10") int maxEndpoints, @DefaultValue("false") boolean allowHttpLoopback,
		@DefaultValue("false") boolean allowPrivateNetworks, @Nullable String secretKey,
		@DefaultValue("10s") Duration retryBase, @DefaultValue("1h") Duration retryCap,
		@DefaultValue("24h") Duration retryFor, @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("4") int workerThreads, @DefaultValue("1m") Duration lease,
		@DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout) {

	/** The pause before attempt {@code attempts + 1}, after {@code attempts} failures. */
	Duration retryAfter(int attempts) {
		Duration pause = this.retryBase;
		for (int i = 1; i < attempts && pause.compareTo(this.retryCap) < 0; i++) {
			pause = pause.multipliedBy(2);
		}
		return (pause.compareTo(this.retryCap) < 0) ? pause : this.retryCap;
	}

}
