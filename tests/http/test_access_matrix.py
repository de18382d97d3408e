"""The access matrix (tests/http/access_matrix.tsv, format in
docs/access-matrix.md): every route of every program, asked by a visitor
who is signed out and by each demo role, with an id (or region) of the
user's own region and of another region, must answer what the matrix says.

The programs print their route tables (`<program>.fcgi --routes`); a route
missing from the matrix, or a matrix row naming a route no program has, is
a failure, so a new route cannot ship without a written decision.

Run directly with --observed to print the matrix as the stack answers now
(to review a change, never to copy blindly).
"""
import glob
import io
import os
import subprocess
import sys
import threading
import time
import urllib.parse
import zipfile
from concurrent.futures import ThreadPoolExecutor

from lib import (BUILD, ROOT, VAR, Client, check, csrf_of, page_csrf, sign_in, tsv_rows,
                 sql, sql_value)

HERE = os.path.dirname(os.path.abspath(__file__))
MATRIX = os.path.join(HERE, "access_matrix.tsv")

# The matrix's columns after method, pattern, ids and body: who asks.
VISITORS = ("out", "admin", "leader1", "staff01", "rm_huadong", "rm_central")
MANAGERS = ("rm_huadong", "rm_central")
# Own and other region (by code) of each signed-in visitor; the office
# roles see every region, so theirs are only two regions to ask about.
REGIONS = {
    "admin": ("huadong", "huabei"),
    "leader1": ("huadong", "huabei"),
    "staff01": ("huadong", "huabei"),
    "rm_huadong": ("huadong", "huabei"),
    "rm_central": ("huazhong", "huadong"),
    "out": ("huadong", "huabei"),
}
ID_KINDS = ("-", "customer", "complaint", "complaint_file", "plan", "plan_file",
            "measure", "import", "region", "user", "product", "category", "region_row",
            "outbox", "wake")
# Someone else's import job: none of the visitors made it.
OTHER_IMPORTER = "staff02"
OUTCOMES = ("200", "303", "login", "403", "404", "handler")


def program_routes():
    """{(method, pattern): roles} from every program's --routes."""
    routes = {}
    for src in sorted(glob.glob(os.path.join(ROOT, "cgi-bin", "*.c"))):
        prog = os.path.join(BUILD, os.path.basename(src)[:-2] + ".fcgi")
        p = subprocess.run([prog, "--routes"], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=30)
        check(p.returncode == 0, "%s --routes exited with %d: %s" % (
            prog, p.returncode, p.stderr.decode("utf-8", "replace")[:300]))
        lines = p.stdout.decode("utf-8").splitlines()
        check(lines, "%s --routes printed no route" % prog)
        for line in lines:
            method, pattern, roles = line.split("\t")
            routes[(method, pattern)] = set(roles.split(","))
    return routes


def load_matrix():
    """[(method, pattern, ids, body, {visitor: (own, other)})] in file order."""
    rows = []
    for n, fields in tsv_rows(MATRIX, 4 + len(VISITORS)):
        method, pattern, ids, body = fields[:4]
        check(method in ("GET", "POST"), "access_matrix.tsv:%d: method %r" % (n, method))
        check(ids in ID_KINDS, "access_matrix.tsv:%d: id kind %r" % (n, ids))
        check(("{id}" in pattern) == (ids not in ("-", "region")),
              "access_matrix.tsv:%d: id kind %r does not fit %s" % (n, ids, pattern))
        cells = {}
        for visitor, cell in zip(VISITORS, fields[4:]):
            own, _, other = cell.partition("/")
            other = other or own
            for v in (own, other):
                check(v in OUTCOMES and (v != "handler" or method == "POST"),
                      "access_matrix.tsv:%d: %s: outcome %r" % (n, visitor, v))
            check(ids != "-" or own == other,
                  "access_matrix.tsv:%d: own/other for a route without id" % n)
            cells[visitor] = (own, other)
        rows.append((method, pattern, ids, body, cells))
    return rows


