"""Editing and removing the customer file's entries (issue 15): every kind
through the one edit panel on its tab, the optimistic lock, removal with a
reason into the change log, region scope by guessed ids, a key person who
left, and every derived figure (tab counts, header figures, the dealer
dashboard, the home page's birthdays) against fresh sums."""
import contextlib
import re

from lib import (MSG_CSRF, check, check_in, check_not_in, check_status, csrf_of,
                 element_text, local_path, sign_in, sql, sql_str, sql_value, user_id)

PREFIX = "测试条目"   # every customer these tests create starts with this
TODAY = sql_value("SELECT CURDATE()")
MSG_ENTRY_404 = "这条记录不存在或已删除"


def _cleanup(prefix=PREFIX):
    ids = [r[0] for r in sql("SELECT id FROM customers WHERE name LIKE %s" % sql_str(prefix + "%"))]
    if not ids:
        return
    idl = ", ".join(ids)
    sql("DELETE FROM order_lines WHERE order_id IN (SELECT id FROM orders WHERE customer_id IN (%s))" % idl)
    sql("DELETE FROM payment_allocations WHERE receipt_id IN"
        " (SELECT id FROM payment_receipts WHERE customer_id IN (%s))" % idl)
    for t in ("payment_receipts", "payments", "orders", "customer_contacts", "contact_log", "customer_dynamics", "quotes",
              "service_records", "customer_incentives", "customer_financials",
              "customer_entries_removed", "customer_search", "customer_bigrams"):
        sql("DELETE FROM %s WHERE customer_id IN (%s)" % (t, idl))
    sql("DELETE FROM customers WHERE id IN (%s)" % idl)


@contextlib.contextmanager
def _own_rows(prefix=PREFIX):
    """The customers these tests make (and their entries) removed before
    and after a test."""
    _cleanup(prefix)
    try:
        yield
    finally:
        _cleanup(prefix)


def _customer(c, region="huadong", owner="staff01", prefix=PREFIX):
    """A new active dealer (it has a dashboard row) in region, owned by owner."""
    r = c.get("/customers/new")
    f = {"_csrf": csrf_of(r.text), "name": prefix + "经销商%d" % len(sql(
             "SELECT id FROM customers WHERE name LIKE %s" % sql_str(prefix + "%"))),
         "kind": "dealer", "lifecycle": "target", "city": "杭州", "owner_id": user_id(owner),
         "region_id": sql_value("SELECT id FROM regions WHERE code = %s" % sql_str(region))}
    r = c.post("/customers/new", f)
    check_status(r, 303, "create a customer")
    return int(re.match(r"^/customers/(\d+)$", local_path(r.header("Location"))).group(1))


ADD = {
    "person": ("people", "customer_contacts", {"name": "王经理", "role": "purchasing", "phone": "13800001111"}),
    "contact": ("contacts", "contact_log", {"channel": "call", "contacted_on": "2026-11-02",
                                             "heard": "库存偏高", "next_due": "2026-01-05",
                                             "next_action": "回访"}),
    "needs": ("needs", "customer_dynamics", {"category": "inventory", "noted_on": "2026-11-03", "content": "旺季备货"}),
    "strategy": ("strategy", "customer_dynamics", {"category": "annual_plan", "noted_on": "2026-11-04",
                                                    "content": "明年扩张"}),
    "quote": ("quotes", "quotes", {"quoted_on": "2026-11-05", "quantity": "10", "unit_price": "99.50",
                                   "status": "open"}),
    "service": ("service", "service_records", {"served_on": "2026-11-06", "kind": "repair", "description": "更换滤芯"}),
    "incentive": ("incentives", "customer_incentives", {"kind": "rebate", "granted_on": "2026-11-07",
                                                         "amount": "1200"}),
    "finance": ("finance", "customer_financials", {"year": "2025", "roa": "4.5"}),
}
# the edit each kind gets: field, new value, how the database stores it
EDIT = {"person": ("phone", "13900002222", "13900002222"), "contact": ("heard", "库存已消化", "库存已消化"),
        "needs": ("content", "淡季减少备货", "淡季减少备货"), "strategy": ("content", "明年稳健", "明年稳健"),
        "quote": ("status", "won", "won"), "service": ("result", "已修复", "已修复"),
        "incentive": ("amount", "1500", "1500.00"), "finance": ("roa", "5.25", "5.25"),
        "order": ("delivered_on", "2026-11-20", "2026-11-20"), "payment": ("due_on", "2026-11-21", "2026-11-21")}


