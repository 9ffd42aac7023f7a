-- Addresses belong to one customer and go with it.

CREATE TABLE address (
    tenant_id    INT          NOT NULL,
    livemode     BOOLEAN      NOT NULL,
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    customer_id  BIGINT       NOT NULL,
    first_name   VARCHAR(100),
    last_name    VARCHAR(100),
    company      VARCHAR(100),
    phone        VARCHAR(32),
    line1        VARCHAR(200),
    line2        VARCHAR(200),
    city         VARCHAR(100),
    region_code  VARCHAR(10),
    region_name  VARCHAR(100),
    postal_code  VARCHAR(20),
    country_code CHAR(2),
    latitude     DOUBLE,
    longitude    DOUBLE,
    created_at   DATETIME(6)  NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (tenant_id, livemode, id),
    KEY address_id (id),
    KEY address_by_customer (tenant_id, livemode, customer_id, id),
    KEY address_by_country (tenant_id, livemode, country_code, customer_id),
    CONSTRAINT address_customer FOREIGN KEY (tenant_id, livemode, customer_id)
        REFERENCES customer (tenant_id, livemode, id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
