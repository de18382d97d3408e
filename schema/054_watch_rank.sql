-- 054: the ranked lists' deep pages (issue 17, docs/analysis.md "Deep
-- pages"). The watch list's order (watch_score, revenue, highest first;
-- ties by customer id) as a stored rank the batch writes, as profit_rank
-- already is: one integer to seek on (after=/before= in the links) instead
-- of skipping every row before a page. Each list has an index in its rank
-- order carrying the filter's columns, so a page with a salesperson or a
-- class is read from the index until a page of rows matches, and one led
-- by the region for a region's (or a manager's) list and its count.
ALTER TABLE customer_analysis
  ADD COLUMN watch_rank INT UNSIGNED NOT NULL DEFAULT 0 AFTER watch_score,
  ADD KEY watch_seek (watch_rank, region_id, owner_id, abc_class, watch_reasons),
  ADD KEY region_watch_seek (region_id, watch_rank),
  ADD KEY profit_seek (profit_rank, region_id, owner_id, abc_class),
  ADD KEY region_profit_seek (region_id, profit_rank),
  DROP KEY profit;

-- The rows already there, until the next run writes them.
UPDATE customer_analysis a
  JOIN (SELECT customer_id, ROW_NUMBER() OVER (ORDER BY watch_score DESC, revenue DESC,
                                               customer_id) AS n
        FROM customer_analysis WHERE watch_score > 0) w ON w.customer_id = a.customer_id
  SET a.watch_rank = w.n;
