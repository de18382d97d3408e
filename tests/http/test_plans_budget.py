"""Support-plan money and files: budget vs actual per measure, per
category, per plan and per region agree with SQL sums and flag overspend
exactly when actual > budget; the budget page and its CSV; the customer
file's support tab; execution attachments (magic bytes, size, download
headers) and region scoping of plans, attachments and the budget page."""
from decimal import Decimal

from lib import (check, check_in, check_not_in, check_status, csrf_of, element_text, sign_in, sql,
                 sql_str, sql_value, table_rows)
from test_complaint_public import multipart
from test_plans import (act, add_item, approved_plan, create, dealer, empty_year, execute, free_year, items,
                        version)

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
PDF = b"%PDF-1.4\n% test\n"


def _money(text):
    """¥1,234.50 -> Decimal('1234.50')"""
    return Decimal(text.replace("¥", "").replace(",", "").split()[0])


def _region_id(code):
    return int(sql_value("SELECT id FROM regions WHERE code = %s" % sql_str(code)))


def test_budget_per_measure_category_plan():
    # Measures 1.3 and 2.1 overspent/at budget/under, in two categories.
    s, pid, cid, code, year = approved_plan(budgets=("1000.00", "500.00", "250.50"))
    lines = [r[0] for r in items(pid, "approved_rev_id")]
    check_status(execute(s, pid, lines[0], cost="600.00"), 303, "exec 1")
    check_status(execute(s, pid, lines[0], cost="400.01"), 303, "exec 2: 1000.01 > 1000.00")
    check_status(execute(s, pid, lines[1], cost="500.00"), 303, "exec 3: exactly the budget")
    check_status(execute(s, pid, lines[2], cost="0"), 303, "exec 4: nothing spent")
    page = s.get("/plans/%d" % pid).text
    rows = {}
    for row in table_rows(page, "items"):
        if len(row) < 7:
            continue   # a category heading
        rows[row[0]["text"]] = row
    check(len(rows) == 3, "three measures: %r" % list(rows))
    sums = dict((r[0], Decimal(r[1])) for r in sql(
        "SELECT line_key, SUM(actual_cost) FROM support_executions WHERE plan_id = %d"
        " GROUP BY line_key" % pid))
    budgets = dict((r[0], Decimal(r[1])) for r in items(pid, "approved_rev_id"))
    flagged = 0
    for row in rows.values():
        budget, actual, flag = _money(row[4]["text"]), _money(row[5]["text"]), row[6]["text"]
        line = [k for k, v in budgets.items() if v == budget][0]
        check(actual == sums.get(line, Decimal(0)), "actual of line %s: %s vs %s" % (line, actual, sums))
        check(("超支" in flag) == (actual > budget), "flag iff actual > budget (%s, %s)" % (budget, actual))
        flagged += "超支" in flag
    check(flagged == 1, "exactly one overspent measure")
    cats = table_rows(page, "category-table")
    by_cat = {r[0]["text"]: r for r in cats}
    mgmt = by_cat["与经营管理相关的支援"]
    check(_money(mgmt[2]["text"]) == Decimal("1000.00") and _money(mgmt[3]["text"]) == Decimal("1000.01"),
          "category 1 sums")
    check("超支" in mgmt[4]["text"], "category 1 overspent")
    sales = by_cat["与销售活动相关的支援"]
    check(_money(sales[2]["text"]) == Decimal("500.00") and "超支" not in sales[4]["text"],
          "category 2 at budget is not overspent")
    total_budget = sum(budgets.values())
    total_actual = sum(sums.values())
    check(_money(element_text(page, "total-budget")) == total_budget == Decimal("1750.50"),
          "plan budget")
    check(_money(element_text(page, "total-actual")) == total_actual == Decimal("1500.01"),
          "plan actual")
    check_not_in('id="plan-over"', page, "the plan as a whole is within budget")


