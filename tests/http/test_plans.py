"""Dealer-support plans (支援经销商): creating (one per dealer and year, a
copy of last year's), editing the open revision with field errors,
optimistic locking, the workflow and who may take each step (staff never
approve, a leader never decides what they submitted), locking after
approval, revisions (the approved one stays in force until the next is
approved; execution survives), CSRF. Plans are made through the pages;
the years used (2040 on) are far from the demo data's."""
import random
import re

from lib import (MSG_CSRF, check, check_in, check_not_in, check_status, csrf_of, local_path, sign_in,
                 sql, sql_str, sql_value, table_rows)

MSG_LOCKED = "此版本不能修改"
MSG_STALE = "此计划刚被他人修改"
MSG_LEADER_ONLY = "只有领导可以批准或退回支援计划"
MSG_OWN = "您不能审批自己提交的版本"
MSG_EXISTS = "此经销商在该年度已有支援计划"
MSG_NOT_FOUND = "支援计划不存在，或不在您负责的区域内"
MSG_HAS_EXEC = "此支援项目已有执行记录，不能删除"


def dealer(region="huadong"):
    """(id, code) of a random active dealer of region."""
    row = sql("SELECT c.id, c.code FROM customers c JOIN regions r ON r.id = c.region_id"
              " WHERE r.code = %s AND c.kind = 'dealer' AND c.status = 'active'"
              " ORDER BY RAND() LIMIT 1" % sql_str(region))[0]
    return int(row[0]), row[1]


def free_year(customer_id, span=2):
    """A year from 2040 on where the dealer has no plan in [year - span, year]."""
    for _ in range(100):
        y = random.randint(2040, 2099)
        n = int(sql_value("SELECT COUNT(*) FROM support_plans WHERE customer_id = %d"
                          " AND year BETWEEN %d AND %d" % (customer_id, y - span, y)))
        if n == 0:
            return y
    raise AssertionError("no free year")


def empty_year():
    """A year no plan is in yet, for tests that read every plan of a year."""
    return next(y for y in range(2100, 2039, -1)
                if sql_value("SELECT COUNT(*) FROM support_plans WHERE year = %d" % y) == "0")


def version(pid):
    return sql_value("SELECT version FROM support_plans WHERE id = %d" % pid)


def post(c, path, fields, page=None):
    token = csrf_of(c.get(page or path.rsplit("/", 1)[0]).text)
    f = {"_csrf": token}
    f.update(fields)
    return c.post(path, f)


def create(c, code, year, copy=False):
    f = {"code": code, "year": str(year)}
    if copy:
        f["copy"] = "1"
    r = post(c, "/plans/new", f, "/plans/new")
    check_status(r, 303, "create plan")
    m = re.match(r"^/plans/(\d+)$", local_path(r.header("Location")))
    check(m, "redirect to the plan: %s" % r.header("Location"))
    return int(m.group(1))


def measure_id(code):
    return int(sql_value("SELECT id FROM support_measures WHERE code = %s" % sql_str(code)))


def add_item(c, pid, code="1.3", budget="1000.00", months=(3, 4), line=None, **extra):
    f = {"version": version(pid), "measure": "m%d" % measure_id(code), "budget": budget}
    for m in months:
        f["m%d" % m] = "1"
    if line:
        f["line_key"] = str(line)
    f.update(extra)
    return post(c, "/plans/%d/item" % pid, f, "/plans/%d" % pid)


def items(pid, which="open_rev_id"):
    """(line_key, budget) of the plan's open or approved revision."""
    return sql("SELECT i.line_key, i.budget FROM support_plan_items i JOIN support_plans p"
               " ON i.revision_id = p.%s WHERE p.id = %d ORDER BY i.id" % (which, pid))


def act(c, pid, action, **extra):
    f = {"version": version(pid), "action": action}
    f.update(extra)
    return post(c, "/plans/%d/act" % pid, f, "/plans/%d" % pid)


def state(pid):
    return sql("SELECT p.status, COALESCE(a.rev, 0), COALESCE(o.rev, 0), COALESCE(o.status, '')"
               " FROM support_plans p LEFT JOIN support_plan_revisions a ON a.id = p.approved_rev_id"
               " LEFT JOIN support_plan_revisions o ON o.id = p.open_rev_id"
               " WHERE p.id = %d" % pid)[0]


