"""Support-plan return (支援效果, schema/053): a region of its own with five
dealers whose orders, plans and executions are written here, the batch run
(kehu-analyse, whose last step it is) as of today, and the stored rows
checked against figures worked out by hand and, for every unit of the
stack, against the same sums computed by set statements from the orders
(the definition the step had before it took them from the batch's own
pass); then the plan page, the dealer's file and the dashboard panel show
what the table holds; another region's manager gets 404; the dashboard's
sleep column shows customer_analysis.sleep_state.

The batch classes the dealers: D, P1, P2 and P3 bought nothing in the last
12 months (class C); Q's order of today (10,000,000.00, above any demo
customer's year) makes it A. That order is removed and the stack analysed
again at the end.

Hand-worked (product: price 10.00, unit cost 6.00; support month May 2025,
before = Feb-Apr, after = Jun-Aug; May itself and September are outside):
  D  (B, category 2 executed 2025-05-10, cost 300.00): Feb 100, Mar 100,
     May 50, Jun 150, Jul 150, Sep 100 units -> sales 2000 -> 3000 (+50.0 %),
     margin 800 -> 1200.
  P1 (B): Mar 200, Jul 220 units; P2 (B): Feb 100, Aug 100 units.
  P3 (B, also supported in category 2 in 2025: not D's peer): Jun 50 units.
  Q  (A: another class, not a peer): Feb 100 units.
  D's peers: P1 + P2 = 2 dealers, sales 3000 -> 3200 (+6.67 % -> 667 bp),
  uplift 5000 - 667 = 4333 bp (+43.3 points); peers' margin 1200 -> 1280, so
  D's 800 would have become 853.33: extra margin 1200 - 853.33 = 346.67 yuan
  > cost 300.00: pays. P3's own row: no sales before March 2025: no base.
  D's second plan (this year, category 4 executed today): too early."""
import re

from analysis_fixture import analyse
from lib import check, check_status, sign_in, sql, sql_str, sql_value, table_rows


def _run_batch(*as_of):
    p = analyse("--once", *(("--as-of",) + as_of if as_of else ()))
    check(p.returncode == 0, "kehu-analyse: %s" % p.stderr.decode(errors="replace")[-600:])
    err = sql_value("SELECT COUNT(*) FROM analysis_runs WHERE id = (SELECT MAX(id) FROM"
                    " analysis_runs) AND status = 'done'")
    check(err == "1", "the run is done")


# Each unit's sums by the definition, in set statements over the orders
# (not cancelled, on or before the day): the dealer's own, and its peers'
# (the region and class's active dealers with no unit of that category and
# year). Months: before = the 3 before the support month, after = the 3 after.
_MONTHS = """WITH m AS (SELECT o.customer_id, CAST(DATE_FORMAT(o.ordered_on, '%%Y-%%m-01') AS DATE) AS month,
   ROUND(SUM(l.amount) * 100) AS s, ROUND(SUM(l.quantity * pr.unit_cost) * 100) AS c
   FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN products pr ON pr.id = l.product_id
   WHERE o.status <> 'cancelled' AND o.ordered_on <= '%s' GROUP BY 1, 2),
 w AS (SELECT plan_id, category_id, customer_id, region_id, abc_class, year, support_month AS sm
   FROM support_returns)"""
_SUMS = """COALESCE(SUM(IF(m.month >= w.sm - INTERVAL 3 MONTH AND m.month < w.sm, m.s, 0)), 0),
 COALESCE(SUM(IF(m.month > w.sm AND m.month < w.sm + INTERVAL 4 MONTH, m.s, 0)), 0),
 COALESCE(SUM(IF(m.month >= w.sm - INTERVAL 3 MONTH AND m.month < w.sm, m.s - m.c, 0)), 0),
 COALESCE(SUM(IF(m.month > w.sm AND m.month < w.sm + INTERVAL 4 MONTH, m.s - m.c, 0)), 0)"""
_OWN = _MONTHS + """ SELECT w.plan_id, w.category_id, """ + _SUMS + """
 FROM w LEFT JOIN m ON m.customer_id = w.customer_id GROUP BY 1, 2"""
_PEERS = _MONTHS + """, p AS (SELECT w.plan_id, w.category_id, d.customer_id FROM w
   JOIN dash_dealers d ON d.region_id = w.region_id AND COALESCE(d.abc_class, '-') = w.abc_class
   WHERE NOT EXISTS (SELECT 1 FROM w x WHERE x.customer_id = d.customer_id
     AND x.category_id = w.category_id AND x.year = w.year))
 SELECT w.plan_id, w.category_id, COUNT(DISTINCT p.customer_id), """ + _SUMS + """
 FROM w JOIN p ON p.plan_id = w.plan_id AND p.category_id = w.category_id
 LEFT JOIN m ON m.customer_id = p.customer_id GROUP BY 1, 2"""