def test_budget_page_by_region_matches_sql():
    s, pid, cid, code, _ = approved_plan(region="huabei", budgets=("300.00",))
    s2, pid2, _, _, _ = approved_plan(region="huadong", budgets=("200.00",))
    # A year no other test's plan is in: the page sums every plan of it.
    year = empty_year()
    sql("UPDATE support_plans SET year = %d WHERE id IN (%d, %d)" % (year, pid, pid2))
    execute(s, pid, items(pid, "approved_rev_id")[0][0], cost="450.00")
    execute(s2, pid2, items(pid2, "approved_rev_id")[0][0], cost="50.00")
    admin = sign_in("admin")
    page = admin.get("/plans/budget?year=%d" % year).text
    expect = {}
    for region, budget, actual in sql(
            "SELECT r.name_zh, SUM(i.budget), SUM((SELECT COALESCE(SUM(e.actual_cost), 0)"
            " FROM support_executions e WHERE e.plan_id = p.id AND e.line_key = i.line_key))"
            " FROM support_plans p JOIN customers c ON c.id = p.customer_id"
            " JOIN regions r ON r.id = c.region_id JOIN support_plan_items i"
            " ON i.revision_id = p.approved_rev_id WHERE p.year = %d GROUP BY r.id" % year):
        expect[region] = (Decimal(budget), Decimal(actual))
    got = {}
    for row in table_rows(page, "by-region"):
        if row[0]["text"] == "合计":
            continue
        got[row[0]["text"]] = (_money(row[3]["text"]), _money(row[4]["text"]))
        check(("超支" in row[5]["text"]) == (got[row[0]["text"]][1] > got[row[0]["text"]][0]),
              "region flag iff actual > budget")
    check(got == expect, "by region: %r vs %r" % (got, expect))
    check("超支" in [r for r in table_rows(page, "by-region") if r[0]["text"] == "华北"][0][5]["text"],
          "华北 overspent")
    cat_total = sum(_money(r[3]["text"]) for r in table_rows(page, "by-category") if r[0]["text"] != "合计")
    check(cat_total == sum(b for b, a in expect.values()), "categories add up to the regions")
    # A regional manager sees only their region, on the page and in the CSV.
    rm = sign_in("rm_huadong")
    mine = rm.get("/plans/budget?year=%d" % year).text
    names = [r[0]["text"] for r in table_rows(mine, "by-region") if r[0]["text"] != "合计"]
    check(names == ["华东"], "RM sees only 华东: %r" % names)
    other = rm.get("/plans/budget?year=%d&region=%d" % (year, _region_id("huabei")))
    check_status(other, 404, "another region by URL")
    check_not_in("450.00", other.text, "not its spending")
    r = rm.get("/plans/budget?year=%d&format=csv" % year)
    check_status(r, 200, "CSV")
    check("attachment" in (r.header("Content-Disposition") or ""), "CSV is a download")
    check_in("华东", r.text, "own region in the CSV")
    check_not_in("华北", r.text, "no other region in the CSV")


def test_attachment_upload_download_and_scope():
    s, pid, cid, code, year = approved_plan(region="huanan")
    line = items(pid, "approved_rev_id")[0][0]
    page = s.get("/plans/%d" % pid).text
    fields = {"_csrf": csrf_of(page), "line_key": line, "done_on": "2026-04-01",
              "what_done": "制作 POP 海报", "actual_cost": "88.00", "rating": "5"}
    body, ctype = multipart(fields, [("file", "海报.png", "image/png", PNG)])
    r = s.post("/plans/%d/execute" % pid, body=body, headers={"Content-Type": ctype})
    check_status(r, 303, "execution with a PNG")
    att = sql("SELECT a.id, a.content_type, a.size, a.stored_name FROM support_attachments a"
              " JOIN support_executions e ON e.id = a.execution_id WHERE e.plan_id = %d" % pid)
    check(len(att) == 1 and att[0][1] == "image/png" and att[0][2] == str(len(PNG)), "stored: %r" % att)
    check(len(att[0][3]) == 64, "random 64-hex name")
    aid = int(att[0][0])
    r = s.get("/plans/attachment/%d" % aid)
    check_status(r, 200, "download")
    check("attachment" in r.header("Content-Disposition"), "as attachment")
    check(r.header("X-Content-Type-Options") == "nosniff", "nosniff")
    check(r.header("Content-Type").startswith("image/png"), "type from magic bytes")
    for name, data, declared in (("a.html", b"<html><script>x</script>", "image/png"),
                                 ("b.gif", b"GIF89a....", "image/gif")):
        body, ctype = multipart(dict(fields, _csrf=csrf_of(s.get("/plans/%d" % pid).text)),
                                [("file", name, declared, data)])
        r = s.post("/plans/%d/execute" % pid, body=body, headers={"Content-Type": ctype})
        check_status(r, 422, "refused " + name)
        check_in('id="err-file"', r.text, "file message")
        check_in("制作 POP 海报", r.text, "input kept")
    big = PDF + b"0" * (5 * 1024 * 1024)
    body, ctype = multipart(dict(fields, _csrf=csrf_of(s.get("/plans/%d" % pid).text)),
                            [("file", "big.pdf", "application/pdf", big)])
    r = s.post("/plans/%d/execute" % pid, body=body, headers={"Content-Type": ctype})
    check_status(r, (413, 422), "over 5 MB")
    check(sql_value("SELECT COUNT(*) FROM support_executions WHERE plan_id = %d" % pid) == "1",
          "refused records not stored")
    rm = sign_in("rm_huadong")
    check_status(rm.get("/plans/attachment/%d" % aid), 404, "RM of another region: attachment")
    check_status(rm.get("/plans/%d" % pid), 404, "RM of another region: plan")
    check_status(sign_in("rm_huanan").get("/plans/attachment/%d" % aid), 200, "RM of its region")


