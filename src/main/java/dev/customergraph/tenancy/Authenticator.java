package dev.customergraph.tenancy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Turns an {@code Authorization} header (Bearer key, or Basic with the key as user name
 * and an empty password) into a {@link Caller}. Lookups are cached for a minute, so a
 * busy key costs no SQL statement per request.
 */
@Component
public class Authenticator {

	private final LoadingCache<String, Optional<Caller>> callers;

	Authenticator(TenantRepository keys) {
		this.callers = Caffeine.newBuilder()
			.maximumSize(10_000)
			.expireAfterWrite(Duration.ofMinutes(1))
			.build((hashHex) -> keys.findCaller(HexFormat.of().parseHex(hashHex)));
	}

	public Optional<Caller> authenticate(@Nullable String authorization) {
		return keyOf(authorization).filter(ApiKey::isWellFormed)
			.flatMap((key) -> this.callers.get(HexFormat.of().formatHex(key.hash())));
	}

	private static Optional<ApiKey> keyOf(@Nullable String authorization) {
		if (authorization == null) {
			return Optional.empty();
		}
		if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return Optional.of(new ApiKey(authorization.substring(7).trim()));
		}
		if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
						StandardCharsets.UTF_8);
				int colon = credentials.indexOf(':');
				boolean emptyPassword = colon >= 0 && colon == credentials.length() - 1;
				return emptyPassword ? Optional.of(new ApiKey(credentials.substring(0, colon))) : Optional.empty();
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

}
