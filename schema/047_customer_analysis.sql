-- 047: customer analysis (客户分析, issue 17): settings, the batch's stored
-- results, lifecycle overrides, wake-up decisions and the customer size.
--
-- Business rules are C (cgi-bin/core/analysis_class.c, analysis_signal.c;
-- docs/analysis.md). The batch (tools/kehu-analyse.c, `make analyse`, and
-- nightly) reads the history, runs those rules and writes the results
-- below; pages only read them. No trigger: every table here is written by C.
--
-- Numbers: money in cents (BIGINT), days as dates, codes as the enums of
-- core/analysis_class.h (sleep_state 0 never, 1 awake, 2 瞌睡, 3 半睡, 4 沉睡;
-- rfm_segment 0 none, 1-8 in the order of enum rfm_segment).

-- One row (id = 1): every setting of the rules, with the defaults of
-- docs/analysis.md. `version` is the settings page's optimistic lock.
CREATE TABLE analysis_settings (
  id                 TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  period_months      TINYINT UNSIGNED NOT NULL DEFAULT 12,   -- ABC, RFM, profit: the last N months
  abc_a_pct          TINYINT UNSIGNED NOT NULL DEFAULT 70,
  abc_b_pct          TINYINT UNSIGNED NOT NULL DEFAULT 20,
  life_period_days   SMALLINT UNSIGNED NOT NULL DEFAULT 91,
  life_periods_n     TINYINT UNSIGNED NOT NULL DEFAULT 3,
  life_periods_m     TINYINT UNSIGNED NOT NULL DEFAULT 4,
  sleep_interval_days SMALLINT UNSIGNED NOT NULL DEFAULT 90,
  sleep_drowsy_pct   SMALLINT UNSIGNED NOT NULL DEFAULT 150,
  sleep_half_pct     SMALLINT UNSIGNED NOT NULL DEFAULT 250,
  sleep_dormant_pct  SMALLINT UNSIGNED NOT NULL DEFAULT 400,
  rfm_high_from      TINYINT UNSIGNED NOT NULL DEFAULT 3,
  watch_window_days  SMALLINT UNSIGNED NOT NULL DEFAULT 90,
  watch_late_rise_days SMALLINT UNSIGNED NOT NULL DEFAULT 7,
  watch_order_drop_pct TINYINT UNSIGNED NOT NULL DEFAULT 30,
  watch_min_complaints TINYINT UNSIGNED NOT NULL DEFAULT 2,
  worst_tail_pct     TINYINT UNSIGNED NOT NULL DEFAULT 20,
  discount_bp        SMALLINT UNSIGNED NOT NULL DEFAULT 1000, -- a year, for lifetime value
  run_at             TIME NOT NULL DEFAULT '02:30:00',        -- the nightly run (server time)
  version            INT UNSIGNED NOT NULL DEFAULT 1,
  updated_by         INT UNSIGNED NULL,
  updated_at         DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB;
INSERT INTO analysis_settings (id) VALUES (1);

-- Each run of the batch. A page or the import asks for a run by inserting
-- a row with status 'requested'; the supervised runner (kehu-analyse
-- --serve) takes the oldest request, and runs nightly at run_at.
CREATE TABLE analysis_runs (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  status       ENUM('requested','running','done','failed') NOT NULL DEFAULT 'requested',
  reason       ENUM('nightly','import','settings','manual') NOT NULL,
  requested_by INT UNSIGNED NULL,
  requested_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  started_at   DATETIME NULL,
  finished_at  DATETIME NULL,
  as_of        DATE NULL,                  -- the day the results describe
  customers    INT UNSIGNED NULL,
  order_lines  INT UNSIGNED NULL,
  seconds      DECIMAL(8,2) NULL,
  error        VARCHAR(255) NOT NULL DEFAULT '',
  KEY (status, id)
) ENGINE=InnoDB;

-- One row per customer: what the latest run found. customers.abc_class and
-- customers.lifecycle (the effective stage: the override when there is
-- one, else life_proposed) are written by the same run, so the list's
-- existing filters and sorts keep working; everything else is read here.
CREATE TABLE customer_analysis (
  customer_id      INT UNSIGNED NOT NULL PRIMARY KEY,
  region_id        SMALLINT UNSIGNED NOT NULL,     -- copy, for scoped filters
  owner_id         INT UNSIGNED NULL,              -- copy: the wake-up list per salesperson
  abc_class        CHAR(1) NOT NULL DEFAULT 'C',
  revenue          BIGINT NOT NULL DEFAULT 0,      -- the period (period_months)
  revenue_rank     INT UNSIGNED NOT NULL DEFAULT 0,-- 1 = largest; Pareto order
  life_proposed    ENUM('target','potential','one_time','loyal') NOT NULL DEFAULT 'target',
  sleep_state      TINYINT UNSIGNED NOT NULL DEFAULT 0,
  interval_days    SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  days_since       INT NOT NULL DEFAULT -1,        -- since the last purchase; -1 none
  first_purchase_on DATE NULL,
  rfm_r            TINYINT UNSIGNED NOT NULL DEFAULT 0,
  rfm_f            TINYINT UNSIGNED NOT NULL DEFAULT 0,
  rfm_m            TINYINT UNSIGNED NOT NULL DEFAULT 0,
  rfm_segment      TINYINT UNSIGNED NOT NULL DEFAULT 0,
  cost_of_goods    BIGINT NOT NULL DEFAULT 0,
  rebates_promotions BIGINT NOT NULL DEFAULT 0,
  support          BIGINT NOT NULL DEFAULT 0,
  compensation     BIGINT NOT NULL DEFAULT 0,
  profit           BIGINT NOT NULL DEFAULT 0,
  profit_rank      INT UNSIGNED NOT NULL DEFAULT 0,-- 1 = best
  lifetime_value   BIGINT NOT NULL DEFAULT 0,
  watch_reasons    TINYINT UNSIGNED NOT NULL DEFAULT 0, -- SIGNAL_* flags
  watch_score      TINYINT UNSIGNED NOT NULL DEFAULT 0,
  late_tenths_earlier INT NOT NULL DEFAULT 0,
  late_tenths_recent  INT NOT NULL DEFAULT 0,
  orders_earlier   BIGINT NOT NULL DEFAULT 0,
  orders_recent    BIGINT NOT NULL DEFAULT 0,
  unanswered       SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  complaints_recent SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  run_id           INT UNSIGNED NOT NULL,
  KEY region_sleep (region_id, sleep_state, customer_id),
  KEY owner_sleep (owner_id, sleep_state, days_since),
  KEY region_rfm (region_id, rfm_segment, customer_id),
  KEY region_watch (region_id, watch_score, customer_id),
  KEY watch (watch_score, customer_id),
  KEY profit (profit_rank),
  KEY revenue (revenue_rank)
) ENGINE=InnoDB;

-- Report cells: sales, margin, customers and churn per period, dimension
-- and key, kept per region so that a regional manager's report is the sum
-- over that manager's regions (a customer is in one region). Replaced
-- whole by each run (built in analysis_cells_next, then RENAME TABLE).
--   period_kind: 1 month, 2 quarter, 3 year; period_start its first day.
--   dim: 0 all, 1 region (key = region id), 2 ABC (1 A, 2 B, 3 C),
--        3 size (customers.size_class: 1 large .. 4 micro, 0 unknown),
--        4 product category (id), 5 product (id), 6 salesperson (owner
--        user id, 0 none), 7 postal-code prefix (first 3 digits, -1 none).
--   For dims 4 and 5 the margin is revenue − cost of goods only (charges
--   belong to a customer, not to a product) and churn is not counted.
--   period_kind 0 (period_start = the run's as_of): counts of customers
--   as they stand, for the filters' counts, in `customers`: dims 8 loyalty
--   attitude (1 loyal, 2 switcher, 3 none, 0 unset), 9 non-customer type
--   (1 quasi, 2 refusing, 3 unexplored, 0 unset), 10 sleep_state,
--   11 rfm_segment, 12 on the watch list (1) or not (0), 13 lifecycle
--   stage (1 target .. 4 loyal), 2 ABC and 3 size as above; and dim 14,
--   the revenue histogram behind the Pareto chart (additive over regions,
--   so a manager's curve is exact at the bucket edges): key 0 for
--   revenue <= 0, else 1 + floor(10 * log10(revenue in yuan)) (at least 1),
--   customers = how many, sales = their revenue over the ABC period.
--   Here sales = revenue over the ABC period, margin = profit over it and
--   lifetime_value = the customers' summed lifetime values.
CREATE TABLE analysis_cells (
  period_kind  TINYINT UNSIGNED NOT NULL,
  period_start DATE NOT NULL,
  dim          TINYINT UNSIGNED NOT NULL,
  dim_key      INT NOT NULL,
  region_id    SMALLINT UNSIGNED NOT NULL,
  sales        BIGINT NOT NULL DEFAULT 0,
  cost_of_goods BIGINT NOT NULL DEFAULT 0,
  charges      BIGINT NOT NULL DEFAULT 0,   -- rebates, promotions, support, compensation
  margin       BIGINT NOT NULL DEFAULT 0,   -- sales − cost_of_goods − charges
  customers    INT UNSIGNED NOT NULL DEFAULT 0,  -- customers who bought in the period
  active_before INT UNSIGNED NOT NULL DEFAULT 0, -- bought in the period before
  lost         INT UNSIGNED NOT NULL DEFAULT 0,  -- of those, did not buy in this one
  new_customers INT UNSIGNED NOT NULL DEFAULT 0, -- first purchase ever in the period
  conversions  INT UNSIGNED NOT NULL DEFAULT 0,  -- of those, marked as non-customers (非客户)
  lifetime_value BIGINT NOT NULL DEFAULT 0,      -- period_kind 0 only
  PRIMARY KEY (period_kind, period_start, dim, region_id, dim_key)
) ENGINE=InnoDB;
CREATE TABLE analysis_cells_next LIKE analysis_cells;

-- Staff override of the proposed lifecycle stage, with a reason (audited).
-- One row per customer; removing the override returns to the proposal.
CREATE TABLE customer_life_overrides (
  customer_id  INT UNSIGNED NOT NULL PRIMARY KEY,
  stage        ENUM('target','potential','one_time','loyal') NOT NULL,
  reason       VARCHAR(500) NOT NULL,
  set_by       INT UNSIGNED NOT NULL,
  set_at       DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  version      INT UNSIGNED NOT NULL DEFAULT 1,
  FOREIGN KEY (customer_id) REFERENCES customers(id)
) ENGINE=InnoDB;

-- Wake-up decisions (唤醒) for sleeping customers, source 001: whether to
-- wake the customer, with which product and in which way, and later the
-- outcome. The sleep state at the decision is kept, so the page can count
-- how many of each state woke.
CREATE TABLE wake_decisions (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id  INT UNSIGNED NOT NULL,
  region_id    SMALLINT UNSIGNED NOT NULL,
  owner_id     INT UNSIGNED NULL,
  sleep_state  TINYINT UNSIGNED NOT NULL,
  decision     ENUM('wake','let_go') NOT NULL,
  product_id   INT UNSIGNED NULL,
  approach     ENUM('visit','phone','offer','sample','event','mail','other') NULL,
  note         VARCHAR(500) NOT NULL DEFAULT '',
  decided_by   INT UNSIGNED NOT NULL,
  decided_on   DATE NOT NULL,
  outcome      ENUM('pending','woke','no_response') NOT NULL DEFAULT 'pending',
  outcome_on   DATE NULL,
  outcome_by   INT UNSIGNED NULL,
  version      INT UNSIGNED NOT NULL DEFAULT 1,
  KEY (customer_id, id),
  KEY region_decided (region_id, decided_on),
  KEY owner_decided (owner_id, decided_on),
  FOREIGN KEY (customer_id) REFERENCES customers(id),
  FOREIGN KEY (product_id) REFERENCES products(id)
) ENGINE=InnoDB;

-- Customer size (客户规模), typed on the customer form; the reports group
-- by it beside the computed ABC class.
ALTER TABLE customers
  ADD COLUMN size_class ENUM('large','medium','small','micro') NULL AFTER abc_class;