def test_matrix_names_every_route_and_only_those():
    routes = program_routes()
    rows = load_matrix()
    listed = [(m, p) for m, p, _, _, _ in rows]
    problems = []
    for what, found in (
            ("listed twice in access_matrix.tsv", set(x for x in listed if listed.count(x) > 1)),
            ("without a decision in access_matrix.tsv", set(routes) - set(listed)),
            ("in access_matrix.tsv but in no program", set(listed) - set(routes))):
        if found:
            problems.append("routes %s: %s" % (what, ", ".join("%s %s" % r for r in sorted(found))))
    # A role the route table leaves out is refused before any handler.
    role_of = {"admin": "admin", "leader1": "leader", "staff01": "staff",
               "rm_huadong": "regional_manager", "rm_central": "regional_manager"}
    for method, pattern, _, _, cells in rows:
        roles = routes.get((method, pattern), {"public"})
        for visitor, role in role_of.items():
            if "public" not in roles and role not in roles and cells[visitor] != ("403", "403"):
                problems.append("%s %s: the route table refuses %s, the matrix says %s" % (
                    method, pattern, visitor, "/".join(cells[visitor])))
    check(not problems, "; ".join(problems))


# --- fixtures ------------------------------------------------------------------

# Per region: the first active customer, complaint, draft plan (its edit
# pages open; the stale version in the bodies refuses the change) and
# execution record (for its attachment). %(r)s is the region's id.
_PER_REGION = """
SELECT 'customer', %(r)s, MIN(id) FROM customers
 WHERE region_id = %(r)s AND status = 'active' AND merged_into IS NULL
UNION ALL SELECT 'complaint', %(r)s, MIN(id) FROM complaints WHERE region_id = %(r)s
UNION ALL SELECT 'plan', %(r)s, MIN(p.id) FROM support_plans p
 JOIN customers c ON c.id = p.customer_id WHERE c.region_id = %(r)s AND p.status = 'draft'
UNION ALL SELECT 'execution', %(r)s, MIN(e.id) FROM support_executions e
 JOIN support_plans p ON p.id = e.plan_id JOIN customers c ON c.id = p.customer_id
 WHERE c.region_id = %(r)s"""

# Attachments (a tiny PDF each) and import jobs are made for the run.
_ATTACH = ("INSERT INTO %s (%s, file_name, content_type, size, stored_name, uploaded_at)"
           " VALUES (%d, 'matrix.pdf', 'application/pdf', %d, '%s', NOW());")
_PDF = b"%PDF-1.4\n% access matrix\n"


