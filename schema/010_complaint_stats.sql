-- 010: the complaints overview's figures by month, kept by triggers.
--
-- The overview's default view is the last 12 months; at 1,000,000
-- complaints its counts, percentiles and shares took seconds over the
-- complaints table itself. Periods are whole months, so every figure but
-- "overdue now" is a sum over the rows of these three tables for the months
-- and regions asked (a few thousand rows at 1M complaints).
--
-- Kept right by triggers on complaints (insert, update of any column that
-- counts, delete), like customer_counts (005): every writer (the public
-- form, the staff pages, LOAD DATA of demo and bench data) updates them
-- without remembering to. An update takes the old row's contribution off
-- and adds the new one's, so counts can never drift; rows that fall to
-- zero stay and add nothing.

-- One row per month received, region (0: none named, office staff only),
-- kind and reason: about a thousand rows a year.
CREATE TABLE complaint_month_stats (
  month       DATE              NOT NULL,   -- the first day of the month
  region_key  SMALLINT UNSIGNED NOT NULL,
  kind        ENUM('complaint','return','suggestion') NOT NULL,
  reason      ENUM('quality','service','price','delivery','other') NOT NULL,
  n           INT NOT NULL DEFAULT 0,      -- received
  closed      INT NOT NULL DEFAULT 0,
  responded   INT NOT NULL DEFAULT 0,      -- first_response_at set
  in_sla      INT NOT NULL DEFAULT 0,      -- first_response_at <= first_response_due
  rated       INT NOT NULL DEFAULT 0,      -- satisfaction given
  sat_sum     INT NOT NULL DEFAULT 0,
  open1 INT NOT NULL DEFAULT 0, open2 INT NOT NULL DEFAULT 0, open3 INT NOT NULL DEFAULT 0,
  open4 INT NOT NULL DEFAULT 0, open5 INT NOT NULL DEFAULT 0, open6 INT NOT NULL DEFAULT 0,
  open7 INT NOT NULL DEFAULT 0,            -- open, at step 1..7
  PRIMARY KEY (month, region_key, kind, reason)
) ENGINE=InnoDB;

-- Received by month, region and product (product_id; 0: none named; -1:
-- typed by the customer, not in the list). A table of its own: with the
-- product in complaint_month_stats every figure read 25 times more rows.
CREATE TABLE complaint_month_products (
  month       DATE              NOT NULL,
  region_key  SMALLINT UNSIGNED NOT NULL,
  product_key INT               NOT NULL,
  n           INT NOT NULL DEFAULT 0,
  PRIMARY KEY (month, region_key, product_key)
) ENGINE=InnoDB;

-- Histograms of the time to first response (metric 1) and to close
-- (metric 2), by month received and region. bucket: tenths of an hour,
-- rounded down to 0.1 h below 10 h, to 1 h below 100 h, to 10 h above:
-- a percentile read from them is exact to that step.
CREATE TABLE complaint_month_hist (
  month      DATE              NOT NULL,
  region_key SMALLINT UNSIGNED NOT NULL,
  metric     TINYINT UNSIGNED  NOT NULL,
  bucket     INT               NOT NULL,
  n          INT               NOT NULL DEFAULT 0,
  PRIMARY KEY (month, region_key, metric, bucket)
) ENGINE=InnoDB;

DELIMITER //

CREATE FUNCTION complaint_hist_bucket(secs BIGINT) RETURNS INT DETERMINISTIC
BEGIN
  DECLARE t BIGINT DEFAULT GREATEST(secs, 0) DIV 360;
  RETURN IF(t < 100, t, IF(t < 1000, t DIV 10 * 10, t DIV 100 * 100));
END//

-- Adds (d = 1) or takes off (d = -1) one complaint's contribution.
CREATE PROCEDURE complaint_stats_put(
  IN received DATETIME, IN region SMALLINT UNSIGNED, IN k VARCHAR(16), IN rsn VARCHAR(16),
  IN product INT UNSIGNED, IN typed VARCHAR(128), IN st VARCHAR(8), IN stp TINYINT UNSIGNED,
  IN fr DATETIME, IN due DATETIME, IN closed_at DATETIME, IN sat TINYINT UNSIGNED, IN d INT)
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
    VALUES (m, rk, 1, complaint_hist_bucket(TIMESTAMPDIFF(SECOND, received, fr)), d)
    ON DUPLICATE KEY UPDATE n = n + VALUES(n);
  END IF;
  IF st = 'closed' AND closed_at IS NOT NULL THEN
    INSERT INTO complaint_month_hist (month, region_key, metric, bucket, n)
    VALUES (m, rk, 2, complaint_hist_bucket(TIMESTAMPDIFF(SECOND, received, closed_at)), d)
    ON DUPLICATE KEY UPDATE n = n + VALUES(n);
  END IF;
