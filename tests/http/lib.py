"""Shared helpers for the HTTP tests: a small HTTP client with a cookie jar
(keep-alive, no automatic redirects), sign-in, CSRF extraction, root SQL
access to the test database, and the discovery/reporting runner used by
tests/http/run.py and tests/browser/run.py.

Standard library only; run with Debian's /usr/bin/python3.
"""

import hashlib
import html
import http.client
import importlib.util
import inspect
import os
import re
import subprocess
import sys
import traceback
import urllib.parse
from html.parser import HTMLParser

HOST = os.environ.get("KEHU_HTTP_HOST") or "127.0.0.1"
PORT = int(os.environ.get("KEHU_HTTP_PORT") or "8080")
BASE = "http://%s:%d" % (HOST, PORT)
ROOT = os.environ.get("KEHU_ROOT") or os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", ".."))
VAR = os.environ.get("KEHU_VAR") or os.path.join(ROOT, "var")
DB_NAME = os.environ.get("KEHU_DB_NAME") or "kehu"
PASSWORD = os.environ.get("KEHU_DEMO_PASSWORD") or "kehu2026"
BUILD = os.environ.get("KEHU_BUILD") or os.path.join(ROOT, "build")

# Messages the application shows (zh-CN, the default language).
MSG_LOGIN_FAILED = "用户名或密码不正确。"
MSG_THROTTLED = "登录失败次数过多，请等待"
MSG_CSRF = "表单已过期"
MSG_NOT_FOUND = "客户不存在，或不在您负责的区域内。"
MSG_EXPIRED = "登录已过期，请重新登录。"

HEX64 = re.compile(r"^[0-9a-f]{64}$")


class TestFailure(AssertionError):
    pass


def check(cond, message):
    """Assert with a message that says what was expected."""
    if not cond:
        raise TestFailure(message)


def check_status(resp, expected, what=""):
    if isinstance(expected, int):
        expected = (expected,)
    if resp.status not in expected:
        raise TestFailure("%s%s %s: expected status %s, got %d; body: %s" % (
            what + ": " if what else "", resp.method, resp.path,
            "/".join(str(e) for e in expected), resp.status, resp.snippet()))


def check_in(needle, haystack, what):
    if needle not in haystack:
        raise TestFailure("%s: %r not found in: %s" % (
            what, needle, _short(haystack)))


def check_not_in(needle, haystack, what):
    if needle in haystack:
        i = haystack.index(needle)
        raise TestFailure("%s: %r unexpectedly found: ...%s..." % (
            what, needle, haystack[max(0, i - 120):i + 120]))


def _short(text, n=600):
    text = re.sub(r"\s+", " ", text)
    return text if len(text) <= n else text[:n] + "..."


# --- HTTP -------------------------------------------------------------------

class Response:
    def __init__(self, method, path, status, headers, body):
        self.method = method
        self.path = path
        self.status = status
        self.headers = headers          # list of (name, value)
        self.raw = body
        self.text = body.decode("utf-8", errors="replace")

    def header(self, name, default=None):
        name = name.lower()
        for k, v in self.headers:
            if k.lower() == name:
                return v
        return default

    def header_all(self, name):
        name = name.lower()
        return [v for k, v in self.headers if k.lower() == name]

    @property
    def location(self):
        return self.header("Location")

    def set_cookies(self):
        """{name: (value, attributes-lowercase-string)} of Set-Cookie headers."""
        out = {}
        for line in self.header_all("Set-Cookie"):
            first, _, attrs = line.partition(";")
            name, _, value = first.strip().partition("=")
            out[name] = (value, attrs.lower())
        return out

    def snippet(self):
        m = re.search(r"<main[^>]*>(.*)", self.text, re.S)
        return _short(re.sub(r"<[^>]+>", " ", m.group(1) if m else self.text), 400)


