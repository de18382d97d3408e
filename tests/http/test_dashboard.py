"""The regional dealer dashboard (/dashboard) and its exports: figures
checked against SQL computed here from the base tables (orders, order
lines, payments, complaints, contact log, support plans), the summary
tables following inserts, updates and deletes, region scoping by URL
guessing (page, exports, chart and warning data), sort and paging, export
content and formula neutralising, and the regional manager's landing page."""
import csv
import io
import re

from lib import (Client, check, check_status, csrf_of, sign_in, sql, sql_str, sql_value,
                 table_rows, user_id)
from test_export import _xlsx_rows

FORMULA = '=HYPERLINK("http://evil.example","x")'
COLS = ["id", "name", "class", "ytd", "ly", "growth", "target", "attain", "budget", "spend",
        "complaints", "overdue", "contact", "purchase", "sleep"]


def _csv(client, query=""):
    r = client.get("/dashboard.csv?" + query)
    check_status(r, 200, "CSV ?" + query)
    check(r.raw.startswith(b"\xef\xbb\xbf"), "CSV without UTF-8 BOM")
    rows = list(csv.reader(io.StringIO(r.raw.decode("utf-8-sig"))))
    check(len(rows[0]) == len(COLS), "CSV header %r" % rows[0])
    return [dict(zip(COLS, row)) for row in rows[1:]]


def _num(v):
    return float(v.replace(",", "")) if v not in ("", "—", None) else None


def _expected(cid):
    """One dealer's figures computed from the base tables."""
    y = "YEAR(CURDATE())"
    sales = ("SELECT COALESCE(SUM(l.amount), 0) FROM orders o JOIN order_lines l"
             " ON l.order_id = o.id WHERE o.customer_id = %d AND " % cid)
    # "-" for none: an empty string would be an empty line of the client's output
    contact = sql_value("SELECT COALESCE(MAX(contacted_on), '-') FROM contact_log"
                        " WHERE customer_id = %d" % cid)
    return {
        "ytd": float(sql_value(sales + "YEAR(o.ordered_on) = %s" % y)),
        "ly": float(sql_value(sales + "o.ordered_on >= MAKEDATE(%s - 1, 1)"
                              " AND o.ordered_on <= CURDATE() - INTERVAL 1 YEAR" % y)),
        "budget": sql_value("SELECT SUM(i.budget) FROM support_plans p JOIN support_plan_items i"
                            " ON i.revision_id = p.approved_rev_id WHERE p.customer_id = %d"
                            " AND p.year = %s" % (cid, y)),
        "target": sql_value("SELECT (SELECT v.sales_target FROM support_plans p JOIN"
                            " support_plan_revisions v ON v.id = p.approved_rev_id"
                            " WHERE p.customer_id = %d AND p.year = %s)" % (cid, y)),
        "spend": float(sql_value("SELECT COALESCE(SUM(e.actual_cost), 0) FROM support_plans p"
                                 " JOIN support_executions e ON e.plan_id = p.id"
                                 " WHERE p.customer_id = %d AND p.year = %s" % (cid, y))),
        "complaints": int(sql_value("SELECT COUNT(*) FROM complaints WHERE customer_id = %d"
                                    " AND status = 'open'" % cid)),
        "overdue": float(sql_value("SELECT COALESCE(SUM(amount - paid_amount), 0) FROM payments WHERE"
                                   " customer_id = %d AND paid_on IS NULL AND due_on < CURDATE()"
                                   % cid)),
        "contact": contact if contact != "-" else "",
    }


def _check_row(row, cid):
    e = _expected(cid)
    what = "dealer %d" % cid
    for k in ("ytd", "ly", "spend", "overdue"):
        check(abs(_num(row[k]) - e[k]) < 0.005, "%s %s: page %s, SQL %s" % (what, k, row[k], e[k]))
    check(int(row["complaints"]) == e["complaints"], "%s open complaints %s vs %s"
          % (what, row["complaints"], e["complaints"]))
    check(row["contact"] == e["contact"], "%s last contact %r vs %r" % (what, row["contact"], e["contact"]))
    if e["budget"] == "NULL":
        check(row["budget"] == "", "%s budget without an approved plan: %r" % (what, row["budget"]))
    else:
        check(abs(_num(row["budget"]) - float(e["budget"])) < 0.005,
              "%s budget %s vs %s" % (what, row["budget"], e["budget"]))
    if e["ly"] > 0:
        g = (e["ytd"] - e["ly"]) * 100 / e["ly"]
        check(abs(float(row["growth"]) - g) <= 0.051, "%s growth %s vs %.3f" % (what, row["growth"], g))
    else:
        check(row["growth"] == "", "%s growth without last year: %r" % (what, row["growth"]))
    if e["target"] != "NULL" and float(e["target"]) > 0:
        a = e["ytd"] * 100 / float(e["target"])
        check(abs(float(row["attain"]) - a) <= 0.051, "%s attainment %s vs %.3f" % (what, row["attain"], a))


