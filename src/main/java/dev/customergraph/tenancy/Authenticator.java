package dev.customergraph.tenancy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Turns an {@code Authorization} header (Bearer key, or Basic with the key as user name
 * and an empty password) into a {@link Caller}, from the keys this instance holds in
 * memory ({@link KnownKeys}): an active key costs no SQL statement.
 */
@Component
@ConditionalOnWebApplication
public class Authenticator {

	private final KnownKeys keys;

	Authenticator(KnownKeys keys) {
		this.keys = keys;
	}

	/**
	 * The caller the header's key authenticates; empty for a missing, malformed, unknown
	 * or revoked key.
	 * @throws org.springframework.dao.DataAccessException when a key not in memory cannot
	 * be looked up
	 */
	public Optional<Caller> authenticate(@Nullable String authorization) {
		return keyOf(authorization).filter(ApiKey::isWellFormed).flatMap((key) -> this.keys.find(key.hash()));
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
