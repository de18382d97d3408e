-- 027: the customer counts' insert trigger skips rows written under
-- @kehu_bulk, as the dashboard's triggers do (schema/014).
--
-- Why: an import of 100,000 customers ran this trigger's upsert once a
-- row, and the dashboard trigger's body once a dealer, about 4 s of its
-- 21 s of customer inserts at 1,000,000 customers. The import now sets
-- @kehu_bulk and adds each batch's counts and dealer rows with one
-- statement each (db/customer_import.c). Bulk loads (bench/gen.c) already
-- set it; scripts/reindex.sql recounts customer_counts after them.

DROP TRIGGER customer_counts_insert;

DELIMITER //

CREATE TRIGGER customer_counts_insert AFTER INSERT ON customers FOR EACH ROW
BEGIN
  IF @kehu_bulk IS NULL THEN
    INSERT INTO customer_counts (region_id, owner_id, status, n)
    VALUES (NEW.region_id, COALESCE(NEW.owner_id, 0), NEW.status, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
  END IF;
END//

DELIMITER ;
