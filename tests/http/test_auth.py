"""Sign-in, sign-out, the login form and the redirects around them."""
import re
import urllib.parse

from lib import (HEX64, local_path, MSG_LOGIN_FAILED, Client, check,
                 check_in, check_not_in, check_status, clear_login_attempts,
                 csrf_of, page_csrf, unescape, session_hash_sql, sign_in, sql_str,
                 sql_value, user_id)


def _hidden(text, name):
    m = re.search(r'<input type="hidden" name="%s" value="([^"]*)"' % name, text)
    check(m, "no hidden field %s in the form" % name)
    return unescape(m.group(1))


def test_login_form():
    c = Client()
    r = c.get("/login")
    check_status(r, 200)
    check_in('name="username"', r.text, "username field")
    check_in('name="password"', r.text, "password field")
    check_in('type="password"', r.text, "password input type")
    token = csrf_of(r.text)
    check(HEX64.match(token), "form _csrf is not 64 hex: %r" % token)
    _hidden(r.text, "next")
    cookies = r.set_cookies()
    check("kehu_csrf" in cookies, "GET /login set no kehu_csrf cookie")
    value, attrs = cookies["kehu_csrf"]
    check(HEX64.match(value), "kehu_csrf is not 64 hex: %r" % value)
    check(value == token, "form _csrf %s differs from the kehu_csrf cookie %s" % (token, value))
    check("path=/" in attrs, "kehu_csrf without Path=/: %s" % attrs)
    # A second visit with the cookie keeps the same token.
    r2 = c.get("/login")
    check(csrf_of(r2.text) == token, "pre-session token changed between visits")


def test_login_success_sets_session_cookie():
    c = Client()
    form = c.get("/login")
    pre = c.cookies.get("kehu_csrf")
    r = c.post("/login", {"_csrf": csrf_of(form.text), "username": "staff01",
                          "password": "kehu2026", "next": ""})
    check_status(r, 303)
    check(local_path(r.location) == "/", "after sign-in expected Location /, got %r" % r.location)
    cookies = r.set_cookies()
    check("kehu_session" in cookies, "no kehu_session cookie set")
    value, attrs = cookies["kehu_session"]
    check(HEX64.match(value), "kehu_session is not 64 hex: %r" % value)
    check("httponly" in attrs, "kehu_session not HttpOnly: %s" % attrs)
    check("samesite=lax" in attrs, "kehu_session not SameSite=Lax: %s" % attrs)
    check(re.search(r"(^|;)\s*path=/\s*(;|$)", attrs), "kehu_session Path is not /: %s" % attrs)
    # The session exists in the database, for this user.
    uid = sql_value("SELECT user_id FROM sessions WHERE token_hash = %s" % session_hash_sql(value))
    check(int(uid) == user_id("staff01"), "session row belongs to user %s" % uid)
    home = c.get("/")
    check_status(home, 200, "home after sign-in")
    # The session's CSRF token is not the pre-session one.
    check(page_csrf(c) != pre, "session CSRF token equals the pre-session token")


def test_each_sign_in_gets_a_new_token():
    a = sign_in("staff02")
    b = sign_in("staff02")
    check(a.cookies["kehu_session"] != b.cookies["kehu_session"],
          "two sign-ins got the same session token")
    check_status(a.get("/"), 200, "first session")
    check_status(b.get("/"), 200, "second session")


def test_signed_in_login_page_redirects():
    c = sign_in("staff01")
    r = c.get("/login")
    check_status(r, 303)
    check(local_path(r.location) == "/", "GET /login when signed in: Location %r" % r.location)


def test_wrong_password_401():
    try:
        c = Client()
        form = c.get("/login")
        r = c.post("/login", {"_csrf": csrf_of(form.text), "username": "staff03",
                              "password": "wrong-password"})
        check_status(r, 401)
        check_in('id="login-error"', r.text, "error element")
        check_in(MSG_LOGIN_FAILED, r.text, "wrong-password message")
        check("kehu_session" not in r.set_cookies(), "a failed sign-in set kehu_session")
        check('value="staff03"' in r.text, "the user name is not kept in the form")
        check_not_in("wrong-password", r.text, "password echoed back")
        check_status(c.get("/"), 303, "home after failed sign-in")
    finally:
        clear_login_attempts("staff03")


def test_unknown_user_401_same_message():
    name = "nosuchuser_kehu_test"
    clear_login_attempts(name)
    try:
        c = Client()
        form = c.get("/login")
        r = c.post("/login", {"_csrf": csrf_of(form.text), "username": name,
                              "password": "kehu2026"})
        check_status(r, 401)
        check_in(MSG_LOGIN_FAILED, r.text, "unknown-user message")
        check("kehu_session" not in r.set_cookies(), "unknown user got a session")
        n = int(sql_value("SELECT COUNT(*) FROM login_attempts WHERE username = %s AND ok = 0"
                          % sql_str(name)))
        check(n == 1, "expected 1 failed attempt recorded for %s, found %d" % (name, n))
    finally:
        clear_login_attempts(name)


