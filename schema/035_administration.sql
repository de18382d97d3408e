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

-- The sealer stopped at the first audit row whose detail held a character
-- outside ASCII (a Chinese name): CONCAT of the ascii `prev` with the
-- utf8mb4 fields is "an illegal mix of collations", so audit_seal failed on
-- that row every 2 s and no later row was sealed. Administration writes
-- names into details (users, products, regions), so it met this at once.
-- `prev` is converted to utf8mb4 first: its bytes (hex digits) are the
-- same, so every hash, sealed or to come, and kehu-audit's check
-- (core/chain.c) are unchanged. Same signature; scripts/db-grants.sql
-- grants EXECUTE to the sealer again after the migrations.
DELIMITER //
CREATE OR REPLACE FUNCTION audit_row_hash(
    prev CHAR(64) CHARACTER SET ascii, seq BIGINT UNSIGNED, id BIGINT UNSIGNED,
    at DATETIME(3), user_id INT UNSIGNED, action VARCHAR(32) CHARACTER SET utf8mb4,
    entity VARCHAR(32) CHARACTER SET utf8mb4, entity_id BIGINT UNSIGNED,
    detail TEXT CHARACTER SET utf8mb4, ip VARCHAR(45) CHARACTER SET utf8mb4)
  RETURNS CHAR(64) CHARACTER SET ascii
  DETERMINISTIC NO SQL
  RETURN SHA2(CONCAT(CONVERT(prev USING utf8mb4), audit_field(seq), audit_field(id),
                     audit_field(CAST(at AS CHAR)), audit_field(user_id),
                     audit_field(action), audit_field(entity),
                     audit_field(entity_id), audit_field(detail),
                     audit_field(ip)), 256)//
DELIMITER ;
