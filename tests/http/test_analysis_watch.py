"""The hidden-dissatisfaction watch list (/analysis/watch, issue 17): its
rows and figures against SQL on customer_analysis, each reason named with
the figures behind it for hand-made rows, the filters and paging, a
regional manager's scope (other regions' rows never shown, another
region's id a 404), the CSV and XLSX exports, and odd parameters never a
500."""
import re
import urllib.parse

from lib import check, check_in, csrf_of, check_status, element_text, sign_in, sql, sql_value, table_rows
from test_export import _xlsx_rows
from analysis_seed import ODD, csv_rows, rank_watch, scope_sql, seeded

ORDER = " ORDER BY watch_score DESC, revenue DESC, customer_id"
FLAGS = {"late": 1, "orders": 2, "contacts": 4, "complaints": 8}


def _ids(html):
    rows = table_rows(html, "t-watch") or []
    return [int(re.search(r"/customers/(\d+)", r[0]["hrefs"][0]).group(1)) for r in rows]


def _count(html):
    return int(re.search(r"\((\d+)\)", element_text(html, "watch-count")).group(1))


@seeded
def test_rows_match_sql():
    c = sign_in("staff01")
    page = c.get("/analysis/watch")
    check_status(page, 200, "watch list")
    check_in("10%", page.text, "the source's words on the page")
    expected = sql("SELECT customer_id, watch_score, revenue FROM customer_analysis"
                   " WHERE watch_score > 0" + ORDER)
    check(expected, "no customer on the watch list to compare")
    check(_count(page.text) == len(expected), "count %d, SQL %d" % (_count(page.text), len(expected)))
    check(_ids(page.text) == [int(r[0]) for r in expected[:50]], "the first page's order")
    # the export: every row, every figure
    rows = csv_rows(c, "/analysis/watch.csv")
    check(len(rows) == len(expected), "CSV rows %d, SQL %d" % (len(rows), len(expected)))
    full = {r[0]: r for r in sql(
        "SELECT customer_id, watch_score, revenue, late_tenths_earlier, late_tenths_recent,"
        " orders_earlier, orders_recent, unanswered, complaints_recent FROM customer_analysis"
        " WHERE watch_score > 0")}
    for row, e in zip(rows, expected):
        check(row[0] == e[0], "CSV order: %s where SQL has %s" % (row[0], e[0]))
        f = full[row[0]]
        check(row[6] == f[1], "%s score %s vs %s" % (row[0], row[6], f[1]))
        check(round(float(row[5]) * 100) == int(f[2]), "%s revenue %s vs %s cents" % (row[0], row[5], f[2]))
        check(round(float(row[8]) * 10) == int(f[3]) and round(float(row[9]) * 10) == int(f[4]),
              "%s days late %s %s vs tenths %s %s" % (row[0], row[8], row[9], f[3], f[4]))
        check(round(float(row[10]) * 100) == int(f[5]) and round(float(row[11]) * 100) == int(f[6]),
              "%s orders %s %s vs %s %s" % (row[0], row[10], row[11], f[5], f[6]))
        check(row[12] == f[7] and row[13] == f[8], "%s counts %s" % (row[0], row[12:14]))


