package dev.customergraph.event;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@code customerEvents} subscriptions are fed, from {@code gateway.subscriptions.*}
 * (the README's "Live updates" lists them).
 *
 * @param pollInterval how often each instance reads the new events of the partitions it
 * has subscribers for; a commit on the instance itself is read at once
 * @param maxPerKey most subscriptions one API key has open on one instance
 * @param buffer most events held for one subscription whose client reads them more slowly
 * than they come; beyond it the subscription ends with {@code SUBSCRIPTION_TOO_SLOW}
 */
@ConfigurationProperties("gateway.subscriptions")
record EventSubscriptionProperties(@DefaultValue("250ms") Duration pollInterval, @DefaultValue("16") int maxPerKey,
		@DefaultValue("1024") int buffer) {

}
