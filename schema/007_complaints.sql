-- 007: complaints and returns (投诉与退货): the public form's fields, the
-- seven-step procedure, customer-facing messages vs internal notes,
-- attachments, satisfaction, and the public side's throttling.
--
-- complaints stays the register (客户意见表/投诉登记表): one row per
-- complaint, narrow enough for the queue at 1M rows. What each step records
-- lives in complaint_handling (one row per complaint, latest values) and
-- complaint_proposals (step 4: every proposal and the leader's decision);
-- complaint_events is the timestamped trail of every transition.

-- Where a member of the public says they are. A province belongs to one
-- sales region; region_code joins regions.code (regions are loaded with the
-- demo data after the migrations, so no foreign key).
CREATE TABLE provinces (
  id          SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code        VARCHAR(16) NOT NULL UNIQUE,
  name_zh     VARCHAR(16) NOT NULL,
  name_en     VARCHAR(32) NOT NULL,
  region_code VARCHAR(16) NOT NULL,
  sort        SMALLINT    NOT NULL DEFAULT 0
) ENGINE=InnoDB;

INSERT INTO provinces (code, name_zh, name_en, region_code, sort) VALUES
  ('shanghai',     '上海',   'Shanghai',       'huadong',  10),
  ('jiangsu',      '江苏',   'Jiangsu',        'huadong',  11),
  ('zhejiang',     '浙江',   'Zhejiang',       'huadong',  12),
  ('anhui',        '安徽',   'Anhui',          'huadong',  13),
  ('fujian',       '福建',   'Fujian',         'huadong',  14),
  ('jiangxi',      '江西',   'Jiangxi',        'huadong',  15),
  ('shandong',     '山东',   'Shandong',       'huadong',  16),
  ('beijing',      '北京',   'Beijing',        'huabei',   20),
  ('tianjin',      '天津',   'Tianjin',        'huabei',   21),
  ('hebei',        '河北',   'Hebei',          'huabei',   22),
  ('shanxi',       '山西',   'Shanxi',         'huabei',   23),
  ('neimenggu',    '内蒙古', 'Inner Mongolia', 'huabei',   24),
  ('guangdong',    '广东',   'Guangdong',      'huanan',   30),
  ('guangxi',      '广西',   'Guangxi',        'huanan',   31),
  ('hainan',       '海南',   'Hainan',         'huanan',   32),
  ('henan',        '河南',   'Henan',          'huazhong', 40),
  ('hubei',        '湖北',   'Hubei',          'huazhong', 41),
  ('hunan',        '湖南',   'Hunan',          'huazhong', 42),
  ('chongqing',    '重庆',   'Chongqing',      'xinan',    50),
  ('sichuan',      '四川',   'Sichuan',        'xinan',    51),
  ('guizhou',      '贵州',   'Guizhou',        'xinan',    52),
  ('yunnan',       '云南',   'Yunnan',         'xinan',    53),
  ('xizang',       '西藏',   'Tibet',          'xinan',    54),
  ('shaanxi',      '陕西',   'Shaanxi',        'xibei',    60),
  ('gansu',        '甘肃',   'Gansu',          'xibei',    61),
  ('qinghai',      '青海',   'Qinghai',        'xibei',    62),
  ('ningxia',      '宁夏',   'Ningxia',        'xibei',    63),
  ('xinjiang',     '新疆',   'Xinjiang',       'xibei',    64),
  ('liaoning',     '辽宁',   'Liaoning',       'dongbei',  70),
  ('jilin',        '吉林',   'Jilin',          'dongbei',  71),
  ('heilongjiang', '黑龙江', 'Heilongjiang',   'dongbei',  72);

-- step: the step being worked on (1..7); status closed after step 7.
-- first_response_due is fixed when the complaint is registered (received +
-- the SLA hours configured then), so changing the setting never moves a
-- promise already made, and "overdue" is an index range.
-- idem_key: the public form's idempotency token; a second submit of the
-- same form finds the first complaint instead of creating another.
-- return_in_window: for returns, computed at submission (purchase date
-- within 7 days and packaging intact); NULL when it cannot be known.
ALTER TABLE complaints
  ADD COLUMN province_id      SMALLINT UNSIGNED NULL AFTER region_id,
  ADD COLUMN source           ENUM('web','staff') NOT NULL DEFAULT 'web' AFTER province_id,
  ADD COLUMN email            VARCHAR(128) NULL AFTER contact_phone,
  ADD COLUMN company          VARCHAR(128) NULL AFTER email,
  ADD COLUMN product_text     VARCHAR(128) NULL AFTER company,
  ADD COLUMN purchase_date    DATE         NULL AFTER product_text,
  ADD COLUMN order_ref        VARCHAR(64)  NULL AFTER purchase_date,
  ADD COLUMN packaging_intact TINYINT(1)   NULL AFTER order_ref,
  ADD COLUMN return_in_window TINYINT(1)   NULL AFTER packaging_intact,
  ADD COLUMN assignee_id      INT UNSIGNED NULL AFTER status,
  ADD COLUMN first_response_due DATETIME   NULL AFTER received_at,
  ADD COLUMN resolved_at      DATETIME     NULL AFTER first_response_at,
  ADD COLUMN satisfaction     TINYINT UNSIGNED NULL,
  ADD COLUMN satisfaction_comment VARCHAR(1000) NULL,
  ADD COLUMN rated_at         DATETIME     NULL,
  ADD COLUMN reopen_count     SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN idem_key         CHAR(32)     NULL,
  ADD COLUMN submit_ip        VARCHAR(45)  NOT NULL DEFAULT '',
  ADD COLUMN version          INT UNSIGNED NOT NULL DEFAULT 1,
  ADD COLUMN updated_at       DATETIME     NULL,
  ADD UNIQUE KEY idem_key (idem_key),
  ADD KEY contact_phone (contact_phone),
  ADD KEY product_received (product_id, received_at),
  ADD KEY received_at (received_at),
  ADD KEY status_step (status, step, received_at),
  ADD KEY assignee_status (assignee_id, status, received_at),
  ADD KEY response_due (first_response_at, first_response_due),
  ADD CONSTRAINT complaints_assignee FOREIGN KEY (assignee_id) REFERENCES users(id),
  ADD CONSTRAINT complaints_province FOREIGN KEY (province_id) REFERENCES provinces(id),
  ADD CONSTRAINT complaints_product  FOREIGN KEY (product_id)  REFERENCES products(id);

UPDATE complaints SET first_response_due = received_at + INTERVAL 24 HOUR
 WHERE first_response_due IS NULL;

-- Tracking numbers TSyyyymmdd-NNNN: one counter per day, taken with
--   INSERT ... ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)
-- inside the submitting transaction (NNNN grows past 9999 if need be).
CREATE TABLE complaint_seq (
  day  DATE         NOT NULL PRIMARY KEY,
  last INT UNSIGNED NOT NULL
) ENGINE=InnoDB;

