-- The audit log becomes tamper-evident: a hash chain over its rows
-- (docs/audit-chain.md says why this shape).
--
-- Rows are still inserted by the application exactly as before, unsealed
-- (chain_seq and chain_hash NULL), inside the change's own transaction. The
-- event audit_seal_tick runs audit_seal() every 2 seconds; it appends the
-- rows committed since its last run to the chain in id order: the next
-- sequence number, and SHA-256 over the previous row's hash and this row's
-- canonical content (audit_row_hash). No writer ever waits for the chain:
-- only the sealer touches its head.
--
-- audit_seal() runs as kehu_seal@localhost, a locked account (no sign-in)
-- that scripts/db-grants.sql creates and allows exactly: SELECT on
-- audit_log, UPDATE of chain_seq and chain_hash, EXECUTE of audit_row_hash.
-- The application account may INSERT only the content columns, so it can
-- neither alter content nor forge a seal. build/kehu-audit recomputes the
-- chain in C and compares the head with those it wrote to
-- $KEHU_VAR/audit/heads, outside the database.

ALTER TABLE audit_log
  ADD COLUMN chain_seq  BIGINT UNSIGNED NULL,
  ADD COLUMN chain_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
  -- NULLs first: the unsealed rows, in id order, are the start of this index.
  ADD UNIQUE KEY chain_seq (chain_seq);

DELIMITER //

-- One field of the canonical content: "-" for NULL, else its length in
-- bytes, ":" and its bytes. Length-prefixed, so no text in a field can
-- pass for a field boundary. kehu-audit (cgi-bin/core/chain.c) encodes
-- the same way; change both or neither.
CREATE OR REPLACE FUNCTION audit_field(v LONGTEXT CHARACTER SET utf8mb4)
  RETURNS LONGTEXT CHARACTER SET utf8mb4
  DETERMINISTIC NO SQL
  RETURN IF(v IS NULL, '-', CONCAT(OCTET_LENGTH(v), ':', v))//

-- The hash of a sealed row: hex SHA-256 of the previous row's hash (64
-- zeros before the first row) followed by the fields seq, id, at (as
-- 'YYYY-MM-DD hh:mm:ss.fff'), user_id, action, entity, entity_id, detail,
-- ip.
CREATE OR REPLACE FUNCTION audit_row_hash(
    prev CHAR(64) CHARACTER SET ascii, seq BIGINT UNSIGNED, id BIGINT UNSIGNED,
    at DATETIME(3), user_id INT UNSIGNED, action VARCHAR(32) CHARACTER SET utf8mb4,
    entity VARCHAR(32) CHARACTER SET utf8mb4, entity_id BIGINT UNSIGNED,
    detail TEXT CHARACTER SET utf8mb4, ip VARCHAR(45) CHARACTER SET utf8mb4)
  RETURNS CHAR(64) CHARACTER SET ascii
  DETERMINISTIC NO SQL
  RETURN SHA2(CONCAT(prev, audit_field(seq), audit_field(id),
                     audit_field(CAST(at AS CHAR)), audit_field(user_id),
                     audit_field(action), audit_field(entity),
                     audit_field(entity_id), audit_field(detail),
                     audit_field(ip)), 256)//

-- Appends the committed unsealed rows to the chain, 1000 to a transaction,
-- until none is left. One sealer at a time (a named lock; a run that finds
-- it taken simply returns). READ COMMITTED and updates by primary key: the
-- sealer reads committed rows without locking and locks only the rows it
-- seals, so it never waits for, or blocks, a transaction still inserting
-- audit rows (its rows are sealed after it commits).
CREATE OR REPLACE DEFINER = 'kehu_seal'@'localhost' PROCEDURE audit_seal()
  SQL SECURITY DEFINER
  COMMENT 'kehu: seal new audit_log rows into the hash chain (schema/030)'
seal: BEGIN
  DECLARE lock_name VARCHAR(80) DEFAULT CONCAT(DATABASE(), '.audit_seal');
  DECLARE done, sealed INT DEFAULT 0;
  DECLARE last_seq BIGINT UNSIGNED DEFAULT 0;
  DECLARE last_hash CHAR(64) CHARACTER SET ascii DEFAULT REPEAT('0', 64);
  DECLARE r_id, r_entity_id BIGINT UNSIGNED;
  DECLARE r_at DATETIME(3);
  DECLARE r_user INT UNSIGNED;
  DECLARE r_action, r_entity VARCHAR(32) CHARACTER SET utf8mb4;
  DECLARE r_detail TEXT CHARACTER SET utf8mb4;
  DECLARE r_ip VARCHAR(45) CHARACTER SET utf8mb4;
  DECLARE batch CURSOR FOR
    SELECT id, at, user_id, action, entity, entity_id, detail, ip
      FROM audit_log WHERE chain_seq IS NULL ORDER BY id LIMIT 1000;
  DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;
  DECLARE EXIT HANDLER FOR SQLEXCEPTION
  BEGIN
    ROLLBACK;
    DO RELEASE_LOCK(lock_name);
    RESIGNAL;
  END;

  IF NOT COALESCE(GET_LOCK(lock_name, 0), 0) THEN
    LEAVE seal;
  END IF;
  each_batch: LOOP
    SET TRANSACTION ISOLATION LEVEL READ COMMITTED;
    START TRANSACTION;
    SET done = 0, sealed = 0;
    SELECT chain_seq, chain_hash INTO last_seq, last_hash
      FROM audit_log WHERE chain_seq IS NOT NULL
     ORDER BY chain_seq DESC LIMIT 1;
    SET done = 0;
    OPEN batch;
    each_row: LOOP
      FETCH batch INTO r_id, r_at, r_user, r_action, r_entity, r_entity_id,
                       r_detail, r_ip;
      IF done THEN LEAVE each_row; END IF;
      SET last_seq = last_seq + 1;
      SET last_hash = audit_row_hash(last_hash, last_seq, r_id, r_at, r_user,
                                     r_action, r_entity, r_entity_id,
                                     r_detail, r_ip);
      UPDATE audit_log SET chain_seq = last_seq, chain_hash = last_hash
       WHERE id = r_id;
      SET sealed = sealed + 1;
    END LOOP;
    CLOSE batch;
    COMMIT;
    IF sealed < 1000 THEN LEAVE each_batch; END IF;
  END LOOP;
  DO RELEASE_LOCK(lock_name);
END//

DELIMITER ;

-- Every 2 seconds; runs as root (the migration's user), which may call the
-- procedure; the procedure itself runs with kehu_seal's rights only.
DROP EVENT IF EXISTS audit_seal_tick;
CREATE EVENT audit_seal_tick
  ON SCHEDULE EVERY 2 SECOND
  ON COMPLETION PRESERVE
  COMMENT 'kehu: seal new audit rows into the hash chain (schema/030)'
  DO CALL audit_seal();

SET GLOBAL event_scheduler = ON;