def _check_against_set_statements():
    as_of = sql_value("SELECT MAX(as_of) FROM support_returns")
    stored = {(r[0], r[1]): r[2:] for r in sql(
        "SELECT plan_id, category_id, sales_before, sales_after, margin_before, margin_after,"
        " peers, peer_sales_before, peer_sales_after, peer_margin_before, peer_margin_after"
        " FROM support_returns")}
    check(len(stored) > 100, "the demo's units and the test's: %d" % len(stored))
    own = {(r[0], r[1]): r[2:] for r in sql(_OWN % as_of)}
    peers = {(r[0], r[1]): r[2:] for r in sql(_PEERS % as_of)}
    for key, row in stored.items():
        check(row[:4] == own[key], "unit %s: own %s, by set statements %s" % (key, row[:4], own[key]))
        want = peers.get(key, ["0", "0", "0", "0", "0"])
        check(row[4:] == want, "unit %s: peers %s, by set statements %s" % (key, row[4:], want))


def _dealer(tag, region, cls):
    code = "TSR%s%d" % (tag, int(sql_value("SELECT COALESCE(MAX(id), 0) + 1 FROM customers")))
    sql("INSERT INTO customers (code, name, kind, region_id, lifecycle, abc_class) VALUES"
        " (%s, %s, 'dealer', %d, 'loyal', %s)"
        % (sql_str(code), sql_str("支援效果测试" + code), region, sql_str(cls)))
    return int(sql_value("SELECT id FROM customers WHERE code = %s" % sql_str(code)))


def _orders(cid, product, months):
    for day, qty in months:
        no = "TSR-%d-%s" % (cid, day)
        sql("INSERT INTO orders (order_no, customer_id, ordered_on, total) VALUES"
            " (%s, %d, '%s', %d)" % (sql_str(no), cid, day, qty * 10))
        oid = int(sql_value("SELECT id FROM orders WHERE order_no = %s" % sql_str(no)))
        sql("INSERT INTO order_lines (order_id, product_id, quantity, unit_price, amount)"
            " VALUES (%d, %d, %d, 10, %d)" % (oid, product, qty, qty * 10))


def _plan(cid, year, category, done_on, cost, staff):
    """A plan in progress with one measure of the category and one execution."""
    sql("INSERT INTO support_plans (customer_id, year, status, created_by, created_at, updated_at)"
        " VALUES (%d, %s, 'in_progress', %d, NOW(), NOW())" % (cid, year, staff))
    pid = int(sql_value("SELECT id FROM support_plans WHERE customer_id = %d AND year = %s"
                        % (cid, year)))
    sql("INSERT INTO support_plan_revisions (plan_id, rev, status, created_by, created_at)"
        " VALUES (%d, 1, 'approved', %d, NOW())" % (pid, staff))
    rid = int(sql_value("SELECT id FROM support_plan_revisions WHERE plan_id = %d" % pid))
    key = 950000 + pid
    sql("INSERT INTO support_plan_items (revision_id, line_key, category_id, budget, months,"
        " custom_name) VALUES (%d, %d, %d, %s, 4095, '测试措施')" % (rid, key, category, cost))
    sql("UPDATE support_plans SET approved_rev_id = %d WHERE id = %d" % (rid, pid))
    sql("INSERT INTO support_executions (plan_id, line_key, done_on, what_done, actual_cost,"
        " recorded_by, recorded_at) VALUES (%d, %d, %s, '测试', %s, %d, NOW())"
        % (pid, key, done_on, cost, staff))
    return pid


def _stored(pid, category):
    cols = ("status", "peers", "sales_before", "sales_after", "margin_before", "margin_after",
            "peer_sales_before", "peer_sales_after", "change_bp", "peer_change_bp", "uplift_bp",
            "margin_change_bp", "extra_margin", "pays", "cost", "support_month")
    rows = sql("SELECT %s FROM support_returns WHERE plan_id = %d AND category_id = %d"
               % (", ".join(cols), pid, category))
    check(len(rows) == 1, "one stored row for plan %d category %d: %r" % (pid, category, rows))
    return dict(zip(cols, rows[0]))


