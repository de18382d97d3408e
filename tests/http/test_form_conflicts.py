"""Edit conflicts on the forms of versioned rows (issue 15): a form sent
with a version someone else has saved past answers 409 with the row as it
is now (their version), what this user typed (kept, escaped) and a form
carrying the new version; nothing is written. The customer file and its
entries have their own tests (form_cases.tsv names them)."""
import re

from lib import (audit_max, check, check_in, check_not_in, check_status, csrf_of, sign_in, sql,
                 sql_str, sql_value)
from test_complaints import _cleanup, _make

MARKUP = "<i>我的</i>"


def _stale(r, what, typed):
    """A 409 conflict page showing what was typed (escaped)."""
    check_status(r, 409, what)
    check_in('id="conflict"', r.text, what + ": the conflict notice")
    for text in typed:
        check_in(text.replace("<", "&lt;").replace(">", "&gt;"), r.text, what + ": typed text kept")
    check_not_in(MARKUP, r.text, what + ": typed markup escaped")


def test_stale_complaint_forms_keep_what_was_typed():
    _cleanup()
    try:
        cid, _ = _make(region="huadong")
        page = "/complaints/%d" % cid
        mine, theirs, leader = sign_in("staff01"), sign_in("staff02"), sign_in("leader1")
        staff01 = sql_value("SELECT id FROM users WHERE username = 'staff01'")

        def version():
            return sql_value("SELECT version FROM complaints WHERE id = %d" % cid)

        def send(c, action, fields, at=None):
            body = dict(fields, _csrf=csrf_of(c.get(page).text), version=at or version())
            return c.post("%s/%s" % (page, action), body)

        def their_steps(*steps):
            for step, fields in steps:
                r = send(theirs, "step", dict(fields, step=str(step)))
                check_status(r, 303, "step %d" % step)

        # Both open step 1; they save first.
        old = version()
        check_status(send(theirs, "step", {"step": "1", "facts": "他们确认的事实",
                                           "assignee_id": staff01}), 303, "their step 1")
        before = audit_max()
        r = send(mine, "step", {"step": "1", "facts": "我确认的事实" + MARKUP,
                                "assignee_id": staff01}, old)
        _stale(r, "stale step 1", ["我确认的事实" + MARKUP])
        check_in("他们确认的事实", r.text, "their version shown")
        check(re.search(r'id="step-form-2".*?name="version" value="%s"' % version(), r.text, re.S),
              "the page carries a form with the new version")
        check(audit_max() == before, "the stale step wrote an audit row")
        check(sql_value("SELECT facts FROM complaint_handling WHERE complaint_id = %d" % cid)
              == "他们确认的事实", "their facts stay")
        # Carried on to a proposal: a leader's stale return keeps the comment.
        their_steps((2, {"contact_channel": "phone", "contacted_at": "2026-11-20T10:30",
                         "symptom": "渗水"}),
                    (3, {"analysis": "密封圈", "explanation": "致歉"}),
                    (4, {"remedy": "repair", "detail": "上门维修"}))
        old = version()
        check_status(send(sign_in("leader2"), "decide", {"decision": "approve"}), 303, "approved")
        before = audit_max()
        r = send(leader, "decide", {"decision": "return", "comment": "金额再议" + MARKUP}, old)
        _stale(r, "stale return", ["金额再议" + MARKUP])
        check(audit_max() == before, "the stale decision wrote an audit row")
        # Resolved and closed; a stale close and a stale reopen.
        their_steps((5, {"agreed_on": "2026-11-22", "agreement_terms": "维修",
                         "agreed_how": "phone"}),
                    (6, {"exec_department": "售后部", "executed_on": "2026-11-23"}),
                    (7, {"followed_on": "2026-11-24", "said": "满意"}))
        old = version()
        check_status(send(theirs, "close", {}), 303, "closed")
        before = audit_max()
        _stale(send(mine, "close", {}, old), "stale close", [])
        r = send(mine, "reopen", {"reason": "客户又来电" + MARKUP}, old)
        _stale(r, "stale reopen", ["客户又来电" + MARKUP])
        check(audit_max() == before, "the stale close and reopen wrote audit rows")
        check(sql_value("SELECT status FROM complaints WHERE id = %d" % cid) == "closed", "still closed")
    finally:
        _cleanup()


