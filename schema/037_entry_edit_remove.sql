-- 037: the customer file's entries can be edited and removed (issue 15).
--
-- Edits: every entry table gets a version, which an edit carries and
-- raises, as customers.version does for the basic information: a second
-- writer with an older version gets the conflict page, not a silent
-- overwrite.
--
-- Removals: the row goes to customer_entries_removed (its values as JSON,
-- with who, when and why) and is then deleted from its table. The removal
-- is soft in that nothing is lost and the change log shows it; it is a
-- delete for every reader, so the triggers that keep customer_tallies and
-- the dealer dashboard (schema/014, 016) follow it through their existing
-- delete triggers, and no reader (home reminders, dashboard routines,
-- sales sums, exports) needs a "not removed" condition it could forget.
--
-- Key people who left: left_on. birthday_md, the generated column the
-- home page's birthday reminders walk (schema/002), is now NULL for them,
-- so they drop out of the reminders without a change to those queries.

ALTER TABLE customer_contacts   ADD COLUMN version INT UNSIGNED NOT NULL DEFAULT 1,
                                ADD COLUMN left_on DATE NULL AFTER hobbies;
ALTER TABLE customer_dynamics   ADD COLUMN version INT UNSIGNED NOT NULL DEFAULT 1;
ALTER TABLE contact_log         ADD COLUMN version INT UNSIGNED NOT NULL DEFAULT 1;
ALTER TABLE customer_incentives ADD COLUMN version INT UNSIGNED NOT NULL DEFAULT 1;
ALTER TABLE quotes              ADD COLUMN version INT UNSIGNED NOT NULL DEFAULT 1;
ALTER TABLE service_records     ADD COLUMN version INT UNSIGNED NOT NULL DEFAULT 1;
ALTER TABLE customer_financials ADD COLUMN version INT UNSIGNED NOT NULL DEFAULT 1;
ALTER TABLE orders              ADD COLUMN version INT UNSIGNED NOT NULL DEFAULT 1;
ALTER TABLE payments            ADD COLUMN version INT UNSIGNED NOT NULL DEFAULT 1;

ALTER TABLE customer_contacts
  MODIFY COLUMN birthday_md SMALLINT UNSIGNED
    AS (IF(left_on IS NULL, MONTH(birthday) * 100 + DAYOFMONTH(birthday), NULL)) PERSISTENT;

CREATE TABLE customer_entries_removed (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id INT UNSIGNED    NOT NULL,
  kind        VARCHAR(16)     NOT NULL,
  entry_id    BIGINT UNSIGNED NOT NULL,
  label       VARCHAR(255)    NOT NULL DEFAULT '',
  data        LONGTEXT        NOT NULL CHECK (JSON_VALID(data)),
  reason      VARCHAR(500)    NOT NULL,
  removed_by  INT UNSIGNED    NULL,
  removed_at  DATETIME        NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY (customer_id, removed_at),
  FOREIGN KEY (customer_id) REFERENCES customers(id)
) ENGINE=InnoDB;
