-- Customer groups (a storefront's "General", "Wholesale", "VIP"), which price lists,
-- segments and permissions hang on. A customer is in at most one group, or in none
-- (group_id NULL): there is no default group. Names, and codes when set, are unique per
-- partition, ignoring case as the collation compares them.
--
-- Version 10.1, since 10 is the search key backfill, a Java migration
-- (CustomerSearchKeyBackfill).
--
-- The foreign key keeps a customer's group in its own partition, and it makes deleting a
-- group that still has customers fail (the mutation answers CONFLICT) whatever request
-- assigns a customer to it at the same moment. ON DELETE SET NULL is not possible on a key
-- with NOT NULL partition columns, and clearing every customer's group in the delete
-- would change them without counting their versions (syncing services would miss it).

CREATE TABLE customer_group (
    tenant_id  INT          NOT NULL,
    livemode   BOOLEAN      NOT NULL,
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    name       VARCHAR(100) NOT NULL,
    code       VARCHAR(64),
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (tenant_id, livemode, id),
    KEY customer_group_id (id),
    UNIQUE KEY customer_group_by_name (tenant_id, livemode, name),
    UNIQUE KEY customer_group_by_code (tenant_id, livemode, code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The index serves the foreign key, a group's customers newest first and their count.
ALTER TABLE customer
    ADD COLUMN group_id BIGINT,
    ADD INDEX customer_by_group (tenant_id, livemode, group_id, created_at, id);

-- Every existing customer is in no group, so there is nothing to check: without the check
-- MySQL and MariaDB add the key in place instead of copying the table.
SET foreign_key_checks = 0;
ALTER TABLE customer
    ADD CONSTRAINT customer_in_group FOREIGN KEY (tenant_id, livemode, group_id)
        REFERENCES customer_group (tenant_id, livemode, id);
SET foreign_key_checks = 1;