class Fixtures:
    """The ids each kind of pattern takes: per region, and import jobs per
    user (the office visitors' own, and OTHER_IMPORTER's). Found or made
    in a few statements (each sql() starts a client); close() removes what
    was made."""

    def __init__(self):
        self.region = {code: int(rid) for rid, code in sql("SELECT id, code FROM regions")}
        self.ids = {}
        self.other_pages = {}   # (method, pattern, visitor): other side's response
        codes = sorted(set(c for pair in REGIONS.values() for c in pair))
        found = sql(" UNION ALL ".join(_PER_REGION % {"r": self.region[c]} for c in codes) +
                    " UNION ALL SELECT 'measure', 0, MIN(id) FROM support_measures")
        by_id = {rid: code for code, rid in self.region.items()}
        self.made_plans = []
        for row in found:
            if row[0] == "plan" and row[2] == "NULL":
                row[2] = self._draft_plan(row[1])
        for kind, rid, value in found:
            check(value != "NULL", "no %s in region %s for the access matrix" % (kind, rid))
            self.ids[(kind, by_id.get(int(rid)))] = int(value)
        self.files = []
        self.tag = os.urandom(8).hex()
        made = []
        for code in codes:
            for table, parent, kind in (("complaint_attachments", "complaint_id", "complaint"),
                                        ("support_attachments", "execution_id", "execution")):
                name = os.urandom(32).hex()
                path = os.path.join(VAR, "files", name)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "wb") as f:
                    f.write(_PDF)
                self.files.append((table, name, path))
                made.append(_ATTACH % (table, parent, self.ids[(kind, code)], len(_PDF), name))
        # An account of the run's own for /admin/users/{id} (a password
        # reset there must touch no demo account), and a product.
        made.append("INSERT INTO users (username, display_name, role, password_hash)"
                    " VALUES ('matrix_%s', 'matrix', 'staff', '-');" % self.tag)
        # A sent notification for /admin/outbox/{id}/retry (a sent one is
        # never queued again: the request changes nothing).
        made.append("INSERT INTO outbox (channel, recipient, subject, body, kind, state,"
                    " next_attempt_at, created_at, sent_at, once_key) VALUES ('email',"
                    " 'matrix@example.com', 'matrix', 'matrix', 'digest', 'sent', NOW(), NOW(),"
                    " NOW(), 'matrix:%s');" % self.tag)
        importers = ("admin", "leader1", "staff01", OTHER_IMPORTER)
        for user in importers:
            made.append("INSERT INTO import_jobs (user_id, filename, format, state, finished_at)"
                        " SELECT id, 'matrix-%s.csv', 'csv', 'done', NOW() FROM users"
                        " WHERE username = '%s';" % (self.tag, user))
        made.append(" UNION ALL ".join(
            "SELECT '%s', stored_name, id FROM %s WHERE stored_name = '%s'" % (t, t, n)
            for t, n, _ in self.files) +
            " UNION ALL SELECT 'import_jobs', u.username, j.id FROM import_jobs j"
            " JOIN users u ON u.id = j.user_id WHERE j.filename = 'matrix-%s.csv'" % self.tag +
            " UNION ALL SELECT 'user', username, id FROM users WHERE username = 'matrix_%s'"
            % self.tag +
            " UNION ALL SELECT 'outbox', 'first', id FROM outbox WHERE once_key = 'matrix:%s'"
            % self.tag +
            " UNION ALL SELECT 'product', 'first', MIN(id) FROM products" +
            " UNION ALL SELECT 'category', 'first', MIN(id) FROM product_categories" +
            " UNION ALL SELECT 'plan_version', id, version FROM support_plans WHERE id IN (%s)"
            % ", ".join(str(self.ids[("plan", c)]) for c in codes))
        back = {(t, key): int(v) for t, key, v in sql("\n".join(made))}
        for i, code in enumerate(codes):
            self.ids[("complaint_file", code)] = back[("complaint_attachments", self.files[2 * i][1])]
            self.ids[("plan_file", code)] = back[("support_attachments", self.files[2 * i + 1][1])]
        for user in importers:
            self.ids[("import", user)] = back[("import_jobs", user)]
        self.versions = {int(key): v for (t, key), v in back.items() if t == "plan_version"}
        self.ids[("user", None)] = back[("user", "matrix_" + self.tag)]
        self.ids[("product", None)] = back[("product", "first")]
        self.ids[("outbox", None)] = back[("outbox", "first")]
        self.ids[("category", None)] = back[("category", "first")]
        # A wake-up decision per region (its outcome's page); removed by close().
        for code in codes:
            self.ids[("wake", code)] = int(sql_value(
                "INSERT INTO wake_decisions (customer_id, region_id, sleep_state, decision,"
                " approach, decided_by, decided_on) VALUES (%d, %d, 4, 'wake', 'phone', 1,"
                " CURDATE()); SELECT LAST_INSERT_ID();"
                % (self.ids[("customer", code)], self.region[code])))

    def _draft_plan(self, region_id):
        """A draft plan of a dealer of the region when the demo data has
        none there (drafts come and go with the planning round): a year
        no demo plan has, removed again by close()."""
        rows = sql("SELECT c.id, (SELECT COALESCE(MAX(year), 2089) + 1 FROM support_plans)"
                   " FROM customers c WHERE c.region_id = %s AND c.kind = 'dealer'"
                   " AND c.status = 'active' ORDER BY c.id LIMIT 1" % region_id)
        if not rows:
            return "NULL"
        cid, year = rows[0]
        pid = sql_value("INSERT INTO support_plans (customer_id, year, status, created_by, created_at,"
                        " updated_at) VALUES (%s, %s, 'draft', 1, NOW(), NOW());"
                        " SET @p = LAST_INSERT_ID();"
                        " INSERT INTO support_plan_revisions (plan_id, rev, status, created_by, created_at)"
                        " VALUES (@p, 1, 'draft', 1, NOW());"
                        " UPDATE support_plans SET open_rev_id = LAST_INSERT_ID() WHERE id = @p;"
                        " SELECT @p;" % (cid, year))
        self.made_plans.append(pid)
        return pid

    def of(self, kind, region_code, username):
        if kind in ("user", "product", "category", "outbox"):
            return self.ids[(kind, None)]
        if kind in ("region", "region_row"):
            return self.region[region_code]
        if kind == "measure":
            return self.ids[("measure", None)]
        if kind == "import":
            # A manager (or nobody) has no job of their own: someone else's.
            return self.ids[("import", username if ("import", username) in self.ids
                             else OTHER_IMPORTER)]
        return self.ids[(kind, region_code)]

    def close(self):
        sql("DELETE FROM wake_decisions WHERE id IN (%s)" % ", ".join(
            str(v) for k, v in self.ids.items() if k[0] == "wake"))
        sql("DELETE FROM sessions WHERE user_id = %d; DELETE FROM users WHERE id = %d;"
            " DELETE FROM outbox WHERE id = %d;"
            % (self.ids[("user", None)], self.ids[("user", None)], self.ids[("outbox", None)]))
        sql("DELETE FROM complaint_attachments WHERE stored_name IN (%s);"
            " DELETE FROM support_attachments WHERE stored_name IN (%s);"
            " DELETE FROM import_jobs WHERE filename = 'matrix-%s.csv';" % (
                ", ".join("'%s'" % n for t, n, _ in self.files if t == "complaint_attachments"),
                ", ".join("'%s'" % n for t, n, _ in self.files if t == "support_attachments"),
                self.tag))
        for _, _, path in self.files:
            if os.path.exists(path):
                os.unlink(path)
        self.files = []
        for pid in self.made_plans:
            sql("UPDATE support_plans SET open_rev_id = NULL WHERE id = %s;"
                " DELETE FROM support_plan_revisions WHERE plan_id = %s;"
                " DELETE FROM support_plans WHERE id = %s;" % (pid, pid, pid))
        self.made_plans = []


