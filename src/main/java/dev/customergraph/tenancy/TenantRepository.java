package dev.customergraph.tenancy;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Tenants and the hashes of their API keys. */
@Repository
public class TenantRepository {

	private final JdbcClient jdbc;

	TenantRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Caller> findCaller(byte[] keyHash) {
		return this.jdbc.sql("""
				SELECT k.tenant_id, k.livemode, k.scopes, t.name
				FROM api_key k JOIN tenant t ON t.id = k.tenant_id
				WHERE k.key_hash = :hash
				""")
			.param("hash", keyHash)
			.query((row, n) -> new Caller(new Partition(row.getInt("tenant_id"), row.getBoolean("livemode")),
					row.getString("name"), parseScopes(row.getString("scopes"))))
			.optional();
	}

	/**
	 * Creates the tenant when it is new, stores the key's hash and returns the key, shown
	 * once.
	 */
	@Transactional
	public ApiKey createKey(String tenant, boolean livemode, Set<Scope> scopes) {
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		int tenantId = ensureTenant(tenant);
		ApiKey key = ApiKey.generate(livemode);
		this.jdbc.sql("""
				INSERT INTO api_key (tenant_id, livemode, key_hash, key_hint, scopes, created_at)
				VALUES (:tenantId, :livemode, :hash, :hint, :scopes, :now)
				""")
			.param("tenantId", tenantId)
			.param("livemode", livemode)
			.param("hash", key.hash())
			.param("hint", key.hint())
			.param("scopes", scopes.stream().map(Scope::value).sorted().collect(Collectors.joining(",")))
			.param("now", now)
			.update();
		return key;
	}

	/** The tenant's id, creating the tenant when it is new. */
	public int ensureTenant(String tenant) {
		this.jdbc.sql("INSERT IGNORE INTO tenant (name, created_at) VALUES (:name, :now)")
			.param("name", tenant)
			.param("now", LocalDateTime.now(ZoneOffset.UTC))
			.update();
		return tenantId(tenant).orElseThrow();
	}

	public Optional<Integer> tenantId(String tenant) {
		return this.jdbc.sql("SELECT id FROM tenant WHERE name = :name")
			.param("name", tenant)
			.query(Integer.class)
			.optional();
	}

	private static Set<Scope> parseScopes(String scopes) {
		return Arrays.stream(scopes.split(","))
			.flatMap((s) -> Scope.of(s).stream())
			.collect(Collectors.toUnmodifiableSet());
	}

}
