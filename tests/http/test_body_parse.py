"""Request bodies are parsed only where a route takes them, and never with a
Content-Type that ClearSilver's parser mishandles (issue 13, findings 1 and
9): the multipart crash sequence, form types with a charset, multipart sent
to a route that takes no upload."""
import time

from lib import (PASSWORD, Client, check, check_in, check_status, csrf_of,
                 sign_in)
from test_complaint_public import PublicClient, new_addr
from test_resilience import _children, _supervisor

MSG_BAD_BOUNDARY = "上传表单的分隔符（boundary）缺失或无效"
MSG_NO_UPLOAD = "此地址不接受文件上传"
MSG_CHARSET = "只接受 UTF-8 编码的表单内容"

# A POST path of every program: upload routes, form routes, and for the
# overview (no POST route at all) a GET-only path, whose body is never read.
POSTS = [
    ("account", "/login", 400),
    ("account", "/account/nothing", 404),
    ("customers", "/customers/import", 400),
    ("complaint_public", "/complaint", 400),
    ("complaints", "/complaints/1/message", 400),
    ("complaint_stats", "/complaints/overview", 405),
    ("plans", "/plans/1/execute", 400),
    ("dashboard", "/dashboard/settings", 400),
    ("admin", "/admin/users", 400),
]

BOUNDARY = "B"
BODY = ("--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--B--\r\n").encode()


def _workers():
    """{program: sorted worker pids} of this stack."""
    return {p: _children(_supervisor(p)) for p in sorted({p for p, _, _ in POSTS})}


def _error_page(r, code, what):
    check_status(r, code, what)
    check_in('<p class="error-code">%d</p>' % code, r.text, what + ": our error page")


def _sequence(client_for, path, bad_status):
    """Two valid multipart POSTs, then one without a boundary; four times,
    so that both workers of a program see all three kinds."""
    for _ in range(4):
        for n in range(2):
            r = client_for().request("POST", path, body=BODY, headers={
                "Content-Type": "multipart/form-data; boundary=" + BOUNDARY})
            check(r.status < 500, "valid multipart %d to %s: status %d" % (n, path, r.status))
        r = client_for().request("POST", path, body=BODY,
                                 headers={"Content-Type": "multipart/form-data"})
        _error_page(r, bad_status, "multipart without boundary to %s" % path)
        if bad_status == 400:
            check_in(MSG_BAD_BOUNDARY, r.text, "the boundary message")


def test_multipart_without_boundary_crashes_no_worker():
    before = _workers()
    for program, path, bad in POSTS:
        # Each from its own address: nginx limits the public form's rate.
        keep = PublicClient()
        _sequence(lambda: keep, path, bad)              # one keep-alive connection
        keep.close()
        addr = new_addr()
        _sequence(lambda: PublicClient(addr), path, bad)  # a new connection each time
    time.sleep(0.3)
    after = _workers()
    for program in before:
        check(before[program] == after[program],
              "%s's workers changed (a crash and a restart): %s -> %s" % (
                  program, before[program], after[program]))


def test_odd_boundaries_refused():
    c = PublicClient()
    for ctype in ("multipart/form-data; boundary=",
                  "multipart/form-data; boundary=\"\"",
                  "multipart/form-data; boundary=\"ends in space \"",
                  "multipart/form-data; boundary=" + "x" * 71,
                  "multipart/form-data; boundary=a; boundary=b",
                  "multipart/form-data; boundary=a<b",
                  "multipart/form-data; boundary=\"unclosed"):
        r = c.request("POST", "/complaint", body=BODY, headers={"Content-Type": ctype})
        _error_page(r, 400, ctype)
    # A quoted boundary with characters a token cannot hold still works:
    # the form is read (and refused for its missing CSRF token, a 403).
    b = "a b:c/d=e?"
    body = ("--%s\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--%s--\r\n"
            % (b, b)).encode()
    r = c.request("POST", "/complaint", body=body,
                  headers={"Content-Type": "multipart/form-data; boundary=\"%s\"" % b})
    _error_page(r, 403, "quoted boundary")


def test_form_with_charset_signs_in():
    for ctype in ("application/x-www-form-urlencoded; charset=utf-8",
                  "Application/X-WWW-Form-URLEncoded;Charset=\"UTF-8\""):
        c = Client()
        token = csrf_of(c.get("/login").text)
        r = c.post("/login", {"_csrf": token, "username": "staff03", "password": PASSWORD},
                   headers={"Content-Type": ctype})
        check_status(r, 303, "sign-in posted as %s" % ctype)
        check("kehu_session" in c.cookies, "no session after a sign-in posted as %s" % ctype)
        check_status(c.get("/"), 200, "home after the sign-in")


def test_form_with_other_charset_415():
    c = Client()
    token = csrf_of(c.get("/login").text)
    r = c.post("/login", {"_csrf": token, "username": "staff03", "password": PASSWORD},
               headers={"Content-Type": "application/x-www-form-urlencoded; charset=gbk"})
    _error_page(r, 415, "form in GBK")
    check_in(MSG_CHARSET, r.text, "the charset message")
    check("kehu_session" not in c.cookies, "a GBK form signed in")


def test_multipart_to_form_route_never_reaches_handler():
    # A complete, valid sign-in, as multipart: /login takes no upload, so it
    # is refused before the body is parsed and nobody is signed in.
    c = Client()
    token = csrf_of(c.get("/login").text)
    b = "kehuformB"
    parts = [("_csrf", token), ("username", "staff03"), ("password", PASSWORD)]
    body = "".join("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
                   % (b, k, v) for k, v in parts) + "--%s--\r\n" % b
    r = c.request("POST", "/login", body=body,
                  headers={"Content-Type": "multipart/form-data; boundary=" + b})
    _error_page(r, 415, "multipart sign-in")
    check_in(MSG_NO_UPLOAD, r.text, "the no-upload message")
    check("kehu_session" not in c.cookies, "a multipart sign-in was handled")
    # The same for a signed-in form route.
    s = sign_in("admin")
    token = csrf_of(s.get("/dashboard/settings").text)
    body = "--%s\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n%s\r\n--%s--\r\n" % (
        b, token, b)
    r = s.request("POST", "/dashboard/settings", body=body,
                  headers={"Content-Type": "multipart/form-data; boundary=" + b})
    _error_page(r, 415, "multipart settings")


def test_part_headers_clearsilver_mishandles_400():
    # A header named twice in one part (ClearSilver leaked the first name:
    # found by the request fuzzer) and a part header line of 9,000 bytes.
    c = PublicClient()
    for headers in ('Content-Disposition: form-data; name="a"\r\n'
                    'Content-Disposition: form-data; name="b"\r\n',
                    'Content-Disposition: form-data; name="a"\r\nX-Long: %s\r\n' % ("v" * 9000)):
        body = ("--B\r\n%s\r\nx\r\n--B--\r\n" % headers).encode()
        r = c.request("POST", "/complaint", body=body,
                      headers={"Content-Type": "multipart/form-data; boundary=B"})
        _error_page(r, 400, "part headers %r" % headers[:60])
        check_in("提交的表单内容不完整或格式无效", r.text, "the bad-body message")