def execute(c, pid, line, cost="100.00", rating="4", **extra):
    f = {"line_key": str(line), "done_on": "2026-03-15", "what_done": "培训店员",
         "actual_cost": cost, "rating": rating, "result": "效果良好"}
    f.update(extra)
    return post(c, "/plans/%d/execute" % pid, f, "/plans/%d" % pid)


def approved_plan(staff="staff01", leader="leader1", region="huadong", budgets=("1000.00",)):
    """A plan drafted and submitted by staff and approved by leader."""
    s = sign_in(staff)
    cid, code = dealer(region)
    year = free_year(cid)
    pid = create(s, code, year)
    codes = ["1.3", "2.1", "4.3", "3.1", "5.4"]
    for i, b in enumerate(budgets):
        check_status(add_item(s, pid, codes[i % len(codes)], b), 303, "add item")
    check_status(act(s, pid, "submit"), 303, "submit")
    check_status(act(sign_in(leader), pid, "approve"), 303, "approve")
    return s, pid, cid, code, year


def test_create_and_page():
    c = sign_in("staff01")
    cid, code = dealer()
    year = free_year(cid)
    pid = create(c, code, year)
    check(state(pid) == ["draft", "0", "1", "draft"], "a new plan: draft, revision 1 open")
    r = c.get("/plans/%d" % pid)
    check_status(r, 200, "plan page")
    check_in('href="/customers/%d?tab=support"' % cid, r.text, "link to the customer file")
    check_in('id="goals-form"', r.text, "goals editable in a draft")
    check_in('id="add-measure"', r.text, "measures can be added")
    check_not_in('id="act-submit"', r.text, "no submit without measures")
    audit = sql_value("SELECT COUNT(*) FROM audit_log WHERE entity = 'support_plan'"
                      " AND entity_id = %d AND action = 'plan_created'" % pid)
    check(audit == "1", "creation audited")
    r = c.get("/plans?year=%d" % year)
    check_in('data-id="%d"' % pid, r.text, "listed under its year")


def test_one_plan_per_dealer_year():
    c = sign_in("staff02")
    cid, code = dealer()
    year = free_year(cid)
    pid = create(c, code, year)
    r = post(c, "/plans/new", {"code": code, "year": str(year)}, "/plans/new")
    check_status(r, 409, "second plan for the same year")
    check_in(MSG_EXISTS, r.text, "readable message")
    check_in('href="/plans/%d"' % pid, r.text, "link to the existing plan")
    check(sql_value("SELECT COUNT(*) FROM support_plans WHERE customer_id = %d AND year = %d"
                    % (cid, year)) == "1", "still one plan")


def test_create_validation():
    c = sign_in("staff01")
    r = post(c, "/plans/new", {"code": "NO-SUCH-DEALER", "year": "20x6"}, "/plans/new")
    check_status(r, 422, "bad year")
    check_in('id="err-year"', r.text, "year message")
    check_in('value="NO-SUCH-DEALER"', r.text, "input kept")
    r = post(c, "/plans/new", {"code": "NO-SUCH-DEALER", "year": "2050"}, "/plans/new")
    check_status(r, 422, "unknown dealer")
    check_in('id="err-code"', r.text, "dealer message")
    end = sql_value("SELECT code FROM customers WHERE kind = 'end_customer' LIMIT 1")
    r = post(c, "/plans/new", {"code": end, "year": "2050"}, "/plans/new")
    check_status(r, 422, "not a dealer")
    cid, code = dealer()
    year = free_year(cid)
    r = post(c, "/plans/new", {"code": code, "year": str(year), "copy": "1"}, "/plans/new")
    check_status(r, 422, "nothing to copy from last year")
    check_in('id="err-copy"', r.text, "copy message")


