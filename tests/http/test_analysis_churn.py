"""Churn and lifetime value (/analysis/churn, issue 17): the churn of the
last periods and by segment, and lifetime value by segment, each the sum
of analysis_cells over the user's regions (checked here with SQL), a
regional manager's scope, the formula note with the discount rate
setting, and odd parameters never a 500."""
import re
import urllib.parse

from lib import check, check_in, check_status, element_text, sign_in, sql, sql_value, table_rows
from analysis_seed import ODD, scope_sql, seeded

KINDS = {"month": (1, 12), "quarter": (2, 8), "year": (3, 5)}
CHURN_DIMS = {"class": 2, "region": 1, "size": 3, "owner": 6}
CLV_DIMS = {"class": 2, "rfm": 11, "size": 3, "region": 1}


def _pct(lost, before):
    return None if before == 0 else round(lost * 100 / before + 1e-9, 1)


def _cell_pct(text):
    return None if text in ("—", "") else float(text.rstrip("%"))


def _series(cond, kind, n):
    rows = sql("SELECT period_start, SUM(active_before), SUM(lost) FROM analysis_cells"
               " WHERE period_kind = %d AND dim = 0 AND %s GROUP BY period_start"
               " ORDER BY period_start DESC LIMIT %d" % (kind, cond, n))
    return [(r[0], int(r[1]), int(r[2])) for r in reversed(rows)]


def _check_series(page, cond, kind, n, what):
    expected = _series(cond, kind, n)
    rows = table_rows(page.text, "t-churn") or []
    periods = re.findall(r'<tr data-period="([0-9-]+)"', page.text)
    check(periods == [e[0] for e in expected], "%s: periods %s, SQL %s" % (what, periods, expected))
    for row, (period, before, lost) in zip(rows, expected):
        check(int(row[2]["text"]) == before and int(row[3]["text"]) == lost,
              "%s %s: %s/%s vs %d/%d" % (what, period, row[3]["text"], row[2]["text"], lost, before))
        check(_cell_pct(row[1]["text"]) == _pct(lost, before), "%s %s churn %s vs %s"
              % (what, period, row[1]["text"], _pct(lost, before)))
    return expected


def _check_segments(page, cond, kind, period, dim, what):
    expected = {int(r[0]): (int(r[1]), int(r[2])) for r in sql(
        "SELECT dim_key, SUM(active_before), SUM(lost) FROM analysis_cells WHERE period_kind = %d"
        " AND period_start = '%s' AND dim = %d AND %s GROUP BY dim_key" % (kind, period, dim, cond))}
    keys = [int(k) for k in re.findall(r'<tr data-key="(-?\d+)"',
                                       page.text.split('id="t-segments"')[1].split("</table>")[0])]
    check(keys == sorted(expected), "%s: segments %s, SQL %s" % (what, keys, sorted(expected)))
    for row, key in zip(table_rows(page.text, "t-segments"), keys):
        before, lost = expected[key]
        check(int(row[2]["text"]) == before and int(row[3]["text"]) == lost,
              "%s key %d: %s/%s vs %d/%d" % (what, key, row[3]["text"], row[2]["text"], lost, before))
        check(_cell_pct(row[1]["text"]) == _pct(lost, before), "%s key %d churn" % (what, key))


def _check_clv(page, cond, dim, what):
    # by region: the ABC cells summed per region (the batch keeps no region
    # dimension of the counts as they stand)
    key, dim = ("region_id", 2) if dim == 1 else ("dim_key", dim)
    expected = {int(r[0]): (int(r[1]), int(r[2])) for r in sql(
        "SELECT %s, SUM(customers), SUM(lifetime_value) FROM analysis_cells"
        " WHERE period_kind = 0 AND period_start = (SELECT MAX(period_start) FROM analysis_cells"
        " WHERE period_kind = 0) AND dim = %d AND %s GROUP BY %s" % (key, dim, cond, key))}
    rows = table_rows(page.text, "t-clv") or []
    check(len(rows) == len(expected), "%s: %d segments, SQL %d" % (what, len(rows), len(expected)))
    keys = [int(k) for k in re.findall(r'<tr data-key="(-?\d+)"',
                                       page.text.split('id="t-clv"')[1].split("</table>")[0])]
    for row, key in zip(rows, keys):
        n, total = expected[key]
        check(int(row[2]["text"]) == n, "%s key %d customers %s vs %d" % (what, key, row[2]["text"], n))
        check(round(float(row[3]["text"].replace(",", "")) * 100) == total,
              "%s key %d total %s vs %d cents" % (what, key, row[3]["text"], total))
        if n:
            avg = float(row[1]["text"].replace(",", ""))
            check(abs(avg - total / n / 100) <= 0.006, "%s key %d average %s vs %.4f"
                  % (what, key, avg, total / n / 100))


