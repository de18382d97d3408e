-- 004: imports of customer files from CSV/XLSX. A job is one uploaded file:
-- its parsed rows wait in $KEHU_VAR/imports/<id>.tsv (errors in <id>.err)
-- until the user who uploaded it commits them, all or nothing.
-- Applied once by scripts/migrate.sh; never edit after it has been applied.

CREATE TABLE import_jobs (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id     INT UNSIGNED NOT NULL,
  entity      VARCHAR(16)  NOT NULL DEFAULT 'customer',
  filename    VARCHAR(255) NOT NULL DEFAULT '',
  format      VARCHAR(16)  NOT NULL DEFAULT '',    -- csv or xlsx
  charset     VARCHAR(16)  NOT NULL DEFAULT '',    -- csv: the detected encoding
  total_rows  INT UNSIGNED NOT NULL DEFAULT 0,
  bad_rows    INT UNSIGNED NOT NULL DEFAULT 0,
  errors      INT UNSIGNED NOT NULL DEFAULT 0,
  state       ENUM('ready','running','done','failed') NOT NULL DEFAULT 'ready',
  imported    INT UNSIGNED NOT NULL DEFAULT 0,
  first_id    INT UNSIGNED NULL,
  last_id     INT UNSIGNED NULL,
  message     VARCHAR(255) NOT NULL DEFAULT '',
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  started_at  DATETIME     NULL,
  finished_at DATETIME     NULL,
  KEY (user_id, id),
  KEY (created_at),
  FOREIGN KEY (user_id) REFERENCES users(id)
) ENGINE=InnoDB;
