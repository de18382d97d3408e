"""Sign-in, sign-out and the language change each leave an audit_log row."""
from lib import (HOST, Client, check, clear_login_attempts, csrf_of, page_csrf, sign_in,
                 sql, sql_str, sql_value, user_id)


def _rows_since(mark, uid):
    return sql("SELECT action, entity, entity_id, COALESCE(detail, ''), ip FROM audit_log"
               " WHERE id > %d AND user_id = %d ORDER BY id" % (mark, uid))


def _mark():
    return int(sql_value("SELECT COALESCE(MAX(id), 0) FROM audit_log"))


def test_login_and_logout_audited():
    name = "leader1"
    uid = user_id(name)
    mark = _mark()
    c = sign_in(name)
    rows = _rows_since(mark, uid)
    check([r[:3] for r in rows] == [["login", "user", str(uid)]],
          "after sign-in expected one login row, got %s" % rows)
    want_ip = "127.0.0.1" if HOST in ("127.0.0.1", "localhost") else HOST
    check(rows[0][4] == want_ip, "login row ip %r, expected %r" % (rows[0][4], want_ip))
    mark = _mark()
    r = c.post("/logout", {"_csrf": page_csrf(c)})
    check(r.status == 303, "logout status %d" % r.status)
    rows = _rows_since(mark, uid)
    check([r[:3] for r in rows] == [["logout", "user", str(uid)]],
          "after sign-out expected one logout row, got %s" % rows)


def test_failed_login_not_audited_as_login():
    name = "leader2"
    uid = user_id(name)
    mark = _mark()
    try:
        c = Client()
        r = c.post("/login", {"_csrf": csrf_of(c.get("/login").text), "username": name,
                              "password": "not-it"})
        check(r.status == 401, "wrong password status %d" % r.status)
        check(_rows_since(mark, uid) == [], "failed sign-in wrote a login audit row")
    finally:
        clear_login_attempts(name)


def test_language_change_audited():
    name = "staff09"
    uid = user_id(name)
    before = sql_value("SELECT lang FROM users WHERE username = %s" % sql_str(name))
    try:
        c = sign_in(name)
        mark = _mark()
        r = c.post("/account/lang", {"_csrf": page_csrf(c), "lang": "en", "back": "/"})
        check(r.status == 303, "lang change status %d" % r.status)
        rows = _rows_since(mark, uid)
        check(len(rows) == 1 and rows[0][:3] == ["update", "user", str(uid)],
              "expected one update row, got %s" % rows)
        check("en" in rows[0][3], "update row detail %r does not name the language" % rows[0][3])
    finally:
        sql("UPDATE users SET lang = %s WHERE username = %s" % (sql_str(before), sql_str(name)))
