"""What the analysis batch stores so that the report pages read a few rows
at any number of customers (docs/analysis.md, "Stored sums"): profit by
tenth of customers (/analysis/profit's chart) against the live ranking of
customer_analysis, the all-region rows (region 0) against the regions'
sums and the report page that reads them, the watch list's counts per
reason, and churn's period that has not ended yet. Figures come from the
batch's latest run on the demo data (run here once when the cells predate
the stored sums)."""
import datetime
import re

from analysis_fixture import analyse
from lib import check, check_in, check_status, element_text, sign_in, sql, sql_value, table_rows
from analysis_seed import scope_sql

FIGURES = ("sales", "cost_of_goods", "charges", "margin", "customers", "active_before", "lost",
           "new_customers", "conversions", "lifetime_value")
REASONS = (("late", 1), ("orders", 2), ("contacts", 4), ("complaints", 8))


def _stored():
    """The latest run has the stored sums; the batch runs once when not."""
    n = int(sql_value("SELECT COUNT(*) FROM analysis_cells WHERE period_kind = 0"
                      " AND dim = 18 AND region_id = 0"))
    if not n:
        p = analyse("--once")
        check(p.returncode == 0, "kehu-analyse --once: %s" % p.stderr[-400:])


def _live(cond):
    """{tenth: (customers, profit cents, Σ|profit|)} ranked as the live
    window ranks: profit_rank, then id; 1 + floor(10 pos / n)."""
    rows = [int(r[0]) for r in sql("SELECT profit FROM customer_analysis WHERE profit_rank > 0"
                                   + (" AND " + cond if cond else "")
                                   + " ORDER BY profit_rank, customer_id")]
    out = {}
    for i, p in enumerate(rows):
        d = i * 10 // len(rows) + 1
        n, s, a = out.get(d, (0, 0, 0))
        out[d] = (n + 1, s + p, a + abs(p))
    return out


def _page_tenths(html):
    """{tenth: profit cents} of the chart's table, and what it says it is."""
    body = html.split('id="t-deciles"')[1].split("</table>")[0]
    keys = [int(k) for k in re.findall(r'<tr data-decile="(\d+)"', body)]
    rows = table_rows(html, "t-deciles")
    got = {k: round(float(r[1]["text"].replace(",", "")) * 100) for k, r in zip(keys, rows)}
    how = re.search(r'id="decile-how" data-how="(\w*)"', html)
    return got, how.group(1) if how else None


def test_tenths_are_exact_for_the_company_a_region_a_salesperson_and_a_manager():
    _stored()
    owner = sql_value("SELECT owner_id FROM customer_analysis WHERE owner_id IS NOT NULL"
                      " GROUP BY owner_id ORDER BY COUNT(*) DESC LIMIT 1")
    cases = [("admin", "", "", "exact"), ("admin", "region=3", "region_id = 3", "exact"),
             ("admin", "class=B", "abc_class = 'B'", "exact"),
             ("admin", "region=2&class=A", "region_id = 2 AND abc_class = 'A'", "exact"),
             ("admin", "tail=1", "", "exact"),
             ("rm_huadong", "", scope_sql("rm_huadong"), "exact"),
             ("rm_huadong", "class=C", scope_sql("rm_huadong") + " AND abc_class = 'C'", "exact"),
             ("rm_central", "region=6", "region_id = 6", "exact"),
             ("leader1", "owner=%s" % owner, "owner_id = %s" % owner, "exact"),
             ("admin", "owner=%s&class=A" % owner, "owner_id = %s AND abc_class = 'A'" % owner, "exact"),
             ("rm_huadong", "owner=%s" % owner, scope_sql("rm_huadong") + " AND owner_id = %s" % owner,
              "exact"),
             ("rm_central", "owner=%s" % owner, scope_sql("rm_central") + " AND owner_id = %s" % owner,
              "live")]
    for user, query, cond, how in cases:
        page = sign_in(user).get("/analysis/profit?" + query)
        check_status(page, 200, "%s ?%s" % (user, query))
        got, said = _page_tenths(page.text)
        want = {d: v[1] for d, v in _live(cond).items()}
        check(want, "%s ?%s: no customers to compare" % (user, query))
        check(said == how, "%s ?%s: the chart says %r, expected %r" % (user, query, said, how))
        check(got == want, "%s ?%s: page %s, live %s" % (user, query, got, want))


