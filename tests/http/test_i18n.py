"""The language switch: POST /account/lang, then pages render in English."""
from lib import (Client, check, check_in, check_not_in, check_status, csrf_of, local_path,
                 page_csrf, sign_in, sql, sql_str, sql_value)

EN_HEADING = "Sign in to Customer Management"
ZH_HEADING = "登录客户管理系统"


def _restore_lang(name, lang):
    sql("UPDATE users SET lang = %s WHERE username = %s" % (sql_str(lang), sql_str(name)))


def test_signed_in_switch_to_english_and_back():
    name = "staff09"
    before = sql_value("SELECT lang FROM users WHERE username = %s" % sql_str(name))
    _restore_lang(name, "zh-CN")
    try:
        c = sign_in(name)
        r = c.get("/customers")
        check_in('<html lang="zh-CN">', r.text, "Chinese before the switch")
        r = c.post("/account/lang", {"_csrf": page_csrf(c, "/customers"), "lang": "en",
                                     "back": "/customers?q=a"})
        check_status(r, 303)
        check(local_path(r.location) == "/customers?q=a", "went back to %r" % r.location)
        check(sql_value("SELECT lang FROM users WHERE username = %s" % sql_str(name)) == "en",
              "users.lang not updated")
        r = c.get("/customers")
        check_status(r, 200)
        check_in('<html lang="en">', r.text, "English page")
        check_in(">Customers</a>", r.text, "English navigation")
        check_not_in(">客户</a>", r.text, "Chinese navigation left")
        # The choice belongs to the user: a new session is English too.
        c2 = sign_in(name)
        check_in('<html lang="en">', c2.get("/").text, "English in a new session")
        # And back.
        r = c.post("/account/lang", {"_csrf": page_csrf(c), "lang": "zh-CN", "back": "/"})
        check_status(r, 303)
        check_in('<html lang="zh-CN">', c.get("/").text, "Chinese after switching back")
    finally:
        _restore_lang(name, before)


def test_anonymous_switch_uses_cookie():
    c = Client()
    r = c.get("/login")
    check_in(ZH_HEADING, r.text, "Chinese login heading by default")
    r = c.post("/account/lang", {"_csrf": csrf_of(r.text), "lang": "en", "back": "/login"})
    check_status(r, 303)
    check(local_path(r.location) == "/login", "went back to %r" % r.location)
    check(c.cookies.get("kehu_lang") == "en", "kehu_lang cookie %r" % c.cookies.get("kehu_lang"))
    r = c.get("/login")
    check_in(EN_HEADING, r.text, "English login heading")
    check_not_in(ZH_HEADING, r.text, "Chinese heading left")
    # A failed sign-in answers in English too.
    r = c.post("/login", {"_csrf": csrf_of(r.text), "username": "nosuchuser_i18n",
                          "password": "x"})
    check_status(r, 401)
    check_in("The user name or password is not correct.", r.text, "English failure message")
    sql("DELETE FROM login_attempts WHERE username = 'nosuchuser_i18n'")


def test_unknown_lang_and_offsite_back():
    c = Client()
    token = csrf_of(c.get("/login").text)
    r = c.post("/account/lang", {"_csrf": token, "lang": "fr", "back": "//evil.example/x"})
    check_status(r, 303)
    check(local_path(r.location) == "/", "off-site back went to %r" % r.location)
    check(c.cookies.get("kehu_lang") == "zh-CN",
          "unknown language stored as %r, not the default" % c.cookies.get("kehu_lang"))
    r = c.get("/login")
    check_status(r, 200)
    check_in('<html lang="zh-CN">', r.text, "default language for an unknown choice")


def test_switch_keeps_the_page_query():
    """The switch comes back to the same page with its search and filters,
    not to the bare path."""
    import re
    import urllib.parse
    name = "staff09"
    before = sql_value("SELECT lang FROM users WHERE username = %s" % sql_str(name))
    c = sign_in(name)
    query = "q=%s&status=active" % urllib.parse.quote("净水")
    try:
        page = c.get("/customers?" + query)
        check_status(page, 200, "customer list with a search")
        m = re.search(r'name="back" value="([^"]*)"', page.text)
        check(m, "no back field in the language form")
        back = m.group(1).replace("&amp;", "&")
        check(back == "/customers?" + query, "language form's back is %r" % back)
        r = c.post("/account/lang", {"_csrf": csrf_of(page.text), "lang": "en", "back": back})
        check_status(r, 303, "language switch")
        check(local_path(r.location) == "/customers?" + query,
              "after the switch: %r" % r.location)
        # A page answering a POST is not one to come back to: its path only.
        anon = Client()
        form = anon.get("/login?next=%2Fcustomers")
        m = re.search(r'name="back" value="([^"]*)"', form.text)
        check(m and m.group(1).replace("&amp;", "&") == "/login?next=%2Fcustomers",
              "signed-out back: %r" % (m and m.group(1)))
    finally:
        _restore_lang(name, before)
