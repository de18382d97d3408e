-- The list's 超过信用额度 filter counted its matches by reading each one's
-- customer row for status and region: 25 ms for 8,285 matches at
-- 1,000,000 customers (bench/README.md, 2026-12-07). customer_credit now
-- carries copies of both, so the count is read from one index
-- (over_limit, status, region_id, customer_id) and the customers table is
-- only read for the page's own rows (cgi-bin/db/customer_list.c).

ALTER TABLE customer_credit
  ADD COLUMN status    ENUM('active','archived','merged') NOT NULL DEFAULT 'active',
  ADD COLUMN region_id SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  ADD KEY over_scope (over_limit, status, region_id, customer_id);

UPDATE customer_credit k JOIN customers c ON c.id = k.customer_id
  SET k.status = c.status, k.region_id = c.region_id;

DROP PROCEDURE customer_balance;
DROP TRIGGER credit_limit_insert;
DROP TRIGGER credit_limit_update;
DROP PROCEDURE customer_credit_rebuild;

DELIMITER //

-- Adds d to customer c's open balance (the row is made with the
-- customer's limit, status and region when it does not exist yet).
CREATE PROCEDURE customer_balance(IN c INT UNSIGNED, IN d DECIMAL(16,2))
BEGIN
  IF c IS NOT NULL AND d <> 0 AND @kehu_bulk IS NULL THEN
    INSERT INTO customer_credit (customer_id, open_balance, credit_limit, status, region_id)
      SELECT id, d, credit_limit, status, region_id FROM customers WHERE id = c
    ON DUPLICATE KEY UPDATE open_balance = open_balance + VALUES(open_balance);
  END IF;
END//

-- The copies of the limit, status and region. No bulk check: the customer
-- import inserts its customers in bulk mode and has no other path to this
-- row (after load.sql, scripts/reindex.sql rebuilds the table anyway).
CREATE TRIGGER credit_limit_insert AFTER INSERT ON customers FOR EACH ROW
BEGIN
  IF NEW.credit_limit > 0 THEN
    INSERT INTO customer_credit (customer_id, credit_limit, status, region_id)
      VALUES (NEW.id, NEW.credit_limit, NEW.status, NEW.region_id)
    ON DUPLICATE KEY UPDATE credit_limit = VALUES(credit_limit), status = VALUES(status),
                            region_id = VALUES(region_id);
  END IF;
END//
CREATE TRIGGER credit_limit_update AFTER UPDATE ON customers FOR EACH ROW
BEGIN
  IF NOT (OLD.credit_limit <=> NEW.credit_limit) THEN
    INSERT INTO customer_credit (customer_id, credit_limit, status, region_id)
      VALUES (NEW.id, NEW.credit_limit, NEW.status, NEW.region_id)
    ON DUPLICATE KEY UPDATE credit_limit = VALUES(credit_limit), status = VALUES(status),
                            region_id = VALUES(region_id);
  ELSEIF NOT (OLD.status <=> NEW.status AND OLD.region_id <=> NEW.region_id) THEN
    UPDATE customer_credit SET status = NEW.status, region_id = NEW.region_id
      WHERE customer_id = NEW.id;
  END IF;
END//

-- Every row from customers and payments (after bulk loads; the repair).
CREATE PROCEDURE customer_credit_rebuild()
BEGIN
  START TRANSACTION;
  DELETE FROM customer_credit;
  INSERT INTO customer_credit (customer_id, credit_limit, status, region_id)
    SELECT id, credit_limit, status, region_id FROM customers WHERE credit_limit > 0;
  INSERT INTO customer_credit (customer_id, open_balance, status, region_id)
    SELECT p.customer_id, SUM(p.amount - p.paid_amount), c.status, c.region_id
    FROM payments p JOIN customers c ON c.id = p.customer_id
    GROUP BY p.customer_id, c.status, c.region_id HAVING SUM(p.amount - p.paid_amount) <> 0
    ON DUPLICATE KEY UPDATE open_balance = VALUES(open_balance);
  COMMIT;
END//

DELIMITER ;
