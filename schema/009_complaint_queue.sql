-- 009: the staff side of complaints. Indexes for the queue at 1,000,000
-- complaints, and step 7's follow-up entries.

-- A region's queue (a regional manager with one region, or the region
-- filter) reads this index in the page's order; the old (region_id, status)
-- key is its prefix. overdue: open, not yet answered, due before now; the
-- nav count on every page reads only these entries (region_id inside, so a
-- regional manager's count needs no row lookups).
ALTER TABLE complaints
  DROP INDEX region_id,
  ADD KEY region_status_received (region_id, status, received_at),
  ADD KEY overdue (status, first_response_at, first_response_due, region_id);

-- Step 7 (跟踪处理结果的落实): one row per follow-up with the customer.
CREATE TABLE complaint_followups (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  complaint_id BIGINT UNSIGNED NOT NULL,
  followed_on  DATE          NOT NULL,
  said         TEXT          NOT NULL,
  user_id      INT UNSIGNED  NOT NULL,
  at           DATETIME      NOT NULL,
  KEY (complaint_id, id),
  FOREIGN KEY (complaint_id) REFERENCES complaints(id),
  FOREIGN KEY (user_id)      REFERENCES users(id)
) ENGINE=InnoDB;
