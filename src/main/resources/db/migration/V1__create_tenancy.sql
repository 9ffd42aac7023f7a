-- Tenants and their API keys. Every other table leads its keys with (tenant_id, livemode),
-- the partition a key sees, so the data can later be sharded by tenant.

CREATE TABLE tenant (
    id         INT          NOT NULL AUTO_INCREMENT,
    name       VARCHAR(64)  NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY tenant_by_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Keys are stored only as SHA-256 hashes; key_hint (prefix and last four) helps people tell them apart.
CREATE TABLE api_key (
    tenant_id  INT          NOT NULL,
    livemode   BOOLEAN      NOT NULL,
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    key_hash   BINARY(32)   NOT NULL,
    key_hint   VARCHAR(20)  NOT NULL,
    scopes     VARCHAR(100) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (tenant_id, livemode, id),
    UNIQUE KEY api_key_by_hash (key_hash),
    KEY api_key_id (id),
    CONSTRAINT api_key_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
