-- The search count (first name, last name or email by prefix) sums three disjoint
-- index-only ranges instead of deduplicating a UNION of them in a temporary table: each
-- later branch excludes the matches of the earlier columns, so its index must also hold
-- those columns. customer_by_last_name keeps (last_name, id) first, so LAST_NAME ordering
-- still reads it in order.

ALTER TABLE customer
    DROP INDEX customer_by_last_name,
    ADD INDEX customer_by_last_name (tenant_id, livemode, last_name, id, first_name),
    ADD INDEX customer_by_email_names (tenant_id, livemode, email, first_name, last_name);
