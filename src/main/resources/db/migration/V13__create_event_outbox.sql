-- The transactional outbox: the change events of every committed mutation, written in its
-- transaction. seq numbers the events of one partition (tenant, mode) 1, 2, 3, … without
-- gaps, in commit order: a mutation takes its numbers from event_sequence as its last
-- statement, so the row lock on its partition's counter is held from there to commit, and
-- the next writer of the partition gets its numbers only after this one is committed (or
-- rolled back, which gives the numbers back). The feed pages by seq.
CREATE TABLE event_sequence (
    tenant_id INT     NOT NULL,
    livemode  BOOLEAN NOT NULL,
    -- The last number given out: the number of the partition's last committed event.
    last_seq  BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, livemode)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An event carries all it says (ids, the customer's version after the change, the changed
-- fields), so it reads without a join and outlives the rows it names: a CUSTOMER_DELETED
-- is the tombstone. No foreign keys for the same reason. occurred_at is the database's
-- clock when the numbers were taken, under the partition's counter lock, so it grows with
-- seq; the filter occurredAfter finds its first event by event_by_time, and the retention
-- job deletes by it, partition by partition.
CREATE TABLE event (
    tenant_id      INT          NOT NULL,
    livemode       BOOLEAN      NOT NULL,
    seq            BIGINT       NOT NULL,
    type           VARCHAR(32)  NOT NULL,
    customer_id    BIGINT       NULL,
    entity_id      BIGINT       NULL,
    version        INT          NULL,
    changed_fields JSON         NULL,
    occurred_at    DATETIME(6)  NOT NULL,
    api_key_id     BIGINT       NULL,
    request_id     VARCHAR(64)  NULL,
    PRIMARY KEY (tenant_id, livemode, seq),
    KEY event_by_customer (tenant_id, livemode, customer_id, seq),
    KEY event_by_time (tenant_id, livemode, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
