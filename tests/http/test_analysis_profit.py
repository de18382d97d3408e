"""Customer profitability (/analysis/profit, issue 17): customers best to
worst by profit_rank with their figures as customer_analysis holds them,
the margin, the worst tail (analysis_settings.worst_tail_pct of the ranked
customers, rounded up, company-wide) marked and filterable, the decile
table against SQL, the position within a filter, a regional manager's
scope, the exports, and odd parameters never a 500."""
import math
import re
import urllib.parse

from lib import check, check_in, check_status, element_text, sign_in, sql, sql_value, table_rows
from test_export import _xlsx_rows
from analysis_seed import ODD, csv_rows, scope_sql, seeded

ORDER = " ORDER BY profit_rank, customer_id"


def _tail_after():
    ranked = int(sql_value("SELECT COALESCE(MAX(profit_rank), 0) FROM customer_analysis"))
    pct = int(sql_value("SELECT worst_tail_pct FROM analysis_settings WHERE id = 1"))
    return ranked - math.ceil(ranked * pct / 100)


def _ids(html):
    rows = table_rows(html, "t-profit") or []
    return [int(re.search(r"/customers/(\d+)", r[0]["hrefs"][0]).group(1)) for r in rows]


def _count(html):
    return int(re.search(r"\((\d+)\)", element_text(html, "profit-count")).group(1))


def _expected(cond=""):
    return [int(r[0]) for r in sql("SELECT customer_id FROM customer_analysis WHERE profit_rank > 0"
                                   + (" AND " + cond if cond else "") + ORDER)]


@seeded
def test_rows_and_figures_match_sql():
    c = sign_in("leader1")
    page = c.get("/analysis/profit")
    check_status(page, 200, "profitability")
    check_in("20%的顾客占据了全体顾客利润的90%", page.text, "source 001's words")
    expected = _expected()
    check(expected, "no ranked customer to compare")
    check(_count(page.text) == len(expected), "count")
    check(_ids(page.text) == expected[:50], "first page's order")
    tail_after = _tail_after()
    rows = csv_rows(c, "/analysis/profit.csv")
    check([int(r[2]) for r in rows] == expected, "the export's order is SQL's")
    figures = {r[0]: r for r in sql(
        "SELECT customer_id, profit_rank, revenue, cost_of_goods, rebates_promotions, support,"
        " compensation, profit FROM customer_analysis WHERE profit_rank > 0")}
    for i, row in enumerate(rows):
        f = figures[row[2]]
        check(row[0] == str(i + 1) and row[1] == f[1], "%s position %s rank %s (SQL %s)"
              % (row[2], row[0], row[1], f[1]))
        for col, k in zip(range(7, 13), range(2, 8)):
            check(round(float(row[col]) * 100) == int(f[k]), "%s column %d: %s vs %s cents"
                  % (row[2], col, row[col], f[k]))
        rev, profit = int(f[2]), int(f[7])
        if rev > 0:
            m = profit * 100 / rev
            check(abs(float(row[13]) - m) <= 0.051, "%s margin %s vs %.3f" % (row[2], row[13], m))
        else:
            check(row[13] == "", "%s margin without revenue: %r" % (row[2], row[13]))
        tail = int(f[1]) > tail_after
        check((row[14] == "尾部客户") == tail, "%s tail mark %r, rank %s, tail after %d"
              % (row[2], row[14], f[1], tail_after))


@seeded
def test_filters_and_tail():
    c = sign_in("admin")
    tail_after = _tail_after()
    owner, abc = sql("SELECT owner_id, abc_class FROM customer_analysis WHERE profit_rank > 0"
                     " AND owner_id IS NOT NULL ORDER BY customer_id LIMIT 1")[0]
    cases = [("tail=1", "profit_rank > %d" % tail_after), ("region=2", "region_id = 2"),
             ("owner=%s" % owner, "owner_id = %s" % owner), ("class=%s" % abc, "abc_class = '%s'" % abc),
             ("tail=1&class=%s" % abc, "profit_rank > %d AND abc_class = '%s'" % (tail_after, abc))]
    for query, cond in cases:
        page = c.get("/analysis/profit?" + query)
        check_status(page, 200, query)
        expected = _expected(cond)
        check(_count(page.text) == len(expected), "%s: count %d, SQL %d"
              % (query, _count(page.text), len(expected)))
        ids = _ids(page.text)
        check(ids == expected[:50], "%s: rows differ" % query)
        # positions within the filter, ranks company-wide
        rows = table_rows(page.text, "t-profit")
        for i, row in enumerate(rows[:5]):
            check(row[1]["text"] == str(i + 1), "%s: position %r" % (query, row[1]["text"]))
            rank = sql_value("SELECT profit_rank FROM customer_analysis WHERE customer_id = %d" % ids[i])
            check(row[2]["text"] == rank, "%s: rank %r vs %s" % (query, row[2]["text"], rank))
        if "tail" in query:
            check(all("尾部客户" in r[0]["text"] for r in rows), "%s: a row without the mark" % query)
        exported = [int(r[2]) for r in csv_rows(c, "/analysis/profit.csv?" + query)]
        check(exported == expected, "%s: export differs" % query)
    # page 2
    p2 = c.get("/analysis/profit?page=2")
    check(_ids(p2.text) == _expected()[50:100], "page 2")
    check(table_rows(p2.text, "t-profit")[0][1]["text"] == "51", "page 2 starts at position 51")


