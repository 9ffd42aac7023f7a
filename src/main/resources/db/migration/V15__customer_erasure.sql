-- When a customer was erased on request (eraseCustomer): its personal data replaced, its
-- addresses and photo deleted, its sources detached. NULL for every other customer. A
-- nullable column at the end of the table, which MariaDB (10.3+) and MySQL (8.0+) add
-- instantly, without copying the table.
ALTER TABLE customer ADD COLUMN erased_at DATETIME(6) NULL;
