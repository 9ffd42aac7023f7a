package dev.customergraph.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.customergraph.graph.InstanceSecret;
import dev.customergraph.tenancy.Partition;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The endpoints' signing secrets: made ({@code whsec_} and 32 random bytes), encrypted
 * for the database with AES-256-GCM (bound to the partition, so a ciphertext copied to
 * another partition's row does not decrypt), and used to sign deliveries, Stripe style:
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" under the secret>}.
 * <p>
 * The encryption key is the SHA-256 of {@code gateway.webhooks.secret-key} when set;
 * otherwise the first instance to need one stores a random key in the database
 * ({@code webhook_secret_key}) and every instance reads the same. Only the setting keeps
 * the secrets from whoever can read the whole database.
 */
@Component
class WebhookSecrets {

	static final String PREFIX = "whsec_";

	private static final int NONCE_LENGTH = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final InstanceSecret<SecretKeySpec> key;

	WebhookSecrets(JdbcClient jdbc, WebhookProperties properties) {
		this.jdbc = jdbc;
		byte[] configured = InstanceSecret.setting("gateway.webhooks.secret-key", properties.secretKey());
		this.key = new InstanceSecret<>((configured != null) ? new SecretKeySpec(sha256(configured), "AES") : null,
				() -> new SecretKeySpec(storedKey(), "AES"));
	}

	/** A new signing secret, as the client sees it once. */
	static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	byte[] encrypt(Partition partition, String secret) {
		byte[] nonce = new byte[NONCE_LENGTH];
		RANDOM.nextBytes(nonce);
		byte[] sealed = cipher(Cipher.ENCRYPT_MODE, partition, nonce).doFinal(secret.getBytes(StandardCharsets.UTF_8));
		return ByteBuffer.allocate(NONCE_LENGTH + sealed.length).put(nonce).put(sealed).array();
	}

	String decrypt(Partition partition, byte[] stored) {
		byte[] nonce = new byte[NONCE_LENGTH];
		System.arraycopy(stored, 0, nonce, 0, NONCE_LENGTH);
		byte[] plain = cipher(Cipher.DECRYPT_MODE, partition, nonce).doFinal(stored, NONCE_LENGTH,
				stored.length - NONCE_LENGTH);
		return new String(plain, StandardCharsets.UTF_8);
	}

	/** The signature header's value for a body sent at {@code unixSeconds}. */
	static String signature(String secret, long unixSeconds, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
			return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every JDK has HmacSHA256", ex);
		}
	}

	private Sealer cipher(int mode, Partition partition, byte[] nonce) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, this.key.get(), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(ByteBuffer.allocate(5)
				.putInt(partition.tenantId())
				.put((byte) (partition.livemode() ? 1 : 0))
				.array());
			return new Sealer(cipher);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every JDK has AES/GCM", ex);
		}
	}

	/** The database's key ({@link InstanceSecret}). */
	private byte[] storedKey() {
		this.jdbc.sql("INSERT IGNORE INTO webhook_secret_key (id, secret, created_at) VALUES (1, :secret, :now)")
			.param("secret", InstanceSecret.generate())
			.param("now", LocalDateTime.now(ZoneOffset.UTC))
			.update();
		return this.jdbc.sql("SELECT secret FROM webhook_secret_key WHERE id = 1").query(byte[].class).single();
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	/** A cipher whose checked exceptions mean a corrupt row or a changed key. */
	private record Sealer(Cipher cipher) {

		byte[] doFinal(byte[] input) {
			return doFinal(input, 0, input.length);
		}

		byte[] doFinal(byte[] input, int offset, int length) {
			try {
				return this.cipher.doFinal(input, offset, length);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(
						"A webhook secret does not decrypt: was gateway.webhooks.secret-key changed?", ex);
			}
		}

	}

}
