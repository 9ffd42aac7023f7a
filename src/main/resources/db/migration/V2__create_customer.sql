-- Customers. The collation is case-insensitive, so email and code uniqueness and the
-- name/email prefix search ignore case. Defaults point at the customer's own rows and are
-- kept consistent by the mutations (a foreign key would be circular).

CREATE TABLE customer (
    tenant_id                   INT           NOT NULL,
    livemode                    BOOLEAN       NOT NULL,
    id                          BIGINT        NOT NULL AUTO_INCREMENT,
    email                       VARCHAR(254)  NOT NULL,
    first_name                  VARCHAR(100),
    last_name                   VARCHAR(100),
    phone                       VARCHAR(32),
    locale                      VARCHAR(16),
    type                        VARCHAR(16)   NOT NULL,
    enabled                     BOOLEAN       NOT NULL,
    code                        VARCHAR(64),
    vat_number                  VARCHAR(32),
    accepts_marketing           BOOLEAN       NOT NULL,
    avatar_url                  VARCHAR(2048),
    metadata                    JSON,
    payment_providers           JSON,
    request_to_be_forgotten     BOOLEAN       NOT NULL,
    default_shipping_address_id BIGINT,
    default_billing_address_id  BIGINT,
    default_source_id           BIGINT,
    version                     INT           NOT NULL,
    created_at                  DATETIME(6)   NOT NULL,
    updated_at                  DATETIME(6)   NOT NULL,
    PRIMARY KEY (tenant_id, livemode, id),
    KEY customer_id (id),
    UNIQUE KEY customer_by_email (tenant_id, livemode, email),
    UNIQUE KEY customer_by_code (tenant_id, livemode, code),
    KEY customer_by_created (tenant_id, livemode, created_at, id),
    KEY customer_by_updated (tenant_id, livemode, updated_at, id),
    KEY customer_by_last_name (tenant_id, livemode, last_name, id),
    KEY customer_by_first_name (tenant_id, livemode, first_name, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per tag: the source of truth for Customer.tags and for the "has all tags" filter.
CREATE TABLE customer_tag (
    tenant_id   INT         NOT NULL,
    livemode    BOOLEAN     NOT NULL,
    customer_id BIGINT      NOT NULL,
    tag         VARCHAR(64) NOT NULL,
    PRIMARY KEY (tenant_id, livemode, customer_id, tag),
    KEY customer_tag_by_tag (tenant_id, livemode, tag, customer_id),
    CONSTRAINT customer_tag_customer FOREIGN KEY (tenant_id, livemode, customer_id)
        REFERENCES customer (tenant_id, livemode, id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