def _add(c, cid, kind, **over):
    tab, table, fields = ADD[kind]
    fields = dict(fields, **over)
    if kind == "quote":
        fields.setdefault("product_id", sql_value("SELECT MIN(id) FROM products WHERE active = 1"))
    token = csrf_of(c.get("/customers/%d?tab=%s" % (cid, tab)).text)
    r = c.post("/customers/%d/entries" % cid, dict(fields, _csrf=token, entry=kind))
    check_status(r, 303, "add " + kind)
    key = "year" if kind == "finance" else "id"
    return int(sql_value("SELECT MAX(%s) FROM %s WHERE customer_id = %d" % (key, table, cid)))


def _order(cid, ordered_on, amount, paid=None):
    """An order of one line (as the order import makes them), with a payment
    due 30 days later unless paid is False."""
    pid = sql_value("SELECT MIN(id) FROM products WHERE active = 1")
    no = "T%s" % sql_value("SELECT LEFT(REPLACE(UUID(), '-', ''), 16)")
    sql("INSERT INTO orders (order_no, customer_id, ordered_on, total) VALUES ('%s', %d, '%s', %s)"
        % (no, cid, ordered_on, amount))
    oid = int(sql_value("SELECT id FROM orders WHERE order_no = '%s'" % no))
    sql("INSERT INTO order_lines (order_id, product_id, quantity, unit_price, amount)"
        " VALUES (%d, %s, 1, %s, %s)" % (oid, pid, amount, amount))
    sql("UPDATE customers SET last_purchase_on = GREATEST(COALESCE(last_purchase_on, '%s'), '%s')"
        " WHERE id = %d" % (ordered_on, ordered_on, cid))
    pay = None
    if paid is not False:
        sql("INSERT INTO payments (customer_id, order_id, amount, due_on, paid_on) VALUES"
            " (%d, %d, %s, '%s' + INTERVAL 30 DAY, %s)" % (cid, oid, amount, ordered_on,
                                                           "'%s'" % paid if paid else "NULL"))
        pay = int(sql_value("SELECT MAX(id) FROM payments WHERE order_id = %d" % oid))
    return oid, pay


def _panel(c, cid, tab, eid, expect=200):
    """The edit panel of an entry: its form's fields as a browser posts them."""
    r = c.get("/customers/%d?tab=%s&edit=%d" % (cid, tab, eid))
    check_status(r, expect, "edit panel %s %d" % (tab, eid))
    if expect != 200:
        return r, None
    return r, _form_fields(r.text, "entry-edit-form")


def _form_fields(text, form_id):
    m = re.search(r'<form[^>]*id="%s".*?</form>' % form_id, text, re.S)
    check(m, "form %s on the page" % form_id)
    form = m.group(0)
    f = {}
    for m in re.finditer(r'<input[^>]*name="(\w+)"[^>]*value="([^"]*)"', form):
        f[m.group(1)] = m.group(2).replace("&amp;", "&").replace("&quot;", '"')
    for m in re.finditer(r'<select id="f-\w+" name="(\w+)".*?</select>', form, re.S):
        sel = re.search(r'<option value="([^"]*)" selected', m.group(0))
        f[m.group(1)] = sel.group(1) if sel else ""
    for m in re.finditer(r'<textarea id="f-\w+" name="(\w+)"[^>]*>(.*?)</textarea>', form, re.S):
        f[m.group(1)] = m.group(2)
    return f


