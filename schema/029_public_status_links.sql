-- 029: the public status lookup can no longer be guessed (issue 13, finding 6).
--
-- Why: a tracking number is sequential (TSyyyymmdd-NNNN) and four phone
-- digits are 10,000 tries, throttled per address only; many addresses could
-- walk through every number of a day.
--
-- complaints.status_token_hash: SHA-256 of the customer's personal status
-- link (/complaint/status?t=..., 256 bits the server derives from the
-- form's random nonce with its secret key; the link itself is stored
-- nowhere). NULL for complaints registered before, which are looked up by
-- tracking number and full phone number.
ALTER TABLE complaints
  ADD COLUMN status_token_hash BINARY(32) NULL,
  ADD UNIQUE KEY status_token_hash (status_token_hash);

-- A failed lookup by tracking number also records the number it tried, so
-- failures on one number are counted from every address together.
ALTER TABLE public_attempts
  ADD COLUMN tracking_no VARCHAR(20) NULL,
  ADD KEY number_fails (kind, tracking_no, at);

-- File names stored before core/disposition.c cleaned them: the same
-- characters it drops (controls, bidi and invisible format characters).
UPDATE complaint_attachments
  SET file_name = REGEXP_REPLACE(file_name, '[\\x{00}-\\x{1F}\\x{7F}-\\x{9F}\\x{061C}\\x{200B}-\\x{200F}\\x{2028}-\\x{202E}\\x{2060}-\\x{206F}\\x{FEFF}\\x{FFF9}-\\x{FFFB}]', '')
  WHERE file_name REGEXP '[\\x{00}-\\x{1F}\\x{7F}-\\x{9F}\\x{061C}\\x{200B}-\\x{200F}\\x{2028}-\\x{202E}\\x{2060}-\\x{206F}\\x{FEFF}\\x{FFF9}-\\x{FFFB}]';
UPDATE support_attachments
  SET file_name = REGEXP_REPLACE(file_name, '[\\x{00}-\\x{1F}\\x{7F}-\\x{9F}\\x{061C}\\x{200B}-\\x{200F}\\x{2028}-\\x{202E}\\x{2060}-\\x{206F}\\x{FEFF}\\x{FFF9}-\\x{FFFB}]', '')
  WHERE file_name REGEXP '[\\x{00}-\\x{1F}\\x{7F}-\\x{9F}\\x{061C}\\x{200B}-\\x{200F}\\x{2028}-\\x{202E}\\x{2060}-\\x{206F}\\x{FEFF}\\x{FFF9}-\\x{FFFB}]';
UPDATE complaint_attachments SET file_name = 'file' WHERE file_name = '';
UPDATE support_attachments SET file_name = 'file' WHERE file_name = '';
