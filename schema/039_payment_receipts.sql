-- 039: money received (回款), its allocation to due items, and overdue
-- amounts that follow partial payment (issue 15).
--
-- payment_receipts: one row per sum received from a customer (date,
-- amount, method, reference). payment_allocations: which due items
-- (payments rows) a receipt paid, and how much of each. The C code in
-- cgi-bin/db/receipt.c writes both in one transaction with the items'
-- paid_amount and paid_on (the rule of schema/038), so for every item
--   paid_amount = its allocations + what it had paid before receipts
--                 existed (imported or demo items paid on paid_on).
-- What a receipt did not allocate is the customer's advance (预收款):
--   advance = SUM(receipts.amount) - SUM(allocations.amount),
-- applied later by allocating it (new allocation rows on the oldest
-- receipts that still have some unallocated).
--
-- A receipt removed with a reason goes to customer_entries_removed
-- (schema/037) with its allocations, which are taken back from the items.

CREATE TABLE payment_receipts (
  id          BIGINT UNSIGNED   NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id INT UNSIGNED      NOT NULL,
  received_on DATE              NOT NULL,
  amount      DECIMAL(14,2)     NOT NULL,
  method      ENUM('transfer','cheque','cash','acceptance') NOT NULL,
  reference   VARCHAR(255)      NOT NULL DEFAULT '',
  version     INT UNSIGNED      NOT NULL DEFAULT 1,
  created_by  INT UNSIGNED      NULL,
  created_at  DATETIME          NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY (customer_id, received_on),
  FOREIGN KEY (customer_id) REFERENCES customers(id)
) ENGINE=InnoDB;

CREATE TABLE payment_allocations (
  id          BIGINT UNSIGNED   NOT NULL AUTO_INCREMENT PRIMARY KEY,
  receipt_id  BIGINT UNSIGNED   NOT NULL,
  payment_id  BIGINT UNSIGNED   NOT NULL,
  amount      DECIMAL(14,2)     NOT NULL,
  created_by  INT UNSIGNED      NULL,
  created_at  DATETIME          NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY (receipt_id),
  KEY (payment_id),
  FOREIGN KEY (receipt_id) REFERENCES payment_receipts(id),
  FOREIGN KEY (payment_id) REFERENCES payments(id)
) ENGINE=InnoDB;

-- The dashboard's overdue is what is still owed on items past due: the
-- routines of 014 and 015 summed the whole amount of unpaid items. They
-- are redefined here with amount - paid_amount (paid_on IS NULL is still
-- "not settled", so the `unpaid` index of 014 serves as before).
DROP TRIGGER IF EXISTS dash_payment_insert;
DROP TRIGGER IF EXISTS dash_payment_delete;
DROP TRIGGER IF EXISTS dash_payment_update;
DROP PROCEDURE IF EXISTS dash_payment;
DROP PROCEDURE IF EXISTS dash_figures;
DROP PROCEDURE IF EXISTS dash_advance;

DELIMITER //

-- owed: amount - paid_amount of the row.
CREATE PROCEDURE dash_payment(IN c INT UNSIGNED, IN owed DECIMAL(16,2), IN due DATE, IN paid DATE,
                              IN d INT)
BEGIN
  IF paid IS NULL AND due < dash_as_of() THEN
    UPDATE dash_dealers SET overdue = overdue + d * owed WHERE customer_id = c;
  END IF;
END//

CREATE TRIGGER dash_payment_insert AFTER INSERT ON payments FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL THEN
    CALL dash_payment(NEW.customer_id, NEW.amount - NEW.paid_amount, NEW.due_on, NEW.paid_on, 1);
  END IF;
END//

CREATE TRIGGER dash_payment_delete AFTER DELETE ON payments FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL THEN
    CALL dash_payment(OLD.customer_id, OLD.amount - OLD.paid_amount, OLD.due_on, OLD.paid_on, -1);
  END IF;
END//

CREATE TRIGGER dash_payment_update AFTER UPDATE ON payments FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL THEN
    CALL dash_payment(OLD.customer_id, OLD.amount - OLD.paid_amount, OLD.due_on, OLD.paid_on, -1);
    CALL dash_payment(NEW.customer_id, NEW.amount - NEW.paid_amount, NEW.due_on, NEW.paid_on, 1);
  END IF;
END//

-- As in 014, but overdue sums what is still owed.
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
  UPDATE dash_dealers d JOIN (
      SELECT o.customer_id, SUM(l.amount) AS part FROM orders o
      JOIN order_lines l ON l.order_id = o.id
      WHERE o.ordered_on >= m0 - INTERVAL 1 YEAR AND o.ordered_on <= a - INTERVAL 1 YEAR
        AND (cid = 0 OR o.customer_id = cid)
      GROUP BY o.customer_id) p ON p.customer_id = d.customer_id
    SET d.ly = d.ly + p.part;
  UPDATE dash_dealers d LEFT JOIN (
      SELECT customer_id, SUM(amount - paid_amount) AS due FROM payments
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

-- As in 015, but the items falling due add what is still owed.
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
      SELECT customer_id, SUM(amount - paid_amount) AS due FROM payments
      WHERE paid_on IS NULL AND due_on >= a0 AND due_on < a1
      GROUP BY customer_id) p ON p.customer_id = d.customer_id
    SET d.overdue = d.overdue + p.due;
  SET @kehu_dash_norev = NULL;
  INSERT INTO dash_region_rev (region_id, rev) SELECT id, 1 FROM regions
    ON DUPLICATE KEY UPDATE rev = rev + 1;
END//

DELIMITER ;

-- Partly paid items gain no overdue here: 038 left none (every paid item
-- was paid in full), so the kept figures are already right.
