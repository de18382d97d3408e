-- 057: the wake-up list reads its page in index order.
--
-- Why: /analysis/wake orders sleepers by state, then revenue (largest
-- first), then id. At 1,000,000 customers about 380,000 are asleep, and
-- every page sorted all of them (1.1 s); with the order as an index
-- (MariaDB 10.8+ keeps a DESC column descending) a page reads its rows
-- and the capped count stops at the cap (cgi-bin/db/analysis_wake.c).
-- The batch's twin table (CREATE TABLE ... LIKE) carries the index along.
ALTER TABLE customer_analysis
  ADD KEY IF NOT EXISTS wake_order (sleep_state, revenue DESC, customer_id);
