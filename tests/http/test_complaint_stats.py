"""The complaints overview (/complaints/overview) and its exports: figures
checked against SQL computed here, a small controlled set of complaints in
an otherwise empty month (March 2019) for the medians, the period and
region filters, the regional managers' scope (also by URL guessing and in
the exports), formula neutralising, and sign-in."""
import csv
import io
import statistics
import urllib.parse

from lib import (Client, check, check_status, element_text, sign_in, sql,
                 sql_str, sql_value)
from lib import table_rows as _table_rows
from test_export import _xlsx_rows

MONTH = "2019-03"
PERIOD = "from=%s&to=%s" % (MONTH, MONTH)
FORMULA = '=HYPERLINK("http://evil.example","x")'

# (suffix, region, reason, product_id, product_text, first response h,
#  close h or None (open), step, satisfaction)
CONTROLLED = [
    ("01", 1, "quality", 2, None, 1, 10, 7, 5),
    ("02", 1, "quality", 2, None, 2, 20, 7, 4),
    ("03", 1, "service", None, FORMULA, 3, None, 3, None),
    ("04", 1, "price", None, None, 30, None, 4, None),
    ("05", 2, "delivery", 3, None, 5, 40, 7, 2),
    ("06", None, "other", None, None, None, None, 1, None),
]


def table_rows(html_text, table_id):
    """Body rows as lists of cell texts."""
    rows = _table_rows(html_text, table_id)
    return None if rows is None else [[c["text"] for c in row] for row in rows]


def _sqlv(v):
    if v is None:
        return "NULL"
    if isinstance(v, int):
        return str(v)
    return sql_str(v)


def _controlled():
    """(Re)insert the controlled complaints; the summary follows by trigger."""
    sql("DELETE FROM complaints WHERE tracking_no LIKE 'TSSTAT%'")
    rows = []
    for i, (suf, region, reason, pid, text, fr, close, step, sat) in enumerate(CONTROLLED):
        at = "'2019-03-%02d 10:00:00'" % (i + 2)
        rows.append("(%s, %s, %s, %s, 'complaint', %s, '统计测试', '13800000000', '统计测试',"
                    " %d, %s, %s, %s + INTERVAL 24 HOUR, %s, %s, %s)" % (
                        sql_str("TSSTAT-" + suf), _sqlv(region), _sqlv(pid), _sqlv(text),
                        sql_str(reason), step, "'closed'" if close else "'open'", at, at,
                        "%s + INTERVAL %d HOUR" % (at, fr) if fr is not None else "NULL",
                        "%s + INTERVAL %d HOUR" % (at, close) if close else "NULL",
                        _sqlv(sat)))
    sql("INSERT INTO complaints (tracking_no, region_id, product_id, product_text, kind, reason,"
        " contact_name, contact_phone, description, step, status, received_at,"
        " first_response_due, first_response_at, closed_at, satisfaction) VALUES " + ",".join(rows))


def _page(client, query):
    r = client.get("/complaints/overview?" + query)
    check_status(r, 200, "overview ?" + query)
    return r.text


def _counts(html_text, table_id):
    rows = table_rows(html_text, table_id)
    check(rows is not None, "no table %s" % table_id)
    return {row[0]: int(row[1]) for row in rows}


def _card(html_text, card):
    return element_text(html_text, "stat-" + card)


def _where_default():
    """SQL for the default period: this month and the 11 before."""
    return ("received_at >= DATE_FORMAT(CURDATE() - INTERVAL 11 MONTH, '%Y-%m-01')"
            " AND received_at < DATE_FORMAT(CURDATE() + INTERVAL 1 MONTH, '%Y-%m-01')")


REASON_ZH = {"quality": "对产品的功能或品质怀疑", "service": "对服务的态度不满意", "price": "对价格很在意",
             "delivery": "送货或交货问题", "other": "其他"}


def test_overview_needs_sign_in():
    r = Client().get("/complaints/overview")
    check_status(r, (302, 303), "anonymous overview")
    check("/login" in (r.header("Location") or ""), "not sent to sign in: %r" % r.header("Location"))
    r = Client().get("/complaints/overview.csv")
    check_status(r, (302, 303), "anonymous CSV export")