class Client:
    """One browser-like visitor: a keep-alive connection and a cookie jar.
    Redirects are never followed automatically. source: the local address
    to connect from (any 127.x.y.z reaches nginx on 127.0.0.1 over the
    loopback), which the programs see as REMOTE_ADDR: how tests play
    visitors from several addresses."""

    def __init__(self, timeout=30, source=None):
        self.cookies = {}
        self.timeout = timeout
        self.source = source
        self.conn = None

    def _connect(self):
        if self.conn is None:
            self.conn = http.client.HTTPConnection(
                HOST, PORT, timeout=self.timeout,
                source_address=(self.source, 0) if self.source else None)
        return self.conn

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def cookie_header(self):
        return "; ".join("%s=%s" % kv for kv in self.cookies.items())

    def request(self, method, path, body=None, headers=None):
        hdrs = {"Host": "%s:%d" % (HOST, PORT), "User-Agent": "kehu-http-tests"}
        if self.cookies:
            hdrs["Cookie"] = self.cookie_header()
        if headers:
            hdrs.update(headers)
        if isinstance(body, str):
            body = body.encode("utf-8")
        for attempt in (0, 1):
            conn = self._connect()
            try:
                conn.request(method, path, body=body, headers=hdrs)
                r = conn.getresponse()
                data = r.read()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError,
                    ConnectionResetError, http.client.CannotSendRequest):
                # The server closed an idle keep-alive connection: reconnect
                # once. A second failure is real.
                self.close()
                if attempt:
                    raise
        resp = Response(method, path, r.status, r.getheaders(), data)
        if r.will_close:
            self.close()
        for name, (value, attrs) in resp.set_cookies().items():
            if value == "" or "max-age=0" in attrs or "expires=thu, 01 jan 1970" in attrs:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return resp

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, fields=None, headers=None, body=None):
        """POST form fields (dict or list of pairs), urlencoded."""
        h = {"Content-Type": "application/x-www-form-urlencoded"}
        if headers:
            h.update(headers)
        if body is None:
            body = urllib.parse.urlencode(fields or {})
        return self.request("POST", path, body=body, headers=h)


def multipart(fields, files=()):
    """(body, content type) of a multipart/form-data request. files:
    (field, file name, declared type, bytes)."""
    boundary = "----kehu" + os.urandom(16).hex()
    out = []
    for name, value in fields.items():
        out.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n"
                    % (boundary, name)).encode() + str(value).encode("utf-8") + b"\r\n")
    for name, filename, ctype, data in files:
        out.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                    "Content-Type: %s\r\n\r\n" % (boundary, name, filename, ctype)).encode("utf-8")
                   + data + b"\r\n")
    out.append(("--%s--\r\n" % boundary).encode())
    return b"".join(out), "multipart/form-data; boundary=" + boundary


def local_path(location):
    """The path+query of a Location header, checking it stays on this site."""
    check(location, "no Location header")
    u = urllib.parse.urlsplit(location)
    if u.scheme or u.netloc:
        check(u.scheme == "http" and u.netloc == "%s:%d" % (HOST, PORT),
              "redirect leaves the site: %r" % location)
    return u.path + ("?" + u.query if u.query else "")


def csrf_of(html_text):
    """The _csrf value of the first form on the page."""
    m = re.search(r'<input type="hidden" name="_csrf" value="([^"]*)"', html_text)
    if not m:
        raise TestFailure("no _csrf field in the page: " + _short(html_text, 300))
    return m.group(1)


def sign_in(username, password=None, next_path=None, source=None):
    """A Client signed in as username (checks that it worked)."""
    c = Client(source=source)
    form = c.get("/login")
    check_status(form, 200, "login form")
    fields = {"_csrf": csrf_of(form.text), "username": username,
              "password": PASSWORD if password is None else password}
    if next_path is not None:
        fields["next"] = next_path
    r = c.post("/login", fields)
    check_status(r, 303, "sign in as %s" % username)
    check("kehu_session" in c.cookies,
          "sign in as %s set no kehu_session cookie" % username)
    return c


def page_csrf(client, path="/"):
    """The session's CSRF token, read from a signed-in page."""
    r = client.get(path)
    check_status(r, 200, "page for CSRF token")
    return csrf_of(r.text)


def session_hash_sql(token):
    """SQL expression for the sessions.token_hash of a cookie token."""
    check(HEX64.match(token or ""), "not a session token: %r" % (token,))
    return "UNHEX('%s')" % hashlib.sha256(token.encode()).hexdigest()


def unescape(text):
    return html.unescape(text)