def test_missing_fields_422():
    c = Client()
    form = c.get("/login")
    token = csrf_of(form.text)
    r = c.post("/login", {"_csrf": token, "username": "staff01", "password": ""})
    check_status(r, 422, "empty password")
    check_in('class="field-error"', r.text, "field error for the password")
    check_in('id="err-password"', r.text, "password error id")
    r = c.post("/login", {"_csrf": token, "username": "   ", "password": "kehu2026"})
    check_status(r, 422, "blank user name")
    check_in('id="err-username"', r.text, "username error id")
    r = c.post("/login", {"_csrf": token})
    check_status(r, 422, "no fields at all")
    check(r.text.count('class="field-error"') >= 2,
          "expected two field errors, got %d" % r.text.count('class="field-error"'))
    check("kehu_session" not in c.cookies, "an incomplete form signed in")


def test_next_local_path_is_followed():
    c = Client()
    token = csrf_of(c.get("/login").text)
    r = c.post("/login", {"_csrf": token, "username": "staff01", "password": "kehu2026",
                          "next": "/customers?q=%E5%8D%8E&page=2"})
    check_status(r, 303)
    check(local_path(r.location) == "/customers?q=%E5%8D%8E&page=2",
          "Location %r" % r.location)


def test_next_offsite_goes_home():
    for bad in ("//evil.example", "//evil.example/customers", "http://evil.example/",
                "https://evil.example", "/\\evil.example", "evil.example",
                "javascript:alert(1)", "/customers\r\nSet-Cookie: x=1",
                # Browsers drop tabs and line breaks: "/\t/host" is "//host".
                "/\t/evil.example/x", "/\n/evil.example", "/%09/evil.example/x",
                "/%2F/evil.example", "/%5C/evil.example", "/ /evil.example", ""):
        c = Client()
        token = csrf_of(c.get("/login").text)
        r = c.post("/login", {"_csrf": token, "username": "staff01",
                              "password": "kehu2026", "next": bad})
        check_status(r, 303, "next=%r" % bad)
        check(r.location == "/" or local_path(r.location) == "/",
              "next=%r redirected to %r" % (bad, r.location))
        # The login form must not carry an off-site next either.
        r = Client().get("/login?next=" + urllib.parse.quote(bad, safe=""))
        check_status(r, 200, "login form with next=%r" % bad)
        check(_hidden(r.text, "next") == "/", "form kept next=%r as %r" % (bad, _hidden(r.text, "next")))


def test_signed_in_next_with_tab_goes_home():
    # The finding as reported: the tab arrives decoded in the query.
    c = sign_in("staff01")
    for query in ("next=/%09/evil.example/x", "next=/%0A/evil.example/x",
                  "next=%2F%5Cevil.example", "next=/%2509/evil.example"):
        r = c.get("/login?" + query)
        check_status(r, 303, query)
        check(r.location == "/", "/login?%s redirected to %r" % (query, r.location))


def test_not_signed_in_redirects_to_login_and_back():
    c = Client()
    r = c.get("/customers?q=%E5%8D%8E&page=2")
    check_status(r, 303)
    loc = local_path(r.location)
    check(loc.startswith("/login?next="), "Location %r" % r.location)
    nxt = urllib.parse.parse_qs(urllib.parse.urlsplit(loc).query)["next"][0]
    check(nxt == "/customers?q=%E5%8D%8E&page=2", "next decodes to %r" % nxt)
    form = c.get(loc)
    check_status(form, 200, "login form with next")
    check(_hidden(form.text, "next") == nxt, "form next %r" % _hidden(form.text, "next"))
    r = c.post("/login", {"_csrf": csrf_of(form.text), "username": "staff01",
                          "password": "kehu2026", "next": _hidden(form.text, "next")})
    check_status(r, 303)
    check(local_path(r.location) == nxt, "after sign-in went to %r, not %r" % (r.location, nxt))
    r = c.get(local_path(r.location))
    check_status(r, 200, "page 2 of the search after sign-in")
    for path in ("/", "/customers", "/customers/1"):
        r = Client().get(path)
        check_status(r, 303, "anonymous " + path)
        check(local_path(r.location).startswith("/login"), "%s -> %r" % (path, r.location))


def test_logout():
    c = sign_in("staff05")
    token = c.cookies["kehu_session"]
    where = session_hash_sql(token)
    check(sql_value("SELECT COUNT(*) FROM sessions WHERE token_hash = %s" % where) == "1",
          "session row missing after sign-in")
    r = c.post("/logout", {"_csrf": page_csrf(c)})
    check_status(r, 303)
    check(local_path(r.location) == "/login", "logout went to %r" % r.location)
    check("kehu_session" not in c.cookies, "logout did not clear the cookie")
    check(sql_value("SELECT COUNT(*) FROM sessions WHERE token_hash = %s" % where) == "0",
          "session row still there after logout")
    # The old cookie no longer works.
    old = Client()
    old.cookies["kehu_session"] = token
    r = old.get("/customers")
    check_status(r, 303, "old cookie after logout")
    check(local_path(r.location).startswith("/login"), "old cookie went to %r" % r.location)


def test_garbage_session_cookie_is_anonymous():
    for junk in ("x", "0" * 64, "g" * 64, "A" * 64, "'; DROP TABLE sessions; --"):
        c = Client()
        c.cookies["kehu_session"] = junk
        r = c.get("/customers")
        check_status(r, 303, "cookie %r" % junk)
        r = c.get("/login")
        check_status(r, 200, "login page with cookie %r" % junk)
