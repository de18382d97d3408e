-- 045: the dealer dashboard's day change is a procedure the timer calls,
-- dash_day_change(day, full), in an order that cannot deadlock with writes.
--
-- Why: the trigger on dash_state (015) moved the day inside the UPDATE
-- that held the dash_state row lock, with locking reads of orders,
-- order_lines and payments and writes to every dealer row. A write holds
-- its own rows and then waits for the day (dash_as_of(), a shared lock on
-- dash_state), so the two could wait for each other; the BEFORE INSERT
-- triggers of 015 covered new payments, orders and lines only, and an
-- update of an existing row (a payment marked paid) could still deadlock.
--
-- The shape (schema/DERIVED.md, "The day change"):
-- 1. The switch, one short transaction at READ COMMITTED: the dash_state
--    row FOR UPDATE with no lock wait (never queued: busy means a write
--    that read the old day is still open; retry), then what the new day
--    changes for each dealer as differences, into a temporary table, by
--    consistent reads (no row locks), then as_of = the new day, COMMIT.
--    While it runs no write can read the day, so every write that used
--    the old day is committed and seen, and every later one uses the new
--    day.
-- 2. The differences added to each dealer row, one row per autocommit
--    statement (a dealer's row is all it holds). Adding commutes with
--    what writes of the new day add meanwhile.
-- 3. A month or year change (or full = 1): each dealer's plan figures by
--    dash_plan_sync for the new day, one dealer per transaction (whole, so
--    InnoDB rolls back the smaller side if a plan edit of that dealer
--    meets it; then that dealer is synced again).
-- 4. Every region's revision bumped, one statement per region.
-- dash_rebuild() (the repair after a bulk load) keeps dash_refresh_all,
-- which rebuilds the dealer rows themselves: run it with no writes.

DROP TRIGGER IF EXISTS dash_state_refresh;
DROP TRIGGER IF EXISTS dash_payment_wait;
DROP TRIGGER IF EXISTS dash_order_wait;
DROP TRIGGER IF EXISTS dash_line_wait;
DROP PROCEDURE IF EXISTS dash_wait;
DROP PROCEDURE IF EXISTS dash_advance;
DROP PROCEDURE IF EXISTS dash_rebuild;
DROP PROCEDURE IF EXISTS dash_day_change;
DROP PROCEDURE IF EXISTS dash_day_switch;
DROP PROCEDURE IF EXISTS dash_day_apply;

DELIMITER //

-- Step 1 (see above), inside the caller's READ COMMITTED transaction that
-- holds the dash_state row: the differences from day a0 to day a1 into
-- dash_day_delta. adv: a later day of the same month (only ly and overdue
-- move: the order lines of the days (a0 - 1 year, a1 - 1 year] and what is
-- owed on items falling due in [a0, a1)); otherwise every date-dependent
-- sum, computed for a1 as dash_figures does, less the row's value.
CREATE PROCEDURE dash_day_switch(IN a0 DATE, IN a1 DATE, IN adv INT)
BEGIN
  DECLARE y0 DATE DEFAULT MAKEDATE(YEAR(a1), 1);
  DECLARE m0 DATE DEFAULT a1 - INTERVAL (DAY(a1) - 1) DAY;
  IF adv THEN
    INSERT INTO dash_day_delta (customer_id, region_id, ly)
      SELECT d.customer_id, d.region_id, p.part FROM dash_dealers d JOIN (
          SELECT o.customer_id, SUM(l.amount) AS part FROM orders o
          JOIN order_lines l ON l.order_id = o.id
          WHERE o.ordered_on > a0 - INTERVAL 1 YEAR AND o.ordered_on <= a1 - INTERVAL 1 YEAR
          GROUP BY o.customer_id) p ON p.customer_id = d.customer_id;
    INSERT INTO dash_day_delta (customer_id, region_id, overdue)
      SELECT d.customer_id, d.region_id, p.due FROM dash_dealers d JOIN (
          SELECT customer_id, SUM(amount - paid_amount) AS due FROM payments
          WHERE paid_on IS NULL AND due_on >= a0 AND due_on < a1
          GROUP BY customer_id) p ON p.customer_id = d.customer_id
      ON DUPLICATE KEY UPDATE overdue = VALUES(overdue);
  ELSE
    INSERT INTO dash_day_delta (customer_id, region_id, ytd, ly, r3, r3_ly, overdue)
      SELECT d.customer_id, d.region_id, COALESCE(s.ytd, 0) - d.ytd,
             COALESCE(s.ly_months, 0) + COALESCE(p.part, 0) - d.ly,
             COALESCE(s.r3, 0) - d.r3, COALESCE(s.r3_ly, 0) - d.r3_ly,
             COALESCE(q.due, 0) - d.overdue
      FROM dash_dealers d
      LEFT JOIN (
          SELECT customer_id, SUM(amount * (month >= y0)) AS ytd,
                 SUM(amount * (month >= y0 - INTERVAL 1 YEAR AND month < m0 - INTERVAL 1 YEAR)) AS ly_months,
                 SUM(amount * (month >= m0 - INTERVAL 3 MONTH AND month < m0)) AS r3,
                 SUM(amount * (month >= m0 - INTERVAL 15 MONTH AND month < m0 - INTERVAL 12 MONTH)) AS r3_ly
          FROM dash_sales WHERE month BETWEEN LEAST(y0 - INTERVAL 1 YEAR, m0 - INTERVAL 15 MONTH)
                                          AND y0 + INTERVAL 11 MONTH
          GROUP BY customer_id) s ON s.customer_id = d.customer_id
      LEFT JOIN (
          SELECT o.customer_id, SUM(l.amount) AS part FROM orders o
          JOIN order_lines l ON l.order_id = o.id
          WHERE o.ordered_on >= m0 - INTERVAL 1 YEAR AND o.ordered_on <= a1 - INTERVAL 1 YEAR
          GROUP BY o.customer_id) p ON p.customer_id = d.customer_id
      LEFT JOIN (
          SELECT customer_id, SUM(amount - paid_amount) AS due FROM payments
          WHERE paid_on IS NULL AND due_on < a1
          GROUP BY customer_id) q ON q.customer_id = d.customer_id;
  END IF;
END//

-- Steps 2 to 4 (see above), after the switch has committed. A row whose
-- region changed since the switch has left and entered again, with its
-- figures for the new day computed whole: it takes no difference. Each
-- statement holds one dealer's (or region's) rows; should InnoDB still
-- pick it as a deadlock's victim, it runs again.
CREATE PROCEDURE dash_day_apply(IN a1 DATE, IN plans INT)
BEGIN
  DECLARE done INT DEFAULT 0;
  DECLARE c INT UNSIGNED;
  DECLARE r SMALLINT UNSIGNED;
  DECLARE dy, dly, dr3, dr3ly, dov DECIMAL(16,2);
  DECLARE tries INT;
  DECLARE deadlocked INT DEFAULT 0;
  DECLARE failed INT DEFAULT 0;
  DECLARE deltas CURSOR FOR SELECT customer_id, region_id, ytd, ly, r3, r3_ly, overdue
    FROM dash_day_delta WHERE ytd <> 0 OR ly <> 0 OR r3 <> 0 OR r3_ly <> 0 OR overdue <> 0;
  DECLARE dealers CURSOR FOR SELECT customer_id FROM dash_day_delta;
  DECLARE regions_c CURSOR FOR SELECT id FROM regions;
  DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;
  DECLARE CONTINUE HANDLER FOR 1213 SET deadlocked = 1;
  SET @kehu_dash_norev = 1;
  OPEN deltas;
  apply_loop: LOOP
    FETCH deltas INTO c, r, dy, dly, dr3, dr3ly, dov;
    IF done THEN LEAVE apply_loop; END IF;
    SET tries = 0;
    REPEAT
      SET deadlocked = 0, tries = tries + 1;
      UPDATE dash_dealers SET ytd = ytd + dy, ly = ly + dly, r3 = r3 + dr3, r3_ly = r3_ly + dr3ly,
                              overdue = overdue + dov
        WHERE customer_id = c AND region_id = r;
    UNTIL NOT deadlocked OR tries >= 10 END REPEAT;
    SET failed = failed OR deadlocked;
  END LOOP;
  CLOSE deltas;
  IF plans THEN
    SET done = 0;
    OPEN dealers;
    plan_loop: LOOP
      FETCH dealers INTO c;
      IF done THEN LEAVE plan_loop; END IF;
      SET tries = 0;
      REPEAT
        SET deadlocked = 0, tries = tries + 1;
        START TRANSACTION;
        IF EXISTS (SELECT 1 FROM dash_dealers WHERE customer_id = c) THEN
          CALL dash_plan_sync(a1, c);
        END IF;
        COMMIT;
      UNTIL NOT deadlocked OR tries >= 10 END REPEAT;
      SET failed = failed OR deadlocked;
    END LOOP;
    CLOSE dealers;
  END IF;
  SET @kehu_dash_norev = NULL;
  SET done = 0;
  OPEN regions_c;
  bump_loop: LOOP
    FETCH regions_c INTO r;
    IF done THEN LEAVE bump_loop; END IF;
    SET tries = 0;
    REPEAT
      SET deadlocked = 0, tries = tries + 1;
      CALL dash_bump(r);
    UNTIL NOT deadlocked OR tries >= 10 END REPEAT;
    SET failed = failed OR deadlocked;
  END LOOP;
  CLOSE regions_c;
  IF failed THEN
    SIGNAL SQLSTATE '45000'
      SET MESSAGE_TEXT = 'dash_day_change: a row kept deadlocking; CALL dash_day_change(CURDATE(), 1)';
  END IF;
