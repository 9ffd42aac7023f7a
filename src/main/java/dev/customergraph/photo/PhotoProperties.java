package dev.customergraph.photo;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How photo URLs are signed and served, from {@code gateway.photos.*}.
 *
 * @param urlSecret the key that signs photo URLs, at least 32 characters, the same on
 * every instance; unset, the instances share one generated on first start and kept in the
 * database
 * @param urlLifetime how long a URL stays valid at least (and at most twice that)
 * @param maxConcurrentReads photo URLs read from the database at once at most, each of up
 * to 5 MB and a pooled connection; the next is 503 at once
 */
@ConfigurationProperties("gateway.photos")
record PhotoProperties(@Nullable String urlSecret, @DefaultValue("1h") Duration urlLifetime,
		@DefaultValue("4") int maxConcurrentReads) {

}