def _made_up():
    """Four customers of 华东 (region 1) with one reason each and a fifth
    with none, first on the list (score 10, a revenue above any other)."""
    ids = [int(r[0]) for r in sql("SELECT c.id FROM customers c JOIN customer_analysis a"
                                  " ON a.customer_id = c.id WHERE c.region_id = 1"
                                  " ORDER BY c.id LIMIT 5")]
    check(len(ids) == 5, "five customers of region 1 with analysis rows: %s" % ids)
    saved = sql("SELECT customer_id, watch_reasons, watch_score, revenue, late_tenths_earlier,"
                " late_tenths_recent, orders_earlier, orders_recent, unanswered,"
                " complaints_recent FROM customer_analysis WHERE customer_id IN (%s)"
                % ",".join(map(str, ids)))
    top = int(sql_value("SELECT MAX(revenue) FROM customer_analysis")) + 1000
    made = [(ids[0], 1, 3, 32, 150, 0, 0, 0, 0), (ids[1], 2, 3, 0, 0, 1234500, 23400, 0, 0),
            (ids[2], 4, 2, 0, 0, 0, 0, 3, 0), (ids[3], 8, 2, 0, 0, 0, 0, 0, 4),
            (ids[4], 0, 0, 500, 900, 0, 0, 0, 0)]
    for i, (cid, flags, score, le, lr, oe, orr, un, co) in enumerate(made):
        sql("UPDATE customer_analysis SET watch_reasons = %d, watch_score = %d, revenue = %d,"
            " late_tenths_earlier = %d, late_tenths_recent = %d, orders_earlier = %d,"
            " orders_recent = %d, unanswered = %d, complaints_recent = %d WHERE customer_id = %d"
            % (flags, score and 10, top - i, le, lr, oe, orr, un, co, cid))
    rank_watch()
    return ids, saved


def _restore(saved):
    for r in saved:
        sql("UPDATE customer_analysis SET watch_reasons = %s, watch_score = %s, revenue = %s,"
            " late_tenths_earlier = %s, late_tenths_recent = %s, orders_earlier = %s,"
            " orders_recent = %s, unanswered = %s, complaints_recent = %s WHERE customer_id = %s"
            % tuple(r[1:] + r[:1]))
    rank_watch()


@seeded
def test_reasons_named_with_their_figures():
    ids, saved = _made_up()
    c = sign_in("rm_huadong")
    try:
        page = c.get("/analysis/watch")
        check_status(page, 200, "watch list")
        check(_ids(page.text)[:4] == ids[:4], "the made-up rows first: %s" % _ids(page.text)[:6])
        check(ids[4] not in _ids(page.text), "a customer without reasons is listed")
        rows = {int(re.search(r"/customers/(\d+)", r[0]["hrefs"][0]).group(1)): r
                for r in table_rows(page.text, "t-watch")}
        expect = {ids[0]: "拖欠加剧 平均逾期 3.2 → 15.0 天", ids[1]: "订货减少 ¥12,345.00 → ¥234.00",
                  ids[2]: "联系未回应 3 项", ids[3]: "投诉反复 4 次"}
        for cid, words in expect.items():
            check(rows[cid][2]["text"] == words, "customer %d reasons %r, expected %r"
                  % (cid, rows[cid][2]["text"], words))
            check(rows[cid][1]["text"] == "10", "customer %d score %r" % (cid, rows[cid][1]["text"]))
        # the export names them in the same words
        csv = {r[0]: r for r in csv_rows(c, "/analysis/watch.csv")}
        check(csv[str(ids[0])][7] == "拖欠加剧: 3.2 → 15.0 天", "CSV reasons %r" % csv[str(ids[0])][7])
        check(csv[str(ids[1])][7] == "订货减少: 12345.00 → 234.00", "CSV reasons %r" % csv[str(ids[1])][7])
        # in English
        c.post("/account/lang", {"_csrf": csrf_of(page.text), "lang": "en",
                                 "back": "/analysis/watch"})
        en = c.get("/analysis/watch?reason=contacts")
        check_in("Contacts unanswered", en.text, "English reason")
        check(ids[2] in _ids(en.text) and ids[0] not in _ids(en.text), "reason filter in English")
    finally:
        _restore(saved)
        c.post("/account/lang", {"_csrf": csrf_of(c.get("/").text), "lang": "zh-CN", "back": "/"})