def test_regional_manager_lands_on_dashboard():
    for user, where in (("rm_huadong", "/dashboard"), ("staff01", "/"), ("admin", "/")):
        c = Client()
        form = c.get("/login")
        r = c.post("/login", {"_csrf": csrf_of(form.text), "username": user,
                              "password": __import__("lib").PASSWORD})
        check_status(r, 303, "sign in as " + user)
        check((r.header("location") or "").endswith(where),
              "%s lands on %r, expected %s" % (user, r.header("location"), where))
    # a page asked for still wins
    c = sign_in("rm_huadong", next_path="/customers")
    check(c.get("/dashboard").status == 200, "dashboard for the regional manager")


def test_figures_match_sql():
    c = sign_in("rm_huadong")
    rows = {int(r["id"]): r for r in _csv(c)}
    picks = set()
    for q in ("SELECT d.id FROM customers d WHERE d.region_id = 1 AND d.kind = 'dealer'"
              " AND d.status = 'active' AND EXISTS (SELECT 1 FROM support_plans p WHERE"
              " p.customer_id = d.id AND p.year = YEAR(CURDATE()) AND p.approved_rev_id IS NOT NULL"
              " AND EXISTS (SELECT 1 FROM support_executions e WHERE e.plan_id = p.id)) LIMIT 2",
              "SELECT DISTINCT p.customer_id FROM payments p JOIN customers d ON d.id = p.customer_id"
              " WHERE d.region_id = 1 AND d.kind = 'dealer' AND d.status = 'active'"
              " AND p.paid_on IS NULL AND p.due_on < CURDATE() LIMIT 2",
              "SELECT d.id FROM customers d WHERE d.region_id = 1 AND d.kind = 'dealer'"
              " AND d.status = 'active' ORDER BY d.id LIMIT 3"):
        picks.update(int(r[0]) for r in sql(q))
    check(len(picks) >= 4, "too few dealers to compare: %s" % picks)
    for cid in picks:
        check(cid in rows, "dealer %d missing from the regional manager's export" % cid)
        _check_row(rows[cid], cid)
    # the page shows the same figures as the export
    page = c.get("/dashboard?sort=ytd&dir=desc")
    check_status(page, 200, "dashboard")
    first = table_rows(page.text, "t-dealers")[0]
    cid = int(re.search(r"/customers/(\d+)", first[0]["hrefs"][0]).group(1))
    e = _expected(cid)
    check(abs(_num(first[2]["text"]) - e["ytd"]) < 0.005, "page ytd %s vs %s" % (first[2]["text"], e["ytd"]))
    check(abs(_num(first[3]["text"]) - e["ly"]) < 0.005, "page ly %s vs %s" % (first[3]["text"], e["ly"]))
    # the monthly chart of the region against SQL over the region's dealers
    months = {r[0]: float(r[1]) for r in sql(
        "SELECT MONTH(o.ordered_on), SUM(l.amount) FROM orders o JOIN order_lines l"
        " ON l.order_id = o.id JOIN customers d ON d.id = o.customer_id WHERE d.region_id = 1"
        " AND d.kind = 'dealer' AND d.status = 'active' AND YEAR(o.ordered_on) = YEAR(CURDATE())"
        " GROUP BY 1")}
    for row in table_rows(page.text, "t-month"):
        m = str(int(re.match(r"\d+", row[0]["text"]).group(0)))
        shown = _num(row[2]["text"]) or 0.0
        check(abs(shown - months.get(m, 0.0)) < 0.005,
              "month %s this year: chart %s, SQL %s" % (m, shown, months.get(m)))


def _new_dealer(region=1):
    code = "TDASH%d" % int(sql_value("SELECT COALESCE(MAX(id), 0) + 1 FROM customers"))
    sql("INSERT INTO customers (code, name, kind, region_id, lifecycle, abc_class) VALUES"
        " (%s, %s, 'dealer', %d, 'loyal', 'B')" % (sql_str(code), sql_str("看板测试" + code), region))
    return int(sql_value("SELECT id FROM customers WHERE code = %s" % sql_str(code)))


