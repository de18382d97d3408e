-- 056: dash_rebuild() names its join order.
--
-- Why: right after a bulk load (scripts/seed.sh, bench/load-volume.sh)
-- the optimizer's statistics for order_lines are off even after ANALYZE
-- TABLE (sampled: 19,376 distinct product ids for 44 products), and it
-- started each 2,000-customer chunk from products, reading every order
-- line of the volume per chunk: ~18 s a chunk, hours for 1,000,000
-- customers. The chunk's customers are the selective part: orders by
-- their customer_id key, then their lines by order_id, then the product.
-- Otherwise as schema/045 defined it.

DROP PROCEDURE IF EXISTS dash_rebuild;

DELIMITER //

CREATE PROCEDURE dash_rebuild()
BEGIN
  DECLARE lo INT UNSIGNED DEFAULT 0;
  DELETE FROM dash_sales;
  REPEAT
    INSERT INTO dash_sales (customer_id, month, category_id, amount)
      SELECT STRAIGHT_JOIN o.customer_id, DATE_FORMAT(o.ordered_on, '%Y-%m-01'), p.category_id,
             SUM(l.amount)
      FROM orders o FORCE INDEX (customer_id)
      JOIN order_lines l FORCE INDEX (order_id) ON l.order_id = o.id
      JOIN products p ON p.id = l.product_id
      WHERE o.customer_id BETWEEN lo + 1 AND lo + 2000 GROUP BY 1, 2, 3;
    SET lo = lo + 2000;
  UNTIL lo >= (SELECT COALESCE(MAX(id), 0) FROM customers) END REPEAT;
  CALL dash_refresh_all(CURDATE());
  UPDATE dash_state SET as_of = CURDATE(), requested = CURDATE(), rebuilds = rebuilds + 1,
                        refreshed_at = NOW() WHERE id = 1;
END//

DELIMITER ;
