-- Idempotency keys of createCustomer and createSource. The primary key makes concurrent
-- retries with the same key wait for the first one and then find its row; request_hash
-- (SHA-256 of the input) tells a retry from a reuse of the key with another input.
-- Rows are deleted in small batches once older than the retention (at least 24 hours).

CREATE TABLE idempotency_key (
    tenant_id       INT          NOT NULL,
    livemode        BOOLEAN      NOT NULL,
    operation       VARCHAR(32)  NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash    BINARY(32)   NOT NULL,
    result_id       BIGINT,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (tenant_id, livemode, operation, idempotency_key),
    KEY idempotency_key_by_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
