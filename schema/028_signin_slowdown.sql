-- 028: sign-in throttling by slowing (name, address) pairs instead of
-- locking names and addresses out (issue 13, finding 5), and the "last
-- sign-in" notice.
--
-- Why: five wrong passwords locked the right one out for 15 minutes, and 30
-- failures locked a whole office behind one address. The program now reads
-- a pair's recent attempts (newest first, a few rows) to compute its wait:
-- by_pair serves that. The notice shows the user's previous sign-in and
-- the failures on their name since then, found by attempt id (ids grow with
-- time; a DATETIME second cannot order a failure and a success within it):
-- by_name_result serves both. sessions.signin_attempt_id is the attempt
-- that started the session, so "previous" means before this session.

ALTER TABLE login_attempts
  ADD KEY by_pair (username, ip, attempted_at),
  ADD KEY by_name_result (username, ok, id);

ALTER TABLE sessions
  ADD COLUMN signin_attempt_id BIGINT UNSIGNED NULL;