def test_item_validation_keeps_input():
    c = sign_in("staff01")
    cid, code = dealer()
    pid = create(c, code, free_year(cid))
    r = add_item(c, pid, budget="-5", months=(2, 7), description="保留这段文字")
    check_status(r, 422, "negative budget")
    check_in('id="err-budget"', r.text, "budget message")
    check_in("保留这段文字", r.text, "description kept")
    check_in('id="f-m7" checked', r.text.replace('value="1" id="f-m7" checked', 'id="f-m7" checked'),
             "months kept")
    r = add_item(c, pid, budget="12.345")
    check_status(r, 422, "three decimals")
    r = post(c, "/plans/%d/item" % pid, {"version": version(pid), "measure": "c2", "budget": "10"},
             "/plans/%d" % pid)
    check_status(r, 422, "custom measure needs a name")
    check_in('id="err-custom_name"', r.text, "custom name message")
    r = post(c, "/plans/%d/item" % pid, {"version": version(pid), "measure": "c9", "budget": "10"},
             "/plans/%d" % pid)
    check_status(r, 422, "no category 9")
    r = add_item(c, pid, budget="10", m13="1")
    check_status(r, 303, "unknown fields are ignored")
    r = add_item(c, pid, budget="0", months=())
    check_status(r, 303, "no months is allowed (not yet scheduled)")
    r = post(c, "/plans/%d/item" % pid, {"version": version(pid), "measure": "c2", "budget": "10",
                                         "custom_name": "自定义：样板店评比"}, "/plans/%d" % pid)
    check_status(r, 303, "custom measure")
    rows = sql("SELECT category_id, measure_id, custom_name, months FROM support_plan_items i"
               " JOIN support_plans p ON p.open_rev_id = i.revision_id WHERE p.id = %d ORDER BY i.id" % pid)
    check(rows[0][0] == "1" and rows[0][3] == str((1 << 2) | (1 << 3)), "months as bits: %r" % rows)
    check(rows[1][3] == "0", "no months stored as 0")
    check(rows[2] == ["2", "NULL", "自定义：样板店评比", "0"], "custom row: %r" % rows[2])


def test_goals_validation_and_stale_version():
    c = sign_in("staff01")
    cid, code = dealer()
    pid = create(c, code, free_year(cid))
    v = version(pid)
    r = post(c, "/plans/%d/goals" % pid, {"version": v, "sales_target": "abc",
                                          "growth_target": "12.5", "focus": "重点：样板店"},
             "/plans/%d" % pid)
    check_status(r, 422, "bad sales target")
    check_in('id="err-sales_target"', r.text, "message")
    check_in("重点：样板店", r.text, "focus kept")
    r = post(c, "/plans/%d/goals" % pid, {"version": v, "sales_target": "1200000",
                                          "growth_target": "-3.5", "focus": "重点"},
             "/plans/%d" % pid)
    check_status(r, 303, "goals saved")
    check(sql("SELECT sales_target, growth_target FROM support_plan_revisions v JOIN support_plans p"
              " ON p.open_rev_id = v.id WHERE p.id = %d" % pid)[0] == ["1200000.00", "-3.50"],
          "goals stored")
    r = post(c, "/plans/%d/goals" % pid, {"version": v, "sales_target": "1",
                                          "growth_target": "1"}, "/plans/%d" % pid)
    check_status(r, 409, "stale version")
    check_in(MSG_STALE, r.text, "someone else changed it")
    check_in('id="conflict"', r.text, "the plan again, with the conflict notice")
    r = add_item(c, pid)
    check_status(r, 303, "fresh version works")
    r = c.post("/plans/%d/act" % pid, {"_csrf": csrf_of(c.get("/plans/%d" % pid).text),
                                        "version": v, "action": "submit"})
    check_status(r, 409, "stale submit")


def test_csrf_required():
    c = sign_in("staff01")
    cid, code = dealer()
    pid = create(c, code, free_year(cid))
    before = version(pid)
    for path, f in (("/plans/%d/goals" % pid, {"sales_target": "1", "growth_target": "1"}),
                    ("/plans/%d/act" % pid, {"action": "submit"}),
                    ("/plans/new", {"code": code, "year": "2099"})):
        f["version"] = before
        r = c.post(path, f)
        check_status(r, 403, "no _csrf on " + path)
        check_in(MSG_CSRF, r.text, "CSRF message")
    check(version(pid) == before, "nothing changed")


