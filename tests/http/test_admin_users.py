"""Issue 15, users (/admin/users): an admin creates an account, which gets
a one-time password shown once and must set its own at the first sign-in
(nothing else is reachable until then); the form's field errors; an edit
with a stale version is a conflict; a disabled account's sessions end at
once and it cannot sign in; a reset ends sessions and forces a change;
CSRF; other roles refused; every change audited."""
import os
import re

from lib import (MSG_CSRF, Client, check, check_in, check_status, csrf_of, local_path,
                 sign_in, sql, sql_value, unescape)

NEW_PASSWORD = "Bamboo-river-7391"


def _tag():
    return os.urandom(4).hex()


def _one_time(html):
    m = re.search(r'id="one-time-password">([^<]+)<', html)
    check(m, "no one-time password on the page")
    return unescape(m.group(1))


def _max_audit():
    return int(sql_value("SELECT COALESCE(MAX(id), 0) FROM audit_log"))


def _create(admin, username, extra=None, **more):
    page = admin.get("/admin/users/new")
    check_status(page, 200, "new user form")
    fields = {"_csrf": csrf_of(page.text), "username": username, "display_name": "测试 " + username,
              "role": "staff"}
    fields.update(extra or {})
    fields.update(more)
    return admin.post("/admin/users", fields)


def _new_user(admin):
    """(name, id, one-time password, that user's signed-in client)."""
    name = "t_" + _tag()
    password = _one_time(_create(admin, name).text)
    uid = sql_value("SELECT id FROM users WHERE username = '%s'" % name)
    user, r = _sign_in_with(name, password)
    check_status(r, 303, "the new user signs in")
    return name, uid, password, user


def _sign_in_with(username, password):
    c = Client()
    form = c.get("/login")
    r = c.post("/login", {"_csrf": csrf_of(form.text), "username": username,
                          "password": password})
    return c, r


def test_created_user_must_change_password_first():
    admin = sign_in("admin")
    name = "t_" + _tag()
    audit = _max_audit()
    r = _create(admin, name, email="t@example.com", phone="13812345678")
    check_status(r, 200, "create answers with the one-time password")
    password = _one_time(r.text)
    check(len(password) == 12, "a 12-character one-time password: %r" % password)
    row = sql("SELECT must_change_password, active, role, password_hash FROM users"
              " WHERE username = '%s'" % name)[0]
    check(row[:3] == ["1", "1", "staff"], "stored: %s" % row[:3])
    check(row[3].startswith("$argon2id$") and password not in row[3], "argon2id hash only")
    rows = sql("SELECT action, entity, detail FROM audit_log WHERE id > %d AND entity = 'user'"
               % audit)
    check(any(a == "create" and name in d for a, _, d in rows), "audited: %s" % rows)
    # The list names the new account.
    check_in('data-user="%s"' % name, admin.get("/admin/users").text, "listed")

    user, r = _sign_in_with(name, password)
    check_status(r, 303, "signs in with the one-time password")
    for path in ("/", "/customers", "/account", "/complaints"):
        r = user.get(path)
        check_status(r, 303, "%s before the change" % path)
        check(local_path(r.location) == "/account/password", "%s sends to the change page: %s"
              % (path, r.location))
    page = user.get("/account/password")
    check_status(page, 200, "change page")
    check_in('id="must-change"', page.text, "the page says why")
    check('class="mainnav"' not in page.text or "/customers" not in page.text,
          "no navigation while the change is due")
    # A POST elsewhere is refused, not carried out.
    r = user.post("/account/sessions", {"_csrf": csrf_of(page.text)})
    check_status(r, 403, "other POSTs refused until the change")
    r = user.post("/account/password", {"_csrf": csrf_of(page.text), "current_password": password,
                                        "new_password": NEW_PASSWORD,
                                        "new_password2": NEW_PASSWORD})
    check_status(r, 303, "password changed")
    check(local_path(r.location) == "/", "then home: %s" % r.location)
    check_status(user.get("/"), 200, "home reachable after the change")
    check(sql_value("SELECT must_change_password FROM users WHERE username = '%s'" % name) == "0",
          "the mark is cleared")
    _, r = _sign_in_with(name, password)
    check_status(r, 401, "the one-time password no longer works")
    _, r = _sign_in_with(name, NEW_PASSWORD)
    check_status(r, 303, "the new one does")


