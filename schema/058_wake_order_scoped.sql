-- 058: the wake-up list's order for one salesperson and for one region.
--
-- Why: the list opens on the user's own sleepers (owner = me); at
-- 1,000,000 customers a salesperson has over 100,000 of them, and
-- owner_sleep (owner_id, sleep_state, days_since) left every page to sort
-- them all (0.35-0.5 s). With the list's order after the owner (or the
-- region, for a manager's view) a page reads its 50 rows in index order.
ALTER TABLE customer_analysis
  ADD KEY IF NOT EXISTS wake_owner (owner_id, sleep_state, revenue DESC, customer_id),
  ADD KEY IF NOT EXISTS wake_region (region_id, sleep_state, revenue DESC, customer_id);