def _row_of(html, table_id, attr, value):
    """Cells of the row whose data attribute matches, by data-col."""
    start = html.find('id="%s"' % table_id)
    check(start >= 0, "no table %s" % table_id)
    at = html.find('%s="%s"' % (attr, value), start)
    check(at >= 0, "no row %s=%s in %s" % (attr, value, table_id))
    end = html.find("</tr>", at)
    row = html[at:end]
    out = {}
    for m in re.finditer(r'data-col="([a-z_]+)"[^>]*>(.*?)</td>', row, re.S):
        out[m.group(1)] = re.sub(r"<[^>]+>", "", m.group(2)).strip()
    return out


def test_support_return():
    staff = int(sql_value("SELECT id FROM users WHERE username = 'staff01'"))
    n = int(sql_value("SELECT COALESCE(MAX(id), 0) + 1 FROM regions"))
    sql("INSERT INTO regions (code, name_zh, name_en, sort) VALUES ('tsr%d', '支援效果区%d',"
        " 'Support test %d', 99)" % (n, n, n))
    region = int(sql_value("SELECT id FROM regions WHERE code = 'tsr%d'" % n))
    cat = int(sql_value("SELECT MIN(id) FROM product_categories"))
    sql("INSERT INTO products (code, name, category_id, list_price, unit_cost) VALUES"
        " ('TSR-P%d', '支援效果测试产品', %d, 10, 6)" % (n, cat))
    product = int(sql_value("SELECT id FROM products WHERE code = 'TSR-P%d'" % n))
    d, p1, p2, p3 = (_dealer(t, region, "B") for t in ("D", "P", "P", "S"))
    q = _dealer("Q", region, "A")
    _orders(d, product, [("2025-02-03", 100), ("2025-03-03", 100), ("2025-05-20", 50),
                         ("2025-06-03", 150), ("2025-07-03", 150), ("2025-09-03", 100)])
    _orders(p1, product, [("2025-03-10", 200), ("2025-07-10", 220)])
    _orders(p2, product, [("2025-02-10", 100), ("2025-08-10", 100)])
    _orders(p3, product, [("2025-06-10", 50)])
    _orders(q, product, [("2025-02-10", 100)])
    plan = _plan(d, 2025, 2, "'2025-05-10'", "300.00", staff)
    plan_p3 = _plan(p3, 2025, 2, "'2025-03-15'", "100.00", staff)
    plan_now = _plan(d, "YEAR(CURDATE())", 4, "CURDATE()", "50.00", staff)
    today = sql_value("SELECT CURDATE()")
    _orders(q, product, [(today, 1000000)])
    try:
        _run_batch(today)
        _checks(region, plan, plan_p3, plan_now, d, p1, p2, q)
    finally:
        sql("DELETE l FROM order_lines l JOIN orders o ON o.id = l.order_id"
            " WHERE o.customer_id = %d AND o.ordered_on = '%s'" % (q, today))
        sql("DELETE FROM orders WHERE customer_id = %d AND ordered_on = '%s'" % (q, today))
        _run_batch()