def test_workflow_permissions():
    s = sign_in("staff01")
    cid, code = dealer()
    pid = create(s, code, free_year(cid))
    check_status(add_item(s, pid), 303, "item")
    # A leader submits; that leader may not decide it, another one may.
    l1 = sign_in("leader1")
    check_status(act(l1, pid, "submit"), 303, "a leader may submit")
    check(state(pid)[0] == "submitted", "submitted")
    page = l1.get("/plans/%d" % pid).text
    check_not_in('id="approve"', page, "no approve button for the submitter")
    check_in("此版本由您提交", page, "told why")
    r = act(l1, pid, "approve")
    check_status(r, 403, "own submission")
    check_in(MSG_OWN, r.text, "readable message")
    r = act(s, pid, "approve")
    check_status(r, 403, "staff cannot approve")
    check_in(MSG_LEADER_ONLY, r.text, "staff told")
    r = act(s, pid, "return", comment="")
    check_status(r, 403, "staff cannot return either")
    check_status(act(sign_in("admin"), pid, "approve"), 403, "admin cannot approve")
    check_status(act(sign_in("rm_huadong"), pid, "approve"), 403, "RM cannot approve")
    check(state(pid)[0] == "submitted", "still submitted")
    # Editing a submitted revision waits for the decision.
    r = add_item(s, pid, "2.1")
    check_status(r, 409, "edit while submitted")
    l2 = sign_in("leader2")
    r = act(l2, pid, "return", comment="")
    check_status(r, 422, "a return needs a comment")
    check_in('id="err-comment"', r.text, "comment message")
    check_status(act(l2, pid, "return", comment="预算偏高，请压缩到 800 元"), 303, "returned")
    check(state(pid) == ["returned", "0", "1", "returned"], "returned: %r" % state(pid))
    page = s.get("/plans/%d" % pid).text
    check_in("预算偏高，请压缩到 800 元", page, "the comment is shown")
    line = items(pid)[0][0]
    check_status(add_item(s, pid, budget="800.00", line=line), 303, "edit after return")
    check(state(pid)[3] == "draft", "a changed returned revision is a draft again")
    check_status(act(s, pid, "submit"), 303, "resubmitted")
    check_status(act(l2, pid, "approve"), 303, "approved by the other leader")
    check(state(pid) == ["approved", "1", "0", ""], "approved: %r" % state(pid))
    events = s.get("/plans/%d" % pid).text.split('id="plan-events"')[1]
    check_in("预算偏高，请压缩到 800 元", events, "the return's comment stays in the timeline")
    check_in("领导退回", events, "the return is listed")
    check(sql_value("SELECT COUNT(*) FROM audit_log WHERE entity = 'support_plan' AND entity_id = %d"
                    " AND action IN ('plan_submitted', 'plan_returned', 'plan_approved')" % pid) == "4",
          "each transition audited")


def test_locked_after_approval():
    s, pid, cid, code, year = approved_plan()
    v = version(pid)
    line = items(pid, "approved_rev_id")[0][0]
    for what, r in (("goals", post(s, "/plans/%d/goals" % pid, {"version": v, "sales_target": "1",
                                                                "growth_target": "1"}, "/plans/%d" % pid)),
                    ("add item", add_item(s, pid, "2.1")),
                    ("edit item", add_item(s, pid, budget="1.00", line=line)),
                    ("remove item", post(s, "/plans/%d/remove" % pid, {"version": v, "line_key": line},
                                         "/plans/%d" % pid)),
                    ("submit", act(s, pid, "submit"))):
        check_status(r, 409, what + " of an approved revision")
    check_in(MSG_LOCKED, add_item(s, pid).text, "readable")
    check_status(s.get("/plans/%d/item" % pid), 409, "no measure form either")
    check(items(pid, "approved_rev_id")[0][1] == "1000.00", "budget unchanged")
    page = s.get("/plans/%d" % pid).text
    check_not_in('id="goals-form"', page, "no goals form")
    check_in('id="revise-form"', page, "offers a revision")


