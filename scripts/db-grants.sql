-- kehu: the application account and its privileges. Run by
-- scripts/migrate.sh after the migrations, which first sets
--   @kehu_db, @kehu_user, @kehu_pass
-- (the password travels on stdin, never on a command line).
--
-- Grants are generated from information_schema so tables added by later
-- migrations are covered automatically. The rules:
--   audit_log       SELECT, and INSERT of the content columns only (the
--                   application cannot rewrite history nor forge a seal)
--   schema_version  SELECT           (only migrate.sh changes the schema)
--   everything else SELECT, INSERT, UPDATE, DELETE
-- The sealer, kehu_seal@localhost (schema/030): a locked account (nobody
-- signs in with it) that the procedure audit_seal() runs as; it may read
-- audit_log and set only its chain columns (and run audit_seal and
-- audit_row_hash).
-- Existing connections keep working: the account is created if missing and
-- only its password is reset, so nothing is ever briefly revoked from
-- running FastCGI workers.

DELIMITER //

BEGIN NOT ATOMIC
  DECLARE done   INT DEFAULT 0;
  DECLARE tname  VARCHAR(64);
  DECLARE grantee VARCHAR(200)
    DEFAULT CONCAT(QUOTE(@kehu_user), '@', QUOTE('localhost'));
  DECLARE tables CURSOR FOR
    SELECT TABLE_NAME FROM information_schema.TABLES
     WHERE TABLE_SCHEMA = @kehu_db
     ORDER BY TABLE_NAME;
  DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;

  IF @kehu_db IS NULL OR @kehu_user IS NULL OR COALESCE(@kehu_pass, '') = '' THEN
    SIGNAL SQLSTATE '45000'
      SET MESSAGE_TEXT = 'db-grants.sql: @kehu_db, @kehu_user and @kehu_pass must be set';
  END IF;

  EXECUTE IMMEDIATE CONCAT('CREATE USER IF NOT EXISTS ', grantee,
                           ' IDENTIFIED BY ', QUOTE(@kehu_pass));
  EXECUTE IMMEDIATE CONCAT('ALTER USER ', grantee,
                           ' IDENTIFIED BY ', QUOTE(@kehu_pass));

  -- A database-wide grant would override the per-table rules below.
  BEGIN
    DECLARE CONTINUE HANDLER FOR 1141 BEGIN END; -- no such grant: fine
    EXECUTE IMMEDIATE CONCAT('REVOKE ALL PRIVILEGES ON `',
      REPLACE(@kehu_db, '`', '``'), '`.* FROM ', grantee);
  END;

  OPEN tables;
  each_table: LOOP
    FETCH tables INTO tname;
    IF done THEN LEAVE each_table; END IF;

    EXECUTE IMMEDIATE CONCAT(
      'GRANT ',
      CASE tname
        WHEN 'audit_log'      THEN 'SELECT'
        WHEN 'schema_version' THEN 'SELECT'
        ELSE 'SELECT, INSERT, UPDATE, DELETE'
      END,
      ' ON ', CONCAT('`', REPLACE(@kehu_db, '`', '``'), '`.`',
                     REPLACE(tname, '`', '``'), '`'),
      ' TO ', grantee);

    -- Take back anything an older setup (or a hand-made grant) gave on the
    -- restricted tables; the GRANT above guarantees the grant row exists,
    -- so REVOKE of privileges not held is not an error.
    IF tname = 'audit_log' THEN
      EXECUTE IMMEDIATE CONCAT('REVOKE INSERT, UPDATE, DELETE, DROP, ALTER, INDEX, ',
        'CREATE, REFERENCES, TRIGGER, CREATE VIEW, SHOW VIEW, DELETE HISTORY, ',
        'GRANT OPTION ON `',
        REPLACE(@kehu_db, '`', '``'), '`.`audit_log` FROM ', grantee);
      -- The content only: the chain columns are the sealer's.
      EXECUTE IMMEDIATE CONCAT('GRANT INSERT (user_id, action, entity, ',
        'entity_id, detail, ip) ON `', REPLACE(@kehu_db, '`', '``'),
        '`.`audit_log` TO ', grantee);
    ELSEIF tname = 'schema_version' THEN
      EXECUTE IMMEDIATE CONCAT('REVOKE INSERT, UPDATE, DELETE, DROP, ALTER, ',
        'INDEX, CREATE, REFERENCES, TRIGGER, CREATE VIEW, SHOW VIEW, ',
        'DELETE HISTORY, GRANT OPTION ON `', REPLACE(@kehu_db, '`', '``'),
        '`.`schema_version` FROM ', grantee);
    END IF;
  END LOOP;
  CLOSE tables;

  -- The analysis batch replaces the report cells whole by swapping two
  -- tables through a third name (RENAME TABLE needs ALTER and DROP on the
  -- old names, CREATE and INSERT on the new; TRUNCATE needs DROP):
  -- tools/kehu-analyse.c, cgi-bin/db/analysis_batch.c. Only these names.
  IF EXISTS (SELECT 1 FROM information_schema.TABLES
              WHERE TABLE_SCHEMA = @kehu_db AND TABLE_NAME = 'analysis_cells') THEN
    EXECUTE IMMEDIATE CONCAT('GRANT CREATE, DROP, ALTER ON `', REPLACE(@kehu_db, '`', '``'),
                             '`.`analysis_cells` TO ', grantee);
    EXECUTE IMMEDIATE CONCAT('GRANT CREATE, DROP, ALTER ON `', REPLACE(@kehu_db, '`', '``'),
                             '`.`analysis_cells_next` TO ', grantee);
    EXECUTE IMMEDIATE CONCAT('GRANT SELECT, INSERT, CREATE, DROP, ALTER ON `',
                             REPLACE(@kehu_db, '`', '``'), '`.`analysis_cells_old` TO ', grantee);
  END IF;
  -- The same batch rebuilds customer_analysis beside the live table when
  -- most rows change (every night: days_since moves): CREATE TABLE
  -- customer_analysis_next LIKE the live one, fill it, RENAME the two
  -- through customer_analysis_old, DROP the old one.
  IF EXISTS (SELECT 1 FROM information_schema.TABLES
              WHERE TABLE_SCHEMA = @kehu_db AND TABLE_NAME = 'customer_analysis') THEN
    EXECUTE IMMEDIATE CONCAT('GRANT CREATE, DROP, ALTER ON `', REPLACE(@kehu_db, '`', '``'),
                             '`.`customer_analysis` TO ', grantee);
    EXECUTE IMMEDIATE CONCAT('GRANT SELECT, INSERT, CREATE, DROP, ALTER ON `',
                             REPLACE(@kehu_db, '`', '``'), '`.`customer_analysis_next` TO ', grantee);
    EXECUTE IMMEDIATE CONCAT('GRANT INSERT, CREATE, DROP, ALTER ON `',
                             REPLACE(@kehu_db, '`', '``'), '`.`customer_analysis_old` TO ', grantee);
  END IF;

  -- The sealer. Only once migration 030 has made what it works on.
  IF EXISTS (SELECT 1 FROM information_schema.ROUTINES
              WHERE ROUTINE_SCHEMA = @kehu_db AND ROUTINE_NAME = 'audit_row_hash') THEN
    CREATE USER IF NOT EXISTS 'kehu_seal'@'localhost' ACCOUNT LOCK;
    ALTER USER 'kehu_seal'@'localhost' ACCOUNT LOCK;
    BEGIN
      DECLARE CONTINUE HANDLER FOR 1141 BEGIN END; -- no such grant: fine
      EXECUTE IMMEDIATE CONCAT('REVOKE ALL PRIVILEGES ON `',
        REPLACE(@kehu_db, '`', '``'), '`.* FROM kehu_seal@localhost');
    END;
    EXECUTE IMMEDIATE CONCAT('GRANT SELECT, UPDATE (chain_seq, chain_hash) ON `',
      REPLACE(@kehu_db, '`', '``'), '`.`audit_log` TO kehu_seal@localhost');
    EXECUTE IMMEDIATE CONCAT('GRANT EXECUTE ON FUNCTION `',
      REPLACE(@kehu_db, '`', '``'), '`.`audit_row_hash` TO kehu_seal@localhost');
    -- MariaDB checks the definer's right to run the procedure too.
    EXECUTE IMMEDIATE CONCAT('GRANT EXECUTE ON PROCEDURE `',
      REPLACE(@kehu_db, '`', '``'), '`.`audit_seal` TO kehu_seal@localhost');
  END IF;
END
//

DELIMITER ;
