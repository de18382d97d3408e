#!/usr/bin/python3
"""Deep pages at volume: the rows of page N of each list, fetched twice
(the second time from the page's kept anchor), must be SQL's rows at that
offset. The anchors only come into play past the counting cap, so this runs
against the volume database (bench/load-volume.sh), not in `make test`.

    KEHU_VAR=$PWD/var-bench KEHU_HTTP_PORT=8090 bench/check-pages.py
Prints one line per case and "N passed, M failed"; exits 1 on a failure."""
import os
import re
import subprocess
import sys
import urllib.parse
import urllib.request
import http.cookiejar

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASE = "http://127.0.0.1:%s" % os.environ.get("KEHU_HTTP_PORT", "8090")
PER = 20


def sql(q):
    out = subprocess.run([ROOT + "/scripts/db.sh", "sql", "kehu", "-N", "-B", "-e", q],
                         capture_output=True, text=True, check=True).stdout
    return [line.split("\t") for line in out.splitlines()]


def session(user):
    jar = http.cookiejar.CookieJar()
    op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = op.open(BASE + "/login").read().decode()
    csrf = re.search(r'name="_csrf" value="([0-9a-f]+)"', page).group(1)
    op.open(BASE + "/login", urllib.parse.urlencode(
        {"_csrf": csrf, "username": user, "password": "kehu2026"}).encode()).read()
    return op


def ids(op, query):
    html = op.open(BASE + "/customers?" + query).read().decode()
    table = re.search(r'<table[^>]*id="customer-list".*?</table>', html, re.S)
    if not table:
        return []
    seen = []
    for x in re.findall(r'href="/customers/(\d+)"', table.group(0)):
        if int(x) not in seen:
            seen.append(int(x))
    return seen


ORDERS = {"": "c.id DESC", "sort=code&dir=asc": "c.code ASC", "sort=code&dir=desc": "c.code DESC",
          "sort=name&dir=asc": "c.name ASC, c.id ASC", "sort=name&dir=desc": "c.name DESC, c.id DESC",
          "sort=purchase&dir=asc": "c.last_purchase_on ASC, c.id ASC",
          "sort=purchase&dir=desc": "c.last_purchase_on DESC, c.id DESC"}
USERS = {"staff01": "1", "rm_central": "c.region_id IN (SELECT region_id FROM user_regions ur"
                                       " JOIN users u ON u.id = ur.user_id WHERE u.username = 'rm_central')"}
passed = failed = 0
for user, scope in USERS.items():
    op = session(user)
    for query, order in ORDERS.items():
        for page in (60, 500, 2000):
            expected = [int(r[0]) for r in sql(
                "SELECT c.id FROM customers c WHERE c.status = 'active' AND %s ORDER BY %s LIMIT %d OFFSET %d"
                % (scope, order, PER, (page - 1) * PER))]
            q = (query + "&" if query else "") + "page=%d" % page
            first, second = ids(op, q), ids(op, q)
            ok = first == expected and second == expected
            passed += ok
            failed += not ok
            print("%s %s ?%s: %s" % ("ok  " if ok else "FAIL", user, q,
                                     "" if ok else "first %s second %s expected %s" % (first[:3], second[:3], expected[:3])))
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