def test_create_field_errors():
    admin = sign_in("admin")
    cases = (
        ({"username": "Bad Name!"}, "username"),
        ({"username": ""}, "username"),
        ({"display_name": ""}, "display_name"),
        ({"role": "root"}, "role"),
        ({"role": ""}, "role"),
        ({"email": "not-an-email"}, "email"),
        ({"phone": "abc"}, "phone"),
        ({"role": "regional_manager"}, "regions"),
        ({"username": "admin"}, "username"),
    )
    before = sql_value("SELECT COUNT(*) FROM users")
    for change, field in cases:
        r = _create(admin, "t_" + _tag(), change)
        check_status(r, 422, "bad %s: %s" % (field, change))
        check_in('id="err-%s"' % field, r.text, "message at %s for %s" % (field, change))
        check_in('id="form-errors"', r.text, "banner for %s" % change)
    check(sql_value("SELECT COUNT(*) FROM users") == before, "nothing created")
    # A regional manager with a region is fine and gets exactly it.
    region = sql_value("SELECT id FROM regions WHERE code = 'huabei'")
    name = "t_" + _tag()
    r = _create(admin, name, role="regional_manager", **{"region_" + region: "1"})
    check_status(r, 200, "regional manager with a region")
    check(sql_value("SELECT region_list FROM users WHERE username = '%s'" % name) == region,
          "the manager's regions")


def test_create_needs_csrf_and_admin():
    admin = sign_in("admin")
    name = "t_" + _tag()
    r = admin.post("/admin/users", {"username": name, "display_name": "x", "role": "staff"})
    check_status(r, 403, "no CSRF token")
    check_in(MSG_CSRF, r.text, "CSRF message")
    for who in ("leader1", "staff01", "rm_huadong"):
        c = sign_in(who)
        check_status(c.get("/admin/users"), 403, "%s lists users" % who)
        token = csrf_of(c.get("/").text)
        r = c.post("/admin/users", {"_csrf": token, "username": name, "display_name": "x",
                                    "role": "admin"})
        check_status(r, 403, "%s creates a user" % who)
        r = c.post("/admin/users/1/password", {"_csrf": token})
        check_status(r, 403, "%s resets a password" % who)
    check(sql_value("SELECT COUNT(*) FROM users WHERE username = '%s'" % name) == "0",
          "nothing created")
    check('href="/admin"' in admin.get("/").text, "admins get the 管理 entry")
    check('href="/admin"' not in sign_in("staff01").get("/").text, "staff do not")


def _edit_fields(admin, uid):
    page = admin.get("/admin/users/%s" % uid)
    check_status(page, 200, "edit form")
    version = re.search(r'name="version" value="(\d+)"', page.text).group(1)
    return page, {"_csrf": csrf_of(page.text), "version": version, "display_name": "改名 测试",
                  "role": "staff", "active": "1"}


