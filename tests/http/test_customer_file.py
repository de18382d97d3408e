"""The customer file: creating and editing with field errors and optimistic
locking, archive and restore, merging duplicates, the tabs and the entries
added to them, and region scoping of every write."""
import html
import re
import urllib.parse

from lib import (MSG_CSRF, MSG_NOT_FOUND, check, check_in, check_not_in,
                 check_status, csrf_of, element_text, local_path, sign_in, sql,
                 sql_str, sql_value, table_rows)

TABS = ("basic", "people", "needs", "strategy", "contacts", "orders", "payments",
        "incentives", "quotes", "service", "finance", "history")
PREFIX = "测试档案"   # every customer these tests create starts with this


def _region(code):
    return sql_value("SELECT id FROM regions WHERE code = %s" % sql_str(code))


def _valid(**over):
    f = {"name": PREFIX + "杭州样例商贸有限公司", "kind": "dealer",
         "region_id": _region("huadong"), "lifecycle": "potential",
         "city": "杭州", "postal_code": "310000", "phone": "0571-87654321",
         "email": "buyer@sample.example", "credit_limit": "50000",
         "founded_year": "2008", "sales_force": "12"}
    f.update(over)
    return f


def _cleanup():
    ids = [r[0] for r in sql("SELECT id FROM customers WHERE name LIKE %s" % sql_str(PREFIX + "%"))]
    if not ids:
        return
    idl = ", ".join(ids)
    for t in ("customer_contacts", "contact_log", "customer_dynamics", "quotes",
              "service_records", "customer_incentives", "customer_financials"):
        sql("DELETE FROM %s WHERE customer_id IN (%s)" % (t, idl))
    sql("DELETE FROM customer_search WHERE customer_id IN (%s)" % idl)
    sql("DELETE FROM customer_bigrams WHERE customer_id IN (%s)" % idl)
    sql("DELETE FROM customers WHERE id IN (%s)" % idl)


def _counts_match():
    """customer_counts (kept by triggers) equals a fresh count."""
    diff = sql("SELECT COUNT(*) FROM (SELECT region_id, COALESCE(owner_id, 0) o, status,"
               " COUNT(*) n FROM customers GROUP BY 1, 2, 3) a"
               " LEFT JOIN customer_counts k ON k.region_id = a.region_id AND k.owner_id = a.o"
               " AND k.status = a.status WHERE k.n IS NULL OR k.n <> a.n")[0][0]
    check(diff == "0", "customer_counts differs from the table in %s groups" % diff)
    check(sql_value("SELECT COALESCE(SUM(n), 0) FROM customer_counts") ==
          sql_value("SELECT COUNT(*) FROM customers"), "customer_counts total")


TALLIES = (("people", "SELECT COUNT(*) FROM customer_contacts x WHERE x.customer_id = c.id"),
           ("needs", "SELECT COUNT(*) FROM customer_dynamics x WHERE x.customer_id = c.id AND x.kind = 'needs'"),
           ("strategy", "SELECT COUNT(*) FROM customer_dynamics x WHERE x.customer_id = c.id AND x.kind = 'strategy'"),
           ("contacts", "SELECT COUNT(*) FROM contact_log x WHERE x.customer_id = c.id"),
           ("incentives", "SELECT COUNT(*) FROM customer_incentives x WHERE x.customer_id = c.id"),
           ("quotes", "SELECT COUNT(*) FROM quotes x WHERE x.customer_id = c.id"),
           ("service", "SELECT COUNT(*) FROM service_records x WHERE x.customer_id = c.id"),
           ("finance", "SELECT COUNT(*) FROM customer_financials x WHERE x.customer_id = c.id"),
           ("orders", "SELECT COUNT(*) FROM orders x WHERE x.customer_id = c.id"))


