-- 046: the day change of 045 in batches of dealers, set-based, never
-- waiting for a lock while it holds one.
--
-- Why: 045 applied each dealer's differences and plan figures in a
-- transaction of its own, one statement and one commit (a log flush) per
-- dealer; at several hundred thousand dealers a day took many seconds and
-- a month change many minutes (figures: bench/README.md, "day change").
--
-- What changes (schema/DERIVED.md, "The day change"): steps 2 to 4 of 045
-- take the dealers in batches of 5,000 (customer_id order), one
-- transaction per batch with set-based statements: the differences of
-- dash_day_delta added (adding commutes with what writes of the new day
-- add meanwhile, as before) and, on a month change, the plans by
-- dash_plan_sync_range, the set-based form of dash_plan_sync, at the
-- session's isolation (REPEATABLE READ: its reads of the plans are locking
-- reads, so a plan edit in progress is waited out, never read around).
-- Each batch runs with innodb_lock_wait_timeout = 0: it waits in no lock
-- queue, so it can never close a cycle with a write (no deadlock, and no
-- write is its victim). A row a write holds makes the batch roll back and
-- try again in a moment; a write that meets a batch waits for that batch
-- only. dash_plan_sync itself becomes the range form, so a plan edit runs
-- the same statements, and an UPDATE changes only the dealer rows whose
-- figures differ.

DROP PROCEDURE IF EXISTS dash_day_apply;
DROP PROCEDURE IF EXISTS dash_plan_sync_range;
DROP PROCEDURE IF EXISTS dash_day_batch;
DROP PROCEDURE IF EXISTS dash_day_bump_all;
DROP PROCEDURE IF EXISTS dash_plan_sync;

DELIMITER //

