"""Issue 17's filters on the customer list (size, loyalty, noncust, sleep,
rfm, watch, bought_*): each returns exactly the customers SQL says, within
the viewer's regions; values not offered are ignored as for the other
filters; the filters stay in the page, sort and export links; the counts
beside the options equal the sums of the batch's period_kind 0 cells over
the viewer's regions."""
import re
import urllib.parse

from lib import (check, check_in, check_status, customer_ids, result_count, sign_in, sql,
                 sql_str, sql_value)

PREFIX = "测试分析筛选"
CAP = 10000


def _region(code):
    return int(sql_value("SELECT id FROM regions WHERE code = %s" % sql_str(code)))


def _cleanup():
    ids = [r[0] for r in sql("SELECT id FROM customers WHERE name LIKE %s" % sql_str(PREFIX + "%"))]
    if ids:
        idl = ", ".join(ids)
        sql("DELETE FROM customer_analysis WHERE customer_id IN (%s)" % idl)
        sql("DELETE FROM customers WHERE id IN (%s)" % idl)


def _fixtures():
    """Customers of our own in two regions with known analysis rows, so
    every analysis filter has rows whether or not the batch has run."""
    rows = (("1", "huadong", 4, 2, 1 | 2, 6, "large", "loyal", None),
            ("2", "huadong", 2, 5, 8, 2, "micro", None, "quasi"),
            ("3", "huanan", 4, 2, 4, 2, "large", "loyal", None),
            ("4", "huadong", 1, 1, 0, 0, None, "switcher", "refusing"))
    for sfx, region, sleep, rfm, reasons, score, size, loyalty, noncust in rows:
        code = "TF" + sfx
        sql("INSERT INTO customers (code, name, kind, region_id, size_class, loyalty, non_customer)"
            " VALUES (%s, %s, 'dealer', %d, %s, %s, %s)"
            % (sql_str(code), sql_str(PREFIX + sfx), _region(region),
               sql_str(size) if size else "NULL", sql_str(loyalty) if loyalty else "NULL",
               sql_str(noncust) if noncust else "NULL"))
        sql("INSERT INTO customer_analysis (customer_id, region_id, run_id, sleep_state,"
            " rfm_segment, watch_reasons, watch_score) SELECT id, region_id, 0, %d, %d, %d, %d"
            " FROM customers WHERE code = %s" % (sleep, rfm, reasons, score, sql_str(code)))


def _scope(user):
    if not user.startswith("rm_"):
        return ""
    return (" AND c.region_id IN (SELECT region_id FROM user_regions WHERE user_id ="
            " (SELECT id FROM users WHERE username = %s))" % sql_str(user))


ANALYSIS = "c.id IN (SELECT a.customer_id FROM customer_analysis a WHERE %s)"
BOUGHT = ("c.id IN (SELECT o.customer_id FROM orders o JOIN order_lines l ON l.order_id = o.id"
          " JOIN products p ON p.id = l.product_id WHERE o.status <> 'cancelled' AND %s)")


def _cases():
    product = sql_value("SELECT l.product_id FROM order_lines l GROUP BY l.product_id"
                        " ORDER BY COUNT(*) DESC LIMIT 1")
    category = sql_value("SELECT category_id FROM products WHERE id = %s" % product)
    day = sql_value("SELECT MAX(ordered_on) - INTERVAL 90 DAY FROM orders")
    return [
        ("size=large", "c.size_class = 'large'"),
        ("loyalty=loyal", "c.loyalty = 'loyal'"),
        ("noncust=refusing", "c.non_customer = 'refusing'"),
        ("sleep=dormant", ANALYSIS % "a.sleep_state = 4"),
        ("sleep=drowsy", ANALYSIS % "a.sleep_state = 2"),
        ("sleep=any", ANALYSIS % "a.sleep_state IN (2, 3, 4)"),
        ("rfm=2", ANALYSIS % "a.rfm_segment = 2"),
        ("watch=any", ANALYSIS % "a.watch_score > 0"),
        ("watch=orders", ANALYSIS % "a.watch_score > 0 AND a.watch_reasons & 2"),
        ("watch=complaints", ANALYSIS % "a.watch_score > 0 AND a.watch_reasons & 8"),
        ("sleep=dormant&rfm=2&size=large", "c.size_class = 'large' AND "
         + ANALYSIS % "a.sleep_state = 4 AND a.rfm_segment = 2"),
        ("bought_product=%s" % product, BOUGHT % ("l.product_id = %s" % product)),
        ("bought_category=%s" % category, BOUGHT % ("p.category_id = %s" % category)),
        ("bought_from=%s" % day, BOUGHT.replace(" JOIN order_lines l ON l.order_id = o.id"
                                                " JOIN products p ON p.id = l.product_id", "")
         % ("o.ordered_on >= '%s'" % day)),
        ("bought_category=%s&bought_from=%s&bought_to=%s" % (category, day, day),
         BOUGHT % ("p.category_id = %s AND o.ordered_on BETWEEN '%s' AND '%s'"
                   % (category, day, day))),
    ]