def _tallies_match():
    """customer_tallies (kept by triggers, schema/016) equals fresh counts for every customer."""
    for col, count in TALLIES:
        diff = sql_value("SELECT COUNT(*) FROM customers c LEFT JOIN customer_tallies t"
                         " ON t.customer_id = c.id WHERE COALESCE(t.%s, 0) <> (%s)" % (col, count))
        check(diff == "0", "customer_tallies.%s differs from the table for %s customers" % (col, diff))
    diff = sql_value("SELECT COUNT(*) FROM customers c LEFT JOIN customer_tallies t ON t.customer_id = c.id"
                     " WHERE NOT (t.last_contact <=> (SELECT MAX(x.contacted_on) FROM contact_log x"
                     " WHERE x.customer_id = c.id))")
    check(diff == "0", "customer_tallies.last_contact differs for %s customers" % diff)


def _create(c, **over):
    token = csrf_of(c.get("/customers/new").text)
    fields = _valid(**over)
    fields["_csrf"] = token
    r = c.post("/customers/new", fields)
    check_status(r, 303, "create %s" % fields["name"])
    m = re.match(r"^/customers/(\d+)$", local_path(r.header("Location")))
    check(m, "create redirects to the new file, got %r" % r.header("Location"))
    return int(m.group(1))


def _edit_fields(c, cid):
    """The edit form's current values (as a browser would post them back)."""
    r = c.get("/customers/%d/edit" % cid)
    check_status(r, 200, "edit form")
    f = {"_csrf": csrf_of(r.text)}
    for m in re.finditer(r'<input id="f-(\w+)" name="\w+" type="\w+" value="([^"]*)"', r.text):
        f[m.group(1)] = m.group(2).replace("&amp;", "&").replace("&quot;", '"')
    for m in re.finditer(r'<select id="f-(\w+)".*?</select>', r.text, re.S):
        sel = re.search(r'<option value="([^"]*)" selected', m.group(0))
        f[m.group(1)] = sel.group(1) if sel else ""
    for m in re.finditer(r'<textarea id="f-(\w+)"[^>]*>(.*?)</textarea>', r.text, re.S):
        f[m.group(1)] = m.group(2)
    f["version"] = re.search(r'name="version" value="(\d+)"', r.text).group(1)
    return f


def test_create_customer():
    _cleanup()
    c = sign_in("staff01")
    try:
        cid = _create(c)
        row = sql("SELECT code, name, kind, region_id, lifecycle, postal_code, credit_limit,"
                  " created_by, version FROM customers WHERE id = %d" % cid)[0]
        check(row[0] == "C%07d" % cid, "code %r for id %d" % (row[0], cid))
        check(row[1] == PREFIX + "杭州样例商贸有限公司", "name stored %r" % row[1])
        check(row[6] == "50000.00", "credit limit %r" % row[6])
        check(row[7] == sql_value("SELECT id FROM users WHERE username = 'staff01'"), "created_by")
        check(sql_value("SELECT COUNT(*) FROM audit_log WHERE entity = 'customer' AND"
                        " entity_id = %d AND action = 'create'" % cid) == "1", "audit row")
        check(sql_value("SELECT COUNT(*) FROM customer_search WHERE customer_id = %d" % cid) == "1",
              "search index row")
        r = c.get("/customers/%d" % cid)
        check(element_text(r.text, "customer-name") == PREFIX + "杭州样例商贸有限公司", "heading")
        check_in("客户档案已建立", r.text, "flash after create")
    finally:
        _cleanup()


