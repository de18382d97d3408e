-- 035: administration without SQL (issue 15): users, products, regions.
--
-- users.must_change_password: set when an administrator creates a user or
-- resets a password (a one-time password shown once); the dispatcher then
-- lets that user reach only the change-password page and sign-out until a
-- new password is set (cgi-bin/core/app.c). users.version: the admin edit
-- form's optimistic lock, as customers.version.
ALTER TABLE users
  ADD COLUMN must_change_password TINYINT(1) NOT NULL DEFAULT 0 AFTER password_hash,
  ADD COLUMN version INT UNSIGNED NOT NULL DEFAULT 1 AFTER active;

-- products.unit_cost: what one unit costs the company, for profitability
-- (list price less unit cost). version: the edit form's optimistic lock.
-- A retired product (active = 0) stays on old orders and complaints; the
-- forms and the import offer active ones only.
ALTER TABLE products
  ADD COLUMN unit_cost DECIMAL(12,2) NOT NULL DEFAULT 0 AFTER list_price,
  ADD COLUMN version INT UNSIGNED NOT NULL DEFAULT 1 AFTER active;

-- Region edits are rare and admin-only; the version keeps two admins from
-- overwriting each other's name change.
ALTER TABLE regions
  ADD COLUMN version INT UNSIGNED NOT NULL DEFAULT 1;