def test_revision_cycle_keeps_execution():
    s, pid, cid, code, year = approved_plan(budgets=("1000.00", "500.00"))
    lines = [r[0] for r in items(pid, "approved_rev_id")]
    check_status(execute(s, pid, lines[0], cost="300.00"), 303, "execution")
    check(state(pid)[0] == "in_progress", "the first execution starts the plan")
    check_status(act(s, pid, "revise", comment="增加陈列支援"), 303, "revise")
    check(state(pid) == ["in_progress", "1", "2", "draft"], "rev 2 open, rev 1 in force: %r" % state(pid))
    check([r[0] for r in items(pid)] == lines, "the copy keeps the line keys")
    r = post(s, "/plans/%d/remove" % pid, {"version": version(pid), "line_key": lines[0]},
             "/plans/%d" % pid)
    check_status(r, 409, "a measure with execution cannot be removed")
    check_in(MSG_HAS_EXEC, r.text, "readable")
    check_status(post(s, "/plans/%d/remove" % pid, {"version": version(pid), "line_key": lines[1]},
                      "/plans/%d" % pid), 303, "one without execution can")
    check_status(add_item(s, pid, budget="1500.00", line=lines[0]), 303, "raise its budget")
    check_status(add_item(s, pid, "4.3", "700.00"), 303, "add a measure")
    # The approved revision stays in force meanwhile.
    check(items(pid, "approved_rev_id")[0][1] == "1000.00", "rev 1 unchanged while rev 2 is drafted")
    check_status(act(s, pid, "submit"), 303, "submit rev 2")
    check_status(act(sign_in("leader2"), pid, "approve"), 303, "approve rev 2")
    check(state(pid) == ["in_progress", "2", "0", ""], "rev 2 in force: %r" % state(pid))
    revs = sql("SELECT rev, status FROM support_plan_revisions WHERE plan_id = %d ORDER BY rev" % pid)
    check(revs == [["1", "superseded"], ["2", "approved"]], "history: %r" % revs)
    page = s.get("/plans/%d" % pid).text
    hist = table_rows(page, "revisions")
    check(len(hist) == 2, "both revisions in the history: %r" % hist)
    text = [" ".join(cell["text"] for cell in row) for row in hist]
    check_in("¥2,200.00", text[0], "rev 2 budget total in the history")
    check_in("¥1,500.00", text[1], "rev 1 budget total in the history")
    check_in("已被新版本取代", text[1], "rev 1 superseded")
    check(sql_value("SELECT COUNT(*) FROM support_executions WHERE plan_id = %d AND line_key = %s"
                    % (pid, lines[0])) == "1", "execution kept")
    check_in('data-line="%s"' % lines[0], page, "execution shown against the measure")
    check_in("¥300.00", page, "its cost shown")
    check_status(act(s, pid, "close"), 303, "close")
    check(state(pid)[0] == "closed", "closed")
    check_status(execute(s, pid, lines[0]), 409, "no execution after closing")
    check_status(act(s, pid, "revise"), 409, "no revision after closing")


def test_start_and_execution_validation():
    s, pid, cid, code, year = approved_plan()
    line = items(pid, "approved_rev_id")[0][0]
    check_status(act(s, pid, "start"), 303, "start")
    check(state(pid)[0] == "in_progress", "in progress")
    check_status(act(s, pid, "start"), 409, "start twice")
    for field, value, err in (("actual_cost", "-1", "actual_cost"), ("rating", "6", "rating"),
                              ("rating", "0", "rating"), ("done_on", "2026-02-30", "done_on"),
                              ("what_done", "", "what_done"), ("line_key", "999999999", "line_key")):
        r = execute(s, pid, line, **{field: value, "result": "保留的结果"})
        check_status(r, 422, "%s=%s" % (field, value))
        check_in('id="err-%s"' % err, r.text, field + " message")
        check_in("保留的结果", r.text, "input kept")
    check(sql_value("SELECT COUNT(*) FROM support_executions WHERE plan_id = %d" % pid) == "0",
          "nothing recorded")
    check_status(execute(s, pid, line, rating=""), 303, "a rating is optional")


def test_draft_cannot_execute_or_start():
    c = sign_in("staff03")
    cid, code = dealer()
    pid = create(c, code, free_year(cid))
    check_status(add_item(c, pid), 303, "item")
    line = items(pid)[0][0]
    check_status(execute(c, pid, line), 409, "no execution before approval")
    check_status(act(c, pid, "start"), 409, "no start before approval")
    check_status(act(c, pid, "close"), 409, "no close before approval")
    check_status(act(c, pid, "bogus"), 400, "unknown action")