def _remove(c, cid, tab, kind, eid, reason):
    r = c.get("/customers/%d?tab=%s&edit=%d" % (cid, tab, eid))
    f = _form_fields(r.text, "entry-remove-form")
    f["reason"] = reason
    check(f.get("entry") == kind, "remove form of kind %s, got %r" % (kind, f.get("entry")))
    return c.post("/customers/%d/entries/remove" % cid, f)


def _tab_count(text, tab):
    m = re.search(r'id="tab-%s">[^<]*(?:<span class="count">(\d+)</span>)?' % tab, text)
    check(m, "tab %s in the strip" % tab)
    return int(m.group(1) or 0)


TALLY = {"people": "SELECT COUNT(*) FROM customer_contacts WHERE customer_id = %d",
         "needs": "SELECT COUNT(*) FROM customer_dynamics WHERE customer_id = %d AND kind = 'needs'",
         "strategy": "SELECT COUNT(*) FROM customer_dynamics WHERE customer_id = %d AND kind = 'strategy'",
         "contacts": "SELECT COUNT(*) FROM contact_log WHERE customer_id = %d",
         "incentives": "SELECT COUNT(*) FROM customer_incentives WHERE customer_id = %d",
         "quotes": "SELECT COUNT(*) FROM quotes WHERE customer_id = %d",
         "service": "SELECT COUNT(*) FROM service_records WHERE customer_id = %d",
         "finance": "SELECT COUNT(*) FROM customer_financials WHERE customer_id = %d",
         "orders": "SELECT COUNT(*) FROM orders WHERE customer_id = %d"}


def _derived_match(c, cid):
    """Every figure kept for the customer equals a fresh sum: customer_tallies
    and the tab strip, the header's overdue amount and last purchase, the
    dealer dashboard's row."""
    page = c.get("/customers/%d" % cid).text
    for col, q in TALLY.items():
        fresh = int(sql_value(q % cid))
        kept = int(sql_value("SELECT COALESCE((SELECT %s FROM customer_tallies WHERE customer_id = %d), 0)"
                             % (col, cid)))
        check(kept == fresh, "customer_tallies.%s %d, fresh count %d" % (col, kept, fresh))
        check(_tab_count(page, col) == fresh, "tab %s shows %d, fresh count %d"
              % (col, _tab_count(page, col), fresh))
    same = "SELECT (%s) <=> (%s)"
    check(sql_value(same % ("SELECT last_contact FROM customer_tallies WHERE customer_id = %d" % cid,
                            "SELECT MAX(contacted_on) FROM contact_log WHERE customer_id = %d" % cid)) == "1",
          "customer_tallies.last_contact")
    check(sql_value(same % ("SELECT last_purchase_on FROM customers WHERE id = %d" % cid,
                            "SELECT MAX(ordered_on) FROM orders WHERE customer_id = %d" % cid)) == "1",
          "customers.last_purchase_on")
    overdue = sql_value("SELECT COALESCE(SUM(amount - paid_amount), 0) FROM payments WHERE customer_id = %d"
                        " AND paid_on IS NULL AND due_on < CURDATE()" % cid)
    shown = element_text(page, "overdue-amount").replace("¥", "").replace(",", "")
    check(float(shown) == float(overdue), "header overdue %s, fresh sum %s" % (shown, overdue))
    dash = sql("SELECT overdue, last_contact, last_purchase, ytd FROM dash_dealers WHERE customer_id = %d" % cid)
    check(len(dash) == 1, "the dealer's dashboard row")
    asof = "(SELECT as_of FROM dash_state WHERE id = 1)"
    fresh = sql("SELECT (SELECT COALESCE(SUM(amount - paid_amount), 0) FROM payments WHERE customer_id = %d"
                "  AND paid_on IS NULL AND due_on < %s),"
                " (SELECT MAX(contacted_on) FROM contact_log WHERE customer_id = %d),"
                " (SELECT MAX(ordered_on) FROM orders WHERE customer_id = %d),"
                " (SELECT COALESCE(SUM(l.amount), 0) FROM orders o JOIN order_lines l ON l.order_id = o.id"
                "  WHERE o.customer_id = %d AND YEAR(o.ordered_on) = YEAR(%s) AND o.ordered_on <= %s)"
                % (cid, asof, cid, cid, cid, asof, asof))[0]
    for name, kept, new in zip(("overdue", "last_contact", "last_purchase", "ytd"), dash[0], fresh):
        check(kept == new, "dash_dealers.%s %r, fresh %r" % (name, kept, new))