def test_create_and_edit_field_errors_keep_input():
    """Each field rule once on the new-customer form and once on the edit
    form of an existing file (one handler, two routes)."""
    _cleanup()
    c = sign_in("staff01")
    bad = {"name": ("", "必填"), "phone": ("12ab", "有效的电话号码"),
           "postal_code": ("3100", "6 位数字"), "email": ("not-an-email", "有效的电子邮箱"),
           "founded_year": ("3020", "有效的年份"), "credit_limit": ("-5", "金额"),
           "kind": ("shop", "请从列表中选择"), "sales_force": ("many", "整数"),
           "code": ("C 1", "编号只能包含")}
    try:
        cid = _create(c)
        edit = _edit_fields(c, cid)
        for path, base in (("/customers/new", dict(_valid(), _csrf=edit["_csrf"])),
                           ("/customers/%d/edit" % cid, edit)):
            before = sql_value("SELECT COUNT(*) FROM customers")
            version = sql_value("SELECT version FROM customers WHERE id = %d" % cid)
            for field, (value, message) in bad.items():
                fields = dict(base, **{field: value})
                fields["address"] = "文一西路 <b>88</b> 号"
                r = c.post(path, fields)
                check_status(r, 422, "%s: invalid %s" % (path, field))
                m = re.search(r'id="err-%s">([^<]*)' % field, r.text)
                check(m and message in m.group(1), "%s: message for %s: %r" % (path, field, m and m.group(1)))
                # What the user typed comes back, escaped.
                check_in('value="文一西路 &lt;b&gt;88&lt;/b&gt; 号"', r.text, "address kept")
                if field != "name":
                    check_in("杭州样例商贸", r.text, "name kept")
                if field not in ("kind", "name"):
                    check_in(html.escape(value, quote=True), r.text, "%s: %s kept" % (path, field))
            check(sql_value("SELECT COUNT(*) FROM customers") == before, "%s: nothing saved" % path)
            check(sql_value("SELECT version FROM customers WHERE id = %d" % cid) == version,
                  "%s: the file unchanged" % path)
    finally:
        _cleanup()


def test_csrf_required_on_every_customer_write():
    c = sign_in("staff01")
    cid = int(sql_value("SELECT MIN(id) FROM customers WHERE status = 'active'"))
    version = sql_value("SELECT version FROM customers WHERE id = %d" % cid)
    for path, fields in (("/customers/new", _valid()),
                         ("/customers/%d/edit" % cid, dict(_valid(), version=version)),
                         ("/customers/%d/archive" % cid, {}),
                         ("/customers/%d/entries" % cid, {"entry": "needs", "category": "inventory",
                                                         "noted_on": "2026-11-01", "content": "x"}),
                         ("/customers/%d/merge" % cid, {"gone": cid + 1})):
        r = c.post(path, fields)
        check_status(r, 403, path)
        check_in(MSG_CSRF, r.text, path)
    check(sql_value("SELECT version FROM customers WHERE id = %d" % cid) == version,
          "customer unchanged")


