"""Issue 15, my account (/account): change my password (the current one
required; at least 10 characters, not my user name, not in
conf/common-passwords.txt, whatever the case), sign out of my other
sessions, my language; CSRF; audited."""
import os

from lib import (Client, check, check_in, check_status, csrf_of, local_path, sql, sql_value)

START = "Start-password-4821"


def _user():
    """A fresh staff account with a known password (made directly: this
    file tests the account pages, test_admin_users the admin's)."""
    name = "acct_" + os.urandom(4).hex()
    sql("INSERT INTO users (username, display_name, role, password_hash)"
        " SELECT '%s', '账号测试', 'staff', password_hash FROM users WHERE username = 'staff01'"
        % name)
    return name


def _signed_in(name, password):
    c = Client()
    form = c.get("/login")
    r = c.post("/login", {"_csrf": csrf_of(form.text), "username": name, "password": password})
    check_status(r, 303, "sign in as %s" % name)
    return c


def test_change_password_rules():
    from lib import PASSWORD
    name = _user()
    c = _signed_in(name, PASSWORD)
    page = c.get("/account/password")
    check_status(page, 200, "change form")
    token = csrf_of(page.text)
    good = "Quiet-lantern-2718"
    cases = (
        ({"current_password": "wrong-one-123"}, "current_password"),
        ({"current_password": ""}, "current_password"),
        ({"new_password": "short1"}, "new_password"),
        ({"new_password": name, "new_password2": name}, "new_password"),
        ({"new_password": name.upper(), "new_password2": name.upper()}, "new_password"),
        ({"new_password": "WoAiNi1314", "new_password2": "WoAiNi1314"}, "new_password"),
        ({"new_password": "qwertyuiop", "new_password2": "qwertyuiop"}, "new_password"),
        ({"new_password2": "Quiet-lantern-0000"}, "new_password2"),
        ({"new_password2": ""}, "new_password2"),
    )
    hash_before = sql_value("SELECT password_hash FROM users WHERE username = '%s'" % name)
    for change, field in cases:
        fields = {"_csrf": token, "current_password": PASSWORD, "new_password": good,
                  "new_password2": good}
        fields.update(change)
        r = c.post("/account/password", fields)
        check_status(r, 422, "%s" % change)
        check_in('id="err-%s"' % field, r.text, "message at %s for %s" % (field, change))
        check(good not in r.text and PASSWORD not in r.text, "typed passwords never come back")
    check(sql_value("SELECT password_hash FROM users WHERE username = '%s'" % name) == hash_before,
          "nothing changed")
    r = c.post("/account/password", {"current_password": PASSWORD, "new_password": good,
                                      "new_password2": good})
    check_status(r, 403, "no CSRF token")
    audit = int(sql_value("SELECT COALESCE(MAX(id), 0) FROM audit_log"))
    r = c.post("/account/password", {"_csrf": token, "current_password": PASSWORD,
                                     "new_password": good, "new_password2": good})
    check_status(r, 303, "changed")
    check(local_path(r.location) == "/account", "back to my account")
    check_in("新密码已保存", c.get("/account").text, "flash")
    check(sql_value("SELECT action FROM audit_log WHERE id > %d AND entity = 'user'" % audit)
          == "change_password", "audited")
    _signed_in(name, good)


def test_sign_out_other_sessions():
    from lib import PASSWORD
    name = _user()
    here = _signed_in(name, PASSWORD)
    there = _signed_in(name, PASSWORD)
    check_status(there.get("/"), 200, "the other session works")
    page = here.get("/account")
    check_status(page, 200, "my account")
    check_in('id="sessions-form"', page.text, "the sessions form")
    r = here.post("/account/sessions", {})
    check_status(r, 403, "no CSRF token")
    r = here.post("/account/sessions", {"_csrf": csrf_of(page.text)})
    check_status(r, 303, "others signed out")
    check_in("其他会话已全部退出", here.get("/account").text, "flash")
    r = there.get("/")
    check(r.status == 303 and local_path(r.location).startswith("/login"), "the other one ended")
    check_status(here.get("/"), 200, "this one stays")
    uid = sql_value("SELECT id FROM users WHERE username = '%s'" % name)
    check(sql_value("SELECT COUNT(*) FROM sessions WHERE user_id = %s" % uid) == "1", "one left")


def test_language_from_my_account():
    from lib import PASSWORD
    name = _user()
    c = _signed_in(name, PASSWORD)
    page = c.get("/account")
    r = c.post("/account/lang", {"_csrf": csrf_of(page.text), "lang": "en", "back": "/account"})
    check_status(r, 303, "language saved")
    check_in("My account", c.get("/account").text, "the page in English")
    check(sql_value("SELECT lang FROM users WHERE username = '%s'" % name) == "en", "stored")


def test_account_needs_sign_in():
    r = Client().get("/account")
    check(r.status == 303 and local_path(r.location).startswith("/login"), "signed out: login")
