-- Rebuilds the derived tables from their source rows. Run after a bulk load
-- (scripts/seed.sh does) or to repair one that fell behind:
--   scripts/db.sh sql kehu < scripts/reindex.sql
-- Mroonga tables are not transactional, so the programs update the search
-- index after the InnoDB commit; this puts it right whatever happened in
-- between. The bigrams are kept in the programs' transactions; rebuilding
-- them here covers bulk loads (LOAD DATA). The counts are kept by triggers (schema/005); rebuilding them is
-- cheap and makes a bulk load's order of events irrelevant.
DELETE FROM customer_search;
INSERT INTO customer_search (customer_id, name) SELECT id, name FROM customers;
-- The name bigrams for Chinese search (schema/006), in one transaction so
-- searches see the old rows or the new ones.
START TRANSACTION;
DELETE FROM customer_bigrams;
INSERT IGNORE INTO customer_bigrams (bigram, customer_id, region_id)
  SELECT SUBSTRING(c.name COLLATE utf8mb4_bin, s.seq, 2) AS bg, c.id, c.region_id
  FROM customers c JOIN seq_1_to_200 s ON s.seq < CHAR_LENGTH(c.name)
  WHERE LENGTH(SUBSTRING(c.name, s.seq, 2)) = 6
  ORDER BY bg, c.id;
COMMIT;
START TRANSACTION;
DELETE FROM customer_counts;
INSERT INTO customer_counts (region_id, owner_id, status, n)
  SELECT region_id, COALESCE(owner_id, 0), status, COUNT(*)
  FROM customers GROUP BY region_id, COALESCE(owner_id, 0), status;
COMMIT;
-- The file tabs' row counts (schema/016): bulk loads skip their triggers.
CALL customer_tallies_rebuild();
-- Open balances and credit limits (schema/040): bulk loads skip their triggers.
CALL customer_credit_rebuild();
-- Step 4's state kept on each complaint (schema/032): a bulk load writes
-- the proposals beside the complaints, not through the workflow.
UPDATE complaints c
  JOIN complaint_proposals p ON p.id = (SELECT MAX(q.id) FROM complaint_proposals q
                                        WHERE q.complaint_id = c.id)
   SET c.proposal = IF(p.decision = 'approved', NULL, p.decision), c.proposal_by = p.proposed_by
 WHERE c.status = 'open' AND c.step = 4;
