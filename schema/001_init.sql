-- 001: foundation. Accounts, sessions, audit log, regions, and the customer
-- core (basic information, key people, products, orders, payments) plus a
-- minimal complaint register that later migrations extend.
-- Applied once by scripts/migrate.sh; never edit after it has been applied.

CREATE TABLE regions (
  id        SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code      VARCHAR(16)  NOT NULL UNIQUE,
  name_zh   VARCHAR(32)  NOT NULL,
  name_en   VARCHAR(32)  NOT NULL,
  sort      SMALLINT     NOT NULL DEFAULT 0
) ENGINE=InnoDB;

CREATE TABLE users (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  username      VARCHAR(64)  NOT NULL UNIQUE,
  display_name  VARCHAR(64)  NOT NULL,
  role          ENUM('admin','leader','staff','regional_manager') NOT NULL,
  password_hash VARCHAR(255) NOT NULL,
  lang          ENUM('zh-CN','en') NOT NULL DEFAULT 'zh-CN',
  email         VARCHAR(128) NULL,
  phone         VARCHAR(32)  NULL,
  active        TINYINT(1)   NOT NULL DEFAULT 1,
  created_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP
) ENGINE=InnoDB;

-- A regional manager sees only the rows of the regions listed here.
CREATE TABLE user_regions (
  user_id   INT UNSIGNED      NOT NULL,
  region_id SMALLINT UNSIGNED NOT NULL,
  PRIMARY KEY (user_id, region_id),
  KEY (region_id),
  FOREIGN KEY (user_id)   REFERENCES users(id),
  FOREIGN KEY (region_id) REFERENCES regions(id)
) ENGINE=InnoDB;

-- The cookie carries a random token; only its SHA-256 is stored, so a
-- leaked table cannot be replayed as cookies.
CREATE TABLE sessions (
  token_hash   BINARY(32)   NOT NULL PRIMARY KEY,
  user_id      INT UNSIGNED NOT NULL,
  csrf_token   CHAR(64)     NOT NULL,
  created_at   DATETIME     NOT NULL,
  last_seen_at DATETIME     NOT NULL,
  ip           VARCHAR(45)  NOT NULL DEFAULT '',
  user_agent   VARCHAR(255) NOT NULL DEFAULT '',
  KEY (user_id),
  KEY (last_seen_at),
  FOREIGN KEY (user_id) REFERENCES users(id)
) ENGINE=InnoDB;

CREATE TABLE login_attempts (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  username     VARCHAR(64)  NOT NULL,
  ip           VARCHAR(45)  NOT NULL,
  ok           TINYINT(1)   NOT NULL,
  attempted_at DATETIME     NOT NULL,
  KEY (username, attempted_at),
  KEY (ip, attempted_at)
) ENGINE=InnoDB;

-- Every change, by whom, from where. The application account may only
-- INSERT and SELECT here (see scripts/db-grants.sql).
CREATE TABLE audit_log (
  id        BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at        DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  user_id   INT UNSIGNED NULL,
  action    VARCHAR(32)  NOT NULL,
  entity    VARCHAR(32)  NOT NULL,
  entity_id BIGINT UNSIGNED NULL,
  detail    TEXT         NULL,
  ip        VARCHAR(45)  NOT NULL DEFAULT '',
  KEY (entity, entity_id, id),
  KEY (user_id, id)
) ENGINE=InnoDB;

CREATE TABLE product_categories (
  id      SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name_zh VARCHAR(64) NOT NULL,
  name_en VARCHAR(64) NOT NULL
) ENGINE=InnoDB;

CREATE TABLE products (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code        VARCHAR(32)  NOT NULL UNIQUE,
  name        VARCHAR(128) NOT NULL,
  category_id SMALLINT UNSIGNED NOT NULL,
  unit        VARCHAR(16)  NOT NULL DEFAULT '件',
  list_price  DECIMAL(12,2) NOT NULL DEFAULT 0,
  active      TINYINT(1)   NOT NULL DEFAULT 1,
  FOREIGN KEY (category_id) REFERENCES product_categories(id)
) ENGINE=InnoDB;