def _row(client, cid, query=""):
    for r in _csv(client, query):
        if int(r["id"]) == cid:
            return r
    return None


def _month_total(client):
    page = client.get("/dashboard?region=1")
    check_status(page, 200, "dashboard region 1")
    rows = table_rows(page.text, "t-month")
    m = int(sql_value("SELECT MONTH(CURDATE())"))
    return _num(rows[m - 1][2]["text"]) or 0.0


def test_summaries_follow_writes():
    c = sign_in("rm_huadong")
    staff = user_id("staff01")
    leader = user_id("leader1")
    cid = _new_dealer()
    try:
        row = _row(c, cid)
        check(row is not None, "a new dealer appears at once")
        check(_num(row["ytd"]) == 0 and row["budget"] == "" and row["sleep"] == "无购买记录",
              "a new dealer's figures: %r" % row)
        # The insert trigger writes the row's defaults (schema/021): the
        # same row as every figure computed, as for a dealer with history.
        cols = "region_id, name, abc_class, ytd, ly, r3, r3_ly, plan_id, target, budget, spend," \
               " plan_due, open_complaints, overdue, last_contact, last_purchase, growth," \
               " attain, trend3, sched"
        q = "SELECT %s FROM dash_dealers WHERE customer_id = %d" % (cols, cid)
        inserted = sql(q)
        sql("CALL dash_figures(dash_as_of(), %d); CALL dash_plan_sync(dash_as_of(), %d)" % (cid, cid))
        check(sql(q) == inserted, "a new dealer's row %r, computed %r" % (inserted, sql(q)))
        before = _month_total(c)
        # an order of today with two lines
        sql("INSERT INTO orders (order_no, customer_id, ordered_on, total) VALUES"
            " (CONCAT('TD', %d), %d, CURDATE(), 1500)" % (cid, cid))
        oid = int(sql_value("SELECT id FROM orders WHERE customer_id = %d" % cid))
        sql("INSERT INTO order_lines (order_id, product_id, quantity, unit_price, amount) VALUES"
            " (%d, 1, 1, 1000, 1000), (%d, 2, 1, 500, 500)" % (oid, oid))
        # last year's order within the same period, and one after it
        sql("INSERT INTO orders (order_no, customer_id, ordered_on, total) VALUES"
            " (CONCAT('TDL', %d), %d, CURDATE() - INTERVAL 1 YEAR, 600),"
            " (CONCAT('TDM', %d), %d, CURDATE() - INTERVAL 1 YEAR + INTERVAL 1 DAY, 999)"
            % (cid, cid, cid, cid))
        for no, amt in (("TDL", 600), ("TDM", 999)):
            sql("INSERT INTO order_lines (order_id, product_id, quantity, unit_price, amount)"
                " SELECT id, 3, 1, %d, %d FROM orders WHERE order_no = CONCAT('%s', %d)"
                % (amt, amt, no, cid))
        # an overdue payment, an open complaint, a contact
        sql("INSERT INTO payments (customer_id, order_id, amount, due_on) VALUES"
            " (%d, %d, 777, CURDATE() - INTERVAL 5 DAY), (%d, %d, 1, CURDATE() + INTERVAL 5 DAY)"
            % (cid, oid, cid, oid))
        sql("INSERT INTO complaints (tracking_no, customer_id, region_id, kind, reason, contact_name,"
            " contact_phone, description, received_at, first_response_due) VALUES"
            " (CONCAT('TDASH', %d), %d, 1, 'complaint', 'quality', '测试', '13800000000', '测试',"
            " NOW(), NOW() + INTERVAL 1 DAY)" % (cid, cid))
        sql("INSERT INTO contact_log (customer_id, channel, contacted_on, heard) VALUES"
            " (%d, 'visit', CURDATE() - INTERVAL 3 DAY, '测试')" % cid)
        row = _row(c, cid)
        check(_num(row["ytd"]) == 1500, "ytd after the order: %r" % row["ytd"])
        check(_num(row["ly"]) == 600, "last year's same period: %r" % row["ly"])
        check(row["growth"] == "150.0", "growth: %r" % row["growth"])
        check(_num(row["overdue"]) == 777, "overdue: %r" % row["overdue"])
        check(row["complaints"] == "1", "open complaints: %r" % row["complaints"])
        check(row["contact"] == sql_value("SELECT CURDATE() - INTERVAL 3 DAY"), "contact %r" % row["contact"])
        check(row["sleep"] == "正常", "sleep after buying today: %r" % row["sleep"])
        check(abs(_month_total(c) - before - 1500) < 0.005, "the monthly chart follows the order")
        _check_row(row, cid)
        # updates: the payment paid, the complaint closed, a line changed
        sql("UPDATE payments SET paid_on = CURDATE() WHERE customer_id = %d AND amount = 777" % cid)
        sql("UPDATE complaints SET status = 'closed', closed_at = NOW() WHERE customer_id = %d" % cid)
        sql("UPDATE order_lines SET amount = 700 WHERE order_id = %d AND amount = 500" % oid)
        row = _row(c, cid)
        check(_num(row["overdue"]) == 0 and row["complaints"] == "0" and _num(row["ytd"]) == 1700,
              "after updates: %r" % row)
        # a support plan approved with two measures, then an execution
        y = int(sql_value("SELECT YEAR(CURDATE())"))
        sql("INSERT INTO support_plans (customer_id, year, status, created_by, created_at, updated_at)"
            " VALUES (%d, %d, 'draft', %d, NOW(), NOW())" % (cid, y, staff))
        pid = int(sql_value("SELECT id FROM support_plans WHERE customer_id = %d" % cid))
        sql("INSERT INTO support_plan_revisions (plan_id, rev, status, sales_target, created_by,"
            " created_at) VALUES (%d, 1, 'draft', 3400, %d, NOW())" % (pid, staff))
        rid = int(sql_value("SELECT id FROM support_plan_revisions WHERE plan_id = %d" % pid))
        sql("INSERT INTO support_plan_items (revision_id, line_key, category_id, measure_id, budget,"
            " months) VALUES (%d, 900001, 1, 1, 2000, 1), (%d, 900002, 3, 13, 1000, 2048)" % (rid, rid))
        row = _row(c, cid)
        check(row["budget"] == "", "a draft plan has no budget yet: %r" % row["budget"])
        sql("UPDATE support_plan_revisions SET status = 'approved', submitted_by = %d,"
            " submitted_at = NOW(), decided_by = %d, decided_at = NOW() WHERE id = %d"
            % (staff, leader, rid))
        sql("UPDATE support_plans SET status = 'in_progress', approved_rev_id = %d WHERE id = %d"
            % (rid, pid))
        row = _row(c, cid)
        check(_num(row["budget"]) == 3000, "budget of the approved revision: %r" % row["budget"])
        check(row["attain"] == "50.0", "attainment 1700 / 3400: %r" % row["attain"])
        sql("INSERT INTO support_executions (plan_id, line_key, done_on, what_done, actual_cost,"
            " recorded_by, recorded_at) VALUES (%d, 900002, CURDATE(), '测试', 1250, %d, NOW())"
            % (pid, staff))
        row = _row(c, cid)
        check(_num(row["spend"]) == 1250, "spend after an execution: %r" % row["spend"])
        _check_row(row, cid)
        page = c.get("/dashboard?region=1&sort=spend&dir=desc")
        sup = {r[0]["text"]: r for r in table_rows(page.text, "t-support")}
        check(any(_num(r[2]["text"]) >= 1250 for r in sup.values()), "support chart has the spend")
        # a dealer that is archived leaves the dashboard
        sql("UPDATE customers SET status = 'archived' WHERE id = %d" % cid)
        check(_row(c, cid) is None, "an archived dealer is not on the dashboard")
        sql("UPDATE customers SET status = 'active' WHERE id = %d" % cid)
        row = _row(c, cid)
        check(row is not None and _num(row["spend"]) == 1250 and _num(row["ytd"]) == 1700,
              "restored dealer's figures: %r" % row)
    finally:
        sql("DELETE FROM support_executions WHERE plan_id IN (SELECT id FROM support_plans WHERE customer_id = %d)" % cid)
        sql("UPDATE support_plans SET approved_rev_id = NULL WHERE customer_id = %d" % cid)
        sql("DELETE FROM support_plan_items WHERE revision_id IN (SELECT v.id FROM support_plan_revisions v"
            " JOIN support_plans p ON p.id = v.plan_id WHERE p.customer_id = %d)" % cid)
        sql("DELETE FROM support_plan_revisions WHERE plan_id IN (SELECT id FROM support_plans WHERE customer_id = %d)" % cid)
        sql("DELETE FROM support_plans WHERE customer_id = %d" % cid)
        sql("DELETE FROM payments WHERE customer_id = %d" % cid)
        sql("DELETE FROM order_lines WHERE order_id IN (SELECT id FROM orders WHERE customer_id = %d)" % cid)
        sql("DELETE FROM orders WHERE customer_id = %d" % cid)
        sql("DELETE FROM complaints WHERE customer_id = %d" % cid)
        sql("DELETE FROM contact_log WHERE customer_id = %d" % cid)
        sql("DELETE FROM customers WHERE id = %d" % cid)
    check(int(sql_value("SELECT COUNT(*) FROM dash_dealers WHERE customer_id = %d" % cid)) == 0,
          "deleted dealer's summary row")
    check(int(sql_value("SELECT COUNT(*) FROM dash_sales WHERE customer_id = %d AND amount <> 0" % cid)) == 0,
          "deleted orders leave no sales")


