"""Bad input never becomes a 500: the one error page, escaping of stored
markup, SQL metacharacters in search, and the security headers."""
import re

from lib import (MSG_NOT_FOUND, PASSWORD, Client, check, check_in, check_not_in,
                 check_status, csrf_of, customer_ids, element_text,
                 result_count, sign_in, sql, sql_str, sql_value, table_rows)


def _error_page(r, code):
    check_status(r, code)
    check_in('<p class="error-code">%d</p>' % code, r.text, "error page for %d" % code)
    check(r.header("Content-Type", "").startswith("text/html"),
          "error page Content-Type %r" % r.header("Content-Type"))


def test_invalid_utf8_query_400():
    c = sign_in("staff01")
    for q in ("/customers?q=%ff%fe", "/customers?q=%C0%AF", "/customers?q=%ED%A0%80",
              "/customers?q=%E4%B8", "/customers?q=a%01b", "/customers?%ff=1"):
        _error_page(c.get(q), 400)
    # Anonymous visitors get the same answer, not a redirect.
    _error_page(Client().get("/customers?q=%ff%fe"), 400)


def test_invalid_utf8_form_field_400():
    c = Client()
    token = csrf_of(c.get("/login").text)
    r = c.post("/login", body="_csrf=%s&username=%%ff%%fe&password=x" % token)
    _error_page(r, 400)
    check("kehu_session" not in c.cookies, "signed in with an invalid user name")


def test_invalid_utf8_header_400():
    # The user agent is stored with the session: a header that is not
    # UTF-8 is refused up front instead of failing in the database.
    c = Client()
    token = csrf_of(c.get("/login").text)
    r = c.post("/login", body="_csrf=%s&username=staff02&password=%s" % (token, PASSWORD),
               headers={"User-Agent": b"bad\xff\xfeagent"})
    _error_page(r, 400)
    check("kehu_session" not in c.cookies, "signed in with a broken user agent")
    _error_page(Client().get("/login", headers={"Cookie": b"kehu_lang=\xff"}), 400)


def test_body_over_1mib_413():
    c = sign_in("staff06")
    before = sql_value("SELECT lang FROM users WHERE username = 'staff06'")
    token = csrf_of(c.get("/").text)
    new = "en" if before != "en" else "zh-CN"
    body = "_csrf=%s&lang=%s&back=/&pad=%s" % (token, new, "a" * (1024 * 1024 + 100))
    try:
        r = c.post("/account/lang", body=body)
        check_status(r, 413, "1 MiB + 100 bytes")
        if "error-code" in r.text:
            check_in('<p class="error-code">413</p>', r.text, "our 413 page")
        # Nothing was done: the language is unchanged.
        lang = sql_value("SELECT lang FROM users WHERE username = 'staff06'")
        check(lang == before, "oversized request changed the language to %s" % lang)
    finally:
        sql("UPDATE users SET lang = %s WHERE username = 'staff06'" % sql_str(before))
    # The visitor is fine afterwards.
    check_status(sign_in("staff01").get("/"), 200, "after the 413")


def test_body_just_under_limit_is_read():
    c = Client()
    token = csrf_of(c.get("/login").text)
    pad = "a" * (1024 * 1024 - 300)
    r = c.post("/login", body="_csrf=%s&username=&password=&pad=%s" % (token, pad))
    check_status(r, 422, "form of almost 1 MiB with empty fields")


def test_put_405():
    c = sign_in("staff01")
    for method, path in (("PUT", "/customers"), ("DELETE", "/customers/1"),
                         ("POST", "/customers"), ("PATCH", "/login")):
        r = c.request(method, path, body="", headers={"Content-Type": "text/plain"})
        _error_page(r, 405)
        check(r.header("Allow"), "405 for %s %s without Allow" % (method, path))


