package dev.customergraph.replica;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The read side, from {@code gateway.datasource.read.*}; its pool takes every
 * {@code spring.datasource.hikari.*} setting of the primary's, overridden by
 * {@code gateway.datasource.read.hikari.*}.
 *
 * @param url JDBC URL of a replica (or a Galera node); unset, every statement goes to the
 * primary
 * @param username its account, by default the primary's
 * @param password its password, by default the primary's
 * @param maxLag how far behind the primary the replica may be and still serve queries;
 * whole seconds, since that is what replication reports
 * @param checkInterval how often the replica's state is checked, in the background
 */
@ConfigurationProperties("gateway.datasource.read")
public record ReadReplicaProperties(@Nullable String url, @Nullable String username, @Nullable String password,
		@DefaultValue("1s") Duration maxLag, @DefaultValue("500ms") Duration checkInterval) {

	public ReadReplicaProperties {
		if (maxLag.toMillis() < 1000 || maxLag.toMillis() % 1000 != 0) {
			throw new IllegalArgumentException("gateway.datasource.read.max-lag must be whole seconds, at least 1s"
					+ " (replication reports its lag in whole seconds); it is " + maxLag);
		}
		if (checkInterval.toMillis() < 50) {
			throw new IllegalArgumentException(
					"gateway.datasource.read.check-interval must be at least 50ms; it is " + checkInterval);
		}
	}

}
