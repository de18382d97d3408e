-- 053: support-plan return (支援效果, issue 17): does a kind of support pay?
--
-- Written by C, no trigger: the step db_support_returns_compute
-- (cgi-bin/db/analysis_support.c) of the nightly analysis batch reads
-- plans, executions and orders in a few set statements, applies the rules
-- of cgi-bin/core/support_return.c and replaces the rows below in one
-- transaction (readers see the old rows until it commits). docs/analysis.md
-- "Support-plan return" has the rules; schema/DERIVED.md lists the tables.
-- Money in cents, changes in basis points (1234 = +12.34 %).

-- One row per plan and support category with an execution: the dealer's
-- sales and margin in the SR_MONTHS (3) whole months before the month of
-- the category's first execution in the plan (support_month) and in the 3
-- whole months after it, the same sums over the peers (active dealers of
-- the same region and ABC class with no execution of that category in a
-- plan of the same year) and the verdict. status: 0 done, 1 too early
-- (the after window has not ended), 2 no base (no sales before), 3 no
-- peers. NULL: the figure does not exist for that status.
CREATE TABLE support_returns (
  plan_id          INT UNSIGNED      NOT NULL,
  category_id      TINYINT UNSIGNED  NOT NULL,
  customer_id      INT UNSIGNED      NOT NULL,
  region_id        SMALLINT UNSIGNED NOT NULL,
  abc_class        CHAR(1)           NOT NULL,
  year             SMALLINT UNSIGNED NOT NULL,     -- the plan's
  support_month    DATE              NOT NULL,     -- first day of the month
  cost             BIGINT            NOT NULL,     -- the category's actual cost in the plan
  sales_before     BIGINT            NOT NULL,
  sales_after      BIGINT            NOT NULL,
  margin_before    BIGINT            NOT NULL,
  margin_after     BIGINT            NOT NULL,
  peers            INT UNSIGNED      NOT NULL,
  peer_sales_before  BIGINT          NOT NULL,
  peer_sales_after   BIGINT          NOT NULL,
  peer_margin_before BIGINT          NOT NULL,
  peer_margin_after  BIGINT          NOT NULL,
  change_bp        BIGINT            NULL,
  peer_change_bp   BIGINT            NULL,
  uplift_bp        BIGINT            NULL,
  margin_change_bp BIGINT            NULL,
  extra_margin     BIGINT            NULL,
  pays             TINYINT UNSIGNED  NOT NULL DEFAULT 0,
  status           TINYINT UNSIGNED  NOT NULL,
  as_of            DATE              NOT NULL,     -- the day of the run
  PRIMARY KEY (plan_id, category_id),
  KEY customer (customer_id, year),
  KEY region_year (region_id, year, category_id)
) ENGINE=InnoDB;

-- The dashboard's panel: support_returns summed by region, plan year and
-- category by the same run, so a page adds up a few rows per region.
-- uplift_bp_sum over the `done` rows (average = uplift_bp_sum / done).
CREATE TABLE support_return_cells (
  region_id     SMALLINT UNSIGNED NOT NULL,
  year          SMALLINT UNSIGNED NOT NULL,
  category_id   TINYINT UNSIGNED  NOT NULL,
  supported     INT UNSIGNED      NOT NULL,      -- rows (dealer × plan) of any status
  done          INT UNSIGNED      NOT NULL,      -- status 0
  too_early     INT UNSIGNED      NOT NULL,
  paid          INT UNSIGNED      NOT NULL,      -- done and pays
  uplift_bp_sum BIGINT            NOT NULL,
  cost          BIGINT            NOT NULL,
  extra_margin  BIGINT            NOT NULL,      -- of the done rows that have one
  PRIMARY KEY (region_id, year, category_id)
) ENGINE=InnoDB;

-- Work tables of the step (emptied and filled by each run; nothing reads
-- them otherwise). The units: plan × category with executions, the dealer's
-- region and class as the run found them.
CREATE TABLE support_return_units (
  plan_id       INT UNSIGNED      NOT NULL,
  category_id   TINYINT UNSIGNED  NOT NULL,
  customer_id   INT UNSIGNED      NOT NULL,
  region_id     SMALLINT UNSIGNED NOT NULL,
  abc_class     CHAR(1)           NOT NULL,
  year          SMALLINT UNSIGNED NOT NULL,
  support_month DATE              NOT NULL,
  cost          BIGINT            NOT NULL,
  PRIMARY KEY (plan_id, category_id),
  KEY family (region_id, abc_class, category_id, year, customer_id)
) ENGINE=InnoDB;

-- Sales and cost of goods by month of the supported dealers only, over the
-- months any window covers.
CREATE TABLE support_return_months (
  customer_id INT UNSIGNED NOT NULL,
  month       DATE         NOT NULL,
  sales       BIGINT       NOT NULL,
  cogs        BIGINT       NOT NULL,
  PRIMARY KEY (customer_id, month)
) ENGINE=InnoDB;

-- Every active dealer's sales and cost of goods by region, class and
-- month (the peers are these less the supported dealers), and the number
-- of dealers of each region and class (month = '1000-01-01').
CREATE TABLE support_return_pool (
  region_id SMALLINT UNSIGNED NOT NULL,
  abc_class CHAR(1)           NOT NULL,
  month     DATE              NOT NULL,
  sales     BIGINT            NOT NULL,
  cogs      BIGINT            NOT NULL,
  dealers   INT UNSIGNED      NOT NULL,
  PRIMARY KEY (region_id, abc_class, month)
) ENGINE=InnoDB;