def test_edit_every_kind():
    c = sign_in("staff01")
    with _own_rows():
        cid = _customer(c)
        entries = dict((k, _add(c, cid, k)) for k in ADD)
        entries["order"], entries["payment"] = _order(cid, "2026-10-01", "800.00")
        tabs = dict((k, v[0]) for k, v in ADD.items())
        tabs.update(order="orders", payment="payments")
        for kind, eid in entries.items():
            page = c.get("/customers/%d?tab=%s" % (cid, tabs[kind])).text
            check_in('id="edit-%s-%d"' % (tabs[kind], eid), page, "edit link of %s %d" % (kind, eid))
            _, f = _panel(c, cid, tabs[kind], eid)
            check(f["entry"] == kind and f["version"] == "1", "panel of %s: %r" % (kind, f))
            field, value, stored = EDIT[kind]
            f[field] = value
            r = c.post("/customers/%d/entries/edit" % cid, f)
            check_status(r, 303, "edit " + kind)
            check(local_path(r.header("Location")) == "/customers/%d?tab=%s" % (cid, tabs[kind]),
                  "back to the tab: %r" % r.header("Location"))
        check_in("已保存", c.get("/customers/%d?tab=payments" % cid).text, "flash after edit")
        for kind, eid in entries.items():
            table = ADD[kind][1] if kind in ADD else kind + "s"
            field, value, stored = EDIT[kind]
            key = "year" if kind == "finance" else "id"
            row = sql("SELECT %s, version FROM %s WHERE %s = %d AND customer_id = %d"
                      % (field, table, key, eid, cid))[0]
            check(row == [stored, "2"], "%s after the edit: %r" % (kind, row))
        hist = c.get("/customers/%d?tab=history" % cid).text
        check(sql_value("SELECT COUNT(*) FROM audit_log WHERE entity = 'customer' AND entity_id = %d"
                        " AND action = 'entry_edit'" % cid) == "10", "one audit row per edit")
        for words in ("修改记录", "关键人员", "王经理", "13800001111", "13900002222", "资产回报率",
                      "已成交", "交货日期", "应付日期", "2026-11-21"):
            check_in(words, hist, "change log")
        _derived_match(c, cid)


def test_edit_invalid_field_keeps_input():
    c = sign_in("staff01")
    with _own_rows():
        cid = _customer(c)
        pid = _add(c, cid, "person")
        _, f = _panel(c, cid, "people", pid)
        f.update(email="not-an-email", name="李总监", birthday="2026-02-30")
        r = c.post("/customers/%d/entries/edit" % cid, f)
        check_status(r, 422, "bad email and date")
        check_in("有效的电子邮箱", r.text, "email message")
        check_in('id="err-birthday"', r.text, "date message at its field")
        check_in('value="李总监"', r.text, "typed name kept")
        check_in('value="not-an-email"', r.text, "typed email kept")
        check(sql("SELECT name, email, version FROM customer_contacts WHERE id = %d" % pid)[0]
              == ["王经理", "", "1"], "nothing saved")
        f.update(role="astronaut", email="")
        r = c.post("/customers/%d/entries/edit" % cid, f)
        check_status(r, 422, "a role not in the list")
        check_in("请从列表中选择", r.text, "choice message")


def test_entry_writes_need_csrf():
    c = sign_in("staff01")
    with _own_rows():
        cid = _customer(c)
        pid = _add(c, cid, "person")
        _, f = _panel(c, cid, "people", pid)
        del f["_csrf"]
        f["name"] = "无令牌"
        for path, body in (("edit", f), ("remove", {"entry": "person", "entry_id": pid, "reason": "x"})):
            r = c.post("/customers/%d/entries/%s" % (cid, path), body)
            check_status(r, 403, path)
            check_in(MSG_CSRF, r.text, path)
        check(sql_value("SELECT name FROM customer_contacts WHERE id = %d" % pid) == "王经理", "unchanged")