END//

CREATE TRIGGER complaint_stats_insert AFTER INSERT ON complaints FOR EACH ROW
  CALL complaint_stats_put(NEW.received_at, NEW.region_id, NEW.kind, NEW.reason, NEW.product_id,
    NEW.product_text, NEW.status, NEW.step, NEW.first_response_at, NEW.first_response_due,
    NEW.closed_at, NEW.satisfaction, 1)//

CREATE TRIGGER complaint_stats_delete AFTER DELETE ON complaints FOR EACH ROW
  CALL complaint_stats_put(OLD.received_at, OLD.region_id, OLD.kind, OLD.reason, OLD.product_id,
    OLD.product_text, OLD.status, OLD.step, OLD.first_response_at, OLD.first_response_due,
    OLD.closed_at, OLD.satisfaction, -1)//

CREATE TRIGGER complaint_stats_update AFTER UPDATE ON complaints FOR EACH ROW
BEGIN
  IF NOT (OLD.received_at <=> NEW.received_at AND OLD.region_id <=> NEW.region_id
          AND OLD.kind <=> NEW.kind AND OLD.reason <=> NEW.reason
          AND OLD.product_id <=> NEW.product_id AND OLD.product_text <=> NEW.product_text
          AND OLD.status <=> NEW.status AND OLD.step <=> NEW.step
          AND OLD.first_response_at <=> NEW.first_response_at
          AND OLD.first_response_due <=> NEW.first_response_due
          AND OLD.closed_at <=> NEW.closed_at AND OLD.satisfaction <=> NEW.satisfaction) THEN
    CALL complaint_stats_put(OLD.received_at, OLD.region_id, OLD.kind, OLD.reason, OLD.product_id,
      OLD.product_text, OLD.status, OLD.step, OLD.first_response_at, OLD.first_response_due,
      OLD.closed_at, OLD.satisfaction, -1);
    CALL complaint_stats_put(NEW.received_at, NEW.region_id, NEW.kind, NEW.reason, NEW.product_id,
      NEW.product_text, NEW.status, NEW.step, NEW.first_response_at, NEW.first_response_due,
      NEW.closed_at, NEW.satisfaction, 1);
  END IF;
END//

DELIMITER ;

-- Complaints already in the database (a stack seeded before this migration).
INSERT INTO complaint_month_products (month, region_key, product_key, n)
SELECT CAST(DATE_FORMAT(received_at, '%Y-%m-01') AS DATE), COALESCE(region_id, 0),
       COALESCE(product_id, IF(COALESCE(product_text, '') <> '', -1, 0)), COUNT(*)
FROM complaints
GROUP BY 1, 2, 3;

INSERT INTO complaint_month_stats
  (month, region_key, kind, reason, n, closed, responded, in_sla, rated, sat_sum,
   open1, open2, open3, open4, open5, open6, open7)
SELECT CAST(DATE_FORMAT(received_at, '%Y-%m-01') AS DATE), COALESCE(region_id, 0), kind, reason,
       COUNT(*), SUM(status = 'closed'), SUM(first_response_at IS NOT NULL),
       SUM(COALESCE(first_response_at <= first_response_due, 0)), SUM(satisfaction IS NOT NULL),
       COALESCE(SUM(satisfaction), 0),
       SUM(status = 'open' AND step = 1), SUM(status = 'open' AND step = 2),
       SUM(status = 'open' AND step = 3), SUM(status = 'open' AND step = 4),
       SUM(status = 'open' AND step = 5), SUM(status = 'open' AND step = 6),
       SUM(status = 'open' AND step = 7)
FROM complaints
GROUP BY 1, 2, 3, 4;

INSERT INTO complaint_month_hist (month, region_key, metric, bucket, n)
SELECT CAST(DATE_FORMAT(received_at, '%Y-%m-01') AS DATE), COALESCE(region_id, 0), 1,
       complaint_hist_bucket(TIMESTAMPDIFF(SECOND, received_at, first_response_at)), COUNT(*)
FROM complaints WHERE first_response_at IS NOT NULL
GROUP BY 1, 2, 3, 4;

INSERT INTO complaint_month_hist (month, region_key, metric, bucket, n)
SELECT CAST(DATE_FORMAT(received_at, '%Y-%m-01') AS DATE), COALESCE(region_id, 0), 2,
       complaint_hist_bucket(TIMESTAMPDIFF(SECOND, received_at, closed_at)), COUNT(*)
FROM complaints WHERE status = 'closed' AND closed_at IS NOT NULL
GROUP BY 1, 2, 3, 4;