def _expected(user, where):
    return [int(r[0]) for r in sql(
        "SELECT c.id FROM customers c WHERE c.status = 'active'%s AND %s ORDER BY c.id DESC"
        % (_scope(user), where))]


def test_each_filter_lists_what_sql_says():
    _cleanup()
    try:
        _fixtures()
        nonempty = 0
        for user in ("staff01", "rm_huadong", "rm_central"):
            c = sign_in(user)
            for query, where in _cases():
                want = _expected(user, where)
                r = c.get("/customers?" + query)
                check_status(r, 200, "%s %s" % (user, query))
                what = "%s /customers?%s" % (user, query)
                check(result_count(r.text) == min(len(want), CAP),
                      "%s: count %d, SQL %d" % (what, result_count(r.text), len(want)))
                check(customer_ids(r.text) == want[:20], "%s: first page differs from SQL" % what)
                nonempty += bool(want)
                # sorted by name: the same set (first page of the name order)
                r = c.get("/customers?%s&sort=name" % query)
                names = [int(x[0]) for x in sql(
                    "SELECT c.id FROM customers c WHERE c.status = 'active'%s AND %s"
                    " ORDER BY c.name, c.id LIMIT 20" % (_scope(user), where))]
                check(customer_ids(r.text) == names, "%s sorted by name" % what)
        check(nonempty >= 20, "the cases found customers (%d non-empty)" % nonempty)
        # the fixtures themselves, within the scope
        c = sign_in("rm_huadong")
        # (the demo data has dormant large loyal customers of its own: only ours are named)
        ids = customer_ids(c.get("/customers?sleep=dormant&size=large&loyalty=loyal").text)
        mine, theirs = (int(sql_value("SELECT id FROM customers WHERE code = '%s'" % code))
                        for code in ("TF1", "TF3"))
        check(mine in ids and theirs not in ids,
              "huadong's dormant large loyal customer, not huanan's: %r" % ids)
    finally:
        _cleanup()


def test_values_not_offered_are_ignored():
    c = sign_in("rm_huadong")
    plain = c.get("/customers")
    for query in ("size=huge", "loyalty=x", "noncust=1", "sleep=2", "sleep=bogus", "rfm=9",
                  "rfm=0", "rfm=abc", "watch=maybe", "bought_product=abc",
                  "bought_product=-3", "bought_category=99999999", "bought_from=2026-02-30",
                  "bought_to=tomorrow", "bought_from=%27%20OR%201%3D1"):
        r = c.get("/customers?" + query)
        check_status(r, 200, query)
        check(result_count(r.text) == result_count(plain.text), "%s is ignored" % query)
        check(customer_ids(r.text) == customer_ids(plain.text), "%s: same rows" % query)