def test_unknown_paths_404():
    c = sign_in("staff01")
    for path in ("/customers/abc", "/customers/99999999", "/customers/0123",
                 "/customers/1/", "/customers/-1", "/customers/1000000000000000000",
                 "/customers/1.5", "/account/nothing"):
        _error_page(c.get(path), 404)
    check_in(MSG_NOT_FOUND, c.get("/customers/99999999").text, "customer not-found message")
    # Outside every program: nginx's own 404.
    check_status(c.get("/no/such/thing"), 404, "unknown path")


def test_odd_parameters_never_500():
    c = sign_in("staff01")
    for q in ("?page=-1", "?page=0", "?page=abc", "?page=99999999999999999999",
              "?region=abc", "?region=-5", "?region=99999", "?kind=%3Cscript%3E",
              "?q=" + "x" * 2000, "?q=%E5%8D%8E" * 300, "?q=&q=&q=", "?q[]=1",
              "?q=%00", "?page=1e3", "?region=1%20OR%201=1"):
        r = c.get("/customers" + q)
        check(r.status < 500, "GET /customers%s -> %d: %s" % (q[:60], r.status, r.snippet()))
        check(r.status in (200, 400), "GET /customers%s -> %d" % (q[:60], r.status))


def test_sql_metacharacters_in_search():
    c = sign_in("staff01")
    total = int(sql_value("SELECT COUNT(*) FROM customers WHERE status = 'active'"))
    for raw, enc in (("' OR 1=1 --", "%27+OR+1%3D1+--"), ("%", "%25"), ("_", "_"),
                     ("\\", "%5C"), ("%%", "%25%25"), ('"', "%22"), ("';--", "%27%3B--"),
                     ("a%", "a%25"), ("\\%", "%5C%25")):
        r = c.get("/customers?q=" + enc)
        check_status(r, 200, "search %r" % raw)
        n = result_count(r.text)
        # Literal match only: none of the demo names contain these.
        expected = int(sql_value(
            "SELECT COUNT(*) FROM customers c WHERE c.status = 'active' AND"
            " (LOCATE(%(q)s, c.name) > 0 OR c.code = %(q)s OR LEFT(c.phone, %(n)d) = %(q)s"
            " OR c.id IN (SELECT customer_id FROM customer_contacts WHERE name = %(q)s"
            " OR LEFT(phone, %(n)d) = %(q)s))" % {"q": sql_str(raw), "n": len(raw)}))
        check(n == expected, "search %r: %d results, %d expected (of %d)" % (raw, n, expected, total))
        check(n < total, "search %r matched everything" % raw)


def test_stored_markup_is_escaped():
    payload = "<script>alert(1)</script>"
    cid, name = sql("SELECT id, name FROM customers WHERE status = 'active' ORDER BY id LIMIT 1 OFFSET 5")[0]
    try:
        # Straight into the tables, so the search index is the test's job too.
        sql("UPDATE customers SET name = %s WHERE id = %s" % (sql_str(payload + name), cid))
        sql("REPLACE INTO customer_search (customer_id, name) VALUES (%s, %s)" % (cid, sql_str(payload + name)))
        c = sign_in("staff01")
        r = c.get("/customers?q=alert%281%29")
        check_status(r, 200, "list")
        check(int(cid) in customer_ids(r.text), "customer %s not found by its new name" % cid)
        check_not_in(payload, r.text, "raw script tag on the list page")
        check_in("&lt;script&gt;alert(1)&lt;/script&gt;", r.text, "escaped name on the list page")
        row = [x for x in table_rows(r.text, "customer-list")
               if "/customers/%s" % cid in x[0]["hrefs"]][0]
        # the name comes first; tags (archived, asleep, on the watch list) may follow it
        check(row[0]["text"].startswith(payload + name), "list shows %r" % row[0]["text"])
        r = c.get("/customers/%s" % cid)
        check_status(r, 200, "detail")
        check_not_in(payload, r.text, "raw script tag on the detail page")
        check_in("&lt;script&gt;alert(1)&lt;/script&gt;", r.text, "escaped name on the detail page")
        check(element_text(r.text, "customer-name") == payload + name,
              "heading %r" % element_text(r.text, "customer-name"))
        # Also in the <title>.
        title = re.search(r"<title>(.*?)</title>", r.text, re.S).group(1)
        check("<script>" not in title and "&lt;script&gt;" in title, "title %r" % title)
        # Reflected input is escaped too.
        r = c.get("/customers?q=%3Cscript%3Ealert%281%29%3C%2Fscript%3E%22%27")
        check_status(r, 200, "reflected search")
        check_not_in('value="<script>', r.text, "raw reflected query")
        check_in("&lt;script&gt;alert(1)&lt;/script&gt;&quot;", r.text, "escaped reflected query")
    finally:
        sql("UPDATE customers SET name = %s WHERE id = %s" % (sql_str(name), cid))
        sql("REPLACE INTO customer_search (customer_id, name) VALUES (%s, %s)" % (cid, sql_str(name)))
    check(sql_value("SELECT name FROM customers WHERE id = %s" % cid) == name, "name not restored")