def test_edit_conflict_shows_both_and_keeps_input():
    a, b = sign_in("staff01"), sign_in("staff02")
    with _own_rows():
        cid = _customer(a)
        eid = _add(a, cid, "contact")
        _, fa = _panel(a, cid, "contacts", eid)
        _, fb = _panel(b, cid, "contacts", eid)
        fa["heard"] = "甲看到的情况"
        check_status(a.post("/customers/%d/entries/edit" % cid, fa), 303, "first writer")
        fb["heard"] = "乙看到的情况"
        fb["next_action"] = "乙的下一步"
        r = b.post("/customers/%d/entries/edit" % cid, fb)
        check_status(r, 409, "second writer with the old version")
        check_in('id="entry-conflict"', r.text, "conflict notice")
        diff = element_text(r.text, "entry-conflict-diff")
        check_in("甲看到的情况", diff, "their version shown")
        check_in("乙看到的情况", diff, "own input shown")
        f = _form_fields(r.text, "entry-edit-form")
        check(f["heard"] == "乙看到的情况" and f["next_action"] == "乙的下一步", "own input kept: %r" % f)
        check(f["version"] == "2", "the form now carries the newer version")
        check(sql_value("SELECT heard FROM contact_log WHERE id = %d" % eid) == "甲看到的情况",
              "the first save stands")
        check_status(b.post("/customers/%d/entries/edit" % cid, f), 303, "saving again on purpose")
        check(sql_value("SELECT heard FROM contact_log WHERE id = %d" % eid) == "乙看到的情况", "second save")


def test_other_region_and_other_customer_ids_are_404():
    c = sign_in("staff01")
    with _own_rows():
        mine = _customer(c, region="huadong")
        other = _customer(c, region="huadong")
        eid = _add(c, mine, "needs")
        rm = sign_in("rm_central")      # 华中 and 西北: not 华东
        token_rm = csrf_of(rm.get("/").text)
        r = rm.get("/customers/%d?tab=needs&edit=%d" % (mine, eid))
        check_status(r, 404, "another region's panel")
        for path, body in (("edit", {"entry": "needs", "entry_id": eid, "version": 1, "category": "inventory",
                                     "noted_on": "2026-11-01", "content": "越权"}),
                           ("remove", {"entry": "needs", "entry_id": eid, "reason": "越权"})):
            r = rm.post("/customers/%d/entries/%s" % (mine, path), dict(body, _csrf=token_rm))
            check_status(r, 404, "another region's %s" % path)
        # the entry's id guessed under another customer's file
        r = c.get("/customers/%d?tab=needs&edit=%d" % (other, eid))
        check_status(r, 404, "the entry under another customer")
        check_in(MSG_ENTRY_404, r.text, "message")
        token = csrf_of(c.get("/customers/%d" % other).text)
        r = c.post("/customers/%d/entries/remove" % other,
                   {"_csrf": token, "entry": "needs", "entry_id": eid, "reason": "猜的"})
        check_status(r, 404, "remove under another customer")
        # a needs id asked for as strategy
        r = c.get("/customers/%d?tab=strategy&edit=%d" % (mine, eid))
        check_status(r, 404, "a needs entry on the strategy tab")
        check(sql("SELECT content, version FROM customer_dynamics WHERE id = %d" % eid)[0] == ["旺季备货", "1"],
              "unchanged")


def test_removal_needs_a_reason():
    c = sign_in("staff01")
    with _own_rows():
        cid = _customer(c)
        eid = _add(c, cid, "incentive")
        for reason in ("", "   "):
            r = _remove(c, cid, "incentives", "incentive", eid, reason)
            check_status(r, 422, "removal without a reason")
            check_in('id="err-reason"', r.text, "message at the reason")
        check(sql_value("SELECT COUNT(*) FROM customer_incentives WHERE id = %d" % eid) == "1", "still there")
        check(sql_value("SELECT COUNT(*) FROM customer_entries_removed WHERE customer_id = %d" % cid) == "0",
              "nothing archived")