CREATE TABLE customers (
  id                 INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code               VARCHAR(20)  NOT NULL UNIQUE,
  name               VARCHAR(200) NOT NULL,
  kind               ENUM('dealer','end_customer','organisation') NOT NULL,
  region_id          SMALLINT UNSIGNED NOT NULL,
  owner_id           INT UNSIGNED NULL,
  address            VARCHAR(255) NOT NULL DEFAULT '',
  city               VARCHAR(64)  NOT NULL DEFAULT '',
  postal_code        CHAR(6)      NOT NULL DEFAULT '',
  phone              VARCHAR(32)  NOT NULL DEFAULT '',
  fax                VARCHAR(32)  NOT NULL DEFAULT '',
  email              VARCHAR(128) NOT NULL DEFAULT '',
  founded_year       SMALLINT UNSIGNED NULL,
  history            TEXT         NULL,
  org_structure      TEXT         NULL,
  sales_force        INT UNSIGNED NULL,
  delivery_capacity  VARCHAR(255) NOT NULL DEFAULT '',
  warehouse_capacity VARCHAR(255) NOT NULL DEFAULT '',
  business_goals     TEXT         NULL,
  lifecycle          ENUM('target','potential','one_time','loyal') NOT NULL DEFAULT 'target',
  loyalty            ENUM('loyal','switcher','none') NULL,
  non_customer       ENUM('quasi','refusing','unexplored') NULL,
  abc_class          CHAR(1)      NULL,
  credit_limit       DECIMAL(14,2) NOT NULL DEFAULT 0,
  last_purchase_on   DATE         NULL,
  status             ENUM('active','archived') NOT NULL DEFAULT 'active',
  version            INT UNSIGNED NOT NULL DEFAULT 1,
  created_by         INT UNSIGNED NULL,
  created_at         DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_by         INT UNSIGNED NULL,
  updated_at         DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY (region_id, id),
  KEY (owner_id, id),
  KEY (phone),
  KEY (name(32)),
  FOREIGN KEY (region_id) REFERENCES regions(id),
  FOREIGN KEY (owner_id)  REFERENCES users(id)
) ENGINE=InnoDB;

-- Key people (关键人员).
CREATE TABLE customer_contacts (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id INT UNSIGNED NOT NULL,
  name        VARCHAR(64)  NOT NULL,
  role        ENUM('purchasing','finance','sales','logistics','gm','chairman','other') NOT NULL,
  title       VARCHAR(64)  NOT NULL DEFAULT '',
  authority   VARCHAR(255) NOT NULL DEFAULT '',
  phone       VARCHAR(32)  NOT NULL DEFAULT '',
  email       VARCHAR(128) NOT NULL DEFAULT '',
  personality VARCHAR(255) NOT NULL DEFAULT '',
  birthday    DATE         NULL,
  hobbies     VARCHAR(255) NOT NULL DEFAULT '',
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY (customer_id),
  KEY (phone),
  FOREIGN KEY (customer_id) REFERENCES customers(id)
) ENGINE=InnoDB;

CREATE TABLE orders (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_no       VARCHAR(32)  NOT NULL UNIQUE,
  customer_id    INT UNSIGNED NOT NULL,
  salesperson_id INT UNSIGNED NULL,
  ordered_on     DATE         NOT NULL,
  delivered_on   DATE         NULL,
  total          DECIMAL(14,2) NOT NULL DEFAULT 0,
  created_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY (customer_id, ordered_on),
  KEY (ordered_on),
  FOREIGN KEY (customer_id) REFERENCES customers(id)
) ENGINE=InnoDB;

CREATE TABLE order_lines (
  id         BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id   BIGINT UNSIGNED NOT NULL,
  product_id INT UNSIGNED    NOT NULL,
  quantity   INT UNSIGNED    NOT NULL,
  unit_price DECIMAL(12,2)   NOT NULL,
  amount     DECIMAL(14,2)   NOT NULL,
  KEY (order_id),
  KEY (product_id),
  FOREIGN KEY (order_id)   REFERENCES orders(id),
  FOREIGN KEY (product_id) REFERENCES products(id)
) ENGINE=InnoDB;

CREATE TABLE payments (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id INT UNSIGNED    NOT NULL,
  order_id    BIGINT UNSIGNED NULL,
  amount      DECIMAL(14,2)   NOT NULL,
  due_on      DATE            NOT NULL,
  paid_on     DATE            NULL,
  KEY (customer_id, due_on),
  KEY (due_on, paid_on),
  FOREIGN KEY (customer_id) REFERENCES customers(id),
  FOREIGN KEY (order_id)    REFERENCES orders(id)
) ENGINE=InnoDB;

-- Complaint register (客户意见表/投诉登记表): the minimum the demo data needs;
-- the complaints issue extends it with the seven-step workflow.
CREATE TABLE complaints (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tracking_no  VARCHAR(20)  NOT NULL UNIQUE,
  customer_id  INT UNSIGNED NULL,
  region_id    SMALLINT UNSIGNED NULL,
  product_id   INT UNSIGNED NULL,
  kind         ENUM('complaint','return','suggestion') NOT NULL,
  reason       ENUM('quality','service','price','delivery','other') NOT NULL,
  contact_name VARCHAR(64)  NOT NULL,
  contact_phone VARCHAR(32) NOT NULL,
  description  TEXT         NOT NULL,
  step         TINYINT UNSIGNED NOT NULL DEFAULT 1,
  status       ENUM('open','closed') NOT NULL DEFAULT 'open',
  received_at  DATETIME     NOT NULL,
  first_response_at DATETIME NULL,
  closed_at    DATETIME     NULL,
  KEY (customer_id),
  KEY (region_id, status),
  KEY (status, received_at),
  FOREIGN KEY (customer_id) REFERENCES customers(id)
) ENGINE=InnoDB;