@seeded
def test_filters():
    c = sign_in("admin")
    owner, abc = sql("SELECT owner_id, abc_class FROM customer_analysis WHERE watch_score > 0"
                     " AND owner_id IS NOT NULL ORDER BY customer_id LIMIT 1")[0]
    cases = [("reason=%s" % w, "watch_reasons & %d" % f) for w, f in FLAGS.items()]
    cases += [("region=3", "region_id = 3"), ("owner=%s" % owner, "owner_id = %s" % owner),
              ("class=%s" % abc, "abc_class = '%s'" % abc),
              ("reason=late&region=1&class=%s" % abc,
               "watch_reasons & 1 AND region_id = 1 AND abc_class = '%s'" % abc)]
    for query, cond in cases:
        page = c.get("/analysis/watch?" + query)
        check_status(page, 200, query)
        expected = [int(r[0]) for r in sql("SELECT customer_id FROM customer_analysis"
                                           " WHERE watch_score > 0 AND %s%s" % (cond, ORDER))]
        check(_count(page.text) == len(expected), "%s: count %d, SQL %d"
              % (query, _count(page.text), len(expected)))
        check(_ids(page.text) == expected[:50], "%s: rows differ from SQL" % query)
        exported = [int(r[0]) for r in csv_rows(c, "/analysis/watch.csv?" + query)]
        check(exported == expected, "%s: the export differs from SQL" % query)


@seeded
def test_paging():
    c = sign_in("admin")
    expected = [int(r[0]) for r in sql("SELECT customer_id FROM customer_analysis"
                                       " WHERE watch_score > 0" + ORDER)]
    check(len(expected) > 50, "too few rows to page: %d" % len(expected))
    p2 = c.get("/analysis/watch?page=2")
    check(_ids(p2.text) == expected[50:100], "page 2 differs from SQL")
    check_in('rel="prev"', p2.text, "page 2 links back")
    far = c.get("/analysis/watch?page=99999")
    check_status(far, 200, "a page past the end")


@seeded
def test_region_scope():
    c = sign_in("rm_central")
    expected = [int(r[0]) for r in sql("SELECT customer_id FROM customer_analysis"
                                       " WHERE watch_score > 0 AND %s%s"
                                       % (scope_sql("rm_central"), ORDER))]
    page = c.get("/analysis/watch")
    check(_count(page.text) == len(expected), "rm_central's count")
    check(_ids(page.text) == expected[:50], "rm_central's rows")
    exported = [int(r[0]) for r in csv_rows(c, "/analysis/watch.csv")]
    check(exported == expected, "rm_central's export holds only their regions")
    # another region by its id: not found, on the page and the exports
    for path in ("/analysis/watch?region=1", "/analysis/watch.csv?region=1",
                 "/analysis/watch.xlsx?region=1"):
        check_status(c.get(path), 404, path)
    check_status(c.get("/analysis/watch?region=6"), 200, "an own region")


@seeded
def test_xlsx_export():
    c = sign_in("admin")
    r = c.get("/analysis/watch.xlsx?reason=orders")
    check_status(r, 200, "XLSX")
    check("隐性不满预警名单" in (r.header("content-disposition") or "")
          or "%E9%9A%90" in (r.header("content-disposition") or ""), "download name")
    rows = _xlsx_rows(r.raw)
    expected = sql("SELECT customer_id FROM customer_analysis WHERE watch_score > 0"
                   " AND watch_reasons & 2" + ORDER)
    check(len(rows) == len(expected) + 1, "XLSX rows %d, SQL %d" % (len(rows) - 1, len(expected)))
    check(rows[0][0] == "编号" and rows[0][7] == "原因及依据", "XLSX header %r" % rows[0][:8])
    check([str(int(float(x[0]))) for x in rows[1:]] == [e[0] for e in expected], "XLSX ids")


@seeded
def test_odd_parameters_never_500():
    for who in ("staff01", "rm_huadong"):
        c = sign_in(who)
        for name in ("reason", "region", "owner", "class", "page"):
            for value in ODD:
                for path in ("/analysis/watch", "/analysis/watch.csv"):
                    r = c.get("%s?%s=%s" % (path, name, urllib.parse.quote(value)))
                    check_status(r, (200, 404), "%s %s=%r as %s" % (path, name, value[:20], who))
                    check("<b>x</b>" not in r.text, "%s=%r shown unescaped" % (name, value))
