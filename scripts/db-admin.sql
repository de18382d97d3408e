-- kehu: who may administer the private MariaDB server. Run by
-- scripts/db.sh at every start, which first sets @kehu_admin to the OS
-- user running the scripts (root, or a developer's own user).
--
-- MariaDB's root signs in through the socket as OS root only (unix_socket,
-- no password to guess or to leave empty), the server listens on no TCP
-- port (skip-networking in conf/my.cnf.in), and the accounts an older
-- install made (root by host name, 127.0.0.1 and ::1, anonymous ones) are
-- dropped. A developer's own administrator account is made alike.

DELIMITER //

BEGIN NOT ATOMIC
  DECLARE extra TEXT;

  IF COALESCE(@kehu_admin, '') = '' THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'db-admin.sql: @kehu_admin must be set';
  END IF;

  IF @kehu_admin <> 'root' THEN
    EXECUTE IMMEDIATE CONCAT('CREATE USER IF NOT EXISTS ', QUOTE(@kehu_admin),
                             '@''localhost'' IDENTIFIED VIA unix_socket');
    EXECUTE IMMEDIATE CONCAT('GRANT ALL PRIVILEGES ON *.* TO ', QUOTE(@kehu_admin),
                             '@''localhost'' WITH GRANT OPTION');
    -- mariadb-install-db makes it "unix_socket OR an invalid password".
    EXECUTE IMMEDIATE CONCAT('ALTER USER ', QUOTE(@kehu_admin),
                             '@''localhost'' IDENTIFIED VIA unix_socket');
  END IF;

  ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket;

  SELECT GROUP_CONCAT(QUOTE(user), '@', QUOTE(host)) INTO extra
    FROM mysql.global_priv
   WHERE (user = 'root' AND host <> 'localhost') OR user = '';
  IF extra IS NOT NULL THEN
    EXECUTE IMMEDIATE CONCAT('DROP USER ', extra);
  END IF;
END
//

DELIMITER ;