END//

-- The dashboard moves to day a1: a later day of the same month by the
-- cheap differences, anything else (or full = 1) by the whole sums and the
-- plans. A no-op when as_of is already a1 and full = 0. Not inside a
-- transaction: it commits its own steps.
CREATE PROCEDURE dash_day_change(IN a1 DATE, IN full INT)
BEGIN
  DECLARE a0 DATE;
  DECLARE busy INT DEFAULT 0;
  DECLARE tries INT DEFAULT 0;
  DECLARE adv INT;
  DECLARE iso VARCHAR(32) DEFAULT @@session.tx_isolation;
  DECLARE wait INT DEFAULT @@session.innodb_lock_wait_timeout;
  DECLARE EXIT HANDLER FOR SQLEXCEPTION
  BEGIN
    ROLLBACK;
    SET @kehu_dash_norev = NULL;
    SET SESSION tx_isolation = iso, SESSION innodb_lock_wait_timeout = wait;
    RESIGNAL;
  END;
  IF @@in_transaction THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'dash_day_change: call it outside a transaction';
  END IF;
  IF full OR NOT ((SELECT as_of FROM dash_state WHERE id = 1) <=> a1) THEN
    CREATE TEMPORARY TABLE IF NOT EXISTS dash_day_delta (
      customer_id INT UNSIGNED      NOT NULL PRIMARY KEY,
      region_id   SMALLINT UNSIGNED NOT NULL,
      ytd     DECIMAL(16,2) NOT NULL DEFAULT 0,
      ly      DECIMAL(16,2) NOT NULL DEFAULT 0,
      r3      DECIMAL(16,2) NOT NULL DEFAULT 0,
      r3_ly   DECIMAL(16,2) NOT NULL DEFAULT 0,
      overdue DECIMAL(16,2) NOT NULL DEFAULT 0
    ) ENGINE=InnoDB;
    DELETE FROM dash_day_delta;
    SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;
    -- The switch waits in no lock queue: a write that read the old day
    -- and is still open makes it try again in a moment (at most a minute;
    -- the timer comes back in ten).
    switch_loop: LOOP
      BEGIN
        DECLARE CONTINUE HANDLER FOR 1205 SET busy = 1;
        SET busy = 0, tries = tries + 1;
        START TRANSACTION;
        SET SESSION innodb_lock_wait_timeout = 0;
        SELECT as_of INTO a0 FROM dash_state WHERE id = 1 FOR UPDATE;
        SET SESSION innodb_lock_wait_timeout = wait;
      END;
      IF NOT busy THEN LEAVE switch_loop; END IF;
      ROLLBACK;
      IF tries >= 1200 THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'dash_day_change: writes held the day for a minute';
      END IF;
      DO SLEEP(0.05);
    END LOOP;
    IF full OR NOT (a0 <=> a1) THEN
      SET adv = COALESCE(NOT full AND a1 > a0 AND a1 <= LAST_DAY(a0), 0);
      CALL dash_day_switch(a0, a1, adv);
      UPDATE dash_state SET as_of = a1, requested = a1, refreshed_at = NOW() WHERE id = 1;
      COMMIT;
      SET SESSION tx_isolation = iso;
      CALL dash_day_apply(a1, NOT adv);
    ELSE
      COMMIT;
      SET SESSION tx_isolation = iso;
    END IF;
    DROP TEMPORARY TABLE IF EXISTS dash_day_delta;
  END IF;
