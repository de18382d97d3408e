-- 012: dealer-support plans (辅导客户 / 支援经销商).
--
-- The catalogue is the source texts' Table 2-5 (表2-5 支援经销商的内容),
-- verbatim: five categories and their measures. Measures are retired,
-- never deleted, once a plan uses them (the foreign keys refuse it).
--
-- A plan is one dealer's year. What it says (goals and measures) lives in
-- revisions: revision 1 is the first draft; once approved a revision is
-- locked, and a change is a new revision (a copy of the approved one) with
-- its own approval, while the approved one stays in force. Execution is
-- recorded against a measure's line_key, which a measure keeps from one
-- revision to the next, so what was done survives a revision.

CREATE TABLE support_categories (
  id       TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  code     VARCHAR(16)  NOT NULL UNIQUE,
  name_zh  VARCHAR(64)  NOT NULL,
  name_en  VARCHAR(96)  NOT NULL,
  sort     TINYINT      NOT NULL
) ENGINE=InnoDB;

INSERT INTO support_categories (id, code, name_zh, name_en, sort) VALUES
  (1, 'management', '与经营管理相关的支援', 'Management support', 1),
  (2, 'sales', '与销售活动相关的支援', 'Sales-activity support', 2),
  (3, 'advertising', '与广告、公关有关的支援', 'Advertising and PR support', 3),
  (4, 'display', '指导店铺改善装潢和商品陈列', 'Shop decoration and display', 4),
  (5, 'promotion', '拟定并推动与促销活动有关的节目', 'Promotions', 5);

-- develops_people: the measure trains people (the source texts ask for
-- attention to people, not only money).
CREATE TABLE support_measures (
  id          SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  category_id TINYINT UNSIGNED NOT NULL,
  code        VARCHAR(16)  NOT NULL UNIQUE,      -- e.g. 1.3
  name_zh     VARCHAR(255) NOT NULL,
  name_en     VARCHAR(255) NOT NULL,
  develops_people TINYINT(1) NOT NULL DEFAULT 0,
  retired     TINYINT(1)   NOT NULL DEFAULT 0,
  sort        SMALLINT     NOT NULL DEFAULT 0,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  KEY (category_id, sort),
  FOREIGN KEY (category_id) REFERENCES support_categories(id)
) ENGINE=InnoDB;