-- What steps 1-3, 5 and 6 recorded (latest values; the events keep who
-- and when). Step 4's proposals are rows of their own below.
CREATE TABLE complaint_handling (
  complaint_id     BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  facts            TEXT         NULL,  -- 1: facts as confirmed
  contact_channel  ENUM('phone','fax','visit','email','other') NULL, -- 2
  contacted_at     DATETIME     NULL,
  bought_when      VARCHAR(128) NULL,
  usage_text       TEXT         NULL,
  symptom          TEXT         NULL,
  prev_brand       VARCHAR(128) NULL,
  analysis         TEXT         NULL,  -- 3
  explanation      TEXT         NULL,
  agreed_on        DATE         NULL,  -- 5
  agreement_terms  TEXT         NULL,
  agreed_how       ENUM('signed','phone','email','in_person','other') NULL,
  exec_department  VARCHAR(128) NULL,  -- 6
  executed_on      DATE         NULL,
  compensation_paid_on DATE     NULL,
  exec_note        TEXT         NULL,
  FOREIGN KEY (complaint_id) REFERENCES complaints(id)
) ENGINE=InnoDB;

-- Step 4: a proposal goes to a leader, who approves it or returns it with a
-- comment; a returned proposal is followed by a new one. Only a leader
-- decides, never on their own proposal.
CREATE TABLE complaint_proposals (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  complaint_id BIGINT UNSIGNED NOT NULL,
  remedy       ENUM('replace','repair','refund','compensation','explanation') NOT NULL,
  amount       DECIMAL(12,2) NOT NULL DEFAULT 0,
  detail       TEXT          NOT NULL,
  proposed_by  INT UNSIGNED  NOT NULL,
  proposed_at  DATETIME      NOT NULL,
  decision     ENUM('pending','approved','returned') NOT NULL DEFAULT 'pending',
  decided_by   INT UNSIGNED  NULL,
  decided_at   DATETIME      NULL,
  decision_comment TEXT      NULL,
  KEY (complaint_id, id),
  KEY (decision, proposed_at),
  FOREIGN KEY (complaint_id) REFERENCES complaints(id),
  FOREIGN KEY (proposed_by)  REFERENCES users(id),
  FOREIGN KEY (decided_by)   REFERENCES users(id)
) ENGINE=InnoDB;

