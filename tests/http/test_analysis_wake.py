"""The wake-up list (/analysis/wake) and its decisions: the list is exactly
a salesperson's sleeping customers as customer_analysis holds them, scoped
to a regional manager's regions; a decision needs a product and a way when
waking, is stored with the sleep state at the time and audited; outcomes by
hand with a version (stale: 409); the results panel's counts equal SQL's;
the export has the list's rows."""
import re

from lib import (audit_max, check, check_field_error, check_in, check_refused, check_status,
                 csrf_of, local_path, sign_in, sql, sql_value)

SLEEPING = ("SELECT ca.customer_id FROM customer_analysis ca"
            " JOIN customers c ON c.id = ca.customer_id"
            " WHERE ca.sleep_state BETWEEN 2 AND 4 AND c.status = 'active'")


def _list_ids(client, query):
    """Every row's customer id over all pages, and the states in order."""
    ids, states, page = [], [], 1
    while True:
        r = client.get("/analysis/wake?%s&page=%d" % (query, page))
        check_status(r, 200, "wake list %s page %d" % (query, page))
        rows = re.findall(r'<tr data-id="(\d+)" data-state="(\d)"', r.text)
        ids += [int(i) for i, _ in rows]
        states += [int(s) for _, s in rows]
        if 'rel="next"' not in r.text:
            return ids, states
        page += 1


def _busiest_owner():
    """(user id, username) of the salesperson with the most sleepers."""
    rows = sql("SELECT ca.owner_id, u.username FROM (" + SLEEPING.replace(
        "SELECT ca.customer_id", "SELECT ca.owner_id") + ") ca JOIN users u ON u.id = ca.owner_id"
        " WHERE u.role = 'staff' GROUP BY ca.owner_id, u.username ORDER BY COUNT(*) DESC LIMIT 1")
    check(rows, "no salesperson has sleeping customers (has the batch run?)")
    return int(rows[0][0]), rows[0][1]


def test_list_is_the_salespersons_sleepers():
    owner, username = _busiest_owner()
    want = set(int(x[0]) for x in sql(SLEEPING + " AND ca.owner_id = %d" % owner))
    c = sign_in(username)
    # a salesperson's own list by default (no owner parameter)
    ids, states = _list_ids(c, "")
    check(set(ids) == want and len(ids) == len(want),
          "own list: %d rows, SQL %d; missing %s, extra %s"
          % (len(ids), len(want), sorted(want - set(ids))[:5], sorted(set(ids) - want)[:5]))
    check(states == sorted(states), "drowsy first, then half asleep, then dormant")
    r = c.get("/analysis/wake")
    check_in('<strong>%d</strong>' % len(want), r.text, "the count says how many")
    # one state
    dormant = set(int(x[0]) for x in sql(SLEEPING + " AND ca.owner_id = %d AND ca.sleep_state = 4"
                                         % owner))
    ids, states = _list_ids(c, "state=dormant")
    check(set(ids) == dormant and set(states) <= {4}, "state=dormant: %d rows, SQL %d"
          % (len(ids), len(dormant)))
    # everyone's (owner=), then the export of the own list
    every = int(sql_value("SELECT COUNT(*) FROM (%s) t" % SLEEPING))
    r = c.get("/analysis/wake?owner=")
    check_in('<strong>%d</strong>' % every, r.text, "everyone's sleepers")
    csv = c.get("/analysis/wake.csv")
    check_status(csv, 200, "export")
    lines = [ln for ln in csv.raw.decode("utf-8-sig").splitlines() if ln.strip()]
    check(len(lines) == len(want) + 1, "CSV: %d lines for %d rows" % (len(lines), len(want)))
    xlsx = c.get("/analysis/wake.xlsx")
    check_status(xlsx, 200, "XLSX export")
    check(xlsx.raw[:2] == b"PK", "an XLSX file")


def _region(code):
    return int(sql_value("SELECT id FROM regions WHERE code = '%s'" % code))


def _sleeper_in(region_id):
    rows = sql(SLEEPING + " AND ca.region_id = %d ORDER BY ca.customer_id LIMIT 1" % region_id)
    check(rows, "no sleeping customer in region %d" % region_id)
    return int(rows[0][0])


