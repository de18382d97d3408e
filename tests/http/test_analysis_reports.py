"""The analysis reports (/analysis/report, its CSV and XLSX) and the Pareto
view (/analysis): every figure against SUMs over analysis_cells queried
here, the comparisons with the previous period and a year before worked
out from those sums, the drill-down links' filters, the regional managers'
scope, the exports against the table, and bad parameters. The report's
cells are the controlled set of analysis_fixture (2019 and 2018)."""
import csv
import io
import urllib.parse

from analysis_fixture import DIM_NAMES, PERIODS, dim_keys, report_cells, standing_run
from lib import (Client, check, check_status, element_text, sign_in, sql, sql_value,
                 table_rows)
from test_export import _xlsx_rows

FIGURES = ("sales", "margin", "customers", "active_before", "lost", "new_customers",
           "conversions")


def _sums(kind, start, dim, regions=None):
    """{key: {figure: sum}} over analysis_cells, as the page should sum."""
    where = (" AND region_id > 0" if regions is None
             else " AND region_id IN (%s)" % ",".join(map(str, regions)))
    out = {}
    for row in sql("SELECT dim_key, %s FROM analysis_cells WHERE period_kind = %d"
                   " AND period_start = '%s' AND dim = %d%s GROUP BY dim_key" % (
                       ", ".join("SUM(%s)" % f for f in FIGURES), kind, start, dim, where)):
        out[int(row[0])] = dict(zip(FIGURES, (int(v) for v in row[1:])))
    return out


def _yuan(cents):
    """Whole yuan with separators, as the table shows money."""
    y = (cents + 50) // 100 if cents >= 0 else -((-cents + 50) // 100)
    return "{:,}".format(y)


def _pct(cur, before):
    if before <= 0:
        return "—"
    v = (cur - before) * 100.0 / before
    return "%.1f%%" % (int(abs(v) * 10 + 0.5) / 10.0 * (1 if v >= 0 else -1))


def _share(part, whole):
    if whole <= 0:
        return "—"
    return "%.1f%%" % (int(part * 1000.0 / whole + 0.5) / 10.0)


def _page(client, query, status=200):
    r = client.get("/analysis/report?" + query)
    check_status(r, status, "report ?" + query)
    return r.text


def _rows_by_key(html_text):
    """{data-key: [cells]} of the report table, the total under 'total'."""
    out = {}
    keys = [k for k in _data_keys(html_text)]
    rows = table_rows(html_text, "t-report")
    check(rows is not None, "no report table")
    check(len(rows) == len(keys), "%d rows, %d keys" % (len(rows), len(keys)))
    for k, row in zip(keys, rows):
        out[k] = row
    return out


def _data_keys(html_text):
    import re
    start = html_text.index('id="t-report"')
    return re.findall(r'<tr[^>]*data-key="([^"]+)"', html_text[start:])


def _with_cells(fn):
    cleanup = report_cells()
    try:
        fn()
    finally:
        cleanup()


def test_report_needs_sign_in():
    for path in ("/analysis", "/analysis/report", "/analysis/report.csv", "/analysis/report.xlsx"):
        r = Client().get(path)
        check_status(r, (302, 303), "anonymous " + path)
        check("/login" in (r.header("Location") or ""), "%s not sent to sign in" % path)


