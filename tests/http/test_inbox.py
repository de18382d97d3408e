"""The leaders' inbox (issue 14): on the home page, what awaits a leader's
decision (step 4's proposals and support plans submitted for approval) with
how long each has waited; the queue's "awaiting my decision" filter and the
other proposal filters; a waiting proposal told apart from a returned one on
the queue and the complaint page; what was returned to its author.

Complaints are made with SQL (prefix TXT, removed by test_complaints'
cleanup) and carried to step 4 through the pages; plans through the pages
too (years from 2040 on), deleted afterwards: a submitted plan left behind
would wait in every leader's inbox."""
import re

from lib import (check, check_in, check_not_in, check_status, result_count, sign_in, sql,
                 sql_value, table_rows, user_id)
from test_complaints import _cleanup, _make, _post, _step, _version
from test_plans import act, add_item, create, dealer, free_year

PROPOSAL = dict(remedy="refund", amount="120", detail="退款 120 元")


def _item(html_text, table_id, kind, item_id):
    """The HTML of the inbox row of (kind, id) in <table id=table_id>, or ''."""
    m = re.search(r'<table[^>]*\bid="%s"[^>]*>(.*?)</table>' % table_id, html_text, re.S)
    if not m:
        return ""
    row = re.search(r'<tr data-kind="%s" data-id="%d">.*?</tr>' % (kind, item_id), m.group(1), re.S)
    return row.group(0) if row else ""


def _propose(staff, region="huadong", **make):
    """A complaint of region carried to step 4 by staff, its proposal waiting."""
    cid, tn = _make(region=region, step=4, answered=True, **make)
    check_status(_step(staff, cid, 4, **PROPOSAL), 303, "proposal")
    return cid, tn


def _submitted_plan(staff, region="huadong"):
    """A plan drafted and submitted by staff: (plan id, dealer name, year)."""
    cid, code = dealer(region)
    year = free_year(cid)
    pid = create(staff, code, year)
    check_status(add_item(staff, pid), 303, "add item")
    check_status(act(staff, pid, "submit"), 303, "submit")
    return pid, sql_value("SELECT name FROM customers WHERE id = %d" % cid), year


def _delete_plans(pids):
    for pid in pids:
        sql("UPDATE support_plans SET approved_rev_id = NULL, open_rev_id = NULL WHERE id = %d" % pid)
        sql("DELETE FROM support_plan_items WHERE revision_id IN"
            " (SELECT id FROM support_plan_revisions WHERE plan_id = %d)" % pid)
        sql("DELETE FROM support_plan_revisions WHERE plan_id = %d" % pid)
        sql("DELETE FROM support_plans WHERE id = %d" % pid)


def _display(username):
    return sql_value("SELECT display_name FROM users WHERE username = '%s'" % username)


def _waiting_for(username):
    """Complaint ids whose latest proposal waits for username's decision,
    from the proposals themselves (not the state the queue reads)."""
    uid = user_id(username)
    return set(int(r[0]) for r in sql(
        "SELECT c.id FROM complaints c JOIN complaint_proposals p ON p.id ="
        " (SELECT MAX(q.id) FROM complaint_proposals q WHERE q.complaint_id = c.id)"
        " WHERE c.status = 'open' AND c.step = 4 AND p.decision = 'pending'"
        " AND p.proposed_by <> %d" % uid))


def _queue_ids(c, query):
    """Complaint ids of every page of the queue for query."""
    ids, page = [], 1
    while True:
        r = c.get("/complaints?%s&page=%d" % (query, page))
        check_status(r, 200, "queue " + query)
        for row in table_rows(r.text, "complaint-queue") or []:
            ids += [int(m.group(1)) for h in row[0]["hrefs"]
                    for m in [re.match(r"^/complaints/(\d+)$", h)] if m]
        if 'rel="next"' not in r.text:
            return ids
        page += 1


