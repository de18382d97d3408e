-- 036: complaints from every channel (issue 15).
--
-- Staff register complaints that arrive by phone, the hotline (热线),
-- letter (来函), visit (来访) or email in the same register as the public
-- form's (客户意见表/投诉登记表), so the seven steps, the queue, the
-- figures and the customer's status lookup treat them alike.
--
-- source: the channel. 'web' is the public form; 'staff' stays for the
-- rows the demo data wrote before channels were named.
-- taken_by: the staff member who took the complaint (NULL: the public form).
-- expected: what the customer expects to be done (询问他们期待如何处理),
-- in the words of step 4's remedies; NULL when not said.
-- kind 'exchange' (换货): the 7-day rule covers a return or an exchange
-- (自购买日起 7 天之内，商家必须接受退货或换货的请求).
-- ENUM values are appended at the end, so existing rows keep theirs and
-- MariaDB changes only the definitions.
ALTER TABLE complaints
  MODIFY kind ENUM('complaint','return','suggestion','exchange') NOT NULL,
  MODIFY source ENUM('web','staff','phone','hotline','letter','visit','email')
    NOT NULL DEFAULT 'web',
  ADD COLUMN taken_by INT UNSIGNED NULL AFTER source,
  ADD COLUMN expected ENUM('replace','repair','refund','compensation','explanation','return')
    NULL AFTER return_in_window,
  ADD CONSTRAINT complaints_taken_by FOREIGN KEY (taken_by) REFERENCES users(id);

-- The monthly figures are kept per kind by the triggers of 010.
ALTER TABLE complaint_month_stats
  MODIFY kind ENUM('complaint','return','suggestion','exchange') NOT NULL;

-- Staff attach files at any step (photos of the product, a signed
-- agreement, a letter): who attached it and at which step. NULL for the
-- customer's own files from the public form.
ALTER TABLE complaint_attachments
  ADD COLUMN uploaded_by INT UNSIGNED NULL AFTER uploaded_at,
  ADD COLUMN step TINYINT UNSIGNED NULL AFTER uploaded_by,
  ADD CONSTRAINT complaint_attachments_by FOREIGN KEY (uploaded_by) REFERENCES users(id);
