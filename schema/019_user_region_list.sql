-- 019: a user's regions kept on the user's row, for the session check.
--
-- Why: every signed-in request reads its session, user and the user's
-- regions in one statement. The regions were a correlated GROUP_CONCAT
-- subquery over user_regions; MariaDB prepares and optimizes a subquery on
-- every execution, and that was a quarter of the statement's database time
-- (about 35 us of 147 per request at 16 connections). users.region_list
-- holds the same list ("3,5"; '' for none), ascending, as the subquery gave.
--
-- How it stays correct: triggers on user_regions write the list again for
-- the user whose rows changed (both users when an update moves a row).
-- user_regions is small and rarely written (an admin assigning regions).

ALTER TABLE users ADD COLUMN region_list VARCHAR(255) NOT NULL DEFAULT '';

DELIMITER //

CREATE PROCEDURE user_region_list_set(IN u INT UNSIGNED)
BEGIN
  UPDATE users SET region_list = COALESCE(
    (SELECT GROUP_CONCAT(region_id ORDER BY region_id) FROM user_regions WHERE user_id = u), '')
  WHERE id = u;
END//

CREATE TRIGGER user_regions_ai AFTER INSERT ON user_regions FOR EACH ROW
BEGIN
  CALL user_region_list_set(NEW.user_id);
END//

CREATE TRIGGER user_regions_ad AFTER DELETE ON user_regions FOR EACH ROW
BEGIN
  CALL user_region_list_set(OLD.user_id);
END//

CREATE TRIGGER user_regions_au AFTER UPDATE ON user_regions FOR EACH ROW
BEGIN
  CALL user_region_list_set(NEW.user_id);
  IF OLD.user_id <> NEW.user_id THEN
    CALL user_region_list_set(OLD.user_id);
  END IF;
END//

DELIMITER ;

UPDATE users u SET region_list = COALESCE(
  (SELECT GROUP_CONCAT(region_id ORDER BY region_id) FROM user_regions ur WHERE ur.user_id = u.id), '');