def _check_security_headers(r, what):
    check(r.header("X-Content-Type-Options", "").lower() == "nosniff",
          "%s: X-Content-Type-Options %r" % (what, r.header("X-Content-Type-Options")))
    check(r.header("X-Frame-Options", "").upper() == "DENY",
          "%s: X-Frame-Options %r" % (what, r.header("X-Frame-Options")))
    csp = r.header("Content-Security-Policy")
    check(csp, "%s: no Content-Security-Policy" % what)
    directives = {}
    for part in csp.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    check("default-src" in directives, "%s: CSP without default-src: %r" % (what, csp))
    scripts = directives.get("script-src", directives["default-src"])
    check("'unsafe-inline'" not in scripts and "*" not in scripts,
          "%s: CSP allows inline or any scripts: %r" % (what, csp))
    check("charset=utf-8" in r.header("Content-Type", "").lower(),
          "%s: Content-Type %r" % (what, r.header("Content-Type")))


def test_security_headers():
    anon = Client()
    _check_security_headers(anon.get("/login"), "login page")
    c = sign_in("staff01")
    _check_security_headers(c.get("/"), "home")
    _check_security_headers(c.get("/customers"), "list")
    cid = sql_value("SELECT id FROM customers WHERE status = 'active' LIMIT 1")
    _check_security_headers(c.get("/customers/%s" % cid), "detail")
    _check_security_headers(c.get("/customers/99999999"), "404 page")
    _check_security_headers(c.get("/customers?q=%ff"), "400 page")
    _check_security_headers(c.request("PUT", "/customers", body=""), "405 page")
    r = c.get("/")
    check(r.header("Cache-Control", "").find("no-store") >= 0,
          "signed-in page cacheable: %r" % r.header("Cache-Control"))


def test_head_request():
    c = sign_in("staff01")
    r = c.request("HEAD", "/customers")
    check_status(r, 200, "HEAD /customers")
    check(r.raw == b"", "HEAD answered with a body of %d bytes" % len(r.raw))
    check(r.header("Content-Type", "").startswith("text/html"), "HEAD Content-Type")


def test_form_type_with_charset_is_read():
    """A form body sent as "application/x-www-form-urlencoded; charset=UTF-8"
    (as many HTTP clients label it; sqlmap too) is read like one without
    the parameter, in any letter case: signing in works, and a wrong token
    is still refused."""
    for ctype in ("application/x-www-form-urlencoded; charset=UTF-8",
                  "Application/X-WWW-Form-Urlencoded;charset=utf-8"):
        c = Client()
        token = csrf_of(c.get("/login").text)
        r = c.post("/login", {"_csrf": token, "username": "staff05", "password": PASSWORD},
                   headers={"Content-Type": ctype})
        check_status(r, 303, "sign in with Content-Type %r" % ctype)
        check("kehu_session" in c.cookies, "no session after signing in with %r" % ctype)
        r = Client().post("/login", {"_csrf": token, "username": "staff05", "password": PASSWORD},
                          headers={"Content-Type": ctype})
        check_status(r, 403, "a token of another visitor with %r" % ctype)