def _ids_on_page(text):
    return [int(m) for m in re.findall(r'href="/customers/(\d+)"', text)]


def _regions_of(ids):
    if not ids:
        return set()
    return {int(r[0]) for r in sql("SELECT DISTINCT region_id FROM customers WHERE id IN (%s)"
                                   % ",".join(str(i) for i in ids))}


def test_region_scoping_by_url():
    c = sign_in("rm_huadong")   # region 1 only
    for path in ("/dashboard?region=2", "/dashboard.csv?region=2", "/dashboard.xlsx?region=2",
                 "/dashboard?region=999", "/dashboard.csv?region=3&sort=name"):
        check_status(c.get(path), 404, "another region by URL")
    page = c.get("/dashboard?region=0")
    check_status(page, 200, "own dashboard")
    ids = _ids_on_page(page.text)   # table, warnings, top and bottom ten
    check(ids and _regions_of(ids) == {1}, "regions on rm_huadong's page: %s" % _regions_of(ids))
    rows = _csv(c, "region=0")
    check(_regions_of([int(r["id"]) for r in rows]) == {1}, "export holds only region 1")
    n = int(sql_value("SELECT COUNT(*) FROM customers WHERE region_id = 1 AND kind = 'dealer'"
                      " AND status = 'active'"))
    check(len(rows) == n, "export rows %d, active dealers of region 1 %d" % (len(rows), n))
    x = c.get("/dashboard.xlsx")
    check_status(x, 200, "XLSX")
    check(len(_xlsx_rows(x.raw)) == n + 1, "XLSX rows")
    # two regions: all of theirs, or one; never a third
    c2 = sign_in("rm_central")   # regions 4 and 6
    rows = _csv(c2)
    check(_regions_of([int(r["id"]) for r in rows]) == {4, 6}, "rm_central's export regions")
    page = c2.get("/dashboard?region=4")
    check(_regions_of(_ids_on_page(page.text)) == {4}, "rm_central choosing region 4")
    check_status(c2.get("/dashboard?region=1"), 404, "rm_central guessing region 1")
    # the charts of a region count only that region: the support chart's
    # budget equals SQL over the region's dealers' approved plans
    page = c.get("/dashboard")
    shown = sum(_num(r[1]["text"]) for r in table_rows(page.text, "t-support"))
    expect = float(sql_value(
        "SELECT COALESCE(SUM(i.budget), 0) FROM support_plans p JOIN support_plan_items i"
        " ON i.revision_id = p.approved_rev_id JOIN customers d ON d.id = p.customer_id"
        " WHERE d.region_id = 1 AND d.kind = 'dealer' AND d.status = 'active'"
        " AND p.year = YEAR(CURDATE())"))
    check(abs(shown - expect) < 0.01, "support budget of region 1: chart %s, SQL %s" % (shown, expect))
    # office staff see every region
    a = sign_in("staff01")
    total = int(sql_value("SELECT COUNT(*) FROM customers WHERE kind = 'dealer' AND status = 'active'"))
    check(len(_csv(a)) == total, "staff see every active dealer")