# --- asking ------------------------------------------------------------------

def outcome(resp):
    if resp.status == 303:
        loc = urllib.parse.urlsplit(resp.location or "").path
        return "login" if loc == "/login" else "303"
    if resp.method == "POST" and resp.status not in (403, 404):
        return "handler"
    return str(resp.status)


def _target(pattern, ids, value):
    if ids == "-":
        return pattern
    if ids == "region":
        return "%s?region=%d" % (pattern, value)
    return pattern.replace("{id}", str(value))


class _Pace:
    """nginx lets one address ask the public form 5 times a second (after a
    burst of 20): the visitors, asking side by side, take turns there."""

    def __init__(self, interval):
        self.interval = interval
        self.lock = threading.Lock()
        self.last = 0.0

    def wait(self):
        with self.lock:
            delay = self.last + self.interval - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            self.last = time.monotonic()


PUBLIC_PACE = _Pace(0.21)


class Visitor:
    def __init__(self, name):
        self.name = name
        if name == "out":
            self.client = Client()
            form = self.client.get("/login")
            self.csrf = csrf_of(form.text)
        else:
            self.client = sign_in(name)
            self.csrf = page_csrf(self.client, "/customers/new")

    def ask(self, method, path, body):
        if path.startswith("/complaint") and not path.startswith("/complaints"):
            PUBLIC_PACE.wait()
        if method == "GET":
            return self.client.get(path)
        fields = urllib.parse.parse_qsl(body) if body != "-" else []
        return self.client.post(path, [("_csrf", self.csrf)] + fields)


def _body(fixtures, body, value, region):
    """The matrix's body with {id} (the id asked about), {version} (that
    plan's current version) and {region} (the visitor's own region)."""
    if "{version}" in body:
        body = body.replace("{version}", str(fixtures.versions[value]))
    return body.replace("{id}", str(value)).replace("{region}", str(region))


def _values(fixtures, ids, name):
    """(own, other): what the visitor asks about; other is None when one
    request is all (no id, or signed out)."""
    if ids == "-":
        return (None, None)
    own_code, other_code = REGIONS[name]
    own = fixtures.of(ids, own_code, name)
    if name == "out":
        return (own, None)
    return (own, fixtures.of(ids, other_code, OTHER_IMPORTER if ids == "import" else name))


def _visit(name, fixtures, rows):
    """One visitor's answers; signing out comes last, the session is needed
    until then. The other side's responses are kept in
    fixtures.other_pages for the content checks."""
    v = Visitor(name)
    region = fixtures.region[REGIONS[name][0]]
    got = {}
    for method, pattern, ids, body, _ in sorted(
            rows, key=lambda row: (row[0], row[1]) == ("POST", "/logout")):
        own, other = _values(fixtures, ids, name)
        first = outcome(v.ask(method, _target(pattern, ids, own), _body(fixtures, body, own, region)))
        if other is None:
            got[(method, pattern, name)] = (first, first)
            continue
        r = v.ask(method, _target(pattern, ids, other), _body(fixtures, body, other, region))
        fixtures.other_pages[(method, pattern, name)] = r
        got[(method, pattern, name)] = (first, outcome(r))
    v.client.close()
    return got