-- Every transition, timestamped: registered, assigned, step_done, proposed,
-- approved, returned, followup, closed, reopened, rated, matched, ...
-- user_id NULL: the customer (public side) or the system.
CREATE TABLE complaint_events (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  complaint_id BIGINT UNSIGNED NOT NULL,
  step         TINYINT UNSIGNED NOT NULL,
  event        VARCHAR(32)   NOT NULL,
  user_id      INT UNSIGNED  NULL,
  at           DATETIME      NOT NULL,
  note         TEXT          NULL,
  KEY (complaint_id, id),
  FOREIGN KEY (complaint_id) REFERENCES complaints(id),
  FOREIGN KEY (user_id)      REFERENCES users(id)
) ENGINE=InnoDB;

-- Messages to and from the customer, and internal notes. The public status
-- page shows audience = 'customer' only; internal notes never leave staff
-- pages. author: staff (user_id set), customer, or system.
CREATE TABLE complaint_messages (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  complaint_id BIGINT UNSIGNED NOT NULL,
  audience     ENUM('customer','internal') NOT NULL,
  author       ENUM('staff','customer','system') NOT NULL,
  user_id      INT UNSIGNED  NULL,
  body         TEXT          NOT NULL,
  at           DATETIME      NOT NULL,
  KEY (complaint_id, audience, id),
  FOREIGN KEY (complaint_id) REFERENCES complaints(id),
  FOREIGN KEY (user_id)      REFERENCES users(id)
) ENGINE=InnoDB;

-- Uploaded files live under $KEHU_VAR/files/ (outside the web root) as
-- stored_name, a random name; file_name is what the customer called it.
CREATE TABLE complaint_attachments (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  complaint_id BIGINT UNSIGNED NOT NULL,
  file_name    VARCHAR(255)  NOT NULL,
  content_type VARCHAR(64)   NOT NULL,
  size         INT UNSIGNED  NOT NULL,
  stored_name  CHAR(64)      NOT NULL UNIQUE,
  uploaded_at  DATETIME      NOT NULL,
  KEY (complaint_id),
  FOREIGN KEY (complaint_id) REFERENCES complaints(id)
) ENGINE=InnoDB;

-- The public side's own throttle (besides nginx limit_req): submissions
-- and failed status lookups per client address in a sliding window.
CREATE TABLE public_attempts (
  id    BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind  ENUM('submit','lookup_fail') NOT NULL,
  ip    VARCHAR(45) NOT NULL,
  at    DATETIME    NOT NULL,
  KEY (kind, ip, at),
  KEY (at)
) ENGINE=InnoDB;
