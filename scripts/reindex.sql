-- Rebuilds the search side tables from their source rows. Run after a bulk
-- load (scripts/seed.sh does) or to repair an index that fell behind:
--   scripts/db.sh sql kehu < scripts/reindex.sql
-- Mroonga tables are not transactional, so the programs update them after
-- the InnoDB commit; this puts them right whatever happened in between.
DELETE FROM customer_search;
INSERT INTO customer_search (customer_id, name) SELECT id, name FROM customers;
