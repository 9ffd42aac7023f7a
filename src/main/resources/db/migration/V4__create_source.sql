-- Payment sources outlive the customers they are attached to (payment history stays),
-- so customer_id is nullable and is cleared by the mutations, not by a foreign key.

CREATE TABLE source (
    tenant_id          INT          NOT NULL,
    livemode           BOOLEAN      NOT NULL,
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    customer_id        BIGINT,
    type               VARCHAR(16)  NOT NULL,
    provider           VARCHAR(64)  NOT NULL,
    provider_reference VARCHAR(255),
    label              VARCHAR(100),
    brand              VARCHAR(32),
    last4              CHAR(4),
    expiry_month       SMALLINT,
    expiry_year        SMALLINT,
    metadata           JSON,
    created_at         DATETIME(6)  NOT NULL,
    updated_at         DATETIME(6)  NOT NULL,
    PRIMARY KEY (tenant_id, livemode, id),
    KEY source_id (id),
    KEY source_by_customer (tenant_id, livemode, customer_id, id),
    KEY source_by_provider (tenant_id, livemode, provider, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