def _check_dim(client, kind, label, dim, regions=None, year=False):
    this, prev, ago = PERIODS[kind]
    text = _page(client, "p=%s&dim=%s" % (label, DIM_NAMES[dim]))
    rows = _rows_by_key(text)
    cur, before, then = (_sums(kind, s, dim, regions) for s in (this, prev, ago))
    check(set(rows) - {"total"} == {str(k) for k in cur}, "%s: keys %s, SQL %s" % (
        DIM_NAMES[dim], sorted(rows), sorted(cur)))
    # sorted by sales, largest first
    order = [int(k) for k in _data_keys(text) if k != "total"]
    check([cur[k]["sales"] for k in order] == sorted((v["sales"] for v in cur.values()),
                                                   reverse=True),
          "%s: not sorted by sales" % DIM_NAMES[dim])
    for key, v in cur.items():
        cells = [c["text"] for c in rows[str(key)]]
        p, y = before.get(key, {}), then.get(key, {})
        if year:   # name, sales, year, vs year, margin, vs year, customers, ...
            want = [_yuan(v["sales"]), _yuan(y.get("sales", 0)),
                    _pct(v["sales"], y.get("sales", 0)), _yuan(v["margin"]),
                    _pct(v["margin"], y.get("margin", 0))]
            got = cells[1:6]
            rest = cells[6:]
        else:
            want = [_yuan(v["sales"]), _yuan(p.get("sales", 0)), _yuan(y.get("sales", 0)),
                    _pct(v["sales"], p.get("sales", 0)), _pct(v["sales"], y.get("sales", 0)),
                    _yuan(v["margin"]), _pct(v["margin"], p.get("margin", 0)),
                    _pct(v["margin"], y.get("margin", 0))]
            got = cells[1:9]
            rest = cells[9:]
        check(got == want, "%s key %s: page %s, SQL %s" % (DIM_NAMES[dim], key, got, want))
        churn = "—" if dim in (4, 5) else _share(v["lost"], v["active_before"])
        y_churn = "—" if dim in (4, 5) else _share(y.get("lost", 0), y.get("active_before", 0))
        want = [str(v["customers"]), str(y.get("customers", 0)), churn, y_churn,
                str(v["new_customers"]), str(v["conversions"])]
        check(rest == want, "%s key %s: customers/churn %s, SQL %s" % (
            DIM_NAMES[dim], key, rest, want))
    whole = _sums(kind, this, 0, regions).get(0, {"sales": 0})
    total = [c["text"] for c in rows["total"]]
    check(total[1] == _yuan(whole["sales"]), "%s: total %s, SQL %s" % (
        DIM_NAMES[dim], total[1], _yuan(whole["sales"])))
    return text


def test_every_dim_matches_sql():
    def run():
        c = sign_in("admin")
        for dim in DIM_NAMES:
            _check_dim(c, 1, "2019-03", dim)
    _with_cells(run)


def test_quarter_and_year_compare_right_periods():
    def run():
        c = sign_in("leader1")
        text = _check_dim(c, 2, "2019-Q1", 1)
        check(element_text(text, "period-prev") == "2018-Q4", "previous quarter %r"
              % element_text(text, "period-prev"))
        check(element_text(text, "period-year") == "2018-Q1", "a year before %r"
              % element_text(text, "period-year"))
        text = _check_dim(c, 3, "2019", 2, year=True)
        check(element_text(text, "period-prev") == "2018", "previous year")
        check("period-year" not in text, "a year's report names the year before once")
        # a kind chosen in the form with another kind's period: that kind's
        # latest complete period, not an error
        text = _page(c, "p=2019-03&kind=year&dim=region")
        check(element_text(text, "period") != "2019-03", "kind=year kept a month")
    _with_cells(run)


def _query(href):
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(href).query))


def test_drill_down_links_carry_filters():
    def run():
        c = sign_in("admin")
        keys = dim_keys()
        expect = {
            "region": lambda k: {"region": str(k)},
            "class": lambda k: {"class": "ABC"[k - 1]},
            "size": lambda k: {"size": ["", "large", "medium", "small", "micro"][k]} if k else None,
            "category": lambda k: {"bought_category": str(k)},
            "product": lambda k: {"bought_product": str(k)},
            "owner": lambda k: {"owner": str(k)} if k else None,
            "postal": lambda k: {"postal": "%03d" % k} if k >= 0 else None,
        }
        for dim, name in DIM_NAMES.items():
            text = _page(c, "p=2019-03&dim=%s&region=4" % name)
            rows = _rows_by_key(text)
            for key, row in rows.items():
                if key == "total":
                    want = {"region": "4"}
                else:
                    want = expect[name](int(key))
                    if want is not None and name != "region":
                        want["region"] = "4"
                hrefs = row[1]["hrefs"]       # the sales cell
                if want is None:
                    check(not hrefs, "%s key %s: a link where the list has no filter" % (name, key))
                    continue
                check(len(hrefs) == 1 and hrefs[0].startswith("/customers?"),
                      "%s key %s: sales cell links %s" % (name, key, hrefs))
                got = _query(hrefs[0])
                want.update({"bought_from": "2019-03-01", "bought_to": "2019-03-31"})
                check(got == want, "%s key %s: link %s, expected %s" % (name, key, got, want))
                # the year-before cell points at March 2018
                y = _query(row[3]["hrefs"][0])
                check((y["bought_from"], y["bought_to"]) == ("2018-03-01", "2018-03-31"),
                      "%s key %s: year-before link %s" % (name, key, y))
            check(len(rows) > 1, "%s: no rows with region 4" % name)
        check(keys, "keys")
    _with_cells(run)