def test_leader_sees_proposal_and_plan_with_wait():
    _cleanup()
    pids = []
    try:
        staff = sign_in("staff01")
        cid, tn = _propose(staff)
        pid, dealer_name, year = _submitted_plan(staff)
        pids.append(pid)
        # Waiting longer than anything in the demo data: first in the card.
        sql("UPDATE complaint_proposals SET proposed_at = NOW() - INTERVAL 900 DAY"
            " - INTERVAL 5 HOUR WHERE complaint_id = %d" % cid)
        sql("UPDATE support_plan_revisions SET submitted_at = NOW() - INTERVAL 901 DAY"
            " WHERE plan_id = %d" % pid)
        r = sign_in("leader1").get("/")
        check_status(r, 200, "leader's home")
        check_in('id="inbox-card"', r.text, "the leader's inbox")
        row = _item(r.text, "inbox", "complaint", cid)
        check(row, "the waiting proposal of %s is in the inbox" % tn)
        check_in('href="/complaints/%d#step-4"' % cid, row, "link to the decision")
        check_in(tn, row, "tracking number")
        check_in(_display("staff01"), row, "who proposed it")
        check_in("900 天", row, "how long it waited")
        check_in("退款", row, "what is proposed")
        row = _item(r.text, "inbox", "plan", pid)
        check(row, "the submitted plan %d is in the inbox" % pid)
        check_in('href="/plans/%d#workflow"' % pid, row, "link to the approval")
        check_in(dealer_name, row, "the dealer")
        check_in("%d 年度支援计划" % year, row, "the plan's year")
        check_in("901 天", row, "how long the plan waited")
        # Oldest first: the plan (901 days) before the proposal (900 days).
        kinds = re.findall(r'<tr data-kind="(\w+)" data-id="(\d+)"', r.text)
        check(kinds.index(("plan", str(pid))) < kinds.index(("complaint", str(cid))),
              "oldest first: %r" % kinds[:4])
        # The counts are those waiting for this leader, and link to the filters.
        n = len(_waiting_for("leader1"))
        check_in('<a href="/complaints?proposal=decide" id="inbox-complaints">', r.text,
                 "link to the queue filter")
        check(re.search(r'id="inbox-complaints">[^<]*<strong>%d</strong>' % n, r.text),
              "complaint count %d: %s" % (n, re.search(r'id="inbox-counts".*?</p>', r.text, re.S).group(0)))
        check_in('href="/plans?year=all&amp;decide=1" id="inbox-plans"', r.text, "link to the plans")
        # In English: the wait in English units, no full-width colon.
        en = sign_in("leader1")
        check_status(en.post("/account/lang", {"_csrf": re.search(
            r'name="_csrf" value="([^"]+)"', en.get("/").text).group(1), "lang": "en", "back": "/"}),
            303, "switch to English")
        r = en.get("/")
        check_in("Awaiting my decision", r.text, "English title")
        check_in("900 d", _item(r.text, "inbox", "complaint", cid), "English wait")
        card = re.search(r'<section class="card" id="inbox-card".*?</section>', r.text, re.S).group(0)
        check_not_in("：", card, "full-width colon in English")
    finally:
        sql("UPDATE users SET lang = 'zh-CN' WHERE username = 'leader1'")
        _delete_plans(pids)
        _cleanup()


def test_own_submissions_and_other_roles():
    """A leader's own proposal waits for another leader; staff, admin and
    regional managers decide nothing and have no inbox."""
    _cleanup()
    try:
        leader1 = sign_in("leader1")
        cid, _ = _propose(leader1)
        sql("UPDATE complaint_proposals SET proposed_at = NOW() - INTERVAL 900 DAY"
            " WHERE complaint_id = %d" % cid)
        check(not _item(leader1.get("/").text, "inbox", "complaint", cid),
              "a leader's own proposal is not in their inbox")
        check(cid not in _queue_ids(leader1, "proposal=decide"), "nor in their queue filter")
        check(_item(sign_in("leader2").get("/").text, "inbox", "complaint", cid),
              "it waits in the other leader's inbox")
        for user in ("staff01", "admin", "rm_huadong"):
            c = sign_in(user)
            r = c.get("/")
            check_status(r, 200, "home of " + user)
            check_not_in('id="inbox-card"', r.text, user + " has no inbox")
            check_not_in('id="quick-decide"', c.get("/complaints").text, user + " has no decide chip")
            check(_queue_ids(c, "proposal=decide") == [], user + ": nothing awaits their decision")
    finally:
        _cleanup()


def test_queue_filter_lists_exactly_the_waiting_ones():
    """proposal=decide lists what waits for this leader, on every page and
    combined with the other filters; a regional manager's proposal filters
    stay in their regions."""
    _cleanup()
    try:
        staff = sign_in("staff02")
        mine = [_propose(staff, region="huabei")[0] for _ in range(22)]
        east, _ = _propose(staff, region="huadong", kind="return")
        leader = sign_in("leader2")
        ids = _queue_ids(leader, "proposal=decide")
        check(len(ids) == len(set(ids)), "no complaint twice across pages")
        check(set(ids) == _waiting_for("leader2"),
              "the filter lists exactly the waiting ones: %d listed, %d waiting"
              % (len(ids), len(_waiting_for("leader2"))))
        r = leader.get("/complaints?proposal=decide")
        check(result_count(r.text) == len(_waiting_for("leader2")), "the count")
        check_in('<option value="decide" selected>', r.text, "the filter is shown as chosen")
        huabei = sql_value("SELECT id FROM regions WHERE code = 'huabei'")
        ids = _queue_ids(leader, "proposal=decide&region=%s" % huabei)
        check(set(mine) <= set(ids) and east not in ids, "with the region filter, over two pages")
        check(set(ids) == set(i for i in _waiting_for("leader2") if sql_value(
            "SELECT region_id FROM complaints WHERE id = %d" % i) == huabei), "exactly the region's")
        check(east in _queue_ids(leader, "proposal=decide&kind=return&sort=oldest"),
              "with the kind filter, oldest first")
        check(east not in _queue_ids(leader, "proposal=decide&kind=complaint"), "kind excludes")
        check(_queue_ids(leader, "proposal=decide&step=3") == [], "step 3 has no proposals")
        # Regional managers: their regions only.
        rm = sign_in("rm_huadong")
        ids = _queue_ids(rm, "proposal=pending")
        check(east in ids and not set(mine) & set(ids), "rm_huadong sees the east one only")
        ids = _queue_ids(sign_in("rm_huabei"), "proposal=pending")
        check(set(mine) <= set(ids) and east not in ids, "rm_huabei sees the north ones only")
    finally:
        _cleanup()


