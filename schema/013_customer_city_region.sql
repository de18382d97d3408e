-- 013: the city filter within regions (a regional manager's list, or the
-- region filter with a city): (status, city, region_id, id) holds exactly
-- those rows, counted and read without testing others. Without it MariaDB
-- scanned a whole region to find a city that is not in it.
ALTER TABLE customers
  ADD KEY city_region (status, city, region_id, id);