INSERT INTO support_measures (category_id, code, name_zh, name_en, develops_people, sort) VALUES
  (1, '1.1', '有关拟定收益目标、销售目标或经营计划的指导', 'Guidance on profit targets, sales targets and business plans', 0, 1),
  (1, '1.2', '对变更经营方针提供意见与指引', 'Advice and guidance on changes of business policy', 0, 2),
  (1, '1.3', '对经营者、管理者进行进修教育', 'Further education for owners and managers', 1, 3),
  (1, '1.4', '指导预算制度的编订与运用', 'Guidance on setting up and using a budgeting system', 0, 4),
  (1, '1.5', '指导资金周转表的编订与运用', 'Guidance on drawing up and using a cash-flow plan', 0, 5),
  (1, '1.6', '指导确立内部组织结构', 'Guidance on establishing the internal organisation', 0, 6),
  (2, '2.1', '灌输商品知识与销售教育', 'Product knowledge and sales education', 1, 1),
  (2, '2.2', '提供行业动向、厂商动向等有关信息', 'Information on industry and manufacturer trends', 0, 2),
  (2, '2.3', '举办店员、业务员业务训练', 'Training for shop staff and sales representatives', 1, 3),
  (2, '2.4', '指导改善商品管理方法', 'Guidance on improving stock management', 0, 4),
  (2, '2.5', '支援开发新客户的宣传', 'Publicity support for developing new customers', 0, 5),
  (2, '2.6', '协助改善顾客管理', 'Help in improving customer management', 0, 6),
  (3, '3.1', '支援制作广告宣传单或DM', 'Support in producing flyers or direct mail', 0, 1),
  (3, '3.2', '支援海报、广告板的制作和配发', 'Support in producing and distributing posters and billboards', 0, 2),
  (3, '3.3', '支援客户举办的文娱活动', 'Support for the dealer''s cultural and entertainment events', 0, 3),
  (3, '3.4', '在电视、新闻广告上经常提及客户', 'Mentioning the dealer often in TV and press advertising', 0, 4),
  (3, '3.5', '允许客户使用商业影片、广告片、广告信息', 'Letting the dealer use our commercials, ad films and ad material', 0, 5),
  (3, '3.6', '支持、协助召开消费者座谈会或其他会议', 'Supporting consumer forums and other meetings', 0, 6),
  (3, '3.7', '分担客户的广告费', 'Sharing the dealer''s advertising costs', 0, 7),
  (4, '4.1', '支援制作店铺的招牌、标示牌', 'Support in making shop signboards and signs', 0, 1),
  (4, '4.2', '支援开设展示窗、陈列室', 'Support in opening show windows and showrooms', 0, 2),
  (4, '4.3', '对店内商品展示、陈列技术作实际指导,协助制作POP广告、展示卡、活动广告等用具', 'Hands-on guidance on display technique; help with POP material, display cards and event signage', 1, 3),
  (4, '4.4', '协助提供展示台、陈列台、各种台架', 'Help in providing display stands, counters and racks', 0, 4),
  (4, '4.5', '协助提供或选择各种陈列器具', 'Help in providing or choosing display fixtures', 0, 5),
  (4, '4.6', '协助制作各种旗子、吊牌或展挂字幕', 'Help in making flags, hanging signs and banners', 0, 6),
  (4, '4.7', '对店内装潢布置、商品排列提供技术指导', 'Technical guidance on interior layout and merchandise arrangement', 0, 7),
  (5, '5.1', '传达厂家宣传活动计划并邀请其参加', 'Passing on our campaign plans and inviting the dealer to join', 0, 1),
  (5, '5.2', '支援客户的企划宣传活动', 'Supporting the dealer''s own campaigns', 0, 2),
  (5, '5.3', '支援举办厂家对社会、客户的“新产品展示会”和客户对消费者的“产品展示会”', 'Supporting our new-product shows and the dealer''s product shows for consumers', 0, 3),
  (5, '5.4', '举办品尝活动、试用宣传活动', 'Tastings and trial campaigns', 0, 4),
  (5, '5.5', '协助地毯式销售活动的筹划及推动', 'Help in planning and running door-to-door selling drives', 0, 5),
  (5, '5.6', '邀请其参加厂家举办的销售竞赛活动', 'Inviting the dealer to our sales contests', 0, 6),
  (5, '5.7', '协助各种销售活动', 'Help with other sales activities', 0, 7);

-- One plan per dealer per year. status follows the workflow:
-- draft -> submitted -> approved | returned (-> draft again) -> in_progress
-- -> closed. approved_rev_id: the revision in force (NULL until the first
-- approval); open_rev_id: a revision being drafted, submitted or returned
-- (NULL when none). version: optimistic locking of the plan row.
CREATE TABLE support_plans (
  id              INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id     INT UNSIGNED NOT NULL,
  year            SMALLINT UNSIGNED NOT NULL,
  status          ENUM('draft','submitted','approved','returned','in_progress','closed')
                  NOT NULL DEFAULT 'draft',
  approved_rev_id INT UNSIGNED NULL,
  open_rev_id     INT UNSIGNED NULL,
  copied_from     INT UNSIGNED NULL,      -- last year's plan it was copied from
  created_by      INT UNSIGNED NOT NULL,
  created_at      DATETIME     NOT NULL,
  updated_at      DATETIME     NOT NULL,
  closed_at       DATETIME     NULL,
  version         INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY customer_year (customer_id, year),
  KEY year_status (year, status),
  FOREIGN KEY (customer_id) REFERENCES customers(id),
  FOREIGN KEY (copied_from) REFERENCES support_plans(id),
  FOREIGN KEY (created_by)  REFERENCES users(id)
) ENGINE=InnoDB;