def test_regional_manager_sees_own_regions_only():
    own, other = _region("huadong"), _region("huabei")
    m = sign_in("rm_huadong")
    ids, _ = _list_ids(m, "owner=")
    want = set(int(x[0]) for x in sql(SLEEPING + " AND ca.region_id = %d" % own))
    check(set(ids) == want, "manager's list: %d rows, SQL %d in 华东" % (len(ids), len(want)))
    check_status(m.get("/analysis/wake?owner=&region=%d" % other), 404, "another region's list")
    check_status(m.get("/analysis/wake.csv?owner=&region=%d" % other), 404, "its export")
    stranger = _sleeper_in(other)
    check_status(m.get("/analysis/wake/%d" % stranger), 404, "another region's customer")
    page = m.get("/analysis/wake/%d" % _sleeper_in(own))
    check_status(page, 200, "own region's customer")
    before = audit_max()
    r = m.post("/analysis/wake/%d" % stranger, {
        "_csrf": csrf_of(page.text), "decision": "let_go", "note": "x"})
    check_refused(r, 404, before, "decision on another region's customer")


def _active_product():
    return int(sql_value("SELECT MIN(id) FROM products WHERE active = 1"))


def test_decision_and_outcome():
    cid = _sleeper_in(_region("huadong"))
    state = int(sql_value("SELECT sleep_state FROM customer_analysis WHERE customer_id = %d" % cid))
    made = []
    a = sign_in("admin")
    try:
        check_in('href="/analysis/wake/%d"' % cid, a.get("/customers/%d" % cid).text,
                 "the customer file links to the decision")
        page = a.get("/analysis/wake/%d" % cid)
        check_status(page, 200, "decision form")
        check_in('id="wake-form"', page.text, "a sleeping customer gets the form")
        token = csrf_of(page.text)
        before = audit_max()
        # waking without a product or a way: field errors, what was typed kept
        r = a.post("/analysis/wake/%d" % cid, {"_csrf": token, "decision": "wake",
                                                "note": "先打电话"})
        check_field_error(r, "product_id", "必填", kept=("先打电话",))
        check_in('id="err-approach"', r.text, "the way is asked for too")
        check_refused(r, 422, before, "waking without a product")
        r = a.post("/analysis/wake/%d" % cid, {"_csrf": token, "decision": "wake",
                                                "product_id": "999999999", "approach": "phone"})
        check_refused(r, 422, before, "a product that is not active")
        product = _active_product()
        r = a.post("/analysis/wake/%d" % cid, {"_csrf": token, "decision": "wake",
                                                "product_id": str(product), "approach": "sample",
                                                "note": "送样品"})
        check_status(r, 303, "decision saved")
        check(local_path(r.location) == "/analysis/wake/%d" % cid, "back to the customer's page")
        row = sql("SELECT id, sleep_state, decision, product_id, approach, note, outcome, version,"
                  " decided_by FROM wake_decisions WHERE customer_id = %d ORDER BY id DESC LIMIT 1"
                  % cid)[0]
        did = int(row[0])
        made.append(did)
        check(row[1:] == [str(state), "wake", str(product), "sample", "送样品", "pending", "1",
                          sql_value("SELECT id FROM users WHERE username = 'admin'")],
              "stored decision: %s" % row)
        audit = sql("SELECT action, entity, entity_id FROM audit_log WHERE id > %d" % before)
        check(audit == [["create", "wake_decision", str(did)]], "one audit row: %s" % audit)
        page = a.get("/analysis/wake/%d" % cid)
        check_in("唤醒决定已保存", page.text, "flash")
        check_in('id="outcome-%d"' % did, page.text, "the outcome buttons of a pending decision")
        # the list shows it as the latest decision
        lst = a.get("/analysis/wake?owner=&status=pending")
        check_in('data-id="%d"' % cid, lst.text, "pending filter lists the customer")
        # outcome by hand, then a stale second one
        before = audit_max()
        r = a.post("/analysis/wake/%d/outcome" % did, {"_csrf": token, "outcome": "no_response",
                                                        "version": "1"})
        check_status(r, 303, "outcome saved")
        check(sql("SELECT outcome, version, outcome_on IS NOT NULL FROM wake_decisions"
                  " WHERE id = %d" % did)[0] == ["no_response", "2", "1"], "outcome stored")
        check(sql("SELECT action FROM audit_log WHERE id > %d AND entity = 'wake_decision'"
                  % before) == [["outcome"]], "outcome audited")
        before = audit_max()
        r = a.post("/analysis/wake/%d/outcome" % did, {"_csrf": token, "outcome": "woke",
                                                        "version": "1"})
        check_refused(r, 409, before, "stale outcome", "刚被他人更新")
        check(sql_value("SELECT outcome FROM wake_decisions WHERE id = %d" % did) == "no_response",
              "the stale post changed nothing")
        # letting go: no product, no way, stored as such
        r = a.post("/analysis/wake/%d" % cid, {"_csrf": token, "decision": "let_go",
                                                "product_id": str(product), "approach": "phone"})
        check_status(r, 303, "let go saved")
        row = sql("SELECT id, decision, product_id IS NULL, approach IS NULL FROM wake_decisions"
                  " WHERE customer_id = %d ORDER BY id DESC LIMIT 1" % cid)[0]
        made.append(int(row[0]))
        check(row[1:] == ["let_go", "1", "1"], "let go stores neither product nor way: %s" % row)
        before = audit_max()
        r = a.post("/analysis/wake/%s/outcome" % row[0], {"_csrf": token, "outcome": "woke",
                                                          "version": "1"})
        check_refused(r, 409, before, "an outcome for letting go")
    finally:
        if made:
            sql("DELETE FROM wake_decisions WHERE id IN (%s)" % ", ".join(map(str, made)))


