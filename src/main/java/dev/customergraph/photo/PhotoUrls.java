package dev.customergraph.photo;

import java.net.URI;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.customergraph.graph.InstanceSecret;
import dev.customergraph.tenancy.Partition;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring photo URLs: {@code /photos/{token}} under the gateway, where the token
 * says whose photo (partition, customer), which content (its SHA-256) and until when, and
 * carries an HMAC-SHA256 of all that under the gateway's secret. Whoever holds a URL can
 * read that image until it expires, with no API key, as an {@code <img src>} needs; no
 * one can make one up or turn it to another customer, partition or content, and it is
 * checked before any SQL, so a forged URL costs no database work. The expiry is rounded
 * up to a multiple of the lifetime, so a URL is valid for one to two lifetimes and every
 * read in one window gets the same URL, which a browser can cache.
 * <p>
 * The secret is {@code gateway.photos.url-secret} when set; otherwise the first instance
 * to need it stores a random one in the database ({@code photo_url_secret}) and every
 * instance on that database reads the same, so URLs work across instances and restarts
 * with nothing to configure.
 */
@Component
class PhotoUrls {

	private static final byte VERSION = 1;

	private static final int SIGNED_LENGTH = 1 + 4 + 1 + 8 + 32 + 8;

	private static final int MAC_LENGTH = 32;

	private static final String ALGORITHM = "HmacSHA256";

	private final JdbcClient jdbc;

	private final long lifetimeSeconds;

	private final String contextPath;

	private final InstanceSecret<SecretKeySpec> secret;

	PhotoUrls(JdbcClient jdbc, PhotoProperties properties,
			@Value("${server.servlet.context-path:}") String contextPath) {
		this.jdbc = jdbc;
		this.lifetimeSeconds = Math.max(1, properties.urlLifetime().toSeconds());
		this.contextPath = contextPath;
		byte[] configured = InstanceSecret.setting("gateway.photos.url-secret", properties.urlSecret());
		this.secret = new InstanceSecret<>((configured != null) ? new SecretKeySpec(configured, ALGORITHM) : null,
				() -> new SecretKeySpec(storedSecret(), ALGORITHM));
	}

	/**
	 * The photo's URL under the gateway as the request reached it (scheme, host and port
	 * of {@code requestUri}).
	 */
	String url(URI requestUri, Partition partition, long customerKey, byte[] sha256) {
		long now = Instant.now().getEpochSecond();
		long expires = (now / this.lifetimeSeconds + 2) * this.lifetimeSeconds;
		ByteBuffer token = ByteBuffer.allocate(SIGNED_LENGTH + MAC_LENGTH)
			.put(VERSION)
			.putInt(partition.tenantId())
			.put((byte) (partition.livemode() ? 1 : 0))
			.putLong(customerKey)
			.put(sha256)
			.putLong(expires);
		token.put(mac(token.array(), SIGNED_LENGTH));
		return requestUri.getScheme() + "://" + requestUri.getRawAuthority() + this.contextPath + "/photos/"
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
	}

	/** What a token signs, if the gateway signed it and it has not expired. */
	Optional<SignedPhoto> verify(String token) {
		byte[] bytes;
		try {
			bytes = Base64.getUrlDecoder().decode(token);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (bytes.length != SIGNED_LENGTH + MAC_LENGTH || bytes[0] != VERSION) {
			return Optional.empty();
		}
		byte[] presented = new byte[MAC_LENGTH];
		System.arraycopy(bytes, SIGNED_LENGTH, presented, 0, MAC_LENGTH);
		if (!MessageDigest.isEqual(mac(bytes, SIGNED_LENGTH), presented)) {
			return Optional.empty();
		}
		ByteBuffer signed = ByteBuffer.wrap(bytes, 1, SIGNED_LENGTH - 1);
		Partition partition = new Partition(signed.getInt(), signed.get() == 1);
		long customerKey = signed.getLong();
		byte[] sha256 = new byte[32];
		signed.get(sha256);
		long expires = signed.getLong();
		if (expires <= Instant.now().getEpochSecond()) {
			return Optional.empty();
		}
		return Optional.of(new SignedPhoto(partition, customerKey, sha256, expires));
	}

	private byte[] mac(byte[] bytes, int length) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.secret.get());
			mac.update(bytes, 0, length);
			return mac.doFinal();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every JDK has " + ALGORITHM, ex);
		}
	}

	/** The database's secret ({@link InstanceSecret}). */
	private byte[] storedSecret() {
		this.jdbc.sql("INSERT IGNORE INTO photo_url_secret (id, secret, created_at) VALUES (1, :secret, :now)")
			.param("secret", InstanceSecret.generate())
			.param("now", LocalDateTime.now(ZoneOffset.UTC))
			.update();
		return this.jdbc.sql("SELECT secret FROM photo_url_secret WHERE id = 1").query(byte[].class).single();
	}

	/**
	 * What a valid token grants: the photo with this content of this customer, until
	 * {@code expires} (epoch seconds).
	 */
	record SignedPhoto(Partition partition, long customerKey, byte[] sha256, long expires) {

		/** Seconds until the URL expires. */
		long secondsLeft() {
			return Math.max(0, this.expires - Instant.now().getEpochSecond());
		}

	}

}