class _TableParser(HTMLParser):
    """Rows of the table with a given id: each row is a list of cells, each
    cell a dict with its text and the hrefs of links inside it."""

    def __init__(self, table_id):
        super().__init__(convert_charrefs=True)
        self.table_id = table_id
        self.depth = 0          # table nesting depth inside the wanted table
        self.rows = []
        self.row = None
        self.cell = None
        self.in_head = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            if self.depth or a.get("id") == self.table_id:
                self.depth += 1
            return
        if not self.depth:
            return
        if tag == "thead":
            self.in_head = True
        elif tag == "tr" and not self.in_head:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = {"text": "", "hrefs": [], "class": a.get("class", "")}
        elif tag == "a" and self.cell is not None and "href" in a:
            self.cell["hrefs"].append(a["href"])

    def handle_endtag(self, tag):
        if not self.depth:
            return
        if tag == "table":
            self.depth -= 1
        elif tag == "thead":
            self.in_head = False
        elif tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.cell["text"] = " ".join(self.cell["text"].split())
            self.row.append(self.cell)
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell["text"] += data


def table_rows(html_text, table_id):
    """Body rows of <table id=table_id>, or None when there is no such table."""
    if ('id="%s"' % table_id) not in html_text:
        return None
    p = _TableParser(table_id)
    p.feed(html_text)
    p.close()
    return p.rows


def element_text(html_text, element_id):
    """Text content of the element with the given id (first match; the
    element must not nest another element of the same tag)."""
    m = re.search(r'<(\w+)[^>]*\bid="%s"[^>]*>(.*?)</\1>' % re.escape(element_id),
                  html_text, re.S)
    if not m:
        return None
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", m.group(2))).split())


def result_count(html_text):
    """The number in <p id="result-count">...<strong>N</strong>...</p>."""
    m = re.search(r'id="result-count"[^>]*>.*?<strong>\s*(\d+)\s*</strong>', html_text, re.S)
    check(m, "no result count on the page: " + _short(html_text, 300))
    return int(m.group(1))


def customer_ids(html_text):
    """Customer ids linked from the rows of the customer list, in order."""
    rows = table_rows(html_text, "customer-list") or []
    ids = []
    for row in rows:
        for cell in row:
            for h in cell["hrefs"]:
                m = re.match(r"^/customers/(\d+)$", h)
                if m:
                    ids.append(int(m.group(1)))
    return ids


# --- SQL --------------------------------------------------------------------

def sql(query):
    """Run SQL as root on the test database; rows as lists of strings
    (NULL comes back as the string 'NULL')."""
    # The query on stdin: a long IN list (the soak's thousands of keys)
    # is too long for a command line.
    cmd = [os.path.join(ROOT, "scripts", "db.sh"), "sql", "-N", "-B",
           "--default-character-set=utf8mb4", DB_NAME]
    p = subprocess.run(cmd, input=query.encode("utf-8"), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=60)
    if p.returncode != 0:
        raise TestFailure("SQL failed (%s): %s" % (
            query[:200], p.stderr.decode("utf-8", "replace").strip()))
    out = p.stdout.decode("utf-8")
    return [line.split("\t") for line in out.splitlines() if line != ""]


def sql_value(query):
    rows = sql(query)
    check(rows and rows[0], "SQL returned no row: %s" % query)
    return rows[0][0]


def sql_str(s):
    """A MariaDB string literal for any text (hex, so nothing to escape)."""
    if s == "":
        return "''"
    return "_utf8mb4 X'%s'" % s.encode("utf-8").hex()


def user_id(username):
    return int(sql_value("SELECT id FROM users WHERE username = %s" % sql_str(username)))


def clear_login_attempts(*usernames):
    """Forget failed sign-ins so tests (and reruns) don't trip the
    per-address throttle."""
    if usernames:
        sql("DELETE FROM login_attempts WHERE username IN (%s)" %
            ", ".join(sql_str(u) for u in usernames))


def clear_login_attempts_from(*addresses):
    """Forget every sign-in attempt from these addresses."""
    if addresses:
        sql("DELETE FROM login_attempts WHERE ip IN (%s)" %
            ", ".join(sql_str(a) for a in addresses))


