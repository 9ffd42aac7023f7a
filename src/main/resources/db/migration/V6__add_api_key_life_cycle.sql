-- Keys get a life cycle. key_prefix names a key in lists and on the command line without
-- revealing it (its first 16 characters; NULL for keys created before, which go by key_hint);
-- last_used_at is written in batches, about once a minute; revoked_at ends a key.
-- changed_at moves when a key is created or revoked, by the database's clock, so that every
-- gateway instance can ask cheaply what changed since it last looked.
ALTER TABLE api_key
    ADD COLUMN key_prefix   VARCHAR(16) NULL AFTER key_hint,
    ADD COLUMN last_used_at DATETIME(6) NULL,
    ADD COLUMN revoked_at   DATETIME(6) NULL,
    ADD COLUMN changed_at   DATETIME(6) NULL,
    ADD UNIQUE KEY api_key_by_prefix (key_prefix),
    ADD KEY api_key_by_change (changed_at);

UPDATE api_key SET changed_at = created_at;

ALTER TABLE api_key MODIFY changed_at DATETIME(6) NOT NULL;
