-- 042: the complaint clocks count business hours (issue 15, docs/sla-clock.md).
--
-- Why: the first-response promise was received + 24 wall-clock hours, so a
-- complaint filed on Friday evening was overdue on Saturday night, and a
-- holiday week made every complaint late. The clocks now run only in the
-- working hours of a calendar kept on /admin/calendar, and stop while the
-- complaint waits for the customer (step 5: the approved handling is with
-- the customer for agreement). Due times and elapsed business minutes are
-- computed in C (cgi-bin/core/workcal.c); the database stores them.

-- The calendar: one row. weekdays: digits 1-7 (Monday 1) of the worked
-- weekdays; hours: the working spans of such a day as the form shows them
-- ("08:30-12:00 13:30-17:30"); the two promises in business minutes.
CREATE TABLE work_calendar (
  id                     TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  weekdays               VARCHAR(7)   NOT NULL,
  hours                  VARCHAR(120) NOT NULL,
  first_response_minutes INT UNSIGNED NOT NULL,
  resolution_minutes     INT UNSIGNED NOT NULL,
  version                INT UNSIGNED NOT NULL DEFAULT 1,
  updated_by             INT UNSIGNED NULL,
  updated_at             DATETIME     NULL,
  FOREIGN KEY (updated_by) REFERENCES users(id)
) ENGINE=InnoDB;

INSERT INTO work_calendar (id, weekdays, hours, first_response_minutes, resolution_minutes)
VALUES (1, '12345', '08:30-12:00 13:30-17:30', 480, 2400);

-- Dates that break the weekly rule: holidays (法定节假日, off) and 调休
-- days (a weekend date that is worked). The calendar's version covers them.
CREATE TABLE work_calendar_days (
  day  DATE NOT NULL PRIMARY KEY,
  kind ENUM('holiday','workday') NOT NULL,
  note VARCHAR(32) NOT NULL DEFAULT ''
) ENGINE=InnoDB;