-- What a plan says at one revision: goals, and (support_plan_items) the
-- measures. A leader decides a submitted revision, never one they
-- submitted themselves.
CREATE TABLE support_plan_revisions (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  plan_id       INT UNSIGNED NOT NULL,
  rev           SMALLINT UNSIGNED NOT NULL,
  status        ENUM('draft','submitted','approved','returned','superseded') NOT NULL DEFAULT 'draft',
  sales_target  DECIMAL(14,2) NOT NULL DEFAULT 0,   -- yuan, the year's sales goal
  growth_target DECIMAL(6,2)  NOT NULL DEFAULT 0,   -- per cent over last year
  focus         TEXT          NULL,
  change_note   TEXT          NULL,                 -- why this revision (rev > 1)
  created_by    INT UNSIGNED  NOT NULL,
  created_at    DATETIME      NOT NULL,
  submitted_by  INT UNSIGNED  NULL,
  submitted_at  DATETIME      NULL,
  decided_by    INT UNSIGNED  NULL,
  decided_at    DATETIME      NULL,
  decision_comment TEXT       NULL,
  UNIQUE KEY plan_rev (plan_id, rev),
  KEY (status, submitted_at),
  FOREIGN KEY (plan_id)      REFERENCES support_plans(id),
  FOREIGN KEY (created_by)   REFERENCES users(id),
  FOREIGN KEY (submitted_by) REFERENCES users(id),
  FOREIGN KEY (decided_by)   REFERENCES users(id)
) ENGINE=InnoDB;

ALTER TABLE support_plans
  ADD FOREIGN KEY (approved_rev_id) REFERENCES support_plan_revisions(id),
  ADD FOREIGN KEY (open_rev_id)     REFERENCES support_plan_revisions(id);

-- A measure of a revision: from the catalogue (measure_id) or custom
-- (custom_name; category_id still says which of the five it belongs to).
-- months: the planned months as bits (1 << (month - 1)).
-- line_key: the same measure across revisions (a copy keeps it; a new
-- measure gets a new one), what execution is recorded against.
CREATE TABLE support_plan_items (
  id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  revision_id    INT UNSIGNED NOT NULL,
  line_key       INT UNSIGNED NOT NULL,
  category_id    TINYINT UNSIGNED NOT NULL,
  measure_id     SMALLINT UNSIGNED NULL,
  custom_name    VARCHAR(255) NULL,
  description    TEXT          NULL,
  budget         DECIMAL(12,2) NOT NULL DEFAULT 0,
  months         SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  owner_id       INT UNSIGNED  NULL,
  expected_effect TEXT         NULL,
  sort           SMALLINT      NOT NULL DEFAULT 0,
  UNIQUE KEY rev_line (revision_id, line_key),
  KEY (measure_id),
  FOREIGN KEY (revision_id) REFERENCES support_plan_revisions(id),
  FOREIGN KEY (category_id) REFERENCES support_categories(id),
  FOREIGN KEY (measure_id)  REFERENCES support_measures(id),
  FOREIGN KEY (owner_id)    REFERENCES users(id)
) ENGINE=InnoDB;

-- line_key values, one counter for all plans.
CREATE TABLE support_line_seq (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY
) ENGINE=InnoDB;

-- What was done for a measure: when, what, the actual cost, the result
-- (text and a 1-5 rating).
CREATE TABLE support_executions (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  plan_id      INT UNSIGNED  NOT NULL,
  line_key     INT UNSIGNED  NOT NULL,
  done_on      DATE          NOT NULL,
  what_done    TEXT          NOT NULL,
  actual_cost  DECIMAL(12,2) NOT NULL DEFAULT 0,
  result       TEXT          NULL,
  rating       TINYINT UNSIGNED NULL,
  recorded_by  INT UNSIGNED  NOT NULL,
  recorded_at  DATETIME      NOT NULL,
  KEY plan_line (plan_id, line_key),
  KEY (done_on),
  FOREIGN KEY (plan_id)     REFERENCES support_plans(id),
  FOREIGN KEY (recorded_by) REFERENCES users(id)
) ENGINE=InnoDB;

-- Optional files of an execution record, stored like complaint
-- attachments: $KEHU_VAR/files/<stored_name>, outside the web root.
CREATE TABLE support_attachments (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  execution_id INT UNSIGNED NOT NULL,
  file_name    VARCHAR(255) NOT NULL,
  content_type VARCHAR(64)  NOT NULL,
  size         INT UNSIGNED NOT NULL,
  stored_name  CHAR(64)     NOT NULL UNIQUE,
  uploaded_at  DATETIME     NOT NULL,
  KEY (execution_id),
  FOREIGN KEY (execution_id) REFERENCES support_executions(id)
) ENGINE=InnoDB;