def test_regional_manager_sees_own_regions_only():
    def run():
        ids = {u: [int(v) for (v,) in sql(
            "SELECT region_id FROM user_regions ur JOIN users u ON u.id = ur.user_id"
            " WHERE u.username = '%s'" % u)] for u in ("rm_huadong", "rm_central")}
        for user, regions in ids.items():
            c = sign_in(user)
            _check_dim(c, 1, "2019-03", 1, regions)
            _check_dim(c, 1, "2019-03", 5, regions)
            other = 2 if 2 not in regions else 3
            for path in ("/analysis/report?p=2019-03&region=%d" % other,
                         "/analysis/report.csv?p=2019-03&region=%d" % other,
                         "/analysis?region=%d" % other):
                r = c.get(path)
                check_status(r, 404, "%s asks %s" % (user, path))
                check("不在您负责的区域内" in r.text, "%s: no readable message" % path)
            text = _page(c, "p=2019-03&dim=region")
            names = [n for (n,) in sql("SELECT name_zh FROM regions WHERE id NOT IN (%s)"
                                       % ",".join(map(str, regions)))]
            table = " ".join(c2["text"] for row in table_rows(text, "t-report") for c2 in row)
            for n in names:
                check(n not in table, "%s sees region %s in the table" % (user, n))
    _with_cells(run)


def test_exports_match_table():
    def run():
        c = sign_in("admin")
        text = _page(c, "p=2019-03&dim=category")
        rows = table_rows(text, "t-report")
        r = c.get("/analysis/report.csv?p=2019-03&dim=category&region=0")
        check_status(r, 200, "CSV")
        check("text/csv" in (r.header("Content-Type") or ""), "CSV type")
        data = list(csv.reader(io.StringIO(r.raw.decode("utf-8-sig"))))
        check(data[0][0] == "项目" and data[0][1] == "销售额", "CSV header %s" % data[0][:3])
        check(len(data) - 1 == len(rows), "CSV %d rows, table %d" % (len(data) - 1, len(rows)))
        for line, row in zip(data[1:], rows):
            cells = [x["text"] for x in row]
            check(line[0] == cells[0], "name %s vs %s" % (line[0], cells[0]))
            cents = int(round(float(line[1]) * 100))
            check(_yuan(cents) == cells[1], "sales %s vs %s" % (line[1], cells[1]))
            check(line[11] == cells[9], "customers %s vs %s" % (line[11], cells[9]))
            check((line[4] + "%" if line[4] else "—") == cells[4], "vs prev %s vs %s" % (
                line[4], cells[4]))
        # exact cents from SQL
        sums = _sums(1, "2019-03-01", 4)
        total = sum(v["sales"] for v in sums.values())
        check(abs(sum(float(x[1]) for x in data[1:-1]) * 100 - total) < 0.5,
              "CSV sales do not add up to SQL's %d" % total)
        r = c.get("/analysis/report.xlsx?p=2019-03&dim=category&region=0")
        check_status(r, 200, "XLSX")
        x = _xlsx_rows(r.raw)
        check(len(x) == len(data), "XLSX %d rows, CSV %d" % (len(x), len(data)))
        for a, b in zip(x[1:], data[1:]):
            check(a[0] == b[0] and abs(float(a[1]) - float(b[1])) < 0.005,
                  "XLSX %s vs CSV %s" % (a[:2], b[:2]))
    _with_cells(run)


def test_bad_parameters_are_readable():
    def run():
        c = sign_in("staff01")
        for q, status in (("p=2019-13", 400), ("p=19-03", 400), ("p=2019-Q5", 400),
                          ("p=abc", 400), ("dim=planet", 400), ("kind=week", 400),
                          ("region=abc", 400), ("region=-1", 400), ("region=9999", 404),
                          ("p=2001-01", 404), ("p=2019-03&dim=%27%20OR%201", 400),
                          ("p=%E4%BD%A0", 400)):
            for path in ("/analysis/report", "/analysis/report.csv"):
                r = c.get("%s?%s" % (path, q))
                check_status(r, status, "%s?%s" % (path, q))
                check("<h1" in r.text, "%s?%s: no error page" % (path, q))
    _with_cells(run)


