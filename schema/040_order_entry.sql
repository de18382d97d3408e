-- 040: orders entered on the customer file, their status, their due item
-- and the credit limit (issue 15; docs/orders.md).
--
-- Until now orders came only by import. An order entered by hand has a
-- status (ordered → delivered, or cancelled with a reason), an expected
-- delivery date, a note, and per line a discount. The rules (which status
-- may follow which, that lines change only while ordered, the due item it
-- creates, the credit check) are C: cgi-bin/db/order_write.c. The line
-- amount and the order total are worked out by the database in the same
-- statements that write them, in DECIMAL.

ALTER TABLE orders
  ADD COLUMN expected_on   DATE NULL AFTER ordered_on,
  ADD COLUMN status        ENUM('ordered','delivered','cancelled') NOT NULL DEFAULT 'ordered'
                           AFTER delivered_on,
  ADD COLUMN note          VARCHAR(500) NOT NULL DEFAULT '' AFTER total,
  ADD COLUMN cancel_reason VARCHAR(500) NULL AFTER note,
  -- a leader's confirmation of an order over the credit limit, and why
  ADD COLUMN credit_reason VARCHAR(500) NULL AFTER cancel_reason,
  ADD COLUMN credit_by     INT UNSIGNED NULL AFTER credit_reason;

ALTER TABLE order_lines
  ADD COLUMN discount_pct DECIMAL(5,2) NOT NULL DEFAULT 0 AFTER unit_price;

-- Days from the order date to the due date of its due item (账期).
ALTER TABLE customers
  ADD COLUMN payment_terms SMALLINT UNSIGNED NOT NULL DEFAULT 30 AFTER credit_limit;

-- Imported orders: delivered when they have a delivery date. The update
-- changes no figure a trigger keeps (customer and date stay), so it skips
-- them.
SET @kehu_bulk = 1;
UPDATE orders SET status = 'delivered' WHERE delivered_on IS NOT NULL;
SET @kehu_bulk = NULL;

-- The open balance per customer (what is still owed on every due item:
-- amount - paid_amount, which is 0 on a settled item, schema/038) beside
-- a copy of the credit limit, so "over the credit limit" is one index
-- range at any number of customers. A limit of 0 means no limit is set
-- (docs/orders.md), so such a customer is never over it. A table of its
-- own rather than columns of customer_tallies: that table's rebuild
-- (schema/016) empties it, and this one has its own.
CREATE TABLE customer_credit (
  customer_id  INT UNSIGNED NOT NULL PRIMARY KEY,
  credit_limit DECIMAL(14,2) NOT NULL DEFAULT 0,
  open_balance DECIMAL(16,2) NOT NULL DEFAULT 0,
  over_limit   TINYINT(1) AS (credit_limit > 0 AND open_balance > credit_limit) PERSISTENT,
  KEY over_limit (over_limit, customer_id),
  FOREIGN KEY (customer_id) REFERENCES customers(id) ON DELETE CASCADE
) ENGINE=InnoDB;

DELIMITER //

-- Adds d to customer c's open balance (the row is made with the
-- customer's limit when it does not exist yet).
CREATE PROCEDURE customer_balance(IN c INT UNSIGNED, IN d DECIMAL(16,2))
BEGIN
  IF c IS NOT NULL AND d <> 0 AND @kehu_bulk IS NULL THEN
    INSERT INTO customer_credit (customer_id, open_balance, credit_limit)
      SELECT id, d, credit_limit FROM customers WHERE id = c
    ON DUPLICATE KEY UPDATE open_balance = open_balance + VALUES(open_balance);
  END IF;
END//

CREATE TRIGGER credit_balance_insert AFTER INSERT ON payments FOR EACH ROW
  CALL customer_balance(NEW.customer_id, NEW.amount - NEW.paid_amount)//
CREATE TRIGGER credit_balance_delete AFTER DELETE ON payments FOR EACH ROW
  CALL customer_balance(OLD.customer_id, OLD.paid_amount - OLD.amount)//
CREATE TRIGGER credit_balance_update AFTER UPDATE ON payments FOR EACH ROW
BEGIN
  IF NOT (OLD.customer_id <=> NEW.customer_id AND OLD.amount <=> NEW.amount
          AND OLD.paid_amount <=> NEW.paid_amount) THEN
    CALL customer_balance(OLD.customer_id, OLD.paid_amount - OLD.amount);
    CALL customer_balance(NEW.customer_id, NEW.amount - NEW.paid_amount);
  END IF;
END//

-- The copy of the limit. No bulk check: the customer import inserts its
-- customers in bulk mode and has no other path to this row (after
-- load.sql, scripts/reindex.sql rebuilds the table anyway).
CREATE TRIGGER credit_limit_insert AFTER INSERT ON customers FOR EACH ROW
BEGIN
  IF NEW.credit_limit > 0 THEN
    INSERT INTO customer_credit (customer_id, credit_limit) VALUES (NEW.id, NEW.credit_limit)
    ON DUPLICATE KEY UPDATE credit_limit = VALUES(credit_limit);
  END IF;
END//
CREATE TRIGGER credit_limit_update AFTER UPDATE ON customers FOR EACH ROW
BEGIN
  IF NOT (OLD.credit_limit <=> NEW.credit_limit) THEN
    INSERT INTO customer_credit (customer_id, credit_limit) VALUES (NEW.id, NEW.credit_limit)
    ON DUPLICATE KEY UPDATE credit_limit = VALUES(credit_limit);
  END IF;
END//

-- Every row from customers and payments (after bulk loads; the repair).
CREATE PROCEDURE customer_credit_rebuild()
BEGIN
  START TRANSACTION;
  DELETE FROM customer_credit;
  INSERT INTO customer_credit (customer_id, credit_limit)
    SELECT id, credit_limit FROM customers WHERE credit_limit > 0;
  INSERT INTO customer_credit (customer_id, open_balance)
    SELECT customer_id, SUM(amount - paid_amount) FROM payments GROUP BY customer_id
    HAVING SUM(amount - paid_amount) <> 0
    ON DUPLICATE KEY UPDATE open_balance = VALUES(open_balance);
  COMMIT;
END//

DELIMITER ;

CALL customer_credit_rebuild();
