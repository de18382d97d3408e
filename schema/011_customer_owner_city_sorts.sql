-- 011: "my customers" (the owner filter) by name or by last purchase, and
-- the city filter. The foreign key's own index (owner_id) and KEY city
-- (city) lack status, so MariaDB walked a status index testing each row
-- (a city's page 1 in code order: a million index entries).
ALTER TABLE customers
  ADD KEY list_city (status, city, id),
  ADD KEY owner_name (status, owner_id, name, id),
  ADD KEY owner_purchase (status, owner_id, last_purchase_on, id);