def test_copy_from_last_year():
    s, pid, cid, code, year = approved_plan(budgets=("1000.00", "2000.00"))
    post(s, "/plans/%d/act" % pid, {"version": version(pid), "action": "revise"}, "/plans/%d" % pid)
    # The copy takes the revision in force (rev 1), not the open draft.
    new = create(s, code, year + 1, copy=True)
    check(sql_value("SELECT copied_from FROM support_plans WHERE id = %d" % new) == str(pid),
          "copied_from set")
    old = items(pid, "approved_rev_id")
    copied = items(new)
    check([r[1] for r in copied] == [r[1] for r in old], "same budgets: %r vs %r" % (copied, old))
    check(not set(r[0] for r in copied) & set(r[0] for r in old), "new line keys")
    check(state(new) == ["draft", "0", "1", "draft"], "a draft")
    page = s.get("/plans/%d" % new).text
    check_in("复制自上一年度计划", page, "says where it came from")


def test_region_scope_by_url():
    s, pid, cid, code, year = approved_plan(region="huanan")
    line = items(pid, "approved_rev_id")[0][0]
    rm = sign_in("rm_huadong")
    r = rm.get("/plans/%d" % pid)
    check_status(r, 404, "another region's plan")
    check_in(MSG_NOT_FOUND, r.text, "readable 404")
    check_status(rm.get("/plans/%d/item" % pid), 404, "its measure form")
    token = csrf_of(rm.get("/plans").text)
    for path, f in (("/plans/%d/act" % pid, {"action": "revise"}),
                    ("/plans/%d/goals" % pid, {"sales_target": "1", "growth_target": "1"}),
                    ("/plans/%d/execute" % pid, {"line_key": line, "done_on": "2026-01-01",
                                                 "what_done": "x", "actual_cost": "1"})):
        f.update(_csrf=token, version=version(pid))
        check_status(rm.post(path, f), 404, "RM posting to " + path)
    check(state(pid)[0] == "approved", "unchanged")
    r = post(rm, "/plans/new", {"code": code, "year": str(year + 1)}, "/plans/new")
    check_status(r, 422, "RM cannot create for another region's dealer")
    listed = rm.get("/plans?year=%d" % year).text
    check_not_in('data-id="%d"' % pid, listed, "not listed")
    # Their own region works, including drafting and submitting.
    own_cid, own_code = dealer("huadong")
    own = create(rm, own_code, free_year(own_cid))
    check_status(add_item(rm, own, "2.3", "50.00"), 303, "RM drafts")
    check_status(act(rm, own, "submit"), 303, "RM submits")


def test_needs_my_decision():
    s = sign_in("staff04")
    cid, code = dealer()
    year = free_year(cid)
    pid = create(s, code, year)
    add_item(s, pid)
    act(s, pid, "submit")
    l1 = sign_in("leader1")
    r = l1.get("/plans?year=%d&decide=1" % year)
    check_in('data-id="%d"' % pid, r.text, "waiting for leader1")
    r = l1.get("/plans?year=%d&status=approved" % year)
    check_not_in('data-id="%d"' % pid, r.text, "status filter")
    check_not_in('id="decide"', s.get("/plans").text, "staff have no decision filter")


def test_approval_refused_when_it_would_drop_spending():
    s, pid, cid, code, year = approved_plan(budgets=("1000.00", "500.00"))
    lines = [r[0] for r in items(pid, "approved_rev_id")]
    check_status(act(s, pid, "revise"), 303, "revise")
    check_status(post(s, "/plans/%d/remove" % pid, {"version": version(pid), "line_key": lines[1]},
                      "/plans/%d" % pid), 303, "remove a measure not yet carried out")
    check_status(act(s, pid, "submit"), 303, "submit")
    # Meanwhile the measure is carried out under the revision in force.
    check_status(execute(s, pid, lines[1], cost="80.00"), 303, "executed while revising")
    r = act(sign_in("leader1"), pid, "approve")
    check_status(r, 409, "approval would orphan the spending")
    check_in("不能批准", r.text, "readable")
    check(state(pid)[1] == "1", "revision 1 stays in force")
    check_status(act(sign_in("leader1"), pid, "return", comment="请把 2.1 加回"), 303, "returned")
