-- 023: overdue complaints counted by region.
--
-- Why: the queue's overdue view counts its complaints (up to 1,001). For a
-- regional manager the overdue index (status, first_response_at,
-- first_response_due, region_id) gave every region's overdue entries to
-- test for the manager's: 5,130 entries read for 919 (two regions), on
-- every request while the count is under the cap (2 ms of database time).
-- With the region before the due time each region is one range.
ALTER TABLE complaints ADD KEY overdue_region (status, first_response_at, region_id, first_response_due);