def test_a_manager_of_several_regions_gets_tenths_within_the_stated_bound():
    _stored()
    c = sign_in("rm_central")
    for query, cond in (("", ""), ("class=C", " AND abc_class = 'C'")):
        page = c.get("/analysis/profit?" + query)
        check_status(page, 200, "rm_central ?" + query)
        got, said = _page_tenths(page.text)
        check(said == "merged", "rm_central ?%s: the chart says %r" % (query, said))
        check_in("2.3%", element_text(page.text, "decile-how"), "the note states the bound")
        live = _live(scope_sql("rm_central") + cond)
        check(set(got) == set(live), "rm_central ?%s: tenths %s, live %s"
              % (query, sorted(got), sorted(live)))
        # the pieces of a cut histogram range add up: the whole is exact
        check(sum(got.values()) == sum(v[1] for v in live.values()),
              "rm_central ?%s: total %d, live %d" % (query, sum(got.values()),
                                                     sum(v[1] for v in live.values())))
        for d, (n, profit, absolute) in live.items():
            bound = absolute * 0.0233 + 100 * n + 2
            check(abs(got[d] - profit) <= bound, "rm_central ?%s tenth %d: %d vs live %d, bound %d"
                  % (query, d, got[d], profit, bound))


def test_all_region_rows_are_the_regions_sums():
    _stored()
    sums = ", ".join("SUM(%s) AS %s" % (f, f) for f in FIGURES)
    differ = " OR ".join("NOT (z.%s <=> r.%s)" % (f, f) for f in FIGURES)
    bad = sql("SELECT r.period_kind, r.period_start, r.dim, r.dim_key FROM (SELECT period_kind,"
              " period_start, dim, dim_key, %s FROM analysis_cells WHERE region_id > 0"
              " AND dim NOT IN (15, 16, 18) GROUP BY period_kind, period_start, dim, dim_key) r"
              " LEFT JOIN analysis_cells z ON z.period_kind = r.period_kind"
              " AND z.period_start = r.period_start AND z.dim = r.dim AND z.dim_key = r.dim_key"
              " AND z.region_id = 0 WHERE %s LIMIT 5" % (sums, differ))
    check(bad == [], "region 0 differs from the regions' sums at %s" % bad)
    extra = sql_value("SELECT COUNT(*) FROM analysis_cells z WHERE z.region_id = 0 AND z.dim NOT IN (15, 18)"
                      " AND NOT EXISTS (SELECT 1 FROM analysis_cells r WHERE r.region_id > 0"
                      " AND r.period_kind = z.period_kind AND r.period_start = z.period_start"
                      " AND r.dim = z.dim AND r.dim_key = z.dim_key)")
    check(extra == "0", "%s region 0 rows without a region's" % extra)
    # The report reads them: products of the latest complete month for
    # the admin (region 0) and for a manager (the sum over two regions).
    as_of = datetime.date.fromisoformat(sql_value(
        "SELECT MAX(period_start) FROM analysis_cells WHERE period_kind = 0"))
    month = (as_of + datetime.timedelta(days=1)).replace(day=1) - datetime.timedelta(days=1)
    month = month.replace(day=1)
    for user, cond in (("admin", "region_id > 0"), ("rm_central", scope_sql("rm_central"))):
        want = {str(k): int(s) for k, s in sql(
            "SELECT dim_key, SUM(sales) FROM analysis_cells WHERE period_kind = 1"
            " AND period_start = '%s' AND dim = 5 AND %s GROUP BY dim_key" % (month, cond))}
        page = sign_in(user).get("/analysis/report?p=%s&dim=product" % month.strftime("%Y-%m"))
        check_status(page, 200, "%s report" % user)
        start = page.text.index('id="t-report"')
        keys = re.findall(r'<tr[^>]*data-key="([^"]+)"', page.text[start:])
        rows = table_rows(page.text, "t-report")
        got = {k: r[1]["text"] for k, r in zip(keys, rows) if k != "total"}
        # keys sold in the compared periods only show 0 for this one
        check(set(want) <= set(got) and all(got[k] == "0" for k in set(got) - set(want)),
              "%s: products %d, SQL %d" % (user, len(got), len(want)))
        for k, cents in want.items():
            y = (cents + 50) // 100 if cents >= 0 else -((-cents + 50) // 100)
            check(got[k] == "{:,}".format(y), "%s product %s: %s vs %d cents" % (user, k, got[k], cents))