-- resolution_due: received + the resolution promise (business time), fixed
--   at registration like first_response_due, both moved on by a pause.
-- waiting_since: the complaint waits for the customer (set when a leader
--   approves the handling and the complaint reaches step 5, cleared when
--   step 5 records the customer's agreement); both clocks stand still.
-- paused_minutes: business minutes spent waiting, all pauses together.
-- first_response_bmin / resolution_bmin: business minutes from receipt to
--   the first response / to step 6 (resolved_at), less the pauses; what
--   the overview's histograms count.
ALTER TABLE complaints
  ADD COLUMN resolution_due      DATETIME     NULL,
  ADD COLUMN waiting_since       DATETIME     NULL,
  ADD COLUMN paused_minutes      INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN first_response_bmin INT UNSIGNED NULL,
  ADD COLUMN resolution_bmin     INT UNSIGNED NULL;

-- The overview's histograms bucket business time. A row whose business
-- minutes are not known yet (one written before this migration, or loaded
-- by LOAD DATA, until kehu-sla fills them in: docs/sla-clock.md) counts as
-- before: wall-clock hours, and metric 2 its close. The contribution is a
-- function of the row alone, so the histograms already hold every old
-- row's share and an update takes off exactly what was added.
DROP TRIGGER complaint_stats_insert;
DROP TRIGGER complaint_stats_delete;
DROP TRIGGER complaint_stats_update;
DROP PROCEDURE complaint_stats_put;

DELIMITER //

CREATE PROCEDURE complaint_stats_put(
  IN received DATETIME, IN region SMALLINT UNSIGNED, IN k VARCHAR(16), IN rsn VARCHAR(16),
  IN product INT UNSIGNED, IN typed VARCHAR(128), IN st VARCHAR(8), IN stp TINYINT UNSIGNED,
  IN fr DATETIME, IN due DATETIME, IN closed_at DATETIME, IN sat TINYINT UNSIGNED,
  IN fr_bmin INT UNSIGNED, IN res_bmin INT UNSIGNED, IN d INT)
BEGIN
  DECLARE m DATE DEFAULT CAST(DATE_FORMAT(received, '%Y-%m-01') AS DATE);
  DECLARE rk SMALLINT UNSIGNED DEFAULT COALESCE(region, 0);
  DECLARE pk INT DEFAULT COALESCE(product, IF(COALESCE(typed, '') <> '', -1, 0));
  DECLARE op INT DEFAULT IF(st = 'open', stp, 0);
  INSERT INTO complaint_month_products (month, region_key, product_key, n)
  VALUES (m, rk, pk, d) ON DUPLICATE KEY UPDATE n = n + VALUES(n);
  INSERT INTO complaint_month_stats
    (month, region_key, kind, reason, n, closed, responded, in_sla, rated, sat_sum,
     open1, open2, open3, open4, open5, open6, open7)
  VALUES (m, rk, k, rsn, d, d * (st = 'closed'), d * (fr IS NOT NULL),
          d * COALESCE(fr <= due, 0), d * (sat IS NOT NULL), d * COALESCE(sat, 0),
          d * (op = 1), d * (op = 2), d * (op = 3), d * (op = 4), d * (op = 5), d * (op = 6),
          d * (op = 7))
  ON DUPLICATE KEY UPDATE n = n + VALUES(n), closed = closed + VALUES(closed),
    responded = responded + VALUES(responded), in_sla = in_sla + VALUES(in_sla),
    rated = rated + VALUES(rated), sat_sum = sat_sum + VALUES(sat_sum),
    open1 = open1 + VALUES(open1), open2 = open2 + VALUES(open2), open3 = open3 + VALUES(open3),
    open4 = open4 + VALUES(open4), open5 = open5 + VALUES(open5), open6 = open6 + VALUES(open6),
    open7 = open7 + VALUES(open7);
  IF fr IS NOT NULL THEN
    INSERT INTO complaint_month_hist (month, region_key, metric, bucket, n)
    VALUES (m, rk, 1, complaint_hist_bucket(COALESCE(fr_bmin * 60,
                                                     TIMESTAMPDIFF(SECOND, received, fr))), d)
    ON DUPLICATE KEY UPDATE n = n + VALUES(n);
  END IF;
  IF res_bmin IS NOT NULL THEN
    INSERT INTO complaint_month_hist (month, region_key, metric, bucket, n)
    VALUES (m, rk, 2, complaint_hist_bucket(res_bmin * 60), d)
    ON DUPLICATE KEY UPDATE n = n + VALUES(n);
  ELSEIF st = 'closed' AND closed_at IS NOT NULL THEN
    INSERT INTO complaint_month_hist (month, region_key, metric, bucket, n)
    VALUES (m, rk, 2, complaint_hist_bucket(TIMESTAMPDIFF(SECOND, received, closed_at)), d)
    ON DUPLICATE KEY UPDATE n = n + VALUES(n);
  END IF;
END//

CREATE TRIGGER complaint_stats_insert AFTER INSERT ON complaints FOR EACH ROW
  CALL complaint_stats_put(NEW.received_at, NEW.region_id, NEW.kind, NEW.reason, NEW.product_id,
    NEW.product_text, NEW.status, NEW.step, NEW.first_response_at, NEW.first_response_due,
    NEW.closed_at, NEW.satisfaction, NEW.first_response_bmin, NEW.resolution_bmin, 1)//

CREATE TRIGGER complaint_stats_delete AFTER DELETE ON complaints FOR EACH ROW
  CALL complaint_stats_put(OLD.received_at, OLD.region_id, OLD.kind, OLD.reason, OLD.product_id,
    OLD.product_text, OLD.status, OLD.step, OLD.first_response_at, OLD.first_response_due,
    OLD.closed_at, OLD.satisfaction, OLD.first_response_bmin, OLD.resolution_bmin, -1)//

CREATE TRIGGER complaint_stats_update AFTER UPDATE ON complaints FOR EACH ROW
BEGIN
  IF NOT (OLD.received_at <=> NEW.received_at AND OLD.region_id <=> NEW.region_id
          AND OLD.kind <=> NEW.kind AND OLD.reason <=> NEW.reason
          AND OLD.product_id <=> NEW.product_id AND OLD.product_text <=> NEW.product_text
          AND OLD.status <=> NEW.status AND OLD.step <=> NEW.step
          AND OLD.first_response_at <=> NEW.first_response_at
          AND OLD.first_response_due <=> NEW.first_response_due
          AND OLD.closed_at <=> NEW.closed_at AND OLD.satisfaction <=> NEW.satisfaction
          AND OLD.first_response_bmin <=> NEW.first_response_bmin
          AND OLD.resolution_bmin <=> NEW.resolution_bmin) THEN
    CALL complaint_stats_put(OLD.received_at, OLD.region_id, OLD.kind, OLD.reason, OLD.product_id,
      OLD.product_text, OLD.status, OLD.step, OLD.first_response_at, OLD.first_response_due,
      OLD.closed_at, OLD.satisfaction, OLD.first_response_bmin, OLD.resolution_bmin, -1);
    CALL complaint_stats_put(NEW.received_at, NEW.region_id, NEW.kind, NEW.reason, NEW.product_id,
      NEW.product_text, NEW.status, NEW.step, NEW.first_response_at, NEW.first_response_due,
      NEW.closed_at, NEW.satisfaction, NEW.first_response_bmin, NEW.resolution_bmin, 1);
  END IF;
END//

DELIMITER ;
