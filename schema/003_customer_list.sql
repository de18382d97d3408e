-- 003: the customer list at 1,000,000 customers. Each sortable column gets
-- an index that starts with status (the list shows active customers) and
-- ends with id (the tie-break), so a page is read in order from the index
-- and stops after its rows, with no sort of the whole table:
--   code      UNIQUE (code)                      (001)
--   region    list_region (status, region_id, id) (002)
--   purchase  list_purchase (status, last_purchase_on, id) (002)
--   name      list_name_order below: 002's list_name indexes a 32-character
--             prefix, which cannot give the order
--   lifecycle, ABC class: below; they also serve the filters of the same name.
ALTER TABLE customers
  ADD KEY list_name_order (status, name, id),
  ADD KEY list_stage (status, lifecycle, id),
  ADD KEY list_class (status, abc_class, id);
