-- 014: the regional managers' dealer dashboard (/dashboard): per-dealer and
-- per-region summaries kept by triggers, and the dashboard's settings.
--
-- Why: at 10,000,000 order lines a region's 5,000 dealers' sales this year
-- and last year, sorted by any column, took seconds over orders and
-- order_lines. Every figure the dashboard shows is read here instead, by
-- index: a page of the dealer table is an index range on (region_id,
-- column) of dash_dealers, the charts sum a few hundred rows.
--
-- How the tables stay correct:
-- 1. dash_sales (sales by customer, month and product category) does not
--    depend on the date: triggers on order_lines (insert, update, delete)
--    and orders (a change of customer or date moves the order's lines) add
--    and take off each line's amount. Every customer is counted, so a
--    customer who becomes a dealer brings their history.
-- 2. dash_dealers has one row per active dealer (customers.kind = 'dealer',
--    status 'active'); triggers on customers add, move and drop rows
--    (dash_dealer_enter / dash_dealer_leave), and keep name and class.
--    Its figures change with writes and with the date:
--    - writes: triggers on order_lines/orders (sales, last purchase),
--      payments (overdue), complaints (open), contact_log (last contact),
--      support_plans / support_plan_items / support_executions (target,
--      budget, spend, plan due) apply each change to the dealer's row and
--      to its region's rows in dash_region_sales and dash_region_support;
--    - the date: "this year", "the same period last year", "the last three
--      whole months", "overdue" (due before today) and "plan due" (months
--      already over) are computed for the day in dash_state.as_of. When
--      the dashboard finds as_of is not today (CURDATE(), China time, see
--      conf/my.cnf.in) it sets dash_state.requested = CURDATE(); the
--      BEFORE UPDATE trigger on dash_state recomputes every date-dependent
--      figure of every dealer from dash_sales and the base tables
--      (dash_figures / dash_plan_sync with customer 0), under the
--      dash_state row lock, so one request does it and the others find it
--      done. Triggers read as_of with a shared lock, so a write waits for a
--      refresh in progress and is then applied to the refreshed figures.
-- 3. Bulk loads (bench/gen.c's load.sql) set @kehu_bulk = 1, which every
--    trigger here skips, and end with CALL dash_rebuild(), which rebuilds
--    dash_sales from order_lines and then refreshes everything (rebuilds
--    changes, which the trigger on dash_state takes as "refresh").
--    dash_rebuild() is also the repair if anything ever doubted the sums.
-- Not followed: a product moved to another category (the app never does);
-- dash_rebuild() puts it right.

-- Unpaid payments by due date: the daily refresh sums what is overdue
-- without reading every payment (the (due_on, paid_on) index reads all
-- that fell due, paid or not).
ALTER TABLE payments ADD KEY unpaid (paid_on, due_on, customer_id);

CREATE TABLE dashboard_settings (
  name       VARCHAR(32) NOT NULL PRIMARY KEY,
  value      INT         NOT NULL,
  updated_at DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP
) ENGINE=InnoDB;

-- Sleep status by days since the last purchase (瞌睡 / 半睡 / 沉睡), the
-- "not visited" warning, "orders falling" (last three whole months against
-- the same months last year, per cent down) and "plan behind" (spend below
-- this share of the budget of the planned months already over).
INSERT INTO dashboard_settings (name, value) VALUES
  ('sleep_doze_days', 90), ('sleep_half_days', 180), ('sleep_deep_days', 365),
  ('visit_days', 60), ('falling_pct', 30), ('behind_pct', 50);

CREATE TABLE dash_state (
  id        TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  as_of     DATE NULL,          -- the day the date-dependent figures are for
  requested DATE NULL,          -- set by the dashboard: refresh for this day
  rebuilds  INT  NOT NULL DEFAULT 0,
  refreshed_at DATETIME NULL
) ENGINE=InnoDB;
INSERT INTO dash_state (id) VALUES (1);

-- Sales (order line amounts) by customer, month and product category.
CREATE TABLE dash_sales (
  customer_id INT UNSIGNED      NOT NULL,
  month       DATE              NOT NULL,
  category_id SMALLINT UNSIGNED NOT NULL,
  amount      DECIMAL(16,2)     NOT NULL DEFAULT 0,
  PRIMARY KEY (customer_id, month, category_id)
) ENGINE=InnoDB;

-- One row per active dealer. ytd: this calendar year's sales; ly: last
-- year's from 1 January to the same day; r3 / r3_ly: the last three whole
-- months and the same months last year; target: the sales target of this
-- year's approved plan revision; budget: its measures' budgets (NULL: no
-- approved plan); spend: this year's plan's executions; plan_due: the
-- budget of the planned months already over (an item's budget spread
-- evenly over its planned months); overdue: unpaid payments due before
-- as_of. The generated per-cent columns exist to be sorted by index.
CREATE TABLE dash_dealers (
  customer_id     INT UNSIGNED      NOT NULL PRIMARY KEY,
  region_id       SMALLINT UNSIGNED NOT NULL,
  name            VARCHAR(200)      NOT NULL,
  abc_class       CHAR(1)           NULL,
  ytd             DECIMAL(16,2)     NOT NULL DEFAULT 0,
  ly              DECIMAL(16,2)     NOT NULL DEFAULT 0,
  r3              DECIMAL(16,2)     NOT NULL DEFAULT 0,
  r3_ly           DECIMAL(16,2)     NOT NULL DEFAULT 0,
  plan_id         INT UNSIGNED      NULL,
  target          DECIMAL(14,2)     NULL,
  budget          DECIMAL(14,2)     NULL,
  spend           DECIMAL(14,2)     NOT NULL DEFAULT 0,
  plan_due        DECIMAL(14,2)     NULL,
  open_complaints INT               NOT NULL DEFAULT 0,
  overdue         DECIMAL(16,2)     NOT NULL DEFAULT 0,
  last_contact    DATE              NULL,
  last_purchase   DATE              NULL,
  growth DECIMAL(12,1) AS (IF(ly > 0, ROUND(LEAST(GREATEST((ytd - ly) * 100 / ly, -99999999), 99999999), 1), NULL)) PERSISTENT,
  attain DECIMAL(12,1) AS (IF(target > 0, ROUND(LEAST(ytd * 100 / target, 99999999), 1), NULL)) PERSISTENT,
  trend3 DECIMAL(12,1) AS (IF(r3_ly > 0, ROUND(LEAST(GREATEST((r3 - r3_ly) * 100 / r3_ly, -99999999), 99999999), 1), NULL)) PERSISTENT,
  sched  DECIMAL(12,1) AS (IF(plan_due > 0, ROUND(LEAST(spend * 100 / plan_due, 99999999), 1), NULL)) PERSISTENT,
  KEY s_name (region_id, name),
  KEY s_class (region_id, abc_class),
  KEY s_ytd (region_id, ytd),
  KEY s_ly (region_id, ly),
  KEY s_growth (region_id, growth),
  KEY s_attain (region_id, attain),
  KEY s_budget (region_id, budget),
  KEY s_spend (region_id, spend),
  KEY s_complaints (region_id, open_complaints),
  KEY s_overdue (region_id, overdue),
  KEY s_contact (region_id, last_contact),
  KEY s_purchase (region_id, last_purchase),
  KEY s_trend3 (region_id, trend3),
  KEY s_sched (region_id, sched)
) ENGINE=InnoDB;

-- The active dealers' sales by their region, month and product category.
CREATE TABLE dash_region_sales (
  region_id   SMALLINT UNSIGNED NOT NULL,
  month       DATE              NOT NULL,
  category_id SMALLINT UNSIGNED NOT NULL,
  amount      DECIMAL(18,2)     NOT NULL DEFAULT 0,
  PRIMARY KEY (region_id, month, category_id)
) ENGINE=InnoDB;

-- This year's plans of the active dealers: budget (approved revision) and
-- spend (executions, in the category of the measure they were recorded
-- against; 0: a measure no revision names) by dealer and by region.
CREATE TABLE dash_dealer_support (
  customer_id INT UNSIGNED     NOT NULL,
  category_id TINYINT UNSIGNED NOT NULL,
  budget      DECIMAL(14,2)    NOT NULL DEFAULT 0,
  spend       DECIMAL(14,2)    NOT NULL DEFAULT 0,
  PRIMARY KEY (customer_id, category_id)
) ENGINE=InnoDB;

CREATE TABLE dash_region_support (
  region_id   SMALLINT UNSIGNED NOT NULL,
  category_id TINYINT UNSIGNED  NOT NULL,
  budget      DECIMAL(16,2)     NOT NULL DEFAULT 0,
  spend       DECIMAL(16,2)     NOT NULL DEFAULT 0,
  PRIMARY KEY (region_id, category_id)
) ENGINE=InnoDB;

-- A region's revision: bumped by triggers whenever a row of dash_dealers,
-- dash_region_sales or dash_region_support of the region changes, so the
-- dashboard can keep a region's charts, warnings and counts in memory
-- and know, with one primary-key read, when they are out of date.
CREATE TABLE dash_region_rev (
  region_id SMALLINT UNSIGNED NOT NULL PRIMARY KEY,
  rev       BIGINT UNSIGNED   NOT NULL DEFAULT 0
) ENGINE=InnoDB;

DELIMITER //

CREATE PROCEDURE dash_bump(IN r SMALLINT UNSIGNED)
BEGIN
  INSERT INTO dash_region_rev (region_id, rev) VALUES (r, 1)
    ON DUPLICATE KEY UPDATE rev = rev + 1;
END//

-- (A whole refresh sets @kehu_dash_norev and bumps every region once.)
CREATE TRIGGER dash_dealers_insert AFTER INSERT ON dash_dealers FOR EACH ROW
BEGIN IF @kehu_dash_norev IS NULL THEN CALL dash_bump(NEW.region_id); END IF; END//
CREATE TRIGGER dash_dealers_update AFTER UPDATE ON dash_dealers FOR EACH ROW
BEGIN IF @kehu_dash_norev IS NULL THEN CALL dash_bump(NEW.region_id); END IF; END//
CREATE TRIGGER dash_dealers_delete AFTER DELETE ON dash_dealers FOR EACH ROW
BEGIN IF @kehu_dash_norev IS NULL THEN CALL dash_bump(OLD.region_id); END IF; END//
CREATE TRIGGER dash_rsales_insert AFTER INSERT ON dash_region_sales FOR EACH ROW
BEGIN IF @kehu_dash_norev IS NULL THEN CALL dash_bump(NEW.region_id); END IF; END//
CREATE TRIGGER dash_rsales_update AFTER UPDATE ON dash_region_sales FOR EACH ROW
BEGIN IF @kehu_dash_norev IS NULL THEN CALL dash_bump(NEW.region_id); END IF; END//
CREATE TRIGGER dash_rsupport_insert AFTER INSERT ON dash_region_support FOR EACH ROW
BEGIN IF @kehu_dash_norev IS NULL THEN CALL dash_bump(NEW.region_id); END IF; END//
CREATE TRIGGER dash_rsupport_update AFTER UPDATE ON dash_region_support FOR EACH ROW
BEGIN IF @kehu_dash_norev IS NULL THEN CALL dash_bump(NEW.region_id); END IF; END//

-- The day the figures are for; a shared lock waits out a refresh.
CREATE FUNCTION dash_as_of() RETURNS DATE READS SQL DATA
BEGIN
  DECLARE a DATE;
  SELECT as_of INTO a FROM dash_state WHERE id = 1 LOCK IN SHARE MODE;
  RETURN COALESCE(a, CURDATE());
END//

-- One sale (or its reversal: amt negative) of customer c on day dt.
CREATE PROCEDURE dash_sale(IN c INT UNSIGNED, IN dt DATE, IN cat SMALLINT UNSIGNED,
                           IN amt DECIMAL(16,2))
BEGIN
  DECLARE a DATE DEFAULT dash_as_of();
  DECLARE m DATE DEFAULT dt - INTERVAL (DAY(dt) - 1) DAY;
  DECLARE m0 DATE DEFAULT a - INTERVAL (DAY(a) - 1) DAY;
  DECLARE r SMALLINT UNSIGNED;
  SET r = (SELECT region_id FROM dash_dealers WHERE customer_id = c);
  INSERT INTO dash_sales (customer_id, month, category_id, amount) VALUES (c, m, cat, amt)
    ON DUPLICATE KEY UPDATE amount = amount + VALUES(amount);
  IF r IS NOT NULL THEN
    INSERT INTO dash_region_sales (region_id, month, category_id, amount) VALUES (r, m, cat, amt)
      ON DUPLICATE KEY UPDATE amount = amount + VALUES(amount);
    UPDATE dash_dealers SET
      ytd = ytd + IF(YEAR(dt) = YEAR(a), amt, 0),
      ly = ly + IF(YEAR(dt) = YEAR(a) - 1 AND dt <= a - INTERVAL 1 YEAR, amt, 0),
      r3 = r3 + IF(m >= m0 - INTERVAL 3 MONTH AND m < m0, amt, 0),
      r3_ly = r3_ly + IF(m >= m0 - INTERVAL 15 MONTH AND m < m0 - INTERVAL 12 MONTH, amt, 0)
    WHERE customer_id = c;
  END IF;
END//

CREATE PROCEDURE dash_line(IN oid BIGINT UNSIGNED, IN pid INT UNSIGNED, IN amt DECIMAL(16,2))
BEGIN
  DECLARE c INT UNSIGNED;
  DECLARE dt DATE;
  SELECT customer_id, ordered_on INTO c, dt FROM orders WHERE id = oid;
  CALL dash_sale(c, dt, (SELECT category_id FROM products WHERE id = pid), amt);
END//

-- Every line of order oid as sold (d = 1) or taken back (d = -1) by
-- customer c on day dt: an order that changes customer or date.
CREATE PROCEDURE dash_order_lines(IN oid BIGINT UNSIGNED, IN c INT UNSIGNED, IN dt DATE, IN d INT)
BEGIN
  DECLARE done INT DEFAULT 0;
  DECLARE cat SMALLINT UNSIGNED;
  DECLARE amt DECIMAL(16,2);
  DECLARE cur CURSOR FOR SELECT p.category_id, SUM(l.amount) FROM order_lines l
    JOIN products p ON p.id = l.product_id WHERE l.order_id = oid GROUP BY p.category_id;
  DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;
  OPEN cur;
  fetch_loop: LOOP
    FETCH cur INTO cat, amt;
    IF done THEN LEAVE fetch_loop; END IF;
    CALL dash_sale(c, dt, cat, d * amt);
  END LOOP;
  CLOSE cur;
END//

-- The date-dependent and counted figures of dealer cid (0: every dealer),
-- for day a, from dash_sales and the base tables.
CREATE PROCEDURE dash_figures(IN a DATE, IN cid INT UNSIGNED)
BEGIN
  DECLARE y0 DATE DEFAULT MAKEDATE(YEAR(a), 1);
  DECLARE m0 DATE DEFAULT a - INTERVAL (DAY(a) - 1) DAY;
  UPDATE dash_dealers d LEFT JOIN (
      SELECT customer_id,
        SUM(IF(month >= y0, amount, 0)) AS ytd,
        SUM(IF(month >= y0 - INTERVAL 1 YEAR AND month < m0 - INTERVAL 1 YEAR, amount, 0)) AS ly_months,
        SUM(IF(month >= m0 - INTERVAL 3 MONTH AND month < m0, amount, 0)) AS r3,
        SUM(IF(month >= m0 - INTERVAL 15 MONTH AND month < m0 - INTERVAL 12 MONTH, amount, 0)) AS r3_ly
      FROM dash_sales
      WHERE month >= LEAST(y0 - INTERVAL 1 YEAR, m0 - INTERVAL 15 MONTH)
        AND month < y0 + INTERVAL 1 YEAR AND (cid = 0 OR customer_id = cid)
      GROUP BY customer_id) s ON s.customer_id = d.customer_id
    SET d.ytd = COALESCE(s.ytd, 0), d.r3 = COALESCE(s.r3, 0), d.r3_ly = COALESCE(s.r3_ly, 0),
        d.ly = COALESCE(s.ly_months, 0)
    WHERE cid = 0 OR d.customer_id = cid;
  -- This month last year up to the same day, from the orders themselves.
  UPDATE dash_dealers d JOIN (
      SELECT o.customer_id, SUM(l.amount) AS part FROM orders o
      JOIN order_lines l ON l.order_id = o.id
      WHERE o.ordered_on >= m0 - INTERVAL 1 YEAR AND o.ordered_on <= a - INTERVAL 1 YEAR
        AND (cid = 0 OR o.customer_id = cid)
      GROUP BY o.customer_id) p ON p.customer_id = d.customer_id
    SET d.ly = d.ly + p.part;
  UPDATE dash_dealers d LEFT JOIN (
      SELECT customer_id, SUM(amount) AS due FROM payments
      WHERE paid_on IS NULL AND due_on < a AND (cid = 0 OR customer_id = cid)
      GROUP BY customer_id) p ON p.customer_id = d.customer_id
    SET d.overdue = COALESCE(p.due, 0) WHERE cid = 0 OR d.customer_id = cid;
  UPDATE dash_dealers d LEFT JOIN (
      SELECT customer_id, COUNT(*) AS n FROM complaints
      WHERE status = 'open' AND customer_id IS NOT NULL AND (cid = 0 OR customer_id = cid)
      GROUP BY customer_id) k ON k.customer_id = d.customer_id
    SET d.open_complaints = COALESCE(k.n, 0) WHERE cid = 0 OR d.customer_id = cid;
  UPDATE dash_dealers d LEFT JOIN (
      SELECT customer_id, MAX(contacted_on) AS last FROM contact_log
      WHERE cid = 0 OR customer_id = cid GROUP BY customer_id) k ON k.customer_id = d.customer_id
    SET d.last_contact = k.last WHERE cid = 0 OR d.customer_id = cid;
  UPDATE dash_dealers d LEFT JOIN (
      SELECT customer_id, MAX(ordered_on) AS last FROM orders
      WHERE cid = 0 OR customer_id = cid GROUP BY customer_id) k ON k.customer_id = d.customer_id
    SET d.last_purchase = k.last WHERE cid = 0 OR d.customer_id = cid;
END//

-- This year's plan figures of dealer cid (0: every dealer) for day a, and
-- their region's support rows.
CREATE PROCEDURE dash_plan_sync(IN a DATE, IN cid INT UNSIGNED)
BEGIN
  DECLARE over_mask INT DEFAULT (1 << (MONTH(a) - 1)) - 1;   -- the months already over
  IF cid = 0 THEN
    DELETE FROM dash_region_support;
    DELETE FROM dash_dealer_support;
  ELSE
    UPDATE dash_region_support rs
      JOIN dash_dealer_support ds ON ds.category_id = rs.category_id AND ds.customer_id = cid
      JOIN dash_dealers d ON d.customer_id = cid AND d.region_id = rs.region_id
      SET rs.budget = rs.budget - ds.budget, rs.spend = rs.spend - ds.spend;
    DELETE FROM dash_dealer_support WHERE customer_id = cid;
  END IF;
  INSERT INTO dash_dealer_support (customer_id, category_id, budget, spend)
  SELECT x.customer_id, x.cat, SUM(x.b), SUM(x.s) FROM (
      SELECT p.customer_id, i.category_id AS cat, i.budget AS b, 0 AS s
      FROM support_plans p JOIN support_plan_items i ON i.revision_id = p.approved_rev_id
      WHERE p.year = YEAR(a) AND (cid = 0 OR p.customer_id = cid)
      UNION ALL
      SELECT p.customer_id,
             COALESCE((SELECT MIN(i.category_id) FROM support_plan_revisions v
                       JOIN support_plan_items i ON i.revision_id = v.id
                       WHERE v.plan_id = p.id AND i.line_key = e.line_key), 0),
             0, e.actual_cost
      FROM support_plans p JOIN support_executions e ON e.plan_id = p.id
      WHERE p.year = YEAR(a) AND (cid = 0 OR p.customer_id = cid)) x
  JOIN dash_dealers d ON d.customer_id = x.customer_id
  GROUP BY x.customer_id, x.cat;
  UPDATE dash_dealers d LEFT JOIN (
      SELECT p.customer_id, p.id AS plan_id, v.sales_target,
        (SELECT SUM(i.budget) FROM support_plan_items i WHERE i.revision_id = p.approved_rev_id) AS budget,
        (SELECT SUM(i.budget * BIT_COUNT(i.months & over_mask) / BIT_COUNT(i.months))
           FROM support_plan_items i WHERE i.revision_id = p.approved_rev_id AND i.months <> 0) AS due,
        (SELECT SUM(e.actual_cost) FROM support_executions e WHERE e.plan_id = p.id) AS spend
      FROM support_plans p LEFT JOIN support_plan_revisions v ON v.id = p.approved_rev_id
      WHERE p.year = YEAR(a) AND (cid = 0 OR p.customer_id = cid)) q ON q.customer_id = d.customer_id
    SET d.plan_id = q.plan_id, d.target = q.sales_target,
        d.budget = IF(q.sales_target IS NULL, NULL, COALESCE(q.budget, 0)),
        d.plan_due = IF(q.sales_target IS NULL, NULL, ROUND(COALESCE(q.due, 0), 2)),
        d.spend = COALESCE(q.spend, 0)
    WHERE cid = 0 OR d.customer_id = cid;
  INSERT INTO dash_region_support (region_id, category_id, budget, spend)
  SELECT d.region_id, ds.category_id, SUM(ds.budget), SUM(ds.spend)
  FROM dash_dealer_support ds JOIN dash_dealers d ON d.customer_id = ds.customer_id
  WHERE cid = 0 OR ds.customer_id = cid
  GROUP BY d.region_id, ds.category_id
  ON DUPLICATE KEY UPDATE dash_region_support.budget = dash_region_support.budget + VALUES(budget),
    dash_region_support.spend = dash_region_support.spend + VALUES(spend);
END//

-- Customer c becomes an active dealer (or moves in from another region).
CREATE PROCEDURE dash_dealer_enter(IN c INT UNSIGNED)
BEGIN
  DECLARE a DATE DEFAULT dash_as_of();
  INSERT INTO dash_dealers (customer_id, region_id, name, abc_class)
    SELECT id, region_id, name, abc_class FROM customers WHERE id = c;
  INSERT INTO dash_region_sales (region_id, month, category_id, amount)
    SELECT d.region_id, s.month, s.category_id, s.amount FROM dash_sales s
    JOIN dash_dealers d ON d.customer_id = s.customer_id WHERE s.customer_id = c
    ON DUPLICATE KEY UPDATE dash_region_sales.amount = dash_region_sales.amount + VALUES(amount);
  CALL dash_figures(a, c);
  CALL dash_plan_sync(a, c);
END//

-- Customer c stops being an active dealer of region r (or moves out).
CREATE PROCEDURE dash_dealer_leave(IN c INT UNSIGNED, IN r SMALLINT UNSIGNED)
BEGIN
  UPDATE dash_region_sales rs JOIN dash_sales s
      ON s.customer_id = c AND s.month = rs.month AND s.category_id = rs.category_id
    SET rs.amount = rs.amount - s.amount WHERE rs.region_id = r;
  UPDATE dash_region_support rs JOIN dash_dealer_support ds
      ON ds.customer_id = c AND ds.category_id = rs.category_id
    SET rs.budget = rs.budget - ds.budget, rs.spend = rs.spend - ds.spend WHERE rs.region_id = r;
  DELETE FROM dash_dealer_support WHERE customer_id = c;
  DELETE FROM dash_dealers WHERE customer_id = c;
END//

-- Everything for day a: the dealer rows from customers, their figures,
-- the region tables. Called by the trigger on dash_state.
CREATE PROCEDURE dash_refresh_all(IN a DATE)
BEGIN
  SET @kehu_dash_norev = 1;
  DELETE FROM dash_dealers;
  INSERT INTO dash_dealers (customer_id, region_id, name, abc_class)
    SELECT id, region_id, name, abc_class FROM customers
    WHERE kind = 'dealer' AND status = 'active';
  DELETE FROM dash_region_sales;
  INSERT INTO dash_region_sales (region_id, month, category_id, amount)
    SELECT d.region_id, s.month, s.category_id, SUM(s.amount) FROM dash_sales s
    JOIN dash_dealers d ON d.customer_id = s.customer_id
    GROUP BY d.region_id, s.month, s.category_id;
  CALL dash_figures(a, 0);
  CALL dash_plan_sync(a, 0);
  SET @kehu_dash_norev = NULL;
  INSERT INTO dash_region_rev (region_id, rev) SELECT id, 1 FROM regions
    ON DUPLICATE KEY UPDATE rev = rev + 1;
END//

CREATE TRIGGER dash_state_refresh BEFORE UPDATE ON dash_state FOR EACH ROW
BEGIN
  IF NEW.rebuilds <> OLD.rebuilds OR NOT (NEW.requested <=> OLD.as_of) THEN
    SET NEW.as_of = COALESCE(NEW.requested, CURDATE()), NEW.requested = NEW.as_of,
        NEW.refreshed_at = NOW();
    CALL dash_refresh_all(NEW.as_of);
  END IF;
END//

-- After a bulk load (with @kehu_bulk = 1): everything from scratch. The
-- sales go 2,000 customers at a time: one GROUP BY over 10,000,000 order
-- lines needs a temporary table of millions of groups on disk.
CREATE PROCEDURE dash_rebuild()
BEGIN
  DECLARE lo INT UNSIGNED DEFAULT 0;
  DECLARE top INT UNSIGNED DEFAULT 0;
  SET top = (SELECT COALESCE(MAX(id), 0) FROM customers);
  DELETE FROM dash_sales;
  WHILE lo < top DO
    INSERT INTO dash_sales (customer_id, month, category_id, amount)
      SELECT o.customer_id, o.ordered_on - INTERVAL (DAY(o.ordered_on) - 1) DAY, p.category_id,
             SUM(l.amount)
      FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id
      WHERE o.customer_id > lo AND o.customer_id <= lo + 2000
      GROUP BY 1, 2, 3;
    SET lo = lo + 2000;
  END WHILE;
  UPDATE dash_state SET rebuilds = rebuilds + 1, requested = CURDATE() WHERE id = 1;
END//

CREATE TRIGGER dash_line_insert AFTER INSERT ON order_lines FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL THEN CALL dash_line(NEW.order_id, NEW.product_id, NEW.amount); END IF;
END//

CREATE TRIGGER dash_line_delete AFTER DELETE ON order_lines FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL THEN CALL dash_line(OLD.order_id, OLD.product_id, -OLD.amount); END IF;
END//

CREATE TRIGGER dash_line_update AFTER UPDATE ON order_lines FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL AND NOT (OLD.order_id <=> NEW.order_id AND OLD.product_id <=> NEW.product_id
                                 AND OLD.amount <=> NEW.amount) THEN
    CALL dash_line(OLD.order_id, OLD.product_id, -OLD.amount);
    CALL dash_line(NEW.order_id, NEW.product_id, NEW.amount);
  END IF;
END//

CREATE TRIGGER dash_order_insert AFTER INSERT ON orders FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL THEN
    UPDATE dash_dealers SET last_purchase = GREATEST(COALESCE(last_purchase, NEW.ordered_on), NEW.ordered_on)
    WHERE customer_id = NEW.customer_id;
  END IF;
END//

CREATE TRIGGER dash_order_update AFTER UPDATE ON orders FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL AND NOT (OLD.customer_id <=> NEW.customer_id AND OLD.ordered_on <=> NEW.ordered_on) THEN
    CALL dash_order_lines(NEW.id, OLD.customer_id, OLD.ordered_on, -1);
    CALL dash_order_lines(NEW.id, NEW.customer_id, NEW.ordered_on, 1);
    UPDATE dash_dealers SET last_purchase = (SELECT MAX(ordered_on) FROM orders WHERE customer_id = OLD.customer_id)
    WHERE customer_id = OLD.customer_id;
    UPDATE dash_dealers SET last_purchase = (SELECT MAX(ordered_on) FROM orders WHERE customer_id = NEW.customer_id)
    WHERE customer_id = NEW.customer_id;
  END IF;
END//

CREATE TRIGGER dash_order_delete AFTER DELETE ON orders FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL THEN
    UPDATE dash_dealers SET last_purchase = (SELECT MAX(ordered_on) FROM orders WHERE customer_id = OLD.customer_id)
    WHERE customer_id = OLD.customer_id;
  END IF;
END//

CREATE PROCEDURE dash_payment(IN c INT UNSIGNED, IN amt DECIMAL(16,2), IN due DATE, IN paid DATE,
                              IN d INT)
BEGIN
  IF paid IS NULL AND due < dash_as_of() THEN
    UPDATE dash_dealers SET overdue = overdue + d * amt WHERE customer_id = c;
  END IF;
END//

CREATE TRIGGER dash_payment_insert AFTER INSERT ON payments FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL THEN CALL dash_payment(NEW.customer_id, NEW.amount, NEW.due_on, NEW.paid_on, 1); END IF;
END//

CREATE TRIGGER dash_payment_delete AFTER DELETE ON payments FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL THEN CALL dash_payment(OLD.customer_id, OLD.amount, OLD.due_on, OLD.paid_on, -1); END IF;
END//

CREATE TRIGGER dash_payment_update AFTER UPDATE ON payments FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL THEN
    CALL dash_payment(OLD.customer_id, OLD.amount, OLD.due_on, OLD.paid_on, -1);
    CALL dash_payment(NEW.customer_id, NEW.amount, NEW.due_on, NEW.paid_on, 1);
  END IF;
END//

CREATE TRIGGER dash_complaint_insert AFTER INSERT ON complaints FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL AND NEW.status = 'open' THEN
    UPDATE dash_dealers SET open_complaints = open_complaints + 1 WHERE customer_id = NEW.customer_id;
  END IF;
END//

CREATE TRIGGER dash_complaint_delete AFTER DELETE ON complaints FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL AND OLD.status = 'open' THEN
    UPDATE dash_dealers SET open_complaints = open_complaints - 1 WHERE customer_id = OLD.customer_id;
  END IF;
END//

CREATE TRIGGER dash_complaint_update AFTER UPDATE ON complaints FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL AND NOT (OLD.status <=> NEW.status AND OLD.customer_id <=> NEW.customer_id) THEN
    IF OLD.status = 'open' THEN
      UPDATE dash_dealers SET open_complaints = open_complaints - 1 WHERE customer_id = OLD.customer_id;
    END IF;
    IF NEW.status = 'open' THEN
      UPDATE dash_dealers SET open_complaints = open_complaints + 1 WHERE customer_id = NEW.customer_id;
    END IF;
  END IF;
END//

CREATE TRIGGER dash_contact_insert AFTER INSERT ON contact_log FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL THEN
    UPDATE dash_dealers SET last_contact = GREATEST(COALESCE(last_contact, NEW.contacted_on), NEW.contacted_on)
    WHERE customer_id = NEW.customer_id;
  END IF;
END//

CREATE TRIGGER dash_contact_delete AFTER DELETE ON contact_log FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL THEN
    UPDATE dash_dealers SET last_contact = (SELECT MAX(contacted_on) FROM contact_log WHERE customer_id = OLD.customer_id)
    WHERE customer_id = OLD.customer_id;
  END IF;
END//

CREATE TRIGGER dash_contact_update AFTER UPDATE ON contact_log FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL AND NOT (OLD.customer_id <=> NEW.customer_id AND OLD.contacted_on <=> NEW.contacted_on) THEN
    UPDATE dash_dealers SET last_contact = (SELECT MAX(contacted_on) FROM contact_log WHERE customer_id = OLD.customer_id)
    WHERE customer_id = OLD.customer_id;
    UPDATE dash_dealers SET last_contact = (SELECT MAX(contacted_on) FROM contact_log WHERE customer_id = NEW.customer_id)
    WHERE customer_id = NEW.customer_id;
  END IF;
END//

CREATE TRIGGER dash_customer_insert AFTER INSERT ON customers FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL AND NEW.kind = 'dealer' AND NEW.status = 'active' THEN
    CALL dash_dealer_enter(NEW.id);
  END IF;
END//

CREATE TRIGGER dash_customer_delete AFTER DELETE ON customers FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL AND OLD.kind = 'dealer' AND OLD.status = 'active' THEN
    CALL dash_dealer_leave(OLD.id, OLD.region_id);
  END IF;
END//

CREATE TRIGGER dash_customer_update AFTER UPDATE ON customers FOR EACH ROW
BEGIN
  DECLARE was INT DEFAULT OLD.kind = 'dealer' AND OLD.status = 'active';
  DECLARE now_in INT DEFAULT NEW.kind = 'dealer' AND NEW.status = 'active';
  IF @kehu_bulk IS NULL THEN
    IF was AND (NOT now_in OR OLD.region_id <> NEW.region_id) THEN
      CALL dash_dealer_leave(OLD.id, OLD.region_id);
    END IF;
    IF now_in AND (NOT was OR OLD.region_id <> NEW.region_id) THEN
      CALL dash_dealer_enter(NEW.id);
    ELSEIF now_in AND NOT (OLD.name <=> NEW.name AND OLD.abc_class <=> NEW.abc_class) THEN
      UPDATE dash_dealers SET name = NEW.name, abc_class = NEW.abc_class WHERE customer_id = NEW.id;
    END IF;
  END IF;
END//

-- Plans: recompute the dealer's plan figures (a plan has a few measures).
CREATE PROCEDURE dash_plan_changed(IN c INT UNSIGNED)
BEGIN
  IF c IS NOT NULL AND EXISTS (SELECT 1 FROM dash_dealers WHERE customer_id = c) THEN
    CALL dash_plan_sync(dash_as_of(), c);
  END IF;
END//

CREATE TRIGGER dash_plan_insert AFTER INSERT ON support_plans FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL THEN CALL dash_plan_changed(NEW.customer_id); END IF;
END//

CREATE TRIGGER dash_plan_update AFTER UPDATE ON support_plans FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL AND NOT (OLD.customer_id <=> NEW.customer_id AND OLD.year <=> NEW.year
                                 AND OLD.approved_rev_id <=> NEW.approved_rev_id) THEN
    CALL dash_plan_changed(OLD.customer_id);
    IF OLD.customer_id <> NEW.customer_id THEN CALL dash_plan_changed(NEW.customer_id); END IF;
  END IF;
END//

CREATE TRIGGER dash_plan_delete AFTER DELETE ON support_plans FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL THEN CALL dash_plan_changed(OLD.customer_id); END IF;
END//

CREATE PROCEDURE dash_revision_changed(IN rid INT UNSIGNED)
BEGIN
  CALL dash_plan_changed((SELECT p.customer_id FROM support_plan_revisions v
                          JOIN support_plans p ON p.id = v.plan_id AND p.approved_rev_id = v.id
                          WHERE v.id = rid));
END//

-- A revision's target is locked once approved, but follow it anyway.
CREATE TRIGGER dash_revision_update AFTER UPDATE ON support_plan_revisions FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL AND NOT (OLD.sales_target <=> NEW.sales_target) THEN
    CALL dash_revision_changed(NEW.id);
  END IF;
END//

CREATE TRIGGER dash_item_insert AFTER INSERT ON support_plan_items FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL THEN CALL dash_revision_changed(NEW.revision_id); END IF;
END//

CREATE TRIGGER dash_item_delete AFTER DELETE ON support_plan_items FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL THEN CALL dash_revision_changed(OLD.revision_id); END IF;
END//

CREATE TRIGGER dash_item_update AFTER UPDATE ON support_plan_items FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL THEN
    CALL dash_revision_changed(OLD.revision_id);
    IF OLD.revision_id <> NEW.revision_id THEN CALL dash_revision_changed(NEW.revision_id); END IF;
  END IF;
END//

CREATE PROCEDURE dash_execution_changed(IN pid INT UNSIGNED)
BEGIN
  CALL dash_plan_changed((SELECT customer_id FROM support_plans WHERE id = pid));
END//

CREATE TRIGGER dash_execution_insert AFTER INSERT ON support_executions FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL THEN CALL dash_execution_changed(NEW.plan_id); END IF;
END//

CREATE TRIGGER dash_execution_delete AFTER DELETE ON support_executions FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL THEN CALL dash_execution_changed(OLD.plan_id); END IF;
END//

CREATE TRIGGER dash_execution_update AFTER UPDATE ON support_executions FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL THEN
    CALL dash_execution_changed(OLD.plan_id);
    IF OLD.plan_id <> NEW.plan_id THEN CALL dash_execution_changed(NEW.plan_id); END IF;
  END IF;
END//

DELIMITER ;

-- Data already in the database (a stack seeded before this migration).
CALL dash_rebuild();