END//

-- After a bulk load (with @kehu_bulk = 1): dash_sales from the order
-- lines, 2,000 customers at a time (one GROUP BY over every line needs a
-- temporary table of millions of groups on disk), then every dealer row
-- and region table again for today. The repair; run it with no writes.
CREATE PROCEDURE dash_rebuild()
BEGIN
  DECLARE lo INT UNSIGNED DEFAULT 0;
  DELETE FROM dash_sales;
  REPEAT
    INSERT INTO dash_sales (customer_id, month, category_id, amount)
      SELECT o.customer_id, DATE_FORMAT(o.ordered_on, '%Y-%m-01'), p.category_id, SUM(l.amount)
      FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id
      WHERE o.customer_id BETWEEN lo + 1 AND lo + 2000 GROUP BY 1, 2, 3;
    SET lo = lo + 2000;
  UNTIL lo >= (SELECT COALESCE(MAX(id), 0) FROM customers) END REPEAT;
  CALL dash_refresh_all(CURDATE());
  UPDATE dash_state SET as_of = CURDATE(), requested = CURDATE(), rebuilds = rebuilds + 1,
                        refreshed_at = NOW() WHERE id = 1;
END//

DELIMITER ;

ALTER EVENT dash_day
  COMMENT 'kehu: the dealer dashboard moves to today (schema/045, dash_day_change)'
  DO CALL dash_day_change(CURDATE(), 0);
