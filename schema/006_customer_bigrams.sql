-- 006: Chinese substring search through an InnoDB posting table.
--
-- Every pair of adjacent characters of a customer's name that are both
-- three-byte UTF-8 characters (CJK ideographs and CJK punctuation; the
-- search box only uses the table for texts made of CJK ideographs) is one
-- row (bigram, customer_id). A two-character search text is then one range
-- of the primary key, read backwards for the newest-first list, so a page
-- stops after its rows instead of computing every hit first (Mroonga:
-- ~4 us per hit before any LIMIT). Longer texts join two of their bigrams
-- and check the name itself.
--
-- Kept in the same transaction as the name (db/customer_list.c
-- db_customer_bigrams_put/drop, the import's batches); scripts/reindex.sql
-- rebuilds it. Needs the Sequence engine (seq_1_to_N tables) here and in
-- reindex.sql, which run as root; the programs number the characters with a
-- recursive CTE instead (their account is granted listed tables only).
CREATE TABLE customer_bigrams (
  bigram      CHAR(2) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  customer_id INT UNSIGNED NOT NULL,
  PRIMARY KEY (bigram, customer_id)
) ENGINE=InnoDB;

-- Sorted on the primary key so the pages are filled in order.
INSERT IGNORE INTO customer_bigrams (bigram, customer_id)
  SELECT SUBSTRING(c.name COLLATE utf8mb4_bin, s.seq, 2) AS bg, c.id
  FROM customers c JOIN seq_1_to_200 s ON s.seq < CHAR_LENGTH(c.name)
  WHERE LENGTH(SUBSTRING(c.name, s.seq, 2)) = 6
  ORDER BY bg, c.id;