def test_stale_plan_forms_keep_what_was_typed():
    from test_plans import add_item, create, dealer, free_year, items

    mine, theirs = sign_in("staff01"), sign_in("staff02")
    cid, code = dealer()
    pid = create(theirs, code, free_year(cid))
    page = "/plans/%d" % pid

    def version():
        return sql_value("SELECT version FROM support_plans WHERE id = %d" % pid)

    def send(c, path, fields, at):
        return c.post(path, dict(fields, _csrf=csrf_of(c.get(page).text), version=at))

    old = version()
    check_status(send(theirs, page + "/goals", {"sales_target": "880000", "growth_target": "6",
                                                "focus": "他们的重点"}, old), 303, "their goals")
    before = audit_max()
    r = send(mine, page + "/goals", {"sales_target": "990000", "growth_target": "7",
                                     "focus": "我的重点" + MARKUP}, old)
    _stale(r, "stale goals", ["我的重点" + MARKUP])
    check_in('value="990000"', r.text, "typed sales target kept in the form")
    check_in("880,000", r.text, "their sales target shown")
    check(re.search(r'id="goals-form".*?name="version" value="%s"' % version(), r.text, re.S),
          "the form carries the new version")
    # A measure saved on a stale version: the measure form again, theirs listed.
    old = version()
    check_status(add_item(theirs, pid, "1.3", "1000.00"), 303, "their measure")
    line = items(pid)[0][0]
    r = send(mine, page + "/item", {"measure": "m%s" % sql_value(
        "SELECT id FROM support_measures WHERE code = '2.1'"), "budget": "2345.00", "m5": "1",
        "description": "我的说明" + MARKUP}, old)
    _stale(r, "stale measure", ["我的说明" + MARKUP])
    check_in('value="2345.00"', r.text, "typed budget kept")
    check_in('id="conflict-theirs"', r.text, "their measures listed")
    check_in("1,000.00", r.text, "their measure's budget shown")
    _stale(send(mine, page + "/remove", {"line_key": line}, old), "stale removal", [])
    _stale(send(mine, page + "/act", {"action": "submit"}, old), "stale submit", [])
    check(audit_max() == before + 1, "only their measure was audited since")
    check(len(items(pid)) == 1, "their measure stays")
    # A leader's stale return keeps the comment.
    old = version()
    check_status(send(theirs, page + "/act", {"action": "submit"}, old), 303, "submitted")
    r = send(sign_in("leader1"), page + "/act", {"action": "return",
                                                 "comment": "请补充" + MARKUP}, old)
    _stale(r, "stale return", ["请补充" + MARKUP])
    check(sql_value("SELECT status FROM support_plan_revisions WHERE id = (SELECT open_rev_id"
                    " FROM support_plans WHERE id = %d)" % pid) == "submitted", "still submitted")


def test_stale_region_form_keeps_what_was_typed():
    admin, other = sign_in("admin"), sign_in("admin")
    rid, code, zh, en = sql_value("SELECT CONCAT_WS('|', id, code, name_zh, name_en) FROM regions"
                                  " WHERE code = 'xibei'").split("|")
    path = "/admin/regions/%s" % rid

    def form(c):
        page = c.get(path)
        check_status(page, 200, "region form")
        return {"_csrf": csrf_of(page.text), "code": code, "name_zh": zh, "name_en": en,
                "version": re.search(r'name="version" value="(\d+)"', page.text).group(1)}

    mine, theirs = form(admin), form(other)
    try:
        check_status(other.post(path, dict(theirs, name_en="North-west (theirs)")), 303, "their save")
        before = audit_max()
        r = admin.post(path, dict(mine, name_en="Mine <i>NW</i>"))
        check_status(r, 409, "stale region")
        check_in('id="conflict"', r.text, "the conflict notice")
        check_in("North-west (theirs)", r.text, "their version shown")
        check_in('value="Mine &lt;i&gt;NW&lt;/i&gt;"', r.text, "typed name kept in the form")
        check(audit_max() == before, "the stale save wrote an audit row")
    finally:
        sql("UPDATE regions SET name_en = %s WHERE id = %s" % (sql_str(en), rid))
