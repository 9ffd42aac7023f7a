package dev.customergraph.tenancy;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Tenants and the hashes of their API keys. */
@Repository
public class TenantRepository {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	TenantRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Creates the tenant when it is new, stores the key's hash and returns the key, shown
	 * once. This instance knows the key as soon as the transaction commits (see
	 * {@link KnownKeys}); other instances within their refresh interval, or at its first
	 * use.
	 */
	@Transactional
	public ApiKey createKey(String tenant, boolean livemode, Set<Scope> scopes) {
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		int tenantId = ensureTenant(tenant);
		ApiKey key = ApiKey.generate(livemode);
		KeyHolder id = new GeneratedKeyHolder();
		this.jdbc
			.sql("""
					INSERT INTO api_key (tenant_id, livemode, key_hash, key_hint, key_prefix, scopes, created_at, changed_at)
					VALUES (:tenantId, :livemode, :hash, :hint, :prefix, :scopes, :now, UTC_TIMESTAMP(6))
					""")
			.param("tenantId", tenantId)
			.param("livemode", livemode)
			.param("hash", key.hash())
			.param("hint", key.hint())
			.param("prefix", key.prefix())
			.param("scopes", scopes.stream().map(Scope::value).sorted().collect(Collectors.joining(",")))
			.param("now", now)
			.update(id, "id");
		long keyId = id.getKeyAs(Number.class).longValue();
		Caller caller = new Caller(new Partition(tenantId, livemode), tenant, Set.copyOf(scopes), keyId);
		this.events.publishEvent(new KnownKey.Created(new KnownKey(keyId, caller), key.hash()));
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

}