def test_customer_support_tab():
    s, pid, cid, code, year = approved_plan(budgets=("900.00",))
    execute(s, pid, items(pid, "approved_rev_id")[0][0], cost="120.00", rating="3")
    page = s.get("/customers/%d?tab=support" % cid).text
    check_in('id="tab-support"', page, "the tab")
    rows = table_rows(page, "customer-plans")
    row = [r for r in rows if r[0]["text"] == str(year)]
    check(row, "the plan's year listed: %r" % rows)
    check(_money(row[0][2]["text"]) == Decimal("900.00"), "budget")
    check(_money(row[0][3]["text"]) == Decimal("120.00"), "spend")
    check(row[0][6]["text"] == "3.0/5", "average rating: %r" % row[0][6]["text"])
    check_in("/plans/new?customer=%s" % code, page, "new plan link for the dealer")
    results = table_rows(page, "support-results")
    check(any(r[0]["text"] == "2026-03-15" for r in results), "results listed")
    check_status(sign_in("rm_huanan").get("/customers/%d?tab=support" % cid), 404,
                 "other region's dealer file")


def test_catalogue_admin():
    page = sign_in("staff01").get("/plans/catalogue").text
    check_in("有关拟定收益目标、销售目标或经营计划的指导", page, "Table 2-5 measure 1.1")
    check_not_in('action="/plans/catalogue"', page, "staff cannot add")
    check_status(sign_in("staff01").post("/plans/catalogue", {"_csrf": csrf_of(page), "category_id": "1",
                                                              "name_zh": "x", "name_en": "x"}), 403,
                 "staff POST refused")
    admin = sign_in("admin")
    token = csrf_of(admin.get("/plans/catalogue").text)
    r = admin.post("/plans/catalogue", {"_csrf": token, "category_id": "2", "name_zh": "",
                                        "name_en": "Dealer app training"})
    check_status(r, 422, "name required")
    check_in("Dealer app training", r.text, "input kept")
    r = admin.post("/plans/catalogue", {"_csrf": token, "category_id": "2", "name_zh": "经销商应用培训",
                                        "name_en": "Dealer app training", "develops_people": "1"})
    check_status(r, 303, "added")
    mid, mcode, people = sql("SELECT id, code, develops_people FROM support_measures"
                             " WHERE name_zh = '经销商应用培训' ORDER BY id DESC LIMIT 1")[0]
    check(mcode.startswith("2.") and people == "1", "code in category 2, develops people")
    r = admin.post("/plans/catalogue/%s" % mid, {"_csrf": token, "name_zh": "经销商应用培训（新）",
                                                 "name_en": "Dealer app training", "retired": "1"})
    check_status(r, 303, "renamed and retired")
    check(sql("SELECT name_zh, retired FROM support_measures WHERE id = %s" % mid)[0] ==
          ["经销商应用培训（新）", "1"], "stored")
    # A retired measure is not offered for a new line.
    s = sign_in("staff01")
    cid, code = dealer()
    pid = create(s, code, free_year(cid))
    form = s.get("/plans/%d/item" % pid).text
    check_not_in('value="m%s"' % mid, form, "retired not offered")
    r = s.post("/plans/%d/item" % pid, {"_csrf": csrf_of(form), "version": version(pid),
                                        "measure": "m%s" % mid, "budget": "1"})
    check_status(r, 422, "retired refused")
    check_in('id="err-measure"', r.text, "measure message")
    check_status(act(s, pid, "submit"), 409, "nothing to submit")
    check_status(add_item(s, pid), 303, "an active one works")
