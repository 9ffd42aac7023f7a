package dev.customergraph.tenancy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * API keys over their life: looked up by hash, refreshed by change, listed, revoked, and
 * their last use written down in batches.
 */
@Repository
public class ApiKeyRepository {

	private static final String KEY_COLUMNS = """
			SELECT k.id, k.key_hash, k.tenant_id, k.livemode, k.scopes, t.name, k.revoked_at, k.changed_at
			FROM api_key k JOIN tenant t ON t.id = k.tenant_id
			""";

	private final JdbcClient jdbc;

	ApiKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<KnownKey.Change> findByHash(byte[] keyHash) {
		return this.jdbc.sql(KEY_COLUMNS + "WHERE k.key_hash = :hash")
			.param("hash", keyHash)
			.query(ApiKeyRepository::change)
			.optional();
	}

	List<KnownKey.Change> active() {
		return this.jdbc.sql(KEY_COLUMNS + "WHERE k.revoked_at IS NULL").query(ApiKeyRepository::change).list();
	}

	/** Keys created or revoked at or after {@code since}, by the database's clock. */
	List<KnownKey.Change> changedSince(LocalDateTime since) {
		return this.jdbc.sql(KEY_COLUMNS + "WHERE k.changed_at >= :since")
			.param("since", since)
			.query(ApiKeyRepository::change)
			.list();
	}

	void markUsed(Collection<Long> ids, LocalDateTime when) {
		this.jdbc.sql("UPDATE api_key SET last_used_at = :when WHERE id IN (:ids)")
			.param("when", when)
			.param("ids", ids)
			.update();
	}

	/** A tenant's keys, newest first, revoked ones included. */
	public List<KeyListing> list(String tenant) {
		return this.jdbc.sql("""
				SELECT COALESCE(k.key_prefix, k.key_hint) AS prefix, k.livemode, k.scopes, k.created_at,
				       k.last_used_at, k.revoked_at
				FROM api_key k JOIN tenant t ON t.id = k.tenant_id
				WHERE t.name = :tenant
				ORDER BY k.created_at DESC, k.id DESC
				""").param("tenant", tenant).query(KeyListing.class).list();
	}

	/**
	 * Revokes the key named by its prefix (or, for a key created before prefixes, its
	 * hint, when no other key has the same).
	 */
	public Revocation revoke(String prefix) {
		List<KeyListing> matches = this.jdbc.sql("""
				SELECT COALESCE(k.key_prefix, k.key_hint) AS prefix, k.livemode, k.scopes, k.created_at,
				       k.last_used_at, k.revoked_at
				FROM api_key k
				WHERE k.key_prefix = :prefix OR (k.key_prefix IS NULL AND k.key_hint = :prefix)
				""").param("prefix", prefix).query(KeyListing.class).list();
		if (matches.size() != 1) {
			return matches.isEmpty() ? Revocation.NOT_FOUND : Revocation.AMBIGUOUS;
		}
		if (matches.get(0).revokedAt() != null) {
			return Revocation.ALREADY_REVOKED;
		}
		this.jdbc.sql("""
				UPDATE api_key SET revoked_at = UTC_TIMESTAMP(6), changed_at = UTC_TIMESTAMP(6)
				WHERE (key_prefix = :prefix OR (key_prefix IS NULL AND key_hint = :prefix)) AND revoked_at IS NULL
				""").param("prefix", prefix).update();
		return Revocation.REVOKED;
	}

	private static KnownKey.Change change(ResultSet row, int n) throws SQLException {
		Caller caller = new Caller(new Partition(row.getInt("tenant_id"), row.getBoolean("livemode")),
				row.getString("name"), scopes(row.getString("scopes")), row.getLong("id"));
		return new KnownKey.Change(new KnownKey(row.getLong("id"), caller), row.getBytes("key_hash"),
				row.getTimestamp("revoked_at") != null, row.getObject("changed_at", LocalDateTime.class));
	}

	private static Set<Scope> scopes(String scopes) {
		return Arrays.stream(scopes.split(","))
			.flatMap((s) -> Scope.of(s).stream())
			.collect(Collectors.toUnmodifiableSet());
	}

	/** What {@code keys list} shows of a key; times are UTC. */
	public record KeyListing(String prefix, boolean livemode, String scopes, LocalDateTime createdAt,
			@Nullable LocalDateTime lastUsedAt, @Nullable LocalDateTime revokedAt) {
	}

	/** What {@link #revoke} did. */
	public enum Revocation {

		REVOKED, ALREADY_REVOKED, NOT_FOUND, AMBIGUOUS

	}

}