@seeded
def test_churn_series_and_segments():
    c = sign_in("leader2")
    for word, (kind, n) in KINDS.items():
        for seg, dim in CHURN_DIMS.items():
            page = c.get("/analysis/churn?period=%s&seg=%s" % (word, seg))
            check_status(page, 200, "churn %s %s" % (word, seg))
            series = _check_series(page, "region_id > 0", kind, n, "%s/%s" % (word, seg))
            check(series, "no %s periods to compare" % word)
            # the segment table shows the latest period unless one is chosen
            _check_segments(page, "region_id > 0", kind, series[-1][0], dim, "%s/%s" % (word, seg))
        first = series[0][0]
        page = c.get("/analysis/churn?period=%s&seg=size&at=%s" % (word, first))
        _check_segments(page, "region_id > 0", kind, first, 3, "%s at %s" % (word, first))
        check(re.search(r'<tr data-period="%s" class="current"' % first, page.text),
              "the chosen period is marked")


@seeded
def test_lifetime_value_by_segment():
    c = sign_in("admin")
    for word, dim in CLV_DIMS.items():
        page = c.get("/analysis/churn?clv=" + word)
        check_status(page, 200, "CLV by " + word)
        _check_clv(page, "region_id > 0", dim, "CLV by " + word)
    # the formula and the discount rate as set
    bp = int(sql_value("SELECT discount_bp FROM analysis_settings WHERE id = 1"))
    note = element_text(page.text, "clv-note")
    check("m × r ÷ (1 + d − r)" in note, "the formula in the note: %r" % note)
    check(element_text(page.text, "discount") == "%.1f%%" % (bp / 100), "discount %r vs %d bp"
          % (element_text(page.text, "discount"), bp))
    # RFM segments named
    page = c.get("/analysis/churn?clv=rfm")
    check_in("重要价值客户", page.text, "RFM segment names")


@seeded
def test_region_scope():
    c = sign_in("rm_central")
    cond = scope_sql("rm_central")
    page = c.get("/analysis/churn?period=quarter&seg=region&clv=region")
    check_status(page, 200, "rm_central's churn")
    series = _check_series(page, cond, 2, 8, "rm_central")
    _check_segments(page, cond, 2, series[-1][0], 1, "rm_central by region")
    _check_clv(page, cond, 1, "rm_central CLV by region")
    keys = re.findall(r'<tr data-key="(\d+)"', page.text)
    check(set(keys) <= {"4", "6"}, "rm_central sees regions %s" % set(keys))
    page = c.get("/analysis/churn?region=6")
    _check_series(page, "region_id = 6", 1, 12, "rm_central region 6")
    for region in ("1", "2", "5"):
        check_status(c.get("/analysis/churn?region=" + region), 404, "another region " + region)


@seeded
def test_odd_parameters_never_500():
    for who in ("staff01", "rm_huadong"):
        c = sign_in(who)
        for name in ("period", "seg", "clv", "at", "region"):
            for value in ODD + ("2026-01-01", "1000-01-01"):
                r = c.get("/analysis/churn?%s=%s" % (name, urllib.parse.quote(value)))
                check_status(r, (200, 404), "churn %s=%r as %s" % (name, value[:20], who))
                check("<b>x</b>" not in r.text, "%s=%r shown unescaped" % (name, value))
