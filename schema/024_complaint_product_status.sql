-- 024: a product's open (or closed) complaints in received order.
--
-- Why: the queue filtered by a product read the product's complaints on
-- (product_id, received_at) and each row for its status: with one
-- complaint in six open, page 3 read about 380 rows for 20. With the
-- status in the key the page's ids come from the index alone.
ALTER TABLE complaints ADD KEY product_status_received (product_id, status, received_at);
