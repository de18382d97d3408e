-- 002: the complete customer file (客户档案): dated needs and strategy
-- entries, the contact log (巡视管理), quotes, after-sales service, rebates
-- and promotions, yearly financial indicators; merging of duplicates; the
-- Chinese full-text search index; indexes for the list's filters and sorts.

-- Merged records stay (their history moved to the survivor) and point at it.
ALTER TABLE customers
  MODIFY status ENUM('active','archived','merged') NOT NULL DEFAULT 'active',
  ADD COLUMN merged_into INT UNSIGNED NULL AFTER status,
  ADD KEY list_all (status, id),
  ADD KEY list_region (status, region_id, id),
  ADD KEY list_owner (status, owner_id, id),
  ADD KEY list_kind (status, kind, id),
  ADD KEY list_name (status, name(32), id),
  ADD KEY list_purchase (status, last_purchase_on, id),
  ADD KEY code_prefix (code),
  ADD KEY postal (postal_code),
  ADD KEY city (city);

-- Needs dynamics (需求动向) and strategy dynamics (战略动向): dated entries.
CREATE TABLE customer_dynamics (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id INT UNSIGNED NOT NULL,
  kind        ENUM('needs','strategy') NOT NULL,
  category    VARCHAR(32)  NOT NULL,
  noted_on    DATE         NOT NULL,
  content     TEXT         NOT NULL,
  created_by  INT UNSIGNED NULL,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY (customer_id, kind, noted_on),
  FOREIGN KEY (customer_id) REFERENCES customers(id)
) ENGINE=InnoDB;

-- Contact log (巡视管理): visits, meetings, calls, hotline calls, received
-- visits; the next action and its due date drive the home page reminders.
CREATE TABLE contact_log (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id  INT UNSIGNED NOT NULL,
  channel      ENUM('visit','meeting','call','hotline','received_visit') NOT NULL,
  contacted_on DATE         NOT NULL,
  staff_id     INT UNSIGNED NULL,
  people       VARCHAR(255) NOT NULL DEFAULT '',
  heard        TEXT         NOT NULL,
  next_action  VARCHAR(255) NOT NULL DEFAULT '',
  next_due     DATE         NULL,
  done         TINYINT(1)   NOT NULL DEFAULT 0,
  created_by   INT UNSIGNED NULL,
  created_at   DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY (customer_id, contacted_on),
  KEY due (staff_id, done, next_due),
  FOREIGN KEY (customer_id) REFERENCES customers(id)
) ENGINE=InnoDB;

CREATE TABLE quotes (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id INT UNSIGNED NOT NULL,
  quoted_on   DATE         NOT NULL,
  product_id  INT UNSIGNED NOT NULL,
  quantity    INT UNSIGNED NOT NULL,
  unit_price  DECIMAL(12,2) NOT NULL,
  valid_until DATE         NULL,
  status      ENUM('open','won','lost') NOT NULL DEFAULT 'open',
  note        VARCHAR(255) NOT NULL DEFAULT '',
  created_by  INT UNSIGNED NULL,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY (customer_id, quoted_on),
  FOREIGN KEY (customer_id) REFERENCES customers(id),
  FOREIGN KEY (product_id)  REFERENCES products(id)
) ENGINE=InnoDB;

-- After-sales service history.
CREATE TABLE service_records (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id INT UNSIGNED NOT NULL,
  served_on   DATE         NOT NULL,
  product_id  INT UNSIGNED NULL,
  kind        ENUM('install','repair','maintenance','training','other') NOT NULL,
  description TEXT         NOT NULL,
  result      VARCHAR(255) NOT NULL DEFAULT '',
  staff_id    INT UNSIGNED NULL,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY (customer_id, served_on),
  FOREIGN KEY (customer_id) REFERENCES customers(id)
) ENGINE=InnoDB;

-- Rebates (返利) and promotions (促销) granted to a customer.
CREATE TABLE customer_incentives (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id INT UNSIGNED NOT NULL,
  kind        ENUM('rebate','promotion') NOT NULL,
  granted_on  DATE         NOT NULL,
  amount      DECIMAL(14,2) NOT NULL DEFAULT 0,
  description VARCHAR(255) NOT NULL DEFAULT '',
  created_by  INT UNSIGNED NULL,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY (customer_id, granted_on),
  FOREIGN KEY (customer_id) REFERENCES customers(id)
) ENGINE=InnoDB;

-- Financial indicators per year (current ratio, net margin %, ROA %,
-- collection period and inventory period in days).
CREATE TABLE customer_financials (
  customer_id     INT UNSIGNED NOT NULL,
  year            SMALLINT UNSIGNED NOT NULL,
  current_ratio   DECIMAL(8,2) NULL,
  net_margin      DECIMAL(8,2) NULL,
  roa             DECIMAL(8,2) NULL,
  collection_days INT UNSIGNED NULL,
  inventory_days  INT UNSIGNED NULL,
  updated_by      INT UNSIGNED NULL,
  updated_at      DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (customer_id, year),
  FOREIGN KEY (customer_id) REFERENCES customers(id)
) ENGINE=InnoDB;

-- Chinese substring search: a Mroonga side table with a bigram index over
-- the customer's name (the data-access module keeps it in step with
-- customers.name; scripts/seed.sh fills it after a bulk load).
CREATE TABLE customer_search (
  customer_id INT UNSIGNED NOT NULL PRIMARY KEY,
  name        VARCHAR(200) NOT NULL,
  FULLTEXT INDEX ft_name (name) COMMENT 'tokenizer "TokenBigram", normalizer "NormalizerAuto"'
) ENGINE=Mroonga DEFAULT CHARSET=utf8mb4;

INSERT INTO customer_search (customer_id, name) SELECT id, name FROM customers;

-- Key people: found by name in search; birthdays found by month-day for the
-- "upcoming birthdays" reminder, whatever the year of birth.
ALTER TABLE customer_contacts
  ADD COLUMN birthday_md SMALLINT UNSIGNED AS (MONTH(birthday) * 100 + DAYOFMONTH(birthday)) PERSISTENT,
  ADD KEY name (name),
  ADD KEY birthday_md (birthday_md, customer_id);