-- This year's plan figures of the dealers lo..hi (customer_id) for day a,
-- and their share of the region support rows: dash_plan_sync for a range.
CREATE PROCEDURE dash_plan_sync_range(IN a DATE, IN lo INT UNSIGNED, IN hi INT UNSIGNED)
BEGIN
  DECLARE over_mask INT DEFAULT (1 << (MONTH(a) - 1)) - 1;   -- the months already over
  -- Taken off (and added back below) by INSERT ... ON DUPLICATE KEY UPDATE:
  -- an UPDATE joining these sums as a derived table is planned as a
  -- lateral derived table, every dealer of the region read per row.
  INSERT INTO dash_region_support (region_id, category_id, budget, spend)
  SELECT d.region_id, ds.category_id, -SUM(ds.budget), -SUM(ds.spend)
  FROM dash_dealer_support ds JOIN dash_dealers d ON d.customer_id = ds.customer_id
  WHERE ds.customer_id BETWEEN lo AND hi
  GROUP BY d.region_id, ds.category_id
  ON DUPLICATE KEY UPDATE dash_region_support.budget = dash_region_support.budget + VALUES(budget),
    dash_region_support.spend = dash_region_support.spend + VALUES(spend);
  DELETE FROM dash_dealer_support WHERE customer_id BETWEEN lo AND hi;
  INSERT INTO dash_dealer_support (customer_id, category_id, budget, spend)
  SELECT x.customer_id, x.cat, SUM(x.b), SUM(x.s) FROM (
      SELECT p.customer_id, i.category_id AS cat, i.budget AS b, 0 AS s
      FROM support_plans p JOIN support_plan_items i ON i.revision_id = p.approved_rev_id
      WHERE p.customer_id BETWEEN lo AND hi AND p.year = YEAR(a)
      UNION ALL
      SELECT p.customer_id,
             COALESCE((SELECT MIN(i.category_id) FROM support_plan_revisions v
                       JOIN support_plan_items i ON i.revision_id = v.id
                       WHERE v.plan_id = p.id AND i.line_key = e.line_key), 0),
             0, e.actual_cost
      FROM support_plans p JOIN support_executions e ON e.plan_id = p.id
      WHERE p.customer_id BETWEEN lo AND hi AND p.year = YEAR(a)) x
  JOIN dash_dealers d ON d.customer_id = x.customer_id
  GROUP BY x.customer_id, x.cat;
  UPDATE dash_dealers d LEFT JOIN (
      SELECT p.customer_id, p.id AS plan_id, v.sales_target,
        (SELECT SUM(i.budget) FROM support_plan_items i WHERE i.revision_id = p.approved_rev_id) AS budget,
        (SELECT SUM(i.budget * BIT_COUNT(i.months & over_mask) / BIT_COUNT(i.months))
           FROM support_plan_items i WHERE i.revision_id = p.approved_rev_id AND i.months <> 0) AS due,
        (SELECT SUM(e.actual_cost) FROM support_executions e WHERE e.plan_id = p.id) AS spend
      FROM support_plans p LEFT JOIN support_plan_revisions v ON v.id = p.approved_rev_id
      WHERE p.customer_id BETWEEN lo AND hi AND p.year = YEAR(a)) q ON q.customer_id = d.customer_id
    SET d.plan_id = q.plan_id, d.target = q.sales_target,
        d.budget = IF(q.sales_target IS NULL, NULL, COALESCE(q.budget, 0)),
        d.plan_due = IF(q.sales_target IS NULL, NULL, ROUND(COALESCE(q.due, 0), 2)),
        d.spend = COALESCE(q.spend, 0)
    WHERE d.customer_id BETWEEN lo AND hi
      -- Only the rows that change: each row updated runs the row triggers
      -- and rewrites the generated columns and their indexes.
      AND NOT (d.plan_id <=> q.plan_id AND d.target <=> q.sales_target
               AND d.budget <=> IF(q.sales_target IS NULL, NULL, COALESCE(q.budget, 0))
               AND d.plan_due <=> IF(q.sales_target IS NULL, NULL, ROUND(COALESCE(q.due, 0), 2))
               AND d.spend <=> COALESCE(q.spend, 0));
  INSERT INTO dash_region_support (region_id, category_id, budget, spend)
  SELECT d.region_id, ds.category_id, SUM(ds.budget), SUM(ds.spend)
  FROM dash_dealer_support ds JOIN dash_dealers d ON d.customer_id = ds.customer_id
  WHERE ds.customer_id BETWEEN lo AND hi
  GROUP BY d.region_id, ds.category_id
  ON DUPLICATE KEY UPDATE dash_region_support.budget = dash_region_support.budget + VALUES(budget),
    dash_region_support.spend = dash_region_support.spend + VALUES(spend);
END//

-- One batch, the dealers lo..hi (customer_id), in one transaction: the
-- differences of dash_day_delta added (step 2) and, if plans, their plan
-- figures for day a1 (step 3). It waits in no lock queue; busy (1205) or
-- chosen as a victim anyway (1213), it rolls back and tries again in a
-- moment, for at most a minute.
CREATE PROCEDURE dash_day_batch(IN a1 DATE, IN plans INT, IN lo INT UNSIGNED, IN hi INT UNSIGNED)
BEGIN
  DECLARE busy INT DEFAULT 0;
  DECLARE tries INT DEFAULT 0;
  DECLARE wait INT DEFAULT @@session.innodb_lock_wait_timeout;
  batch_loop: LOOP
    BEGIN
      DECLARE CONTINUE HANDLER FOR 1205, 1213 SET busy = 1;
      SET busy = 0, tries = tries + 1;
      SET SESSION innodb_lock_wait_timeout = 0;
      START TRANSACTION;
      UPDATE dash_dealers d JOIN dash_day_delta x
          ON x.customer_id = d.customer_id AND x.region_id = d.region_id
        SET d.ytd = d.ytd + x.ytd, d.ly = d.ly + x.ly, d.r3 = d.r3 + x.r3,
            d.r3_ly = d.r3_ly + x.r3_ly, d.overdue = d.overdue + x.overdue
        WHERE x.customer_id BETWEEN lo AND hi
          AND (x.ytd <> 0 OR x.ly <> 0 OR x.r3 <> 0 OR x.r3_ly <> 0 OR x.overdue <> 0);
      IF plans AND NOT busy THEN CALL dash_plan_sync_range(a1, lo, hi); END IF;
      IF busy THEN ROLLBACK; ELSE COMMIT; END IF;
      SET SESSION innodb_lock_wait_timeout = wait;
    END;
    IF NOT busy THEN LEAVE batch_loop; END IF;
    IF tries >= 1200 THEN
      SIGNAL SQLSTATE '45000'
        SET MESSAGE_TEXT = 'dash_day_change: writes held a batch of dealers for a minute; CALL dash_day_change(CURDATE(), 1)';
    END IF;
    DO SLEEP(0.05);
  END LOOP;
