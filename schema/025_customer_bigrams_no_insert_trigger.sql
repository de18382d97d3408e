-- 025: every writer of customer_bigrams gives the region itself.
--
-- Why: the insert trigger of schema/022 ran for each of the million bigram
-- rows of a 100,000-customer import even though the import gives the
-- region (a trigger call per row: the commit went from 23 to 37 s). The
-- programs' per-customer writes now read the region in the same statement
-- (customer_list.c, bigrams_add), as the import and scripts/reindex.sql do.
DROP TRIGGER customer_bigrams_region;