def test_removed_entry_leaves_tab_and_count_and_is_in_history():
    c = sign_in("staff01")
    with _own_rows():
        cid = _customer(c)
        keep = _add(c, cid, "contact", heard="保留的记录")
        gone = _add(c, cid, "contact", heard="要删除的记录", contacted_on="2026-11-09")
        page = c.get("/customers/%d?tab=contacts" % cid).text
        check(_tab_count(page, "contacts") == 2, "two contacts before")
        r = _remove(c, cid, "contacts", "contact", gone, "重复录入")
        check_status(r, 303, "remove")
        page = c.get("/customers/%d?tab=contacts" % cid).text
        check_in("记录已删除", page, "flash")
        check_not_in("要删除的记录", page, "removed row gone from the tab")
        check_in("保留的记录", page, "the other row stays")
        check(_tab_count(page, "contacts") == 1, "count follows")
        row = sql("SELECT kind, entry_id, reason, JSON_VALUE(data, '$.heard'), removed_by"
                  " FROM customer_entries_removed WHERE customer_id = %d" % cid)
        check(row == [["contact", str(gone), "重复录入", "要删除的记录", str(user_id("staff01"))]],
              "the removed copy: %r" % row)
        hist = c.get("/customers/%d?tab=history" % cid).text
        m = re.search(r"<tr>(?:(?!</tr>).)*删除记录(?:(?!</tr>).)*</tr>", hist, re.S)
        check(m, "a removal row in the change log")
        for words in ("联系记录", "2026-11-09", "重复录入", "原因"):
            check_in(words, m.group(0), "removal row")
        _derived_match(c, cid)
        # removed means gone for the panel too
        _panel(c, cid, "contacts", gone, expect=404)


def test_derived_figures_follow_edits_and_removals():
    c = sign_in("staff01")
    with _own_rows():
        cid = _customer(c)
        this_year = TODAY[:4]
        o1, p1 = _order(cid, "%s-01-15" % this_year, "5000.00")          # overdue payment
        o2, _ = _order(cid, "%s-02-10" % this_year, "700.00", paid=False)  # no payment
        _add(c, cid, "contact", contacted_on="%s-01-01" % this_year)
        late = _add(c, cid, "contact", contacted_on="%s-01-20" % this_year)
        _derived_match(c, cid)
        # pay the overdue payment (money received): header, dashboard
        token = csrf_of(c.get("/customers/%d?tab=payments" % cid).text)
        r = c.post("/customers/%d/receipts" % cid, {"_csrf": token, "received_on": TODAY, "amount": "5000",
                                                    "method": "transfer", "alloc_%d" % p1: "5000"})
        check_status(r, 303, "payment paid")
        _derived_match(c, cid)
        # a larger amount makes it open again
        _, f = _panel(c, cid, "payments", p1)
        check("paid_on" not in f, "paid_on follows the receipts, not the edit panel: %r" % f)
        f.update(amount="6000")
        check_status(c.post("/customers/%d/entries/edit" % cid, f), 303, "payment open again")
        check(sql("SELECT paid_amount, paid_on FROM payments WHERE id = %d" % p1)[0] == ["5000.00", "NULL"],
              "partly paid after the larger amount")
        _derived_match(c, cid)
        # the last contact moves back when the latest one changes its date or goes
        _, f = _panel(c, cid, "contacts", late)
        f["contacted_on"] = "%s-01-10" % this_year
        check_status(c.post("/customers/%d/entries/edit" % cid, f), 303, "contact date")
        _derived_match(c, cid)
        check_status(_remove(c, cid, "contacts", "contact", late, "录错客户"), 303, "remove contact")
        _derived_match(c, cid)
        # an order's date, then the order itself (its lines leave the sales)
        _, f = _panel(c, cid, "orders", o2)
        f["ordered_on"] = "%s-01-05" % this_year
        check_status(c.post("/customers/%d/entries/edit" % cid, f), 303, "order date")
        _derived_match(c, cid)
        check_status(_remove(c, cid, "orders", "order", o2, "作废订单"), 303, "remove order")
        check(sql_value("SELECT COUNT(*) FROM order_lines WHERE order_id = %d" % o2) == "0", "lines gone")
        check(sql_value("SELECT JSON_LENGTH(data, '$.lines') FROM customer_entries_removed"
                        " WHERE kind = 'order' AND entry_id = %d" % o2) == "1", "lines kept in the copy")
        _derived_match(c, cid)
        # a payment, then its order
        check_status(_remove(c, cid, "payments", "payment", p1, "重复付款"), 303, "remove payment")
        _derived_match(c, cid)
        check_status(_remove(c, cid, "orders", "order", o1, "作废"), 303, "remove the paid order")
        _derived_match(c, cid)


