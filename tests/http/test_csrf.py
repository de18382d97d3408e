"""Every POST needs the right _csrf; without it: 403, the 表单已过期 page,
and nothing changes."""
import random
import re

from lib import (MSG_CSRF, Client, check, check_in, check_not_in, check_status,
                 csrf_of, multipart, page_csrf, session_hash_sql, sign_in, sql,
                 sql_str, sql_value, user_id)

OTHER_TOKEN = "0123456789abcdef" * 4


def _forbidden(r, what):
    check_status(r, 403, what)
    check_in(MSG_CSRF, r.text, what + ": CSRF message")
    check_in('<p class="error-code">403</p>', r.text, what + ": error page")


def _audit_max():
    return int(sql_value("SELECT COALESCE(MAX(id), 0) FROM audit_log"))


def test_login_without_csrf():
    c = Client()
    c.get("/login")
    before = _audit_max()
    _forbidden(c.post("/login", {"username": "staff01", "password": "kehu2026"}), "no _csrf")
    _forbidden(c.post("/login", {"_csrf": "", "username": "staff01", "password": "kehu2026"}),
               "empty _csrf")
    _forbidden(c.post("/login", {"_csrf": OTHER_TOKEN, "username": "staff01",
                                 "password": "kehu2026"}), "wrong _csrf")
    check("kehu_session" not in c.cookies, "signed in without a valid _csrf")
    check(_audit_max() == before, "a rejected sign-in wrote to the audit log")


def test_login_token_without_cookie():
    # The token from the form is only good together with its cookie.
    c = Client()
    token = csrf_of(c.get("/login").text)
    fresh = Client()
    _forbidden(fresh.post("/login", {"_csrf": token, "username": "staff01",
                                     "password": "kehu2026"}), "token without cookie")
    # A forged cookie that matches a forged token is no better than none
    # only if it is not 64 hex; a short pair must be refused.
    fresh.cookies["kehu_csrf"] = "abc"
    _forbidden(fresh.post("/login", {"_csrf": "abc", "username": "staff01",
                                     "password": "kehu2026"}), "short token pair")
    check("kehu_session" not in fresh.cookies, "signed in with a borrowed token")


def test_logout_without_csrf_keeps_session():
    c = sign_in("staff07")
    where = session_hash_sql(c.cookies["kehu_session"])
    pre = Client()
    pre_token = csrf_of(pre.get("/login").text)
    for fields, what in (({}, "no _csrf"), ({"_csrf": OTHER_TOKEN}, "wrong _csrf"),
                         ({"_csrf": pre_token}, "someone's pre-session token")):
        _forbidden(c.post("/logout", fields), "logout " + what)
    check(sql_value("SELECT COUNT(*) FROM sessions WHERE token_hash = %s" % where) == "1",
          "session row gone after refused logouts")
    check_status(c.get("/"), 200, "still signed in")
    # And with the right token it works.
    check_status(c.post("/logout", {"_csrf": page_csrf(c)}), 303, "real logout")


def test_other_session_token_is_refused():
    a = sign_in("staff07")
    b = sign_in("staff08")
    _forbidden(a.post("/logout", {"_csrf": page_csrf(b)}), "logout with another user's token")
    check_status(a.get("/"), 200, "a still signed in")


def test_lang_without_csrf_changes_nothing():
    name = "staff08"
    c = sign_in(name)
    before_lang = sql_value("SELECT lang FROM users WHERE username = %s" % sql_str(name))
    other = "en" if before_lang != "en" else "zh-CN"
    before = _audit_max()
    try:
        _forbidden(c.post("/account/lang", {"lang": other, "back": "/"}), "lang without _csrf")
        _forbidden(c.post("/account/lang", {"lang": other, "back": "/", "_csrf": OTHER_TOKEN}),
                   "lang with a wrong _csrf")
        after = sql_value("SELECT lang FROM users WHERE username = %s" % sql_str(name))
        check(after == before_lang, "language changed to %s without a valid _csrf" % after)
        n = sql_value("SELECT COUNT(*) FROM audit_log WHERE id > %d AND user_id = %d"
                      % (before, user_id(name)))
        check(n == "0", "refused change wrote %s audit rows" % n)
        # Anonymous: no language cookie either.
        anon = Client()
        anon.get("/login")
        _forbidden(anon.post("/account/lang", {"lang": "en", "back": "/login"}), "anonymous lang")
        check("kehu_lang" not in anon.cookies, "anonymous refused change set kehu_lang")
    finally:
        sql("UPDATE users SET lang = %s WHERE username = %s" % (sql_str(before_lang), sql_str(name)))


