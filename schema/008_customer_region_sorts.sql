-- 008: a region-bound customer list (a regional manager's, or the region
-- filter) in another order than the newest: one index per sortable column
-- with the region before it, so each region is read in the page's order
-- (db/customer_list.c region_branches). Without them the column's own
-- index was walked over every region, testing each row: names begin with
-- the city, so a central region's rows came after most of a million.
-- Purchase order within a lifecycle stage or ABC class: customers that
-- never bought (targets, unclassed) sit at one end of that order.
ALTER TABLE customers
  ADD KEY region_code (status, region_id, code),
  ADD KEY region_name (status, region_id, name, id),
  ADD KEY region_stage (status, region_id, lifecycle, id),
  ADD KEY region_class (status, region_id, abc_class, id),
  ADD KEY region_purchase (status, region_id, last_purchase_on, id),
  ADD KEY stage_purchase (status, lifecycle, last_purchase_on, id),
  ADD KEY class_purchase (status, abc_class, last_purchase_on, id);