def test_edit_records_diff_and_conflict_keeps_input():
    _cleanup()
    a, b = sign_in("staff01"), sign_in("staff02")
    try:
        cid = _create(a)
        fa, fb = _edit_fields(a, cid), _edit_fields(b, cid)
        fa["city"] = "宁波"
        r = a.post("/customers/%d/edit" % cid, fa)
        check_status(r, 303, "first save")
        detail = sql_value("SELECT detail FROM audit_log WHERE entity = 'customer' AND"
                           " entity_id = %d AND action = 'update'" % cid)
        check("city: 杭州 → 宁波" in detail, "audit diff %r" % detail)
        # The second writer still holds version 1.
        fb["phone"] = "0571-11112222"
        fb["history"] = "二〇〇八年成立，原为国营商店。"
        r = b.post("/customers/%d/edit" % cid, fb)
        check_status(r, 409, "second save on a stale version")
        check_in('id="conflict"', r.text, "conflict page")
        rows = table_rows(r.text, "conflict-diff")
        fields = dict((row[0]["text"], (row[1]["text"], row[2]["text"])) for row in rows)
        check(fields.get("城市") == ("宁波", "杭州"), "city difference %r" % (fields.get("城市"),))
        check("电话" in fields, "phone difference shown")
        check_in("0571-11112222", r.text, "typed phone kept")
        check_in("二〇〇八年成立，原为国营商店。", r.text, "typed history kept")
        check(sql_value("SELECT phone FROM customers WHERE id = %d" % cid) == "0571-87654321",
              "stale write not saved")
        # Saving from the conflict page is deliberate and now succeeds.
        newer = re.search(r'name="version" value="(\d+)"', r.text).group(1)
        check(newer == "2", "conflict form carries the new version, got %s" % newer)
        fb["version"] = newer
        fb["_csrf"] = csrf_of(r.text)
        r = b.post("/customers/%d/edit" % cid, fb)
        check_status(r, 303, "save after the conflict")
        check(sql_value("SELECT phone FROM customers WHERE id = %d" % cid) == "0571-11112222",
              "second writer's phone saved")
        history = b.get("/customers/%d?tab=history" % cid).text
        # Fields by their screen names, choices and owners in words, times to the second.
        changes = re.sub(r"<[^>]+>", "", history)
        check_in("电话 0571-87654321 → 0571-11112222", changes, "history tab shows the change")
        check_in("城市 杭州 → 宁波", changes, "the first writer's change")
        check_not_in("phone:", history, "no column names in the change log")
        rows = table_rows(history, "history")
        check(rows and all(re.match(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", row[0]["text"]) for row in rows),
              "times to the second: %r" % [row[0]["text"] for row in rows or []])
        fe = _edit_fields(a, cid)
        fe["kind"], fe["owner_id"] = "organisation", str(sql_value(
            "SELECT id FROM users WHERE username = 'staff03'"))
        check_status(a.post("/customers/%d/edit" % cid, fe), 303, "kind and owner changed")
        changes = re.sub(r"<[^>]+>", "", a.get("/customers/%d?tab=history" % cid).text)
        check_in("类型 经销商 → 机构", changes, "a choice in words")
        owner = sql_value("SELECT display_name FROM users WHERE username = 'staff03'")
        check_in("→ %s" % owner, changes, "an owner by name")
    finally:
        _cleanup()


def test_archive_and_restore():
    _cleanup()
    c = sign_in("staff01")
    try:
        cid = _create(c)
        token = csrf_of(c.get("/customers/%d" % cid).text)
        check_status(c.post("/customers/%d/archive" % cid, {"_csrf": token}), 303, "archive")
        check(sql_value("SELECT status FROM customers WHERE id = %d" % cid) == "archived", "archived")
        r = c.get("/customers?q=" + urllib.parse.quote("杭州样例商贸"))
        check_not_in("/customers/%d\"" % cid, r.text, "archived customer left the list")
        check_in('id="archived-badge"', c.get("/customers/%d" % cid).text, "badge on the file")
        check_status(c.post("/customers/%d/restore" % cid, {"_csrf": token}), 303, "restore")
        check(sql_value("SELECT status FROM customers WHERE id = %d" % cid) == "active", "restored")
        actions = [r[0] for r in sql("SELECT action FROM audit_log WHERE entity = 'customer'"
                                     " AND entity_id = %d ORDER BY id" % cid)]
        check(actions == ["create", "archive", "restore"], "audit %s" % actions)
        _counts_match()
    finally:
        _cleanup()


def test_merge_duplicates_moves_history():
    _cleanup()
    c = sign_in("leader1")
    try:
        keep = _create(c, name=PREFIX + "甲公司")
        gone = _create(c, name=PREFIX + "甲公司（重复）")
        token = csrf_of(c.get("/customers/%d" % gone).text)
        check_status(c.post("/customers/%d/entries" % gone, {
            "_csrf": token, "entry": "person", "name": "李采购", "role": "purchasing"}), 303, "person")
        check_status(c.post("/customers/%d/entries" % gone, {
            "_csrf": token, "entry": "finance", "year": "2025", "current_ratio": "1.2"}), 303, "finance")
        code = sql_value("SELECT code FROM customers WHERE id = %d" % gone)
        r = c.get("/customers/%d/merge?other=%s" % (keep, code))
        check_status(r, 200, "merge preview")
        check(element_text(r.text, "merge-other-name") == PREFIX + "甲公司（重复）", "preview names the other")
        r = c.post("/customers/%d/merge" % keep, {"_csrf": csrf_of(r.text), "gone": gone})
        check_status(r, 303, "merge")
        check(sql_value("SELECT COUNT(*) FROM customer_contacts WHERE customer_id = %d" % keep) == "1",
              "key person moved")
        check(sql_value("SELECT COUNT(*) FROM customer_financials WHERE customer_id = %d" % keep) == "1",
              "financials moved")
        check(sql("SELECT status, merged_into FROM customers WHERE id = %d" % gone)[0] == ["merged", str(keep)],
              "duplicate marked merged")
        check(sql_value("SELECT COUNT(*) FROM customer_search WHERE customer_id = %d" % gone) == "0",
              "duplicate left the search index")
        check(sql_value("SELECT COUNT(*) FROM audit_log WHERE entity = 'customer' AND action = 'merge'"
                        " AND entity_id IN (%d, %d)" % (keep, gone)) == "2", "merge audited on both")
        check_in('id="merged-notice"', c.get("/customers/%d" % gone).text, "merged record says so")
        _counts_match()
        _tallies_match()
        page = c.get("/customers/%d" % keep).text
        for tab in ("people", "finance"):
            check_in('id="tab-%s">' % tab, page, "tab %s" % tab)
            check(re.search(r'id="tab-%s">[^<]*<span class="count">1</span>' % tab, page),
                  "merged file counts the moved %s" % tab)
        # Merging a record with itself is refused.
        r = c.get("/customers/%d/merge?other=%s" % (keep, sql_value(
            "SELECT code FROM customers WHERE id = %d" % keep)))
        check_in("不能与自身合并", r.text, "self-merge refused")
    finally:
        _cleanup()


def test_regional_manager_scope_on_writes():
    _cleanup()
    rm = sign_in("rm_huadong")
    try:
        token = csrf_of(rm.get("/customers/new").text)
        r = rm.post("/customers/new", dict(_valid(region_id=_region("huabei")), _csrf=token))
        check_status(r, 422, "create in another region")
        check_in("自己负责的区域", r.text, "region message")
        mine = _create(rm)
        check(sql_value("SELECT region_id FROM customers WHERE id = %d" % mine) == _region("huadong"),
              "created in own region")
        other = int(sql_value("SELECT MIN(c.id) FROM customers c JOIN regions r ON r.id = c.region_id"
                              " WHERE r.code = 'huabei' AND c.status = 'active'"))
        version = sql_value("SELECT version FROM customers WHERE id = %d" % other)
        for path, fields in (("/customers/%d/edit" % other, dict(_valid(), version=version)),
                             ("/customers/%d/archive" % other, {}),
                             ("/customers/%d/entries" % other, {"entry": "person", "name": "越权",
                                                               "role": "gm"})):
            fields["_csrf"] = token
            r = rm.post(path, fields)
            check_status(r, 404, path)
            check_in(MSG_NOT_FOUND, r.text, path)
        check_status(rm.get("/customers/%d/edit" % other), 404, "edit form of another region")
        check_status(rm.get("/customers/%d/merge" % mine), 403, "regional managers do not merge")
        check(sql_value("SELECT version FROM customers WHERE id = %d" % other) == version,
              "other region's customer unchanged")
        # Moving one's own customer to a foreign region is refused too.
        f = _edit_fields(rm, mine)
        f["region_id"] = _region("huabei")
        check_status(rm.post("/customers/%d/edit" % mine, f), 422, "move to another region")
    finally:
        _cleanup()
    _counts_match()


def test_every_tab_renders():
    c = sign_in("staff01")
    cid = sql_value("SELECT customer_id FROM orders GROUP BY customer_id ORDER BY COUNT(*) DESC LIMIT 1")
    for tab in TABS:
        r = c.get("/customers/%s?tab=%s" % (cid, tab))
        check_status(r, 200, tab)
        check_in('id="tab-%s" class="active"' % tab if False else 'class="active" aria-current="page" id="tab-%s"' % tab,
                 r.text, "active tab %s" % tab)
    orders = table_rows(c.get("/customers/%s?tab=orders" % cid).text, "orders")
    expected = int(sql_value("SELECT LEAST(100, COUNT(*)) FROM orders WHERE customer_id = %s" % cid))
    check(orders is not None and len(orders) == expected, "orders tab rows %s, expected %d" % (
        orders and len(orders), expected))
    # The counts beside the tab names are the rows each tab holds.
    page = c.get("/customers/%s" % cid).text
    for tab, query in (("people", "SELECT COUNT(*) FROM customer_contacts WHERE customer_id = %s"),
                       ("orders", "SELECT COUNT(*) FROM orders WHERE customer_id = %s"),
                       ("payments", "SELECT COUNT(*) FROM payments WHERE customer_id = %s"),
                       ("history", "SELECT COUNT(*) FROM audit_log WHERE entity = 'customer'"
                                   " AND entity_id = %s"),
                       ("contacts", "SELECT COUNT(*) FROM contact_log WHERE customer_id = %s")):
        n = int(sql_value(query % cid))
        m = re.search(r'id="tab-%s">[^<]*(?:<span class="count[^"]*">(\d+)</span>)?' % tab, page)
        shown = int(m.group(1)) if m and m.group(1) else 0
        check(shown == n, "tab %s shows %d, database %d" % (tab, shown, n))
    # The header's sales figures and growth against the same part of last year.
    this_year, last_ytd = sql("SELECT (SELECT COALESCE(SUM(total), 0) FROM orders WHERE customer_id = %s"
                              " AND ordered_on >= MAKEDATE(YEAR(CURDATE()), 1)),"
                              " (SELECT COALESCE(SUM(total), 0) FROM orders WHERE customer_id = %s"
                              " AND ordered_on >= MAKEDATE(YEAR(CURDATE()) - 1, 1)"
                              " AND ordered_on <= CURDATE() - INTERVAL 1 YEAR)" % (cid, cid))[0]
    check_in("¥{:,.2f}".format(float(this_year)), page, "sales this year %s in the header" % this_year)
    growth = re.search(r'id="growth">([^<]*)%<', page)
    if float(last_ytd) > 0:
        want = (float(this_year) - float(last_ytd)) * 100 / float(last_ytd)
        check(growth and abs(float(growth.group(1)) - want) < 0.051,
              "growth %s, expected %.2f" % (growth and growth.group(1), want))
    else:
        check(growth is None, "no growth without last year's sales")
    _tallies_match()
    r = c.get("/customers/%s?tab=nonsense" % cid)
    check_status(r, 200, "unknown tab")
    check_in('class="active" aria-current="page" id="tab-basic"', r.text, "unknown tab shows basic")


def test_overdue_payments_flagged():
    c = sign_in("staff01")
    row = sql("SELECT customer_id, COUNT(*) FROM payments WHERE paid_on IS NULL AND due_on < CURDATE()"
              " GROUP BY customer_id ORDER BY COUNT(*) DESC LIMIT 1")
    check(row, "demo data has overdue payments")
    cid, n = row[0]
    r = c.get("/customers/%s?tab=payments" % cid)
    flagged = len(re.findall(r'<tr id="item-\d+" class="overdue">', r.text))
    check(flagged == min(int(n), 100), "overdue rows %d, database %s" % (flagged, n))
    total = sql_value("SELECT SUM(amount - paid_amount) FROM payments WHERE customer_id = %s AND paid_on IS NULL"
                      " AND due_on < CURDATE()" % cid)
    shown = element_text(c.get("/customers/%s" % cid).text, "overdue-amount")
    check(shown.replace("¥", "").replace(",", "") == total, "overdue figure %s, database %s" % (shown, total))


def test_entries_each_kind_and_errors():
    _cleanup()
    c = sign_in("staff03")
    try:
        cid = _create(c)
        token = csrf_of(c.get("/customers/%d" % cid).text)
        product = sql_value("SELECT MIN(id) FROM products")
        good = {
            "person": ({"name": "赵总", "role": "gm", "title": "总经理", "phone": "13900001111",
                        "birthday": "1975-03-08"},
                       "SELECT COUNT(*) FROM customer_contacts WHERE customer_id = %d AND name = '赵总'"),
            "contact": ({"channel": "visit", "contacted_on": "2026-11-20", "heard": "计划增加净水器品类",
                         "next_action": "寄送样品", "next_due": "2026-11-25"},
                        "SELECT COUNT(*) FROM contact_log WHERE customer_id = %d AND next_due = '2026-11-25'"),
            "needs": ({"category": "inventory", "noted_on": "2026-11-01", "content": "库存偏高"},
                      "SELECT COUNT(*) FROM customer_dynamics WHERE customer_id = %d AND kind = 'needs'"),
            "strategy": ({"category": "annual_plan", "noted_on": "2026-01-05", "content": "年销售目标 800 万"},
                         "SELECT COUNT(*) FROM customer_dynamics WHERE customer_id = %d AND kind = 'strategy'"),
            "quote": ({"quoted_on": "2026-11-02", "product_id": product, "quantity": "20",
                       "unit_price": "1999.00", "status": "open"},
                      "SELECT COUNT(*) FROM quotes WHERE customer_id = %d"),
            "service": ({"served_on": "2026-10-12", "kind": "repair", "description": "更换滤芯"},
                        "SELECT COUNT(*) FROM service_records WHERE customer_id = %d"),
            "incentive": ({"kind": "rebate", "granted_on": "2026-06-30", "amount": "12000"},
                          "SELECT COUNT(*) FROM customer_incentives WHERE customer_id = %d"),
            "finance": ({"year": "2025", "current_ratio": "1.35", "net_margin": "-2.5",
                         "collection_days": "45"},
                        "SELECT COUNT(*) FROM customer_financials WHERE customer_id = %d AND year = 2025"),
        }
        for kind, (fields, query) in good.items():
            r = c.post("/customers/%d/entries" % cid, dict(fields, _csrf=token, entry=kind))
            check_status(r, 303, "add %s" % kind)
            check(sql_value(query % cid) == "1", "%s stored" % kind)
        check(sql_value("SELECT COUNT(*) FROM audit_log WHERE entity = 'customer' AND entity_id = %d"
                        " AND action = 'add'" % cid) == str(len(good)), "each entry audited")
        # Each tab counts its one new row (from customer_tallies), and the
        # header shows the contact's date as the last contact.
        _tallies_match()
        page = c.get("/customers/%d" % cid).text
        for tab in ("people", "contacts", "needs", "strategy", "quotes", "service", "incentives", "finance"):
            check(re.search(r'id="tab-%s">[^<]*<span class="count">1</span>' % tab, page),
                  "tab %s counts the new entry" % tab)
        check_in("2026-11-20", page, "last contact in the header")
        people = table_rows(c.get("/customers/%d?tab=people" % cid).text, "key-people")
        check(people and people[0][1]["text"] == "总经理",
              "a title equal to the position is shown once: %r" % (people and people[0][1]["text"]))
        bad = {
            "person": ({"name": "", "role": "boss", "email": "x@"}, ("name", "role", "email")),
            "contact": ({"channel": "visit", "contacted_on": "2026-02-30", "heard": ""},
                        ("contacted_on", "heard")),
            "service": ({"served_on": "2026-011-150", "kind": "repair", "description": "x"},
                        ("served_on",)),
            "quote": ({"quoted_on": "2026-11-02", "product_id": "99999999", "quantity": "0",
                       "unit_price": "1.999", "status": "open"}, ("quantity", "unit_price")),
            "finance": ({"year": "1850", "current_ratio": "abc"}, ("year", "current_ratio")),
        }
        for kind, (fields, bad_fields) in bad.items():
            r = c.post("/customers/%d/entries" % cid, dict(fields, _csrf=token, entry=kind))
            check_status(r, 422, "invalid %s" % kind)
            for f in bad_fields:
                check_in('id="err-%s"' % f, r.text, "%s error on %s" % (kind, f))
            check_in('<details class="add-form" open>', r.text, "%s form reopened" % kind)
            if kind == "service":
                check_in("请输入有效日期", r.text, "an overlong date is an invalid date")
                check_not_in("内容过长", r.text, "not a text too long")
        # A product that does not exist is a field error, not a 500.
        r = c.post("/customers/%d/entries" % cid, {"_csrf": token, "entry": "quote",
                   "quoted_on": "2026-11-02", "product_id": "99999999", "quantity": "1",
                   "unit_price": "1.00", "status": "open"})
        check_status(r, 422, "unknown product")
        check_in('id="err-product_id"', r.text, "product error")
        # Marking the contact's next action done.
        entry = sql_value("SELECT id FROM contact_log WHERE customer_id = %d" % cid)
        r = c.post("/customers/%d/entries" % cid, {"_csrf": token, "entry": "done", "entry_id": entry})
        check_status(r, 303, "mark done")
        check(sql_value("SELECT done FROM contact_log WHERE id = %s" % entry) == "1", "done stored")
        check_status(c.post("/customers/%d/entries" % cid, {"_csrf": token, "entry": "bogus"}),
                     400, "unknown entry kind")
    finally:
        _cleanup()
