-- 015: the dealer dashboard's new day comes from a timer, not from a
-- request, and within a month it costs only what the day changes.
--
-- Why: with 014 the first dashboard request of a day set
-- dash_state.requested, and the trigger on dash_state recomputed every
-- date-dependent figure of every dealer inside that request (21 s at
-- 17,000 dealers, 10 s of it re-reading last year's current month from
-- orders and order_lines), while every write reaching the dashboard's
-- triggers waited on the dash_state row lock.
--
-- 1. Within one month only two figures of dash_dealers depend on the day
--    (ytd, r3, r3_ly and the plan figures change with the month or year):
--    - ly, last year from 1 January to the same day, gains the order lines
--      of the days (old - 1 year, new - 1 year]. `d - INTERVAL 1 YEAR` as
--      in dash_figures and dash_sale, so the three agree on 29 February
--      (both 28 and 29 February 2028 map to 28 February 2027);
--    - overdue, unpaid and due before the day, gains the unpaid payments
--      due in [old, new) (the `unpaid` index of 014).
--    dash_advance(old, new) applies just that. A later month or year, an
--    earlier day, a first day or a rebuild still take dash_refresh_all().
-- 2. The event dash_day asks for today every ten minutes (a no-op update
--    while as_of is today); conf/my.cnf.in turns the event scheduler on.
--    The dashboard only reads dash_state.as_of and shows it.
-- Locking is 014's: the trigger runs under the dash_state row lock, and
-- the write triggers read as_of through dash_as_of() with a shared lock,
-- so a write waits for an advance in progress and then applies itself to
-- the advanced figures; an advance waits for writes that read the old day.
-- 3. New payments, orders and order lines take that shared lock before
--    their row exists (BEFORE INSERT), so they wait for a day change
--    instead of deadlocking with it (measured at 10M order lines; see
--    bench/README.md).

DROP TRIGGER IF EXISTS dash_state_refresh;
DROP PROCEDURE IF EXISTS dash_advance;
DROP EVENT IF EXISTS dash_day;
DROP TRIGGER IF EXISTS dash_payment_wait;
DROP TRIGGER IF EXISTS dash_order_wait;
DROP TRIGGER IF EXISTS dash_line_wait;
DROP PROCEDURE IF EXISTS dash_wait;

DELIMITER //

-- From day a0 to the later day a1 of the same month. Every region's
-- revision moves once (the kept charts and warnings are re-read: the
-- "not visited" warning counts days from today anyway).
CREATE PROCEDURE dash_advance(IN a0 DATE, IN a1 DATE)
BEGIN
  SET @kehu_dash_norev = 1;
  UPDATE dash_dealers d JOIN (
      SELECT o.customer_id, SUM(l.amount) AS part FROM orders o
      JOIN order_lines l ON l.order_id = o.id
      WHERE o.ordered_on > a0 - INTERVAL 1 YEAR AND o.ordered_on <= a1 - INTERVAL 1 YEAR
      GROUP BY o.customer_id) p ON p.customer_id = d.customer_id
    SET d.ly = d.ly + p.part;
  UPDATE dash_dealers d JOIN (
      SELECT customer_id, SUM(amount) AS due FROM payments
      WHERE paid_on IS NULL AND due_on >= a0 AND due_on < a1
      GROUP BY customer_id) p ON p.customer_id = d.customer_id
    SET d.overdue = d.overdue + p.due;
  SET @kehu_dash_norev = NULL;
  INSERT INTO dash_region_rev (region_id, rev) SELECT id, 1 FROM regions
    ON DUPLICATE KEY UPDATE rev = rev + 1;
END//

CREATE TRIGGER dash_state_refresh BEFORE UPDATE ON dash_state FOR EACH ROW
BEGIN
  IF NEW.rebuilds <> OLD.rebuilds OR NOT (NEW.requested <=> OLD.as_of) THEN
    SET NEW.as_of = COALESCE(NEW.requested, CURDATE()), NEW.requested = NEW.as_of,
        NEW.refreshed_at = NOW();
    IF NEW.rebuilds = OLD.rebuilds AND NEW.as_of > OLD.as_of
       AND NEW.as_of <= LAST_DAY(OLD.as_of) THEN
      CALL dash_advance(OLD.as_of, NEW.as_of);
    ELSE
      CALL dash_refresh_all(NEW.as_of);
    END IF;
  END IF;
END//

-- New payments, orders and order lines take the day's shared lock before
-- their row exists (their AFTER triggers would lock the row first and the
-- day second): while a day change is in progress they wait for it,
-- instead of deadlocking with its reads reaching their new row.
CREATE PROCEDURE dash_wait()
BEGIN
  DECLARE a DATE;
  IF @kehu_bulk IS NULL THEN SET a = dash_as_of(); END IF;
END//
CREATE TRIGGER dash_payment_wait BEFORE INSERT ON payments FOR EACH ROW CALL dash_wait()//
CREATE TRIGGER dash_order_wait BEFORE INSERT ON orders FOR EACH ROW CALL dash_wait()//
CREATE TRIGGER dash_line_wait BEFORE INSERT ON order_lines FOR EACH ROW CALL dash_wait()//

DELIMITER ;

-- The timer. Runs as the migration's user (root, which every install
-- has); at one minute past each ten so the new day is in by 00:01 China
-- time. A run still busy with a month's full refresh holds the row lock:
-- the next one then waits and finds as_of current.
CREATE EVENT dash_day
  ON SCHEDULE EVERY 10 MINUTE STARTS CURRENT_DATE + INTERVAL 1 MINUTE
  ON COMPLETION PRESERVE
  COMMENT 'kehu: the dealer dashboard moves to today (schema/015)'
  DO UPDATE dash_state SET requested = CURDATE() WHERE id = 1 AND NOT (as_of <=> CURDATE());

-- A server started before conf/my.cnf.in said event_scheduler = ON reads
-- that only when it restarts; turn the scheduler on now.
SET GLOBAL event_scheduler = ON;