def _checks(region, plan, plan_p3, plan_now, d, p1, p2, q):
    classes = dict(sql("SELECT id, abc_class FROM customers WHERE id IN (%d, %d, %d)" % (d, p1, q)))
    check(classes == {str(d): "C", str(p1): "C", str(q): "A"}, "the run's classes: %r" % classes)
    _check_against_set_statements()

    # the table against the hand-worked figures (cents, basis points)
    r = _stored(plan, 2)
    want = {"status": "0", "peers": "2", "sales_before": "200000", "sales_after": "300000",
            "margin_before": "80000", "margin_after": "120000", "peer_sales_before": "300000",
            "peer_sales_after": "320000", "change_bp": "5000", "peer_change_bp": "667",
            "uplift_bp": "4333", "margin_change_bp": "5000", "extra_margin": "34667", "pays": "1",
            "cost": "30000", "support_month": "2025-05-01"}
    for k, v in want.items():
        check(str(r[k]) == v, "D's %s: stored %r, worked out %r" % (k, r[k], v))
    r3 = _stored(plan_p3, 2)
    check(r3["status"] == "2" and r3["change_bp"] in ("NULL", None, ""),
          "P3 sold nothing before March 2025: no base, %r" % r3)
    check(r3["peers"] == "2", "P3's peers are P1 and P2: %r" % r3["peers"])
    rn = _stored(plan_now, 4)
    check(rn["status"] == "1", "support this month is too early: %r" % rn)

    # the plan page shows the stored row
    c = sign_in("admin")
    page = c.get("/plans/%d" % plan)
    check_status(page, 200, "plan page")
    row = _row_of(page.text, "support-return-table", "data-category", 2)
    check(row["sales"].startswith("¥2,000.00 → ¥3,000.00"), "plan page sales %r" % row["sales"])
    check(row["change"] == "+50.0%", "plan page change %r" % row["change"])
    check(row["peers"] == "2" and row["peer_change"] == "+6.7%", "plan page peers %r" % row)
    check(row["uplift"].startswith("+43.3"), "plan page uplift %r" % row["uplift"])
    check(row["extra"] == "¥346.67" and row["pays"] == "值得", "plan page extra/pays %r" % row)
    check(row["sales"].endswith("毛利 ¥800.00 → ¥1,200.00"), "plan page margin %r" % row["sales"])
    page_now = c.get("/plans/%d" % plan_now)
    row = _row_of(page_now.text, "support-return-table", "data-category", 4)
    check(row.get("uplift") == "为时尚早", "this year's plan: too early, %r" % row)

    # the dealer's file: both plans, the same figures
    page = c.get("/customers/%d?tab=support" % d)
    check_status(page, 200, "customer file support tab")
    row = _row_of(page.text, "customer-support-return", "data-plan", plan)
    check(row["uplift"].startswith("+43.3") and row["pays"] == "值得", "file row %r" % row)
    check('data-plan="%d"' % plan_now in page.text, "the file lists this year's plan too")

    # the dashboard panel for the region: category 2 has D (done, paid) and P3 (no base)
    page = c.get("/dashboard?region=%d" % region)
    check_status(page, 200, "dashboard of the test region")
    row = _row_of(page.text, "t-support-return", "data-category", 2)
    check(row["supported"] == "2" and row["done"] == "1" and row["too_early"] == "0",
          "panel counts %r" % row)
    check(row["uplift"].startswith("+43.3") and row["paid_share"] == "100%", "panel %r" % row)
    check(row["cost"] == "¥400.00" and row["extra"] == "¥346.67", "panel money %r" % row)
    cells = sql("SELECT supported, done, paid FROM support_return_cells WHERE region_id = %d"
                " AND year = 2025 AND category_id = 2" % region)
    check(cells == [["2", "1", "1"]], "cells %r" % cells)
    row4 = _row_of(page.text, "t-support-return", "data-category", 4)
    check(row4["too_early"] == "1", "panel category 4: too early %r" % row4)

    # the sleep column: the stored state wins over the fixed days (P1 last
    # bought in July 2025, past the 365 days of 沉睡; its own rhythm says 半睡);
    # P2 as if the batch had not seen it yet
    sql("DELETE FROM customer_analysis WHERE customer_id = %d" % p2)
    sql("INSERT INTO customer_analysis (customer_id, region_id, sleep_state, run_id) VALUES"
        " (%d, %d, 3, 0) ON DUPLICATE KEY UPDATE sleep_state = 3" % (p1, region))
    page = c.get("/dashboard?region=%d&sort=name&dir=asc" % region)
    rows = table_rows(page.text, "t-dealers")
    sleep = {r[0]["hrefs"][0]: r[-1]["text"] for r in rows}
    check(sleep.get("/customers/%d" % p1) == "半睡", "P1 sleep from customer_analysis: %r" % sleep)
    check(sleep.get("/customers/%d" % p2) == "沉睡", "P2 without a stored state: fixed days %r"
          % sleep)

    # another region's manager: 404 on the plan and the file, nothing in the panel
    rm = sign_in("rm_huadong")
    check_status(rm.get("/plans/%d" % plan), 404, "rm_huadong on another region's plan")
    check_status(rm.get("/customers/%d?tab=support" % d), 404, "rm_huadong on the file")
    check_status(rm.get("/dashboard?region=%d" % region), 404, "rm_huadong's dashboard")
    page = rm.get("/dashboard")
    own = sql("SELECT COALESCE(SUM(x.supported), 0) FROM support_return_cells x JOIN user_regions u"
              " ON u.region_id = x.region_id AND u.user_id = (SELECT id FROM users WHERE"
              " username = 'rm_huadong') WHERE x.year >= YEAR(CURDATE()) - 1 AND x.category_id = 2")
    row = _row_of(page.text, "t-support-return", "data-category", 2)
    check(row["supported"] == str(own[0][0]), "rm panel equals their regions' cells: %r vs %r"
          % (row["supported"], own))