def test_returned_proposal_labelled_and_leaves_inbox():
    _cleanup()
    try:
        staff, leader1, leader2 = sign_in("staff01"), sign_in("leader1"), sign_in("leader2")
        cid, tn = _propose(staff)
        sql("UPDATE complaint_proposals SET proposed_at = NOW() - INTERVAL 900 DAY"
            " WHERE complaint_id = %d" % cid)
        check(_item(leader1.get("/").text, "inbox", "complaint", cid), "waiting: in the inbox")
        row = [r for r in table_rows(leader1.get("/complaints?proposal=pending").text,
                                     "complaint-queue") if tn in r[0]["text"]]
        check(row and "待领导审批" in " ".join(c["text"] for c in row[0]), "queue badge: waiting")
        page = staff.get("/complaints/%d" % cid).text
        check_in('proposal-pending', page, "complaint page badge: waiting")
        check_not_in('proposal-returned', page, "not labelled returned while it waits")
        check_status(_post(leader2, cid, "decide", dict(decision="return", comment="金额请核实",
                                                        version=_version(cid))), 303, "return")
        sql("UPDATE complaint_proposals SET decided_at = NOW() - INTERVAL 5 HOUR"
            " - INTERVAL 10 MINUTE WHERE complaint_id = %d" % cid)
        check(not _item(leader1.get("/").text, "inbox", "complaint", cid), "returned: out of the inbox")
        check(cid not in _queue_ids(leader1, "proposal=decide"), "out of the decide filter")
        check(cid not in _queue_ids(leader1, "proposal=pending"), "out of the pending filter")
        check(cid in _queue_ids(leader1, "proposal=returned"), "in the returned filter")
        row = [r for r in table_rows(leader1.get("/complaints?proposal=returned").text,
                                     "complaint-queue") if tn in r[0]["text"]]
        check(row and "已退回" in " ".join(c["text"] for c in row[0]), "queue badge: returned")
        page = staff.get("/complaints/%d" % cid).text
        header = page[:page.index('id="steps"')]
        check_in('proposal-returned', header, "complaint page header: returned")
        check_not_in('proposal-pending', header, "no longer labelled waiting")
        # The proposer sees it returned to them; another member of staff does not.
        r = staff.get("/")
        row = _item(r.text, "returned", "complaint", cid)
        check(row, "in staff01's returned card")
        check_in("金额请核实", row, "the leader's comment")
        check_in(_display("leader2"), row, "who returned it")
        check_in("5 小时", row, "how long ago")
        check_in('href="/complaints/%d#step-4"' % cid, row, "link to revise it")
        check(cid in _queue_ids(staff, "proposal=returned_mine"), "the returned-to-me filter")
        other = sign_in("staff02")
        check(not _item(other.get("/").text, "returned", "complaint", cid), "not staff02's")
        check(cid not in _queue_ids(other, "proposal=returned_mine"), "not in staff02's filter")
        # Revised: waiting again, out of the returned card.
        check_status(_step(staff, cid, 4, remedy="repair", amount="", detail="上门维修"), 303, "revise")
        check(not _item(staff.get("/").text, "returned", "complaint", cid), "revised: out of the card")
        check(cid in _queue_ids(leader1, "proposal=decide"), "waiting again")
    finally:
        _cleanup()


def test_returned_plan_and_region_scope():
    """A regional manager's returned plan is theirs to revise, within their
    regions: once its dealer belongs to another region it is not shown."""
    pids = []
    try:
        rm = sign_in("rm_huadong")
        pid, dealer_name, _ = _submitted_plan(rm, "huadong")
        pids.append(pid)
        check_status(act(sign_in("leader1"), pid, "return", comment="预算过高"), 303, "return")
        row = _item(rm.get("/").text, "returned", "plan", pid)
        check(row, "the returned plan in the manager's card")
        check_in("预算过高", row, "the comment")
        check_in('href="/plans/%d#workflow"' % pid, row, "link to the plan")
        cust = int(sql_value("SELECT customer_id FROM support_plans WHERE id = %d" % pid))
        region = sql_value("SELECT region_id FROM customers WHERE id = %d" % cust)
        sql("UPDATE customers SET region_id = (SELECT id FROM regions WHERE code = 'huabei')"
            " WHERE id = %d" % cust)
        try:
            check(not _item(rm.get("/").text, "returned", "plan", pid),
                  "out of the manager's regions: not shown")
        finally:
            sql("UPDATE customers SET region_id = %s WHERE id = %d" % (region, cust))
    finally:
        _delete_plans(pids)