# --- runner -----------------------------------------------------------------

def discover(directory):
    """(name, function) for every test_* function in test_*.py files of
    directory, in file order and then source order."""
    tests, broken = [], []
    sys.path.insert(0, directory)
    for fname in sorted(os.listdir(directory)):
        if not (fname.startswith("test_") and fname.endswith(".py")):
            continue
        modname = fname[:-3]
        try:
            spec = importlib.util.spec_from_file_location(
                modname, os.path.join(directory, fname))
            mod = importlib.util.module_from_spec(spec)
            sys.modules[modname] = mod
            spec.loader.exec_module(mod)
        except Exception:
            broken.append((modname, traceback.format_exc().strip().splitlines()[-1]))
            continue
        funcs = [(obj.__code__.co_firstlineno, name, obj)
                 for name, obj in vars(mod).items()
                 if name.startswith("test_") and inspect.isfunction(obj)
                 and obj.__module__ == modname]
        for _, name, fn in sorted(funcs):
            tests.append(("%s.%s" % (modname, name), fn))
    return tests, broken


def run_all(directory, label, argv):
    """Run every discovered test independently and print the summary as the
    last line. argv: optional substrings selecting tests by name."""
    tests, broken = discover(directory)
    if argv:
        tests = [t for t in tests if any(a in t[0] for a in argv)]
    passed = failed = 0
    for modname, reason in broken:
        print("FAIL %s: cannot import: %s" % (modname, reason), flush=True)
        failed += 1
    for name, fn in tests:
        try:
            fn()
        except TestFailure as e:
            failed += 1
            print("FAIL %s: %s" % (name, " ".join(str(e).split())), flush=True)
            continue
        except Exception as e:
            failed += 1
            tb = traceback.extract_tb(e.__traceback__)
            where = ("%s:%d" % (os.path.basename(tb[-1].filename), tb[-1].lineno)) if tb else ""
            print("FAIL %s: %s: %s (%s)" % (name, type(e).__name__,
                                            " ".join(str(e).split()), where), flush=True)
            continue
        passed += 1
        print("ok   %s" % name, flush=True)
    if not tests and not broken:
        print("%s: no tests found in %s" % (label, directory), flush=True)
    print("%s: %d passed, %d failed" % (label, passed, failed), flush=True)
    return 1 if failed or not (tests or broken) else 0


# --- form cases (tests/http/form_cases.tsv) -----------------------------------

def tsv_rows(path, columns):
    """(line number, [fields]) of each row of a tab-separated matrix file;
    blank lines and # comments skipped, every row checked for its count of
    columns (access_matrix.tsv, form_cases.tsv)."""
    name = os.path.basename(path)
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            check(len(fields) == columns, "%s:%d: %d columns, expected %d"
                  % (name, n, len(fields), columns))
            yield n, fields


def audit_max():
    """The newest audit row's id: every change writes one (the project's
    rule), so an unchanged value means a refused post wrote nothing."""
    return int(sql_value("SELECT COALESCE(MAX(id), 0) FROM audit_log"))


def check_refused(resp, statuses, before, what, message=None):
    """A refused post: one of statuses, its message (if given) and no audit
    row since before (an audit_max() taken just ahead of the post)."""
    check_status(resp, statuses, what)
    if message:
        check_in(message, resp.text, what + ": message")
    after = audit_max()
    check(after == before, "%s: refused post wrote %d audit rows" % (what, after - before))


def check_field_error(resp, field, message, kept=(), what=""):
    """A rejected form: 422, the message at the field (err-<field>) and in
    the banner, and every text in kept shown again (escaped as typed)."""
    what = what or "invalid %s" % field
    check_status(resp, 422, what)
    m = re.search(r'id="err-%s"[^>]*>([^<]*)' % re.escape(field), resp.text)
    check(m, "%s: no message at the field (err-%s): %s" % (what, field, resp.snippet()))
    check(message in html.unescape(m.group(1)),
          "%s: message %r, expected it to say %r" % (what, m.group(1), message))
    check_in('id="form-errors"', resp.text, what + ": the banner naming the bad fields")
    for text in kept:
        check_in(html.escape(text, quote=True), resp.text, what + ": input kept")
