-- The search keys of customers: one row per customer per distinct prefix of one to four
-- characters of its first name, last name or email, lowercased. A search by such a prefix
-- is then one range of the primary key, already in the default order (created_at, id
-- descending): the page reads its first rows and the count counts the range from the index
-- alone, instead of merging three column ranges or walking the ordering index row by row.
-- Longer prefixes match few customers and keep using the column indexes (V8).
--
-- The collation compares a search and a key as the customer columns' LIKE does (case and
-- accents ignored). It pads with spaces, so a key never ends in a space ('ab ' would equal
-- 'ab'); a search ending in a space takes the column path. The write path and the dataset
-- writer add a customer's keys in the transaction that writes its searched fields, with
-- INSERT IGNORE because a first name and an email often share their first letters; the
-- foreign key removes them with the customer. The keys of customers written before this
-- version are added by V10 (CustomerSearchKeyBackfill), in chunks.

CREATE TABLE customer_search_key (
    tenant_id   INT          NOT NULL,
    livemode    BOOLEAN      NOT NULL,
    search_key  VARCHAR(4)   NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    customer_id BIGINT       NOT NULL,
    PRIMARY KEY (tenant_id, livemode, search_key, created_at, customer_id),
    KEY customer_search_key_by_customer (tenant_id, livemode, customer_id),
    CONSTRAINT customer_search_key_customer FOREIGN KEY (tenant_id, livemode, customer_id)
        REFERENCES customer (tenant_id, livemode, id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