END//

-- Steps 2 to 4 of 045, after the switch has committed: batches of 5,000
-- dealers in customer_id order (the next 5,000 rows of dash_dealers, so a
-- batch is one short transaction wherever the ids are sparse). A row
-- whose region changed since the switch has left and entered again, with
-- its figures for the new day computed whole: it takes no difference (the
-- join on region_id). A dealer who left takes none either. Then every
-- region's revision, once (the batch with lo > hi: no dealer).
CREATE PROCEDURE dash_day_apply(IN a1 DATE, IN plans INT)
BEGIN
  DECLARE skip INT DEFAULT 4999;
  DECLARE lo INT UNSIGNED DEFAULT 0;
  DECLARE hi INT UNSIGNED;
  SET @kehu_dash_norev = 1;
  batches: LOOP
    SET hi = COALESCE((SELECT customer_id FROM dash_dealers WHERE customer_id > lo
                       ORDER BY customer_id LIMIT 1 OFFSET skip),
                      (SELECT MAX(customer_id) FROM dash_dealers));
    IF hi IS NULL OR hi <= lo THEN LEAVE batches; END IF;
    CALL dash_day_batch(a1, plans, lo + 1, hi);
    SET lo = hi;
  END LOOP;
  SET @kehu_dash_norev = NULL;
  CALL dash_day_bump_all();
END//

-- Every region's revision moves once, waiting in no lock queue either.
CREATE PROCEDURE dash_day_bump_all()
BEGIN
  DECLARE busy INT DEFAULT 0;
  DECLARE tries INT DEFAULT 0;
  DECLARE wait INT DEFAULT @@session.innodb_lock_wait_timeout;
  bump_loop: LOOP
    BEGIN
      DECLARE CONTINUE HANDLER FOR 1205, 1213 SET busy = 1;
      SET busy = 0, tries = tries + 1;
      SET SESSION innodb_lock_wait_timeout = 0;
      INSERT INTO dash_region_rev (region_id, rev) SELECT id, 1 FROM regions
        ON DUPLICATE KEY UPDATE rev = rev + 1;
      SET SESSION innodb_lock_wait_timeout = wait;
    END;
    IF NOT busy THEN LEAVE bump_loop; END IF;
    IF tries >= 1200 THEN
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'dash_day_change: writes held the region revisions for a minute';
    END IF;
    DO SLEEP(0.05);
  END LOOP;
END//

-- The per-dealer plan sync (plan edits, a dealer entering) and the whole
-- one (dash_refresh_all) become the range form: one set of statements.
CREATE PROCEDURE dash_plan_sync(IN a DATE, IN cid INT UNSIGNED)
BEGIN
  IF cid = 0 THEN
    DELETE FROM dash_region_support;
    DELETE FROM dash_dealer_support;
    CALL dash_plan_sync_range(a, 0, 4294967295);
  ELSE
    CALL dash_plan_sync_range(a, cid, cid);
  END IF;
END//

DELIMITER ;

ALTER EVENT dash_day
  COMMENT 'kehu: the dealer dashboard moves to today (schema/045, 046: dash_day_change)';