def test_pareto_matches_sql():
    as_of, cleanup = standing_run()
    try:
        for user, regions in (("admin", None), ("rm_central", [int(v) for (v,) in sql(
                "SELECT region_id FROM user_regions ur JOIN users u ON u.id = ur.user_id"
                " WHERE u.username = 'rm_central'")])):
            c = sign_in(user)
            r = c.get("/analysis")
            check_status(r, 200, "/analysis")
            where = (" AND region_id > 0" if regions is None
                     else " AND region_id IN (%s)" % ",".join(map(str, regions)))
            cls = {int(k): (int(n), int(s)) for k, n, s in sql(
                "SELECT dim_key, SUM(customers), SUM(sales) FROM analysis_cells WHERE period_kind = 0"
                " AND period_start = '%s' AND dim = 2%s GROUP BY dim_key" % (as_of, where))}
            n_all = sum(v[0] for v in cls.values())
            s_all = sum(v[1] for v in cls.values())
            rows = table_rows(r.text, "t-classes")
            check(len(rows) == len(cls), "classes %d, SQL %d" % (len(rows), len(cls)))
            for row, (k, (n, s)) in zip(rows, sorted(cls.items())):
                got = [x["text"] for x in row[1:5]]
                want = [str(n), _share(n, n_all), _yuan(s), _share(s, s_all)]
                check(got == want, "class %d: page %s, SQL %s" % (k, got, want))
            # the A list (重点) and the B list (照顾) one click away
            a = [h for row in rows for x in row for h in x["hrefs"] if "class=A" in h]
            check(a and a[0] == "/customers?class=A", "A-list link %s" % a)
            check("抓好A类客户" in r.text and "照顾B类客户" in r.text, "source 004's words")
            # the curve: cumulative shares at each bucket's edge, largest first
            hist = [(int(k), int(n), int(s)) for k, n, s in sql(
                "SELECT dim_key, SUM(customers), SUM(sales) FROM analysis_cells WHERE period_kind = 0"
                " AND period_start = '%s' AND dim = 14%s GROUP BY dim_key ORDER BY dim_key DESC"
                % (as_of, where))]
            rows = table_rows(r.text, "t-pareto")
            check(len(rows) == len(hist), "buckets %d, SQL %d" % (len(rows), len(hist)))
            cn = cs = 0
            hn = sum(h[1] for h in hist)
            hs = sum(h[2] for h in hist)
            for row, (k, n, s) in zip(rows, hist):
                cn += n
                cs += s
                got = [x["text"] for x in row[1:]]
                want = [str(n), _yuan(s), _share(s, hs), _share(cn, hn), _share(cs, hs)]
                check(got == want, "bucket %d: page %s, SQL %s" % (k, got, want))
            check(rows[-1][4]["text"] == "100.0%" and rows[-1][5]["text"] in ("100.0%", "—"),
                  "the curve ends at 100%%: %s" % [x["text"] for x in rows[-1]])
        # with a region: the list links keep it
        c = sign_in("admin")
        r = c.get("/analysis?region=4")
        check_status(r, 200, "/analysis?region=4")
        check('href="/customers?class=A&amp;region=4"' in r.text, "A list keeps the region")
        check_status(c.get("/analysis?region=x"), 400, "/analysis?region=x")
        check_status(c.get("/analysis?region=999"), 404, "/analysis?region=999")
    finally:
        cleanup()


def test_empty_state_before_any_run():
    done = [i for (i,) in sql("SELECT id FROM analysis_runs WHERE status = 'done'")]
    if done:
        sql("UPDATE analysis_runs SET status = 'failed' WHERE id IN (%s)" % ",".join(done))
    try:
        c = sign_in("admin")
        for path in ("/analysis", "/analysis/report"):
            r = c.get(path)
            check_status(r, 200, path)
            check('id="no-run"' in r.text, "%s: no empty state" % path)
            check("t-pareto" not in r.text and "t-report" not in r.text, "%s: a table" % path)
        r = c.get("/analysis/report.csv")
        check_status(r, 200, "CSV before any run")
        check(len(r.raw.decode("utf-8-sig").strip().splitlines()) == 1, "CSV: header alone")
    finally:
        if done:
            sql("UPDATE analysis_runs SET status = 'done' WHERE id IN (%s)" % ",".join(done))