def observe(fixtures, rows):
    """{(method, pattern, visitor): (own, other)} as the stack answers.
    Every id is found (or made) first; then the visitors ask side by side,
    one session and one keep-alive connection each."""
    for name in VISITORS:
        for row in rows:
            _values(fixtures, row[2], name)
    got = {}
    with ThreadPoolExecutor(max_workers=len(VISITORS)) as pool:
        for part in pool.map(lambda name: _visit(name, fixtures, rows), VISITORS):
            got.update(part)
    return got


def _max_id(table):
    return int(sql_value("SELECT COALESCE(MAX(id), 0) FROM %s" % table))


def _zip_text(raw):
    """The XML of every member of an XLSX, as one text."""
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())


def _shows_region(resp, name):
    text = _zip_text(resp.raw) if resp.raw[:2] == b"PK" else resp.text
    return name in text


def _run(rows):
    """Asks everything; returns (observed, fixtures, seconds taken, audit
    rows written meanwhile). Attempts of the public form the run recorded
    are removed again, so the form's own limits are not used up."""
    fixtures = Fixtures()
    audit, attempts = _max_id("audit_log"), _max_id("public_attempts")
    t0 = time.time()
    try:
        got = observe(fixtures, rows)
    finally:
        fixtures.close()
        sql("DELETE FROM public_attempts WHERE id > %d" % attempts)
    took = time.time() - t0
    written = sql("SELECT a.entity, a.entity_id, a.action, u.username FROM audit_log a"
                  " LEFT JOIN users u ON u.id = a.user_id WHERE a.id > %d" % audit)
    return got, fixtures, took, written


def test_every_route_answers_as_the_matrix_says():
    rows = load_matrix()
    got, fixtures, took, written = _run(rows)
    names = {code: name for code, name in
             sql("SELECT code, name_zh FROM regions")}
    wrong = []
    for method, pattern, ids, _, cells in rows:
        for name in VISITORS:
            want, have = cells[name], got[(method, pattern, name)]
            for side, w, h in (("own", want[0], have[0]), ("other", want[1], have[1])):
                if w != h:
                    wrong.append("%s %s as %s, %s region: expected %s, got %s" % (
                        method, pattern, name, side, w, h))
            if name not in MANAGERS or ids in ("-", "measure", "import") or have[1] != "200":
                continue
            # Whatever the matrix says: never another region's row. A list
            # asked for another region answers within the manager's scope,
            # so that region's name appears nowhere in it.
            other = names[REGIONS[name][1]]
            if ids != "region":
                wrong.append("%s %s as %s: 200 on another region's %s" % (
                    method, pattern, name, ids))
            elif _shows_region(fixtures.other_pages[(method, pattern, name)], other):
                wrong.append("%s %s?region= as %s shows %s" % (method, pattern, name, other))
    check(not wrong, "%d mismatches: %s" % (len(wrong), "; ".join(wrong)))
    # The POSTs changed nothing but the visitors' own sessions and
    # language, and the customers they archive and restore again (a
    # manager: of their own region only).
    customers = set(str(v) for k, v in fixtures.ids.items() if k[0] == "customer")
    changed = [w for w in written if w[0] != "user" and not (
        w[0] == "customer" and w[2] in ("archive", "restore") and
        (w[3] not in MANAGERS or w[1] == str(fixtures.ids[("customer", REGIONS[w[3]][0])])))]
    check(not changed, "the matrix changed data: %s" % changed)
    left = sql("SELECT id FROM customers WHERE id IN (%s) AND status <> 'active'" %
               ", ".join(sorted(customers)))
    check(not left, "customers left archived: %s" % left)
    check(took < 60, "the matrix took %.1f s (keep it under a minute)" % took)
    asked = sum(1 if ids == "-" or name == "out" else 2
                for _, _, ids, _, _ in rows for name in VISITORS)
    print("     (%d requests in %.1f s)" % (asked, took))


def print_observed():
    rows = load_matrix()
    got = _run(rows)[0]
    for method, pattern, ids, body, _ in rows:
        cells = []
        for name in VISITORS:
            own, other = got[(method, pattern, name)]
            cells.append(own if own == other else "%s/%s" % (own, other))
        print("\t".join([method, pattern, ids, body] + cells))


if __name__ == "__main__":
    if sys.argv[1:] == ["--observed"]:
        print_observed()
    else:
        sys.exit("usage: test_access_matrix.py --observed")