def test_default_view_matches_sql():
    """The last 12 months as on the page, against GROUP BY over complaints."""
    html_text = _page(sign_in("admin"), "")
    where = _where_default()
    total = int(sql_value("SELECT COUNT(*) FROM complaints WHERE " + where))
    check(total > 100, "the demo data has only %d complaints in 12 months" % total)
    check(_card(html_text, "total").startswith(str(total) + " "),
          "total card %r, SQL says %d" % (_card(html_text, "total"), total))
    open_n = int(sql_value("SELECT COUNT(*) FROM complaints WHERE status = 'open' AND " + where))
    check(_card(html_text, "open").startswith(str(open_n) + " "),
          "open card %r, SQL says %d" % (_card(html_text, "open"), open_n))
    reasons = {REASON_ZH[r]: int(n) for r, n in sql(
        "SELECT reason, COUNT(*) FROM complaints WHERE %s GROUP BY reason" % where)}
    check(_counts(html_text, "t-reason") == reasons,
          "by reason: page %s, SQL %s" % (_counts(html_text, "t-reason"), reasons))
    regions = {name or "未注明地区": int(n) for name, n in (
        (None if row[0] == "NULL" else row[0], row[1]) for row in sql(
            "SELECT r.name_zh, COUNT(*) FROM complaints c LEFT JOIN regions r ON r.id = c.region_id"
            " WHERE %s GROUP BY c.region_id, r.name_zh" % where.replace("received_at", "c.received_at")))}
    check(_counts(html_text, "t-region") == regions,
          "by region: page %s, SQL %s" % (_counts(html_text, "t-region"), regions))
    steps = _counts(html_text, "t-steps")
    for s, n in sql("SELECT step, COUNT(*) FROM complaints WHERE status = 'open' AND %s"
                    " GROUP BY step" % where):
        key = [k for k in steps if k.startswith(s + " ")]
        check(key and steps[key[0]] == int(n), "open at step %s: page %s, SQL %s" % (s, steps, n))
    months = table_rows(html_text, "t-month")
    check(len(months) == 12, "%d months in the default view" % len(months))
    check(sum(int(m[-1]) for m in months) == total, "monthly totals do not add up to %d" % total)


def test_controlled_month_figures_and_medians():
    _controlled()
    try:
        html_text = _page(sign_in("admin"), PERIOD)
        check(_card(html_text, "total").startswith("6 "), "total %r" % _card(html_text, "total"))
        check(_card(html_text, "open").startswith("3 "), "open %r" % _card(html_text, "open"))
        check(_card(html_text, "overdue").startswith("1 "), "overdue %r" % _card(html_text, "overdue"))
        # medians computed here from the rows themselves
        fr = [float(v) for (v,) in sql(
            "SELECT TIMESTAMPDIFF(SECOND, received_at, first_response_at) / 3600 FROM complaints"
            " WHERE tracking_no LIKE 'TSSTAT%' AND first_response_at IS NOT NULL")]
        close = [float(v) for (v,) in sql(
            "SELECT TIMESTAMPDIFF(SECOND, received_at, closed_at) / 3600 FROM complaints"
            " WHERE tracking_no LIKE 'TSSTAT%' AND status = 'closed'")]
        hours = table_rows(html_text, "t-hours")
        check(hours[0][1] == "%.1f" % statistics.median(fr),
              "first response median %s, expected %.1f" % (hours[0], statistics.median(fr)))
        check(hours[0][2] == "20.0", "first response p90 %s (rank 3.6 of 1,2,3,5,30)" % hours[0])
        check(hours[1][1] == "%.1f" % statistics.median(close), "close median %s" % hours[1])
        check(_card(html_text, "first").startswith("3.0"), "median card %r" % _card(html_text, "first"))
        # 4 answered in time of 5 answered + 1 overdue
        check(_card(html_text, "sla").startswith("66.7%"), "SLA card %r" % _card(html_text, "sla"))
        check(_card(html_text, "satisfaction").startswith("3.7"), "satisfaction %r" % _card(html_text, "satisfaction"))
        check(_counts(html_text, "t-reason") == {"对产品的功能或品质怀疑": 2, "对服务的态度不满意": 1,
                                                  "对价格很在意": 1, "送货或交货问题": 1, "其他": 1},
              "reasons %s" % _counts(html_text, "t-reason"))
        check(_counts(html_text, "t-region") == {"华东": 4, "华北": 1, "未注明地区": 1},
              "regions %s" % _counts(html_text, "t-region"))
        products = _counts(html_text, "t-product")
        check(products.get("其他/未列出") == 1 and products.get("未注明产品") == 2,
              "typed / no product %s" % products)
        # a change to a complaint moves the figures (triggers)
        sql("UPDATE complaints SET first_response_at = received_at + INTERVAL 6 HOUR, step = 2"
            " WHERE tracking_no = 'TSSTAT-06'")
        html_text = _page(sign_in("admin"), PERIOD)
        check(_card(html_text, "overdue").startswith("0 "), "overdue after answering %r" % _card(html_text, "overdue"))
        check(_card(html_text, "sla").startswith("83.3%"), "SLA after answering %r" % _card(html_text, "sla"))
        check(table_rows(html_text, "t-hours")[0][1] == "4.0", "median after answering")
    finally:
        sql("DELETE FROM complaints WHERE tracking_no LIKE 'TSSTAT%'")
    html_text = _page(sign_in("admin"), PERIOD)
    check(_card(html_text, "total").startswith("0 "), "deleted complaints still counted")