def test_sort_and_paging():
    a = sign_in("admin")
    for key, col in (("ytd", "ytd"), ("growth", "growth"), ("overdue", "overdue"),
                     ("budget", "budget"), ("complaints", "complaints")):
        for d in ("asc", "desc"):
            vals = [_num(r[col]) for r in _csv(a, "sort=%s&dir=%s" % (key, d))]
            vals = [v for v in vals if v is not None]   # NULLs sort first ascending, last descending
            check(vals == sorted(vals, reverse=(d == "desc")), "CSV not sorted by %s %s" % (key, d))
    dates = [r["contact"] for r in _csv(a, "sort=contact&dir=desc") if r["contact"]]
    check(dates == sorted(dates, reverse=True), "sorted by last contact")
    rows = _csv(a, "sort=ytd&dir=desc")
    check(len(rows) > 60, "enough dealers for two pages: %d" % len(rows))
    p2 = a.get("/dashboard?sort=ytd&dir=desc&page=2")
    check_status(p2, 200, "page 2")
    ids = [int(re.search(r"/customers/(\d+)", r[0]["hrefs"][0]).group(1))
           for r in table_rows(p2.text, "t-dealers")]
    check(ids == [int(r["id"]) for r in rows[50:100]], "page 2 is rows 51-100 of the order")
    check('rel="prev"' in p2.text, "page 2 links back")
    # the header links keep the region and flip the direction of the current sort
    check("sort=ytd&amp;dir=asc" in p2.text, "the sorted column's link flips the direction")
    for bad in ("sort=nonsense", "page=999999", "dir=sideways", "region=abc", "page=-3"):
        r = a.get("/dashboard?" + bad)
        check(r.status in (200, 400), "?%s answers %d" % (bad, r.status))