def test_results_equal_sql():
    """The panel's counts for a period are SQL's over wake_decisions."""
    huadong = _region("huadong")
    cid = _sleeper_in(huadong)
    # a few decisions of known outcome, dated inside the period asked
    made = [int(sql_value(
        "INSERT INTO wake_decisions (customer_id, region_id, owner_id, sleep_state, decision,"
        " product_id, approach, decided_by, decided_on, outcome) VALUES (%d, %d, NULL, %d, '%s',"
        " %s, %s, 1, '2026-03-0%d', '%s'); SELECT LAST_INSERT_ID();"
        % (cid, huadong, st, dec, "NULL" if dec == "let_go" else _active_product(),
           "NULL" if dec == "let_go" else "'%s'" % ap, i + 1, out)))
        for i, (st, dec, ap, out) in enumerate((
            (2, "wake", "phone", "woke"), (2, "wake", "phone", "no_response"),
            (4, "wake", "visit", "woke"), (3, "let_go", None, "pending"),
            (4, "wake", "offer", "pending")))]
    try:
        a = sign_in("admin")
        r = a.get("/analysis/wake?owner=&from=2026-03-01&to=2026-03-31")
        check_status(r, 200, "results for March")
        where = "decided_on BETWEEN '2026-03-01' AND '2026-03-31'"
        total = sql("SELECT COUNT(*), SUM(decision = 'wake'), SUM(decision = 'wake' AND"
                    " outcome = 'woke'), SUM(decision = 'let_go') FROM wake_decisions WHERE "
                    + where)[0]
        for key, value in zip(("decisions", "wake", "woke", "let-go"), total):
            m = re.search(r'id="sum-%s">(\d+)<' % key, r.text)
            check(m and m.group(1) == value, "sum-%s: page %s, SQL %s"
                  % (key, m and m.group(1), value))
        for st, woke, wake in sql("SELECT sleep_state, SUM(decision = 'wake' AND outcome ="
                                  " 'woke'), SUM(decision = 'wake') FROM wake_decisions WHERE "
                                  + where + " GROUP BY sleep_state"):
            row = re.search(r'<tr data-state="%s"><td>[^<]*</td><td class="num">(\d+)</td>'
                            % st, r.text)
            check(row and row.group(1) == woke, "state %s woke: page %s, SQL %s"
                  % (st, row and row.group(1), woke))
            if int(wake):
                pct = round(100 * int(woke) / int(wake))
                check_in("<td class=\"num\">%d%%</td></tr>" % pct, r.text, "state %s %%" % st)
        phone = re.search(r'<tr data-approach="phone"><td>[^<]*</td><td class="num">(\d+)</td>'
                          r'<td class="num">(\d+)</td>', r.text)
        want = sql("SELECT COUNT(*), SUM(outcome = 'woke') FROM wake_decisions WHERE " + where +
                   " AND decision = 'wake' AND approach = 'phone'")[0]
        check(phone and [phone.group(1), phone.group(2)] == want,
              "phone: page %s, SQL %s" % (phone and phone.groups(), want))
        # a manager of another region counts none of them
        m = sign_in("rm_huabei")
        r = m.get("/analysis/wake?owner=&from=2026-03-01&to=2026-03-31")
        want = sql_value("SELECT COUNT(*) FROM wake_decisions WHERE " + where +
                         " AND region_id = %d" % _region("huabei"))
        if want == "0":
            check_in('id="results-empty"', r.text, "no decisions of 华北")
        else:
            check_in('id="sum-decisions">%s<' % want, r.text, "华北's decisions only")
    finally:
        sql("DELETE FROM wake_decisions WHERE id IN (%s)" % ", ".join(map(str, made)))