def test_order_with_payments_cannot_be_removed():
    c = sign_in("staff01")
    with _own_rows():
        cid = _customer(c)
        oid, _ = _order(cid, "2026-03-01", "300.00")
        r = _remove(c, cid, "orders", "order", oid, "试试")
        check_status(r, 422, "an order with a payment")
        check_in("已有付款记录", r.text, "message")
        check(sql_value("SELECT COUNT(*) FROM orders WHERE id = %d" % oid) == "1", "order stays")
        _derived_match(c, cid)


def _home_ids(c, table):
    text = c.get("/").text
    m = re.search(r'<table[^>]*id="%s".*?</table>' % table, text, re.S)
    return [int(i) for i in re.findall(r'data-id="(\d+)"', m.group(0))] if m else []


def _birthday_ids(c):
    return _home_ids(c, "birthdays")


def test_removed_next_action_leaves_the_home_page():
    c = sign_in("staff01")
    with _own_rows():
        cid = _customer(c)
        due = sql_value("SELECT CURDATE() - INTERVAL 2 DAY")
        eid = _add(c, cid, "contact", next_due=due, next_action="寄样品")
        check(eid in _home_ids(c, "actions"), "an overdue next action on the home page")
        _, f = _panel(c, cid, "contacts", eid)
        f["next_due"] = sql_value("SELECT CURDATE() + INTERVAL 3 DAY")
        check_status(c.post("/customers/%d/entries/edit" % cid, f), 303, "due date moved")
        check(eid in _home_ids(c, "actions"), "still due this week")
        check_status(_remove(c, cid, "contacts", "contact", eid, "客户取消"), 303, "removed")
        check(eid not in _home_ids(c, "actions"), "a removed contact's next action is gone")


def test_key_person_who_left_drops_out_of_birthdays():
    c = sign_in("staff01")
    with _own_rows():
        cid = _customer(c, owner="staff01")
        today = sql_value("SELECT CURDATE() - INTERVAL 40 YEAR")
        pid = _add(c, cid, "person", name="赵会计", birthday=today)
        check(pid in _birthday_ids(c), "birthday today listed before leaving")
        _, f = _panel(c, cid, "people", pid)
        f["left_on"] = TODAY
        check_status(c.post("/customers/%d/entries/edit" % cid, f), 303, "mark as left")
        check(pid not in _birthday_ids(c), "a key person who left is not reminded of")
        page = c.get("/customers/%d?tab=people" % cid).text
        check_in('id="left-%d"' % pid, page, "marked as left on the tab")
        check_in("已离职", page, "the word")
        check(_tab_count(page, "people") == 1, "still on the file")
        hist = c.get("/customers/%d?tab=history" % cid).text
        check_in("离职日期", hist, "the change log names the field")
        # back again: listed again
        _, f = _panel(c, cid, "people", pid)
        f["left_on"] = ""
        check_status(c.post("/customers/%d/entries/edit" % cid, f), 303, "came back")
        check(pid in _birthday_ids(c), "listed again")