SORT_COLUMNS = {"name": "name", "class": "abc_class", "ytd": "ytd", "ly": "ly", "growth": "growth",
                "attain": "attain", "budget": "budget", "spend": "spend",
                "complaints": "open_complaints", "overdue": "overdue", "contact": "last_contact",
                "purchase": "last_purchase"}


def test_pages_over_several_regions_match_sql():
    """A table over several regions merges one branch per region: every
    sort, both directions, pages 1 and 2 are SQL's order over those regions."""
    for user, regions in (("staff01", None), ("rm_central", "4, 6")):
        c = sign_in(user)
        where = "WHERE region_id IN (%s)" % regions if regions else ""
        n = int(sql_value("SELECT COUNT(*) FROM dash_dealers %s" % where))
        check(n > 0, "%s has dealers" % user)
        pages = (1, 2) if n > 50 else (1,)   # past the last page the page shows the last one
        for key, col in SORT_COLUMNS.items():
            for d in ("asc", "desc"):
                for page in pages:
                    r = c.get("/dashboard?sort=%s&dir=%s&page=%d" % (key, d, page))
                    check_status(r, 200, "%s sort=%s %s page %d" % (user, key, d, page))
                    shown = [int(re.search(r"/customers/(\d+)", row[0]["hrefs"][0]).group(1))
                             for row in (table_rows(r.text, "t-dealers") or [])]
                    want = [int(x[0]) for x in sql(
                        "SELECT customer_id FROM dash_dealers %s ORDER BY %s %s, customer_id %s"
                        " LIMIT 50 OFFSET %d" % (where, col, d, d, 50 * (page - 1)))]
                    check(shown == want, "%s sort=%s %s page %d: %s... vs SQL %s..."
                          % (user, key, d, page, shown[:5], want[:5]))


def test_export_content_and_formula_neutralising():
    a = sign_in("admin")
    cid = int(sql_value("SELECT id FROM customers WHERE kind = 'dealer' AND status = 'active'"
                        " AND region_id = 1 ORDER BY id LIMIT 1"))
    old = sql_value("SELECT name FROM customers WHERE id = %d" % cid)
    sql("UPDATE customers SET name = %s WHERE id = %d" % (sql_str(FORMULA), cid))
    try:
        row = _row(a, cid, "region=1")
        check(row["name"] == "'" + FORMULA, "CSV formula not neutralised: %r" % row["name"])
        x = a.get("/dashboard.xlsx?region=1")
        check_status(x, 200, "XLSX")
        check("spreadsheetml" in (x.header("content-type") or ""), "XLSX content type")
        xrows = _xlsx_rows(x.raw)
        check(xrows[0][1] == "经销商" and xrows[0][3] == "本年销售额", "XLSX header %r" % xrows[0][:4])
        mine = [r for r in xrows[1:] if r[0] == str(cid)]
        check(mine and mine[0][1] == "'" + FORMULA, "XLSX formula: %r" % (mine[:1],))
        _check_row(row, cid)
    finally:
        sql("UPDATE customers SET name = %s WHERE id = %d" % (sql_str(old), cid))