def test_csrf_page_in_english_for_english_visitor():
    c = Client()
    token = csrf_of(c.get("/login").text)
    r = c.post("/account/lang", {"_csrf": token, "lang": "en", "back": "/login"})
    check_status(r, 303, "anonymous language change")
    value, attrs = r.set_cookies()["kehu_lang"]
    check(value == "en" and "httponly" in attrs and "samesite=lax" in attrs,
          "kehu_lang cookie: %r %s (no script reads it: HttpOnly)" % (value, attrs))
    r = c.post("/login", {"username": "staff01", "password": "kehu2026"})
    check_status(r, 403, "English visitor without _csrf")
    check_in('<html lang="en">', r.text, "403 page language")


def _executable_plan(c):
    """A plan in progress whose page shows staff01 the execution form."""
    for (pid,) in sql("SELECT id FROM support_plans WHERE status = 'in_progress' ORDER BY id"):
        r = c.get("/plans/%s" % pid)
        if r.status == 200 and 'id="exec-form"' in r.text:
            return "/plans/%s" % pid, r.text
    check(False, "staff01 sees no plan with an execution form")


def _multipart_post(c, path, fields, token_file=None):
    files = [] if token_file is None else [("_csrf", "_csrf", "application/octet-stream",
                                             token_file.encode())]
    body, ctype = multipart(fields, files)
    return c.post(path, body=body, headers={"Content-Type": ctype})


def test_multipart_forms_check_the_token():
    """The three upload forms (public complaint, import, plan execution)
    refuse a missing, wrong or file-borne token before doing anything, and
    take the right one. A scanner (wapiti) sends every field of a multipart
    form as a file part; the token then arrives as a file, never as the
    field a browser sends, and must be refused like a missing one."""
    staff = sign_in("staff01")
    public = Client(source="127.%d.%d.%d" % (random.randint(2, 254), random.randint(0, 255),
                                            random.randint(1, 254)))
    public_form = public.get("/complaint").text
    idem = re.search(r'name="idem" value="([0-9a-f]+)"', public_form)
    check(idem, "the complaint form carries no idempotency key")
    plan_path, plan_page = _executable_plan(staff)
    forms = [
        (public, "/complaint", csrf_of(public_form), {"kind": "complaint", "description": "",
                                                      "idem": idem.group(1)}),
        (staff, "/customers/import", page_csrf(staff, "/customers/import"), {"kind": "customers"}),
        (staff, plan_path + "/execute", csrf_of(plan_page), {"line_key": "", "done_on": ""}),
    ]
    for c, path, token, fields in forms:
        before = (_audit_max(), sql_value("SELECT COUNT(*) FROM complaints"),
                  sql_value("SELECT COUNT(*) FROM import_jobs"),
                  sql_value("SELECT COUNT(*) FROM support_executions"))
        _forbidden(_multipart_post(c, path, fields), path + ": no token")
        _forbidden(_multipart_post(c, path, dict(fields, _csrf="wapiti")), path + ": wrong token")
        _forbidden(_multipart_post(c, path, dict(fields, _csrf=OTHER_TOKEN)),
                   path + ": someone else's token")
        _forbidden(_multipart_post(c, path, fields, token_file=token),
                   path + ": the right token as a file part")
        after = (_audit_max(), sql_value("SELECT COUNT(*) FROM complaints"),
                 sql_value("SELECT COUNT(*) FROM import_jobs"),
                 sql_value("SELECT COUNT(*) FROM support_executions"))
        check(after == before, "%s: refused posts changed (audit, complaints, imports, "
              "executions) from %s to %s" % (path, before, after))
        # The right token as a field gets past the check: the empty form
        # is answered with its field errors, not the 403 page.
        r = _multipart_post(c, path, dict(fields, _csrf=token))
        check(r.status in (303, 422), "%s with the right token: %d" % (path, r.status))
        check_not_in(MSG_CSRF, r.text, path + " with the right token")