@seeded
def test_deciles_match_sql():
    c = sign_in("admin")
    for query, cond in (("", ""), ("region=1", "region_id = 1"), ("tail=1&region=1", "region_id = 1")):
        page = c.get("/analysis/profit?" + query)
        profits = [int(r[0]) for r in sql("SELECT profit FROM customer_analysis WHERE profit_rank > 0"
                                          + (" AND " + cond if cond else "") + ORDER)]
        n = len(profits)
        sums = {}
        for i, p in enumerate(profits):
            d = i * 10 // n + 1
            sums[d] = sums.get(d, 0) + p
        rows = table_rows(page.text, "t-deciles")
        check(len(rows) == len(sums), "%s: %d groups, expected %d" % (query, len(rows), len(sums)))
        whole, run = sum(profits), 0
        for row, d in zip(rows, sorted(sums)):
            check(row[0]["text"] == "%d–%d%%" % ((d - 1) * 10, d * 10), "group label %r" % row[0]["text"])
            got = round(float(row[1]["text"].replace(",", "")) * 100)
            check(got == sums[d], "%s group %d profit %s vs %d cents" % (query, d, row[1]["text"], sums[d]))
            run += sums[d]
            if whole > 0:
                want = run * 100 / whole
                got = float(row[3]["text"].rstrip("%"))
                check(abs(got - want) <= 0.051, "%s group %d running share %s vs %.3f"
                      % (query, d, got, want))


@seeded
def test_region_scope():
    c = sign_in("rm_huadong")
    expected = _expected(scope_sql("rm_huadong"))
    page = c.get("/analysis/profit")
    check(_count(page.text) == len(expected), "rm_huadong's count")
    check(_ids(page.text) == expected[:50], "rm_huadong's rows")
    check([int(r[2]) for r in csv_rows(c, "/analysis/profit.csv")] == expected,
          "rm_huadong's export")
    for path in ("/analysis/profit?region=2", "/analysis/profit.csv?region=2",
                 "/analysis/profit.xlsx?region=3"):
        check_status(c.get(path), 404, path)
    # the company-wide rank beside the position in scope
    check_in("全公司排名", page.text, "the page says the rank is company-wide")


@seeded
def test_xlsx_export():
    c = sign_in("staff01")
    r = c.get("/analysis/profit.xlsx?tail=1")
    check_status(r, 200, "XLSX")
    rows = _xlsx_rows(r.raw)
    expected = _expected("profit_rank > %d" % _tail_after())
    check(len(rows) == len(expected) + 1, "XLSX rows %d, SQL %d" % (len(rows) - 1, len(expected)))
    check(rows[0][:4] == ["序号", "排名", "编号", "客户"], "XLSX header %r" % rows[0][:4])
    check([int(float(x[2])) for x in rows[1:]] == expected, "XLSX ids")


@seeded
def test_odd_parameters_never_500():
    for who in ("staff01", "rm_central"):
        c = sign_in(who)
        for name in ("tail", "region", "owner", "class", "page"):
            for value in ODD:
                for path in ("/analysis/profit", "/analysis/profit.xlsx"):
                    r = c.get("%s?%s=%s" % (path, name, urllib.parse.quote(value)))
                    check_status(r, (200, 404), "%s %s=%r as %s" % (path, name, value[:20], who))
                    check("<b>x</b>" not in r.text, "%s=%r shown unescaped" % (name, value))
