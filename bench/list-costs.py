#!/usr/bin/python3
"""What a customer-list page costs the database, independent of machine load.

For every filter x sort x page of the list (or the URLs given in a file),
fetch the page with MariaDB's general log on, run again each statement the
customers program executed for it (the count and the page, with the values
the log shows) in the mysql client after FLUSH STATUS, and add up the
Handler_read_* counters: the index entries and rows touched. A page that
touches ~10,000 costs about what the default list's page 500 costs; wrk's
times on a shared 2-core machine are too noisy to compare plans by.

    KEHU_VAR=$PWD/var-bench KEHU_HTTP_PORT=8090 bench/list-costs.py [users] [url-file]

users: comma-separated (default staff01,rm_central). Prints one line per
page: user, URL, total, and each statement's count. A capped count kept by
the program from an earlier request is not run again (0 is printed for it)."""
import http.cookiejar
import os
import re
import subprocess
import sys
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VAR = os.environ.get("KEHU_VAR", ROOT + "/var-bench")
BASE = "http://127.0.0.1:%s" % os.environ.get("KEHU_HTTP_PORT", "8090")
# Written by the server, which runs as mysql and may write only its own
# data directory there (log/ is root's and the programs').
LOG = VAR + "/mysql/general-costs.log"


def sql(q):
    return subprocess.run([ROOT + "/scripts/db.sh", "sql", "kehu", "-N", "-B", "-e", q],
                          capture_output=True, text=True).stdout


def session(user):
    jar = http.cookiejar.CookieJar()
    op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = op.open(BASE + "/login").read().decode()
    csrf = re.search(r'name="_csrf" value="([0-9a-f]+)"', page).group(1)
    op.open(BASE + "/login", urllib.parse.urlencode(
        {"_csrf": csrf, "username": user, "password": "kehu2026"}).encode()).read()
    return op


def statements():
    out = []
    for line in open(LOG, encoding="utf-8", errors="replace"):
        i = line.find(" Execute\t")
        if i < 0:
            continue
        st = line[i + 9:].strip()
        if "FROM customers c" in st and "SELECT" in st and "user_regions ur WHERE ur.user_id = u.id" not in st:
            out.append(st)
    return out


def cost(stmt):
    n = 0
    for line in sql("FLUSH STATUS; " + stmt + "; SHOW SESSION STATUS LIKE 'Handler_read%'").splitlines():
        p = line.split("\t")
        if len(p) == 2 and p[0].startswith("Handler_read"):
            n += int(p[1])
    return n


def default_urls():
    city = urllib.parse.quote(sql("SELECT city FROM customers GROUP BY city ORDER BY COUNT(*) DESC LIMIT 1").strip())
    owner = sql("SELECT owner_id FROM customers WHERE owner_id IS NOT NULL GROUP BY owner_id"
                " ORDER BY COUNT(*) DESC LIMIT 1").strip()
    region = sql("SELECT id FROM regions WHERE code = 'huazhong'").strip()
    filters = ["", "class=A", "class=C", "stage=loyal", "stage=target", "kind=dealer",
               "kind=organisation", "owner=" + owner, "region=" + region, "city=" + city]
    return ["/customers?%s&sort=%s&dir=%s&page=%d" % (f, s, d, p) for f in filters
            for s in ("code", "name", "region", "lifecycle", "class", "purchase")
            for d in ("asc", "desc") for p in (1, 500)]


def main():
    users = (sys.argv[1] if len(sys.argv) > 1 else "staff01,rm_central").split(",")
    urls = [l.strip() for l in open(sys.argv[2]) if l.strip()] if len(sys.argv) > 2 else default_urls()
    for user in users:
        op = session(user)
        for path in urls:
            try:
                os.unlink(LOG)
            except FileNotFoundError:
                pass
            sql("SET GLOBAL general_log_file = '%s', GLOBAL log_output = 'FILE', GLOBAL general_log = 1" % LOG)
            try:
                op.open(BASE + path).read()
            finally:
                sql("SET GLOBAL general_log = 0")
            costs = [cost(s) for s in statements()]
            print("%s\t%s\t%d\t%s" % (user, urllib.parse.unquote(path), sum(costs),
                                       ",".join(map(str, costs))), flush=True)


if __name__ == "__main__":
    main()