def test_filters_kept_in_links_and_export():
    _cleanup()
    try:
        _fixtures()
        query = "sleep=any&watch=any&size=large&rfm=2&loyalty=loyal"
        c = sign_in("staff01")
        r = c.get("/customers?" + query)
        check_status(r, 200, "page")
        for part in query.split("&"):
            check_in(part, re.search(r'id="export-csv" [^>]*href="([^"]+)"', r.text).group(1),
                     "export link keeps " + part)
            sort = re.search(r'data-sort="name"[^>]*href="([^"]+)"', r.text).group(1)
            check_in(part, sort.replace("&amp;", "&"), "sort link keeps " + part)
        check_in('<option value="any" selected>', r.text, "the chosen sleep written back")
        check_in('<option value="large" selected>', r.text, "the chosen size written back")
        check_in("open", re.search(r'<details class="filter-fold"[^>]*>', r.text).group(0),
                 "the advanced filters are open when used")
        where = ("c.size_class = 'large' AND c.loyalty = 'loyal' AND "
                 + ANALYSIS % "a.sleep_state IN (2, 3, 4) AND a.rfm_segment = 2 AND a.watch_score > 0")
        want = _expected("staff01", where)
        x = c.get("/customers/export.csv?" + query)
        check_status(x, 200, "export")
        lines = [l for l in x.raw.decode("utf-8-sig").splitlines() if l.strip()]
        check(len(want) >= 1, "the fixtures match")
        check(len(lines) - 1 == len(want), "export rows %d, SQL %d" % (len(lines) - 1, len(want)))
        bought = "bought_product=1&bought_category=1&bought_from=2020-01-01&bought_to=2020-12-31&noncust=quasi"
        r = c.get("/customers?" + bought)
        link = re.search(r'id="export-xlsx" [^>]*href="([^"]+)"', r.text).group(1).replace("&amp;", "&")
        for part in bought.split("&"):
            check_in(part, link, "export link keeps " + part)
        check_in('value="2020-12-31"', r.text, "the date written back")
    finally:
        _cleanup()


FACETS = (("stage", 13, ("target", "potential", "one_time", "loyal")),
          ("class", 2, ("A", "B", "C")),
          ("size", 3, ("large", "medium", "small", "micro")),
          ("loyalty", 8, ("loyal", "switcher", "none")),
          ("noncust", 9, ("quasi", "refusing", "unexplored")),
          ("rfm", 11, tuple(str(i) for i in range(1, 9))))


def _option_counts(page, select):
    body = re.search(r'<select id="%s"[^>]*>(.*?)</select>' % select, page, re.S).group(1)
    return {m.group(1): int(m.group(2)) for m in
            re.finditer(r'<option value="([^"]*)"[^>]*>[^<]*\((\d+)\)</option>', body)}


def test_option_counts_equal_the_cells():
    latest = sql_value("SELECT MAX(period_start) FROM analysis_cells WHERE period_kind = 0")
    for user in ("staff01", "rm_huadong", "rm_central"):
        page = sign_in(user).get("/customers").text
        if latest in (None, "NULL"):
            check('id="facets-as-of"' not in page, "no counts before the batch's first run")
            continue
        check_in(latest, page, "the counts say their day")

        def cells(dim, key_sql="dim_key"):
            return {str(r[0]): int(r[1]) for r in sql(
                "SELECT %s, SUM(customers) FROM analysis_cells c WHERE period_kind = 0"
                " AND period_start = '%s' AND dim = %d AND c.region_id > 0%s GROUP BY 1" % (key_sql, latest, dim,
                                                                        _scope(user).replace("c.region_id", "c.region_id")))}
        for select, dim, words in FACETS:
            want = cells(dim)
            got = _option_counts(page, select if select != "stage" else "stage")
            for i, w in enumerate(words, 1):
                check(got.get(w) == want.get(str(i), 0),
                      "%s %s=%s: page %s, cells %s" % (user, select, w, got.get(w), want.get(str(i), 0)))
        sleep = cells(10)
        got = _option_counts(page, "sleep")
        for k, w in ((2, "drowsy"), (3, "half"), (4, "dormant")):
            check(got.get(w) == sleep.get(str(k), 0), "%s sleep=%s" % (user, w))
        check(got.get("any") == sum(sleep.get(str(k), 0) for k in (2, 3, 4)), "%s sleep=any" % user)
        watch = cells(12)
        check(_option_counts(page, "watch").get("any") == watch.get("1", 0), "%s watch=any" % user)
