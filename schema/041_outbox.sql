-- 041: notifications (issue 15). An outbox of messages to send.
--
-- The data-access layer (cgi-bin/db/outbox.c) inserts a row in the same
-- transaction as the change that causes it (a complaint registered, a
-- step recorded, a message to the customer, the morning digest), so the
-- message exists exactly when the change does; the request never talks to
-- a mail server. The sender (tools/kehu-notify.c) claims due rows, sends
-- them and records the outcome:
--   queued   waiting; next_attempt_at is when it may be tried (a claim
--            moves it ahead, so a sender that dies mid-send gives the row
--            back after the claim runs out)
--   sent     delivered to the SMTP server or the SMS hook (sent_at)
--   failed   given up after the last retry (last_error says why); the
--            admin page may queue it again
-- Bodies are rendered when the row is written (templates/mail/, in the
-- recipient's language), so the message says what was true at the change.
CREATE TABLE outbox (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  channel         ENUM('email','sms') NOT NULL,
  recipient       VARCHAR(128) NOT NULL,
  subject         VARCHAR(255) NOT NULL DEFAULT '',
  body            TEXT NOT NULL,
  lang            ENUM('zh-CN','en') NOT NULL DEFAULT 'zh-CN',
  kind            ENUM('registered','message','step','resolved','digest') NOT NULL,
  state           ENUM('queued','sent','failed') NOT NULL DEFAULT 'queued',
  attempts        SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  next_attempt_at DATETIME NOT NULL,
  last_error      VARCHAR(255) NULL,
  created_at      DATETIME NOT NULL,
  sent_at         DATETIME NULL,
  -- The source: the complaint it is about, or the staff user a digest is for.
  complaint_id    BIGINT UNSIGNED NULL,
  user_id         INT UNSIGNED NULL,
  -- One digest per user and day however often the sender looks
  -- ('digest:YYYY-MM-DD:user'); NULL for everything else.
  once_key        VARCHAR(48) NULL,
  UNIQUE KEY once_key (once_key),
  KEY due (state, next_attempt_at),
  KEY complaint (complaint_id),
  KEY user (user_id)
  -- No foreign keys: a sent message stays a record of what was said even
  -- when its complaint is later removed (test data, a merge); the page
  -- shows the source as far as it still exists.
) ENGINE=InnoDB;

-- The customer's language: the public form's page language, the mails'
-- language. Staff intake registers the default (Chinese).
ALTER TABLE complaints
  ADD COLUMN lang ENUM('zh-CN','en') NOT NULL DEFAULT 'zh-CN' AFTER email;
