"""Session lifetimes, checked in the database: idle (KEHU_SESSION_IDLE,
2 h) and absolute (KEHU_SESSION_MAX, 12 h). Sessions are aged by moving
their rows back in time relative to their own timestamps: the application
keeps DATETIMEs in its connection's time zone (+08:00), which need not be
the one of a root client, so NOW() here is not the application's NOW()."""
from lib import (MSG_EXPIRED, check, check_in, check_not_in, check_status,
                 local_path, page_csrf, session_hash_sql, sign_in, sql, sql_value)


def _age(client, assignment):
    where = session_hash_sql(client.cookies["kehu_session"])
    sql("UPDATE sessions SET %s WHERE token_hash = %s" % (assignment, where))
    return where


def _expect_expired(client, where, what):
    r = client.get("/customers")
    check_status(r, 303, what)
    check(local_path(r.location).startswith("/login"), "%s: went to %r" % (what, r.location))
    check("kehu_session" not in client.cookies, "%s: session cookie not cleared" % what)
    check(sql_value("SELECT COUNT(*) FROM sessions WHERE token_hash = %s" % where) == "0",
          "%s: expired session row not removed" % what)
    r = client.get(local_path(r.location))
    check_status(r, 200, what + ": login page")
    check_in(MSG_EXPIRED, r.text, what + ": expiry message")
    # The message is shown once.
    check_not_in(MSG_EXPIRED, client.get("/login").text, what + ": message shown again")


def test_idle_expiry():
    c = sign_in("staff01")
    where = _age(c, "last_seen_at = last_seen_at - INTERVAL 3 HOUR")
    _expect_expired(c, where, "idle 3 h")


def test_absolute_expiry():
    c = sign_in("staff01")
    where = _age(c, "created_at = created_at - INTERVAL 13 HOUR")
    check(sql_value("SELECT TIMESTAMPDIFF(MINUTE, created_at, last_seen_at) FROM sessions"
                    " WHERE token_hash = %s" % where) in ("780", "781"),
          "last_seen_at is not recent, the test would not isolate the absolute limit")
    _expect_expired(c, where, "created 13 h ago")


def test_within_limits_still_valid():
    c = sign_in("staff01")
    where = _age(c, "last_seen_at = last_seen_at - INTERVAL 100 MINUTE,"
                    " created_at = created_at - INTERVAL 11 HOUR")
    check_status(c.get("/customers"), 200, "idle 100 min, 11 h old")
    # The idle clock was refreshed by that request: last_seen_at is back at
    # about sign-in time, 11 h after the aged created_at.
    mins = int(sql_value("SELECT TIMESTAMPDIFF(MINUTE, created_at, last_seen_at) FROM sessions"
                         " WHERE token_hash = %s" % where))
    check(mins >= 659, "last_seen_at not refreshed (%d minutes after created_at)" % mins)
    check_status(c.get("/"), 200, "after refresh")


def test_expired_session_post_does_nothing():
    c = sign_in("staff01")
    csrf = page_csrf(c)
    where = _age(c, "last_seen_at = last_seen_at - INTERVAL 3 HOUR")
    r = c.post("/logout", {"_csrf": csrf})
    check(r.status in (303, 403), "POST with an expired session: %d" % r.status)
    if r.status == 303:
        check(local_path(r.location).startswith("/login"), "went to %r" % r.location)
    check(sql_value("SELECT COUNT(*) FROM sessions WHERE token_hash = %s" % where) == "0",
          "expired session row still there")