def test_period_and_region_filters():
    _controlled()
    try:
        c = sign_in("leader1")
        html_text = _page(c, PERIOD + "&region=1")
        check(_card(html_text, "total").startswith("4 "), "region 1 total %r" % _card(html_text, "total"))
        check(_counts(html_text, "t-region") == {"华东": 4}, "region filter %s" % _counts(html_text, "t-region"))
        check(table_rows(html_text, "t-hours")[0][1] == "2.5", "median for 1,2,3,30")
        html_text = _page(c, "from=2019-04&to=2019-04")
        check(_card(html_text, "total").startswith("0 "), "an empty month shows %r" % _card(html_text, "total"))
        # from after to: swapped; a period of two months lists both
        months = table_rows(_page(c, "from=2019-04&to=2019-03"), "t-month")
        check([m[0] for m in months] == ["2019-03", "2019-04"], "swapped period %s" % months)
        # quick choices end this month
        this = sql_value("SELECT DATE_FORMAT(CURDATE(), '%Y-%m')")
        for quick, n in (("month", 1), ("3m", 3), ("12m", 12)):
            months = table_rows(_page(c, "quick=" + quick), "t-month")
            check(len(months) == n and months[-1][0] == this, "quick=%s gives %s" % (quick, months))
        months = table_rows(_page(c, "quick=year"), "t-month")
        check(months[0][0] == this[:4] + "-01" and months[-1][0] == this, "this year %s" % months)
        # nonsense is ignored, never a 500
        _page(c, "from=2019-13&to=abc&region=x&quick=%00")
    finally:
        sql("DELETE FROM complaints WHERE tracking_no LIKE 'TSSTAT%'")


def test_regional_manager_sees_own_regions_only():
    _controlled()
    try:
        c = sign_in("rm_huadong")   # 华东, region 1
        html_text = _page(c, PERIOD)
        check(_card(html_text, "total").startswith("4 "), "RM total %r" % _card(html_text, "total"))
        check(_counts(html_text, "t-region") == {"华东": 4}, "RM regions %s" % _counts(html_text, "t-region"))
        check(_card(html_text, "overdue").startswith("0 "), "the office-only complaint counted for an RM")
        # another region's figures by URL guessing: 404, and nothing of it
        for path in ("/complaints/overview?%s&region=2" % PERIOD,
                     "/complaints/overview.csv?%s&region=2" % PERIOD,
                     "/complaints/overview.xlsx?%s&region=2" % PERIOD):
            r = c.get(path)
            check_status(r, 404, path)
            check("TSSTAT" not in r.text, "%s leaked rows" % path)
        r = c.get("/complaints/overview.csv?" + PERIOD)
        check_status(r, 200, "RM CSV")
        rows = list(csv.reader(io.StringIO(r.raw[3:].decode("utf-8"), newline="")))
        check(sorted(row[0] for row in rows[1:]) == ["TSSTAT-01", "TSSTAT-02", "TSSTAT-03", "TSSTAT-04"],
              "RM export rows %s" % [row[0] for row in rows[1:]])
        # default view: the same as SQL over their region
        where = _where_default()
        own = int(sql_value("SELECT COUNT(*) FROM complaints WHERE region_id = 1 AND " + where))
        html_text = _page(c, "")
        check(_card(html_text, "total").startswith(str(own) + " "),
              "RM 12-month total %r, SQL %d" % (_card(html_text, "total"), own))
    finally:
        sql("DELETE FROM complaints WHERE tracking_no LIKE 'TSSTAT%'")