def test_edit_conflict_and_disable():
    admin = sign_in("admin")
    name, uid, password, user = _new_user(admin)
    page, fields = _edit_fields(admin, uid)
    check_in('value="测试 %s"' % name, page.text, "form filled from the row")
    r = admin.post("/admin/users/%s" % uid, dict(fields, display_name="   "))
    check_status(r, 422, "empty name")
    check_in('id="err-display_name"', r.text, "message at the name")
    r = admin.post("/admin/users/%s" % uid, fields)
    check_status(r, 303, "saved")
    check(sql_value("SELECT display_name FROM users WHERE id = %s" % uid) == "改名 测试", "renamed")
    # The same (now stale) version again: a conflict, nothing written.
    r = admin.post("/admin/users/%s" % uid, dict(fields, display_name="第二个"))
    check_status(r, 409, "stale version")
    check_in('id="conflict"', r.text, "conflict notice")
    check_in("改名 测试", r.text, "what is stored now is shown")
    check_in('value="第二个"', r.text, "what was typed is kept")
    check(sql_value("SELECT display_name FROM users WHERE id = %s" % uid) == "改名 测试",
          "the stale save wrote nothing")
    # Disable: the user's session ends at once, and they cannot sign in.
    check(int(sql_value("SELECT COUNT(*) FROM sessions WHERE user_id = %s" % uid)) > 0,
          "the user has a session")
    audit = _max_audit()
    _, fields = _edit_fields(admin, uid)
    del fields["active"]
    r = admin.post("/admin/users/%s" % uid, fields)
    check_status(r, 303, "disabled")
    check(sql_value("SELECT active FROM users WHERE id = %s" % uid) == "0", "inactive")
    check(sql_value("SELECT COUNT(*) FROM sessions WHERE user_id = %s" % uid) == "0",
          "their sessions are gone")
    r = user.get("/customers")
    check(r.status == 303 and local_path(r.location).startswith("/login"),
          "their open browser is signed out: %s %s" % (r.status, r.location))
    _, r = _sign_in_with(name, password)
    check_status(r, 401, "a disabled user cannot sign in")
    check(sql_value("SELECT action FROM audit_log WHERE id > %d AND entity = 'user'"
                    " AND entity_id = %s" % (audit, uid)) == "disable", "disable audited")
    check_in('data-user="%s" class="retired"' % name, admin.get("/admin/users").text,
             "still listed, as disabled")


def test_admin_cannot_lock_themself_out():
    admin = sign_in("admin")
    uid = sql_value("SELECT id FROM users WHERE username = 'admin'")
    _, fields = _edit_fields(admin, uid)
    fields["display_name"] = sql_value("SELECT display_name FROM users WHERE id = %s" % uid)
    fields["role"] = "admin"
    del fields["active"]
    r = admin.post("/admin/users/%s" % uid, fields)
    check_status(r, 422, "disable oneself")
    check_in('id="err-active"', r.text, "message at active")
    r = admin.post("/admin/users/%s" % uid, dict(fields, active="1", role="staff"))
    check_status(r, 422, "demote oneself")
    check_in('id="err-role"', r.text, "message at role")
    check(sql("SELECT role, active FROM users WHERE id = %s" % uid)[0] == ["admin", "1"],
          "unchanged")


def test_reset_password():
    admin = sign_in("admin")
    name, uid, first, user = _new_user(admin)
    user.post("/account/password", {"_csrf": csrf_of(user.get("/account/password").text),
                                     "current_password": first, "new_password": NEW_PASSWORD,
                                     "new_password2": NEW_PASSWORD})
    check_status(user.get("/"), 200, "the user works normally")
    page = admin.get("/admin/users/%s" % uid)
    r = admin.post("/admin/users/%s/password" % uid, {})
    check_status(r, 403, "reset without CSRF")
    r = admin.post("/admin/users/%s/password" % uid, {"_csrf": csrf_of(page.text)})
    check_status(r, 200, "reset")
    second = _one_time(r.text)
    check(second != first, "a new one-time password")
    check(sql_value("SELECT must_change_password FROM users WHERE id = %s" % uid) == "1",
          "must change again")
    check(sql_value("SELECT COUNT(*) FROM sessions WHERE user_id = %s" % uid) == "0",
          "sessions ended")
    r = user.get("/")
    check(r.status == 303 and local_path(r.location).startswith("/login"), "signed out")
    _, r = _sign_in_with(name, NEW_PASSWORD)
    check_status(r, 401, "the old password is gone")
    user, r = _sign_in_with(name, second)
    check_status(r, 303, "the one-time password works")
    check(local_path(user.get("/").location) == "/account/password", "and forces a change")
    r = admin.post("/admin/users/999999999/password", {"_csrf": csrf_of(page.text)})
    check_status(r, 404, "no such user")
