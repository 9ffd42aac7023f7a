-- Customer.tags kept on the customer row as well, as a JSON array: a page reads its tags
-- with its rows instead of one correlated subquery per row, and a tag containing a comma
-- comes back whole. customer_tag stays the source of truth and serves the tag filter; the
-- write path rewrites this copy from it in the same transaction. NULL means no tags.

ALTER TABLE customer ADD COLUMN tags JSON;

UPDATE customer c
SET c.tags = (SELECT JSON_ARRAYAGG(t.tag) FROM customer_tag t
              WHERE t.tenant_id = c.tenant_id AND t.livemode = c.livemode AND t.customer_id = c.id);