def _chips(html):
    return {m.group(1): int(m.group(2)) for m in re.finditer(
        r'data-reason="(\w+)" href="[^"]*">[^<]*<strong>(\d+)</strong>', html)}


def test_watch_counts_per_reason_in_scope():
    _stored()
    for user, query, cond in (("admin", "", "1 = 1"), ("admin", "region=1", "region_id = 1"),
                              ("rm_central", "", scope_sql("rm_central")),
                              ("leader1", "region=4&reason=late", "region_id = 4")):
        page = sign_in(user).get("/analysis/watch?" + query)
        check_status(page, 200, "%s watch ?%s" % (user, query))
        got = _chips(page.text)
        for word, flag in REASONS:
            want = int(sql_value("SELECT COUNT(*) FROM customer_analysis WHERE"
                                 " (watch_reasons & %d) <> 0 AND %s" % (flag, cond)))
            check(got.get(word) == want, "%s ?%s %s: page %s, SQL %d"
                  % (user, query, word, got.get(word), want))
        if "reason=late" in query:
            check(re.search(r'class="chip warn active" data-reason="late"', page.text),
                  "the chosen reason's chip is marked")
    # a count links to the list of that reason in the same region
    page = sign_in("admin").get("/analysis/watch?region=1")
    check('href="/analysis/watch?reason=orders&amp;region=1"' in page.text, "the chip's link")


def test_churn_marks_the_period_not_over():
    _stored()
    as_of = datetime.date.fromisoformat(sql_value(
        "SELECT as_of FROM analysis_runs WHERE status = 'done' ORDER BY id DESC LIMIT 1"))
    nxt = as_of + datetime.timedelta(days=1)
    starts = {"month": (as_of.replace(day=1), nxt.month != as_of.month),
              "year": (as_of.replace(month=1, day=1), nxt.year != as_of.year)}
    for period, (start, ended) in starts.items():
        page = sign_in("admin").get("/analysis/churn?period=" + period)
        check_status(page, 200, "churn " + period)
        marked = re.findall(r'<tr data-period="([\d-]+)"[^>]*data-unfinished="1"', page.text)
        shown = re.findall(r'<tr data-period="([\d-]+)"', page.text)
        if ended or start.isoformat() not in shown:
            check(marked == [], "%s: nothing running, marked %s" % (period, marked))
            continue
        check(marked == [start.isoformat()], "%s: marked %s, expected %s" % (period, marked, start))
        check_in("流失率不是最终数", element_text(page.text, "churn-unfinished"), "the note")
        row = [r for r, p in zip(table_rows(page.text, "t-churn"), shown) if p == start.isoformat()][0]
        check_in("未结束", row[0]["text"], "the period's label (the chart's too)")
        # the segments of the latest period say so as well
        check('id="seg-unfinished"' in page.text, "%s: the segment table's heading" % period)