def test_staff_and_leader_may_see_it():
    for user in ("staff01", "leader2"):
        _page(sign_in(user), "")


def test_export_content_and_formula_neutralising():
    _controlled()
    try:
        c = sign_in("admin")
        r = c.get("/complaints/overview.csv?" + PERIOD)
        check_status(r, 200, "CSV")
        check(r.header("Content-Type", "").startswith("text/csv"), "CSV type %r" % r.header("Content-Type"))
        check("attachment" in r.header("Content-Disposition", ""), "CSV not an attachment")
        check(r.raw.startswith(b"\xef\xbb\xbf"), "no BOM")
        rows = list(csv.reader(io.StringIO(r.raw[3:].decode("utf-8"), newline="")))
        check(rows[0][0] == "受理编号" and len(rows[0]) == 11, "header %s" % rows[0])
        by = {row[0]: row for row in rows[1:]}
        check(sorted(by) == ["TSSTAT-0%d" % i for i in range(1, 7)], "rows %s" % sorted(by))
        one = by["TSSTAT-01"]
        check(one[1] == "2019-03-02 10:00" and one[2] == "投诉" and one[3] == "对产品的功能或品质怀疑",
              "row 1 %s" % one)
        check(one[4] == sql_value("SELECT name FROM products WHERE id = 2") and one[5] == "华东",
              "row 1 product/region %s" % one)
        check(one[6:] == ["7", "已结案", "1.0", "10.0", "5"], "row 1 figures %s" % one)
        check(by["TSSTAT-06"][5] == "" and by["TSSTAT-06"][8] == "", "row 6 %s" % by["TSSTAT-06"])
        check(by["TSSTAT-03"][4] == "'" + FORMULA, "formula not neutralised: %r" % by["TSSTAT-03"][4])
        r = c.get("/complaints/overview.xlsx?" + PERIOD)
        check_status(r, 200, "XLSX")
        xrows = _xlsx_rows(r.raw)
        check(xrows[0][0] == "受理编号", "XLSX header %s" % xrows[0])
        xby = {row[0]: row for row in xrows[1:]}
        check(sorted(xby) == sorted(by), "XLSX rows %s" % sorted(xby))
        check(xby["TSSTAT-03"][4] == "'" + FORMULA, "XLSX formula %r" % xby["TSSTAT-03"][4])
        check(xby["TSSTAT-05"][9] in ("40", "40.0"), "XLSX close hours %r" % xby["TSSTAT-05"][9])
        # the page links to both with its filter
        html_text = _page(c, PERIOD + "&region=1")
        q = urllib.parse.quote("from=2019-03&to=2019-03&region=1", safe="=&")
        check(('href="/complaints/overview.csv?%s"' % q.replace("&", "&amp;")) in html_text,
              "no CSV link with the filter")
    finally:
        sql("DELETE FROM complaints WHERE tracking_no LIKE 'TSSTAT%'")


def test_charts_are_progressive():
    html_text = _page(sign_in("admin"), "")
    check('src="/javascript/chart.js/chart.min.js' in html_text, "Chart.js not loaded")
    check('src="/static/charts.js' in html_text, "charts.js not loaded")
    check(html_text.count("data-chart=") == 6, "six chart tables expected")
    check("<script>" not in html_text, "an inline script")
    r = Client().get("/javascript/chart.js/chart.min.js")
    check_status(r, 200, "chart.min.js from Debian's libjs-chart.js")
    r = Client().get("/static/charts.js")
    check_status(r, 200, "charts.js")
    home = sign_in("admin").get("/customers")
    check("chart.min.js" not in home.text, "Chart.js loaded on a page without charts")
