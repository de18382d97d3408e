"""Order entry on the customer file (issue 15, docs/orders.md): the form
and each of its field checks, lines kept on a rejected form and on "add
lines", retired products, CSRF, the version lock, region scope by guessed
ids, the credit limit (warning, staff refused, a leader's audited reason),
delivery, cancelling (reason required, refused when part is paid), the due
item, and every derived figure against fresh sums."""
import contextlib
import re

from lib import (MSG_CSRF, check, check_in, check_not_in, check_status, csrf_of, customer_ids,
                 element_text, local_path, result_count, sign_in, sql, sql_str, sql_value, user_id)

PREFIX = "测试订单"   # every customer these tests create starts with this
MSG_ENTRY_404 = "这条记录不存在或已删除"
MSG_OVER = "超过信用额度"
MSG_PARTLY_PAID = "已有部分付款"


def _cleanup():
    ids = [r[0] for r in sql("SELECT id FROM customers WHERE name LIKE %s" % sql_str(PREFIX + "%"))]
    if not ids:
        return
    idl = ", ".join(ids)
    sql("DELETE FROM order_lines WHERE order_id IN (SELECT id FROM orders WHERE customer_id IN (%s))" % idl)
    for t in ("payments", "orders", "customer_search", "customer_bigrams"):
        sql("DELETE FROM %s WHERE customer_id IN (%s)" % (t, idl))
    sql("DELETE FROM customers WHERE id IN (%s)" % idl)


@contextlib.contextmanager
def _own_rows():
    _cleanup()
    try:
        yield
    finally:
        _cleanup()


def _customer(c, region="huadong", credit_limit="", terms="30"):
    r = c.get("/customers/new")
    n = sql_value("SELECT COUNT(*) FROM customers WHERE name LIKE %s" % sql_str(PREFIX + "%"))
    f = {"_csrf": csrf_of(r.text), "name": "%s经销商%s" % (PREFIX, n), "kind": "dealer",
         "lifecycle": "target", "city": "杭州", "owner_id": user_id("staff01"),
         "credit_limit": credit_limit, "payment_terms": terms,
         "region_id": sql_value("SELECT id FROM regions WHERE code = %s" % sql_str(region))}
    r = c.post("/customers/new", f)
    check_status(r, 303, "create a customer")
    return int(re.match(r"^/customers/(\d+)$", local_path(r.header("Location"))).group(1))


def _products(n=2):
    return [r[0] for r in sql("SELECT id FROM products WHERE active = 1 ORDER BY id LIMIT %d" % n)]


def _form(c, cid, **fields):
    """The new-order form's fields with the given values (line values as
    product_0=…, qty_0=…)."""
    r = c.get("/customers/%d/orders/new" % cid)
    check_status(r, 200, "the order form")
    f = {"_csrf": csrf_of(r.text), "rows": "5", "ordered_on": "2026-11-02"}
    f.update(fields)
    return f


def _create(c, cid, expect=303, **fields):
    r = c.post("/customers/%d/orders/new" % cid, _form(c, cid, **fields))
    check_status(r, expect, "enter an order")
    if expect != 303:
        return r
    return int(re.search(r"order=(\d+)$", r.header("Location")).group(1))


def _page(c, cid, oid):
    r = c.get("/customers/%d/orders/edit?order=%d" % (cid, oid))
    check_status(r, 200, "the order's page")
    return r


def _fields(text, form_id):
    """Every input, select and textarea value of one form on the page."""
    m = re.search(r'<form[^>]*id="%s".*?</form>' % form_id, text, re.S)
    check(m, "form %s on the page" % form_id)
    body = m.group(0)
    out = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', body):
        out[name] = value
    for name, sel in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', body, re.S):
        m2 = re.search(r'<option value="([^"]*)"[^>]*selected', sel)
        out[name] = m2.group(1) if m2 else ""
    for name, value in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', body, re.S):
        out[name] = value
    return out


def _sums_match(c, cid):
    """Totals, the due item, the open balance, last purchase, the tab count
    and the dashboard's sales against fresh SQL sums."""
    bad = sql("SELECT o.id FROM orders o WHERE o.customer_id = %d AND o.total <>"
              " (SELECT COALESCE(SUM(l.amount), 0) FROM order_lines l WHERE l.order_id = o.id)" % cid)
    check(not bad, "order totals equal their lines' sums: %r" % bad)
    bad = sql("SELECT p.id FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.customer_id = %d"
              " AND p.paid_amount = 0 AND p.amount <> o.total" % cid)
    check(not bad, "each unpaid due item equals its order's total: %r" % bad)
    kept = sql_value("SELECT COALESCE((SELECT open_balance FROM customer_credit WHERE customer_id = %d), 0)" % cid)
    fresh = sql_value("SELECT COALESCE(SUM(amount - paid_amount), 0) FROM payments WHERE customer_id = %d" % cid)
    check(float(kept) == float(fresh), "customer_credit.open_balance %s, fresh sum %s" % (kept, fresh))
    page = c.get("/customers/%d" % cid).text
    shown = element_text(page, "open-balance").replace("¥", "").replace(",", "")
    check(float(shown) == float(fresh), "the file shows open balance %s, fresh %s" % (shown, fresh))
    check(sql_value("SELECT (SELECT last_purchase_on FROM customers WHERE id = %d) <=>"
                    " (SELECT MAX(ordered_on) FROM orders WHERE customer_id = %d AND status <> 'cancelled')"
                    % (cid, cid)) == "1", "customers.last_purchase_on")
    check(sql_value("SELECT orders FROM customer_tallies WHERE customer_id = %d" % cid) ==
          sql_value("SELECT COUNT(*) FROM orders WHERE customer_id = %d" % cid), "the orders tab count")
    check(float(sql_value("SELECT COALESCE(SUM(amount), 0) FROM dash_sales WHERE customer_id = %d" % cid)) ==
          float(sql_value("SELECT COALESCE(SUM(l.amount), 0) FROM order_lines l JOIN orders o"
                          " ON o.id = l.order_id WHERE o.customer_id = %d" % cid)),
          "the dashboard's sales equal the lines")


def test_valid_order_amounts_due_item_and_figures():
    c = sign_in("staff01")
    with _own_rows():
        cid = _customer(c, terms="45")
        p1, p2 = _products()
        oid = _create(c, cid, ordered_on="2026-11-02", expected_on="2026-11-20", note="首单",
                      product_0=p1, qty_0="3", product_2=p2, qty_2="2", price_2="10.10",
                      discount_2="12.5")
        no, status, total, exp = sql("SELECT order_no, status, total, expected_on FROM orders"
                                     " WHERE id = %d" % oid)[0]
        check(re.match(r"^KH20261102-\d{6}$", no), "the order number's scheme: %s" % no)
        check(status == "ordered" and exp == "2026-11-20", "status and expected date")
        lines = sql("SELECT product_id, quantity, unit_price, discount_pct, amount FROM order_lines"
                    " WHERE order_id = %d ORDER BY id" % oid)
        price1 = sql_value("SELECT list_price FROM products WHERE id = %s" % p1)
        check(lines[0][2] == price1, "an empty unit price is the list price")
        check(lines[1][2:] == ["10.10", "12.50", "17.68"], "2 × 10.10 less 12.5%% is 17.68: %r" % lines[1])
        check(total == sql_value("SELECT SUM(amount) FROM order_lines WHERE order_id = %d" % oid), "total")
        due = sql("SELECT amount, due_on FROM payments WHERE order_id = %d" % oid)
        check(due == [[total, "2026-12-17"]], "one due item, the total, 45 days later: %r" % due)
        check(sql_value("SELECT COUNT(*) FROM audit_log WHERE entity = 'customer' AND entity_id = %d"
                        " AND action = 'order_add' AND detail LIKE %s" % (cid, sql_str("%" + no + "%"))) == "1",
              "audited")
        _sums_match(c, cid)
        r = c.get("/customers/%d?tab=orders" % cid)
        check_in(no, r.text, "the orders tab lists it")
        check_in("已下单", r.text, "with its status")


def test_each_invalid_field_keeps_every_value():
    c = sign_in("staff01")
    with _own_rows():
        cid = _customer(c)
        p1, p2 = _products()
        good = dict(product_0=p1, qty_0="1", product_3=p2, qty_3="4", price_3="5.50", discount_3="10")
        cases = [("ordered_on", {"ordered_on": ""}), ("ordered_on", {"ordered_on": "2026-02-30"}),
                 ("expected_on", {"expected_on": "2026-11-01"}),
                 ("expected_on", {"expected_on": "11/20/2026"}),
                 ("note", {"note": "长" * 501}),
                 ("product_1", {"qty_1": "2"}), ("product_1", {"product_1": "x1", "qty_1": "2"}),
                 ("qty_3", {"qty_3": "0"}), ("qty_3", {"qty_3": "1.5"}), ("qty_3", {"qty_3": ""}),
                 ("price_3", {"price_3": "1.234"}), ("price_3", {"price_3": "-3"}),
                 ("discount_3", {"discount_3": "100.01"}), ("discount_3", {"discount_3": "abc"})]
        before = sql_value("SELECT COUNT(*) FROM orders WHERE customer_id = %d" % cid)
        for field, bad in cases:
            fields = dict(good, **bad)
            r = _create(c, cid, expect=422, **fields)
            check_in('id="err-%s"' % field, r.text, "message at %s for %r" % (field, bad))
            kept = _fields(r.text, "order-form")
            for name, value in fields.items():
                # a select keeps a value only when it is one of its options
                if name != "note" and value != "x1":
                    check(kept.get(name) == value, "%s kept as %r after %r, got %r"
                          % (name, value, bad, kept.get(name)))
        r = _create(c, cid, expect=422)
        check_in('id="err-product_0"', r.text, "an order without lines")
        check(sql_value("SELECT COUNT(*) FROM orders WHERE customer_id = %d" % cid) == before,
              "nothing saved")


def test_add_lines_keeps_values_and_adds_rows():
    c = sign_in("staff01")
    with _own_rows():
        cid = _customer(c)
        p1 = _products(1)[0]
        f = _form(c, cid, product_4=p1, qty_4="7", more="1")
        r = c.post("/customers/%d/orders/new" % cid, f)
        check_status(r, 200, "add lines")
        kept = _fields(r.text, "order-form")
        check(kept.get("rows") == "10" and "product_9" in kept, "ten rows now")
        check(kept.get("product_4") == p1 and kept.get("qty_4") == "7", "row 5 kept")
        check_not_in('id="form-errors"', r.text, "no messages for a form not sent yet")
        kept["_csrf"] = f["_csrf"]
        kept.update(product_8=p1, qty_8="1")
        r = c.post("/customers/%d/orders/new" % cid, kept)
        check_status(r, 303, "saved from the longer form")
        oid = int(re.search(r"order=(\d+)$", r.header("Location")).group(1))
        check(sql_value("SELECT COUNT(*) FROM order_lines WHERE order_id = %d" % oid) == "2", "both lines")


def test_retired_product_is_not_offered_and_refused():
    c = sign_in("staff01")
    with _own_rows():
        cid = _customer(c)
        retired = sql_value("SELECT id FROM products WHERE active = 0 LIMIT 1")
        check(retired, "the demo data has a retired product")
        r = c.get("/customers/%d/orders/new" % cid)
        check_not_in('<option value="%s"' % retired, r.text, "a retired product is not offered")
        r = _create(c, cid, expect=422, product_0=_products(1)[0], qty_0="1", product_2=retired, qty_2="1")
        check_in('id="err-product_2"', r.text, "refused at its row")
        check(sql_value("SELECT COUNT(*) FROM orders WHERE customer_id = %d" % cid) == "0", "nothing saved")
        # an old order keeps showing it, and may keep it when its lines change
        oid = _create(c, cid, product_0=_products(1)[0], qty_0="1")
        sql("UPDATE order_lines SET product_id = %s WHERE order_id = %d" % (retired, oid))
        r = _page(c, cid, oid)
        check_in("已停售", r.text, "shown on the old order")
        f = _fields(r.text, "order-form")
        check(f.get("product_0") == retired, "selected on the order's form")
        f["qty_0"] = "2"
        check_status(c.post("/customers/%d/orders/edit" % cid, f), 303, "the line kept")


def test_order_writes_need_csrf():
    c = sign_in("staff01")
    with _own_rows():
        cid = _customer(c)
        f = _form(c, cid, product_0=_products(1)[0], qty_0="1")
        del f["_csrf"]
        r = c.post("/customers/%d/orders/new" % cid, f)
        check_status(r, 403, "no CSRF token")
        check_in(MSG_CSRF, r.text, "message")
        oid = _create(c, cid, product_0=_products(1)[0], qty_0="1")
        for path, extra in (("cancel", {"cancel_reason": "x"}), ("deliver", {"delivered_on": "2026-11-30"}),
                            ("edit", {"ordered_on": "2026-11-02", "product_0": _products(1)[0], "qty_0": "1"})):
            f = dict(extra, order_id=str(oid), version="1")
            check_status(c.post("/customers/%d/orders/%s" % (cid, path), f), 403, path + " without CSRF")
        check(sql_value("SELECT CONCAT(status, version) FROM orders WHERE id = %d" % oid) == "ordered1",
              "nothing changed")


def test_edit_conflict_shows_both_versions():
    c, d = sign_in("staff01"), sign_in("staff02")
    with _own_rows():
        cid = _customer(c)
        p1, p2 = _products()
        oid = _create(c, cid, product_0=p1, qty_0="1")
        mine, theirs = _fields(_page(c, cid, oid).text, "order-form"), _fields(_page(d, cid, oid).text, "order-form")
        theirs.update(qty_0="5")
        check_status(d.post("/customers/%d/orders/edit" % cid, theirs), 303, "the first writer")
        mine.update(product_1=p2, qty_1="9")
        r = c.post("/customers/%d/orders/edit" % cid, mine)
        check_status(r, 409, "the second writer")
        check_in('id="conflict"', r.text, "the conflict message")
        check(element_text(r.text, "conflict-diff").count(" 5 ") or "5" in element_text(r.text, "conflict-diff"),
              "their lines shown")
        kept = _fields(r.text, "order-form")
        check(kept.get("qty_1") == "9" and kept.get("version") == "2", "my lines kept, their version")
        check(sql_value("SELECT quantity FROM order_lines WHERE order_id = %d" % oid) == "5", "theirs saved")
        check_status(c.post("/customers/%d/orders/edit" % cid, kept), 303, "mine saved on purpose")
        check(sql_value("SELECT COUNT(*) FROM order_lines WHERE order_id = %d" % oid) == "2", "my two lines")
        _sums_match(c, cid)


def test_stale_deliver_and_cancel_are_conflicts():
    """Delivery and cancelling carry the order's version too: sent from a
    page someone else has changed since, each is a 409 with the order as it
    is now and what was typed kept, and nothing is written."""
    c, d = sign_in("staff01"), sign_in("staff02")
    with _own_rows():
        cid = _customer(c)
        oid = _create(c, cid, product_0=_products(1)[0], qty_0="1")
        page = _page(c, cid, oid).text
        deliver, cancel = _fields(page, "order-deliver-form"), _fields(page, "order-cancel-form")
        theirs = _fields(_page(d, cid, oid).text, "order-form")
        theirs.update(qty_0="4")
        check_status(d.post("/customers/%d/orders/edit" % cid, theirs), 303, "the first writer")
        deliver.update(delivered_on="2026-11-30")
        r = c.post("/customers/%d/orders/deliver" % cid, deliver)
        check_status(r, 409, "a stale delivery")
        check_in('value="2026-11-30"', r.text, "the typed delivery date kept")
        cancel.update(cancel_reason="客户改订别的型号")
        r = c.post("/customers/%d/orders/cancel" % cid, cancel)
        check_status(r, 409, "a stale cancelling")
        check_in("客户改订别的型号", r.text, "the typed reason kept")
        check(sql_value("SELECT CONCAT(status, ' ', version) FROM orders WHERE id = %d" % oid) == "ordered 2",
              "neither step written")


def test_line_edit_changes_the_unpaid_due_item():
    c = sign_in("staff01")
    with _own_rows():
        cid = _customer(c)
        oid = _create(c, cid, product_0=_products(1)[0], qty_0="2", price_0="100")
        f = _fields(_page(c, cid, oid).text, "order-form")
        f.update(qty_0="3", ordered_on="2026-11-10")
        check_status(c.post("/customers/%d/orders/edit" % cid, f), 303, "edit the lines")
        check(sql("SELECT amount, due_on FROM payments WHERE order_id = %d" % oid) == [["300.00", "2026-12-10"]],
              "the due item follows the total and the date")
        _sums_match(c, cid)


def test_other_region_and_guessed_ids_are_404():
    c, m = sign_in("staff01"), sign_in("rm_huabei")
    with _own_rows():
        cid = _customer(c, region="huadong")
        oid = _create(c, cid, product_0=_products(1)[0], qty_0="1")
        check_status(m.get("/customers/%d/orders/new" % cid), 404, "another region's order form")
        check_status(m.get("/customers/%d/orders/edit?order=%d" % (cid, oid)), 404, "another region's order")
        csrf = csrf_of(m.get("/").text)
        for path, extra in (("new", {"ordered_on": "2026-11-02", "product_0": _products(1)[0], "qty_0": "1"}),
                            ("edit", {"ordered_on": "2026-11-02", "product_0": _products(1)[0], "qty_0": "1"}),
                            ("cancel", {"cancel_reason": "猜的"}), ("deliver", {"delivered_on": "2026-11-30"})):
            f = dict(extra, _csrf=csrf, order_id=str(oid), version="1", rows="5")
            check_status(m.post("/customers/%d/orders/%s" % (cid, path), f), 404, "another region's " + path)
        # the order under another (visible) customer's id
        other = _customer(c)
        r = c.get("/customers/%d/orders/edit?order=%d" % (other, oid))
        check_status(r, 404, "the order under another customer")
        check_in(MSG_ENTRY_404, r.text, "message")
        f = {"_csrf": csrf_of(c.get("/").text), "order_id": str(oid), "version": "1", "cancel_reason": "猜的"}
        check_status(c.post("/customers/%d/orders/cancel" % other, f), 404, "cancel under another customer")
        check(sql_value("SELECT status FROM orders WHERE id = %d" % oid) == "ordered", "untouched")


def test_over_limit_warns_and_staff_cannot_go_on():
    c = sign_in("staff01")
    with _own_rows():
        cid = _customer(c, credit_limit="1000")
        _create(c, cid, product_0=_products(1)[0], qty_0="1", price_0="400")
        r = _create(c, cid, expect=422, product_0=_products(1)[0], qty_0="1", price_0="700",
                    credit_reason="老客户")
        check_in(MSG_OVER, element_text(r.text, "credit-warning"), "the warning")
        check(element_text(r.text, "warn-limit") == "¥1,000.00", "names the limit")
        check(element_text(r.text, "warn-balance") == "¥400.00", "names the balance")
        check(element_text(r.text, "warn-new-balance") == "¥1,100.00", "names the new balance")
        check_not_in('name="credit_reason"', r.text, "staff are not asked for a reason")
        check(_fields(r.text, "order-form").get("price_0") == "700", "the order kept in the form")
        check(sql_value("SELECT COUNT(*) FROM orders WHERE customer_id = %d" % cid) == "1",
              "staff cannot enter it, even with a reason")
        # an order within the limit still goes through
        _create(c, cid, product_0=_products(1)[0], qty_0="1", price_0="600")
        _sums_match(c, cid)


def test_leader_confirms_with_a_reason_audited_and_listed():
    s, c = sign_in("staff01"), sign_in("leader1")
    with _own_rows():
        cid = _customer(s, credit_limit="500")
        under = _customer(s, credit_limit="5000")
        _create(s, under, product_0=_products(1)[0], qty_0="1", price_0="900")
        r = _create(c, cid, expect=422, product_0=_products(1)[0], qty_0="1", price_0="900")
        check_in('name="credit_reason"', r.text, "a leader is asked for a reason")
        f = _fields(r.text, "order-form")
        f["_csrf"] = csrf_of(r.text)
        r = c.post("/customers/%d/orders/new" % cid, f)
        check_status(r, 422, "the reason left empty")
        check_in('id="err-credit_reason"', r.text, "asked again")
        f["credit_reason"] = "春节备货，总经理同意"
        r = c.post("/customers/%d/orders/new" % cid, f)
        check_status(r, 303, "confirmed")
        oid = int(re.search(r"order=(\d+)$", r.header("Location")).group(1))
        check(sql("SELECT credit_reason, credit_by FROM orders WHERE id = %d" % oid) ==
              [["春节备货，总经理同意", str(user_id("leader1"))]], "the reason and who on the order")
        detail = sql_value("SELECT detail FROM audit_log WHERE entity = 'customer' AND entity_id = %d"
                           " AND action = 'credit_confirm' AND user_id = %d" % (cid, user_id("leader1")))
        check(detail and "春节备货" in detail and "500.00" in detail and "900.00" in detail,
              "the audit row names the reason and figures: %r" % detail)
        check_in("春节备货", element_text(_page(c, cid, oid).text, "credit-confirmed"), "shown on the order")
        check(sql_value("SELECT over_limit FROM customer_credit WHERE customer_id = %d" % cid) == "1",
              "kept as over the limit")
        ids = customer_ids(s.get("/customers?over_limit=1&archived=1").text)
        check(cid in ids and under not in ids, "the list's filter: %r" % ids)
        check_in("超过信用额度", s.get("/customers?over_limit=1").text, "the filter's label")
        _sums_match(c, cid)


def _over_limit_sql(status="= 'active'", regions=None):
    """How many customers are over their limit, summed afresh from payments."""
    where = "" if regions is None else " AND c.region_id IN (%s)" % ", ".join(regions)
    return int(sql_value(
        "SELECT COUNT(*) FROM customers c WHERE c.status %s AND c.credit_limit > 0%s"
        " AND (SELECT COALESCE(SUM(amount - paid_amount), 0) FROM payments p"
        " WHERE p.customer_id = c.id) > c.credit_limit" % (status, where)))


def test_over_limit_count_follows_scope_region_and_archive():
    """The list's over-limit count is read from customer_credit alone
    (schema/044): it equals a fresh sum for staff, a regional manager, a
    region filter and with the archived, and follows a customer moved to
    another region or archived."""
    s, m = sign_in("staff01"), sign_in("rm_huadong")
    region = lambda code: sql_value("SELECT id FROM regions WHERE code = %s" % sql_str(code))  # noqa: E731
    east, north = region("huadong"), region("huabei")

    def counts_match(when):
        for who, path, status, regions in (
                (s, "/customers?over_limit=1", "= 'active'", None),
                (s, "/customers?over_limit=1&archived=1", "<> 'merged'", None),
                (s, "/customers?over_limit=1&region=%s" % north, "= 'active'", [north]),
                (m, "/customers?over_limit=1", "= 'active'", [east])):
            r = who.get(path)
            check_status(r, 200, path)
            got, want = result_count(r.text), _over_limit_sql(status, regions)
            check(got == want, "%s: %s shows %d, a fresh sum says %d" % (when, path, got, want))

    with _own_rows():
        a = _customer(s, region="huadong", credit_limit="100")
        b = _customer(s, region="huadong", credit_limit="100")
        for cid in (a, b):
            sql("INSERT INTO payments (customer_id, amount, due_on) VALUES (%d, 500, CURDATE())" % cid)
        counts_match("two over the limit in 华东")
        sql("UPDATE customers SET region_id = %s WHERE id = %d" % (north, a))
        counts_match("one moved to 华北")
        check(sql_value("SELECT region_id FROM customer_credit WHERE customer_id = %d" % a) == north,
              "the copy of the region follows")
        sql("UPDATE customers SET status = 'archived' WHERE id = %d" % b)
        counts_match("one archived")


def test_deliver_then_lines_are_closed():
    c = sign_in("staff01")
    with _own_rows():
        cid = _customer(c)
        oid = _create(c, cid, ordered_on="2026-11-02", product_0=_products(1)[0], qty_0="1")
        f = {"_csrf": csrf_of(_page(c, cid, oid).text), "order_id": str(oid), "version": "1"}
        r = c.post("/customers/%d/orders/deliver" % cid, dict(f, delivered_on="2026-11-01"))
        check_status(r, 422, "delivered before it was ordered")
        check_in('id="err-delivered_on"', r.text, "message")
        check_status(c.post("/customers/%d/orders/deliver" % cid, dict(f, delivered_on="")), 422, "no date")
        check_status(c.post("/customers/%d/orders/deliver" % cid, dict(f, delivered_on="2026-11-05")), 303,
                     "delivered")
        check(sql("SELECT status, delivered_on FROM orders WHERE id = %d" % oid) == [["delivered", "2026-11-05"]],
              "status and date")
        r = _page(c, cid, oid)
        check_not_in('id="order-form"', r.text, "no lines form once delivered")
        g = {"_csrf": f["_csrf"], "order_id": str(oid), "version": "2", "ordered_on": "2026-11-02",
             "product_0": _products(1)[0], "qty_0": "3", "rows": "5"}
        check_status(c.post("/customers/%d/orders/edit" % cid, g), 409, "lines of a delivered order")
        check_status(c.post("/customers/%d/orders/cancel" % cid, dict(f, version="2", cancel_reason="x")), 409,
                     "cancel a delivered order")


def test_cancel_needs_a_reason_and_removes_the_unpaid_item():
    c = sign_in("staff01")
    with _own_rows():
        cid = _customer(c)
        keep = _create(c, cid, ordered_on="2026-10-01", product_0=_products(1)[0], qty_0="1", price_0="50")
        oid = _create(c, cid, ordered_on="2026-11-02", product_0=_products(1)[0], qty_0="2", price_0="80")
        f = {"_csrf": csrf_of(_page(c, cid, oid).text), "order_id": str(oid), "version": "1"}
        r = c.post("/customers/%d/orders/cancel" % cid, dict(f, cancel_reason=" "))
        check_status(r, 422, "no reason")
        check_in('id="err-cancel_reason"', r.text, "asked for one")
        check(sql_value("SELECT status FROM orders WHERE id = %d" % oid) == "ordered", "not cancelled")
        r = c.post("/customers/%d/orders/cancel" % cid, dict(f, cancel_reason="客户改订其他型号"))
        check_status(r, 303, "cancelled")
        check(sql("SELECT status, cancel_reason, total FROM orders WHERE id = %d" % oid) ==
              [["cancelled", "客户改订其他型号", "0.00"]], "status, reason, no sale")
        check(sql_value("SELECT COUNT(*) FROM payments WHERE order_id = %d" % oid) == "0", "due item gone")
        check(sql_value("SELECT last_purchase_on FROM customers WHERE id = %d" % cid) == "2026-10-01",
              "last purchase back to the order that stands")
        check_in("客户改订其他型号", element_text(_page(c, cid, oid).text, "cancel-reason"), "shown")
        check(sql_value("SELECT COUNT(*) FROM audit_log WHERE entity = 'customer' AND entity_id = %d"
                        " AND action = 'order_cancel' AND detail LIKE '%%客户改订其他型号%%'" % cid) == "1",
              "audited with the reason")
        check(keep, "the other order stands")
        _sums_match(c, cid)


def test_partly_paid_order_cannot_be_cancelled_or_changed():
    c = sign_in("staff01")
    with _own_rows():
        cid = _customer(c)
        oid = _create(c, cid, product_0=_products(1)[0], qty_0="2", price_0="80")
        sql("UPDATE payments SET paid_amount = 10 WHERE order_id = %d" % oid)
        r = _page(c, cid, oid)
        f = {"_csrf": csrf_of(r.text), "order_id": str(oid), "version": "1"}
        r = c.post("/customers/%d/orders/cancel" % cid, dict(f, cancel_reason="不要了"))
        check_status(r, 409, "cancel a partly paid order")
        check_in(MSG_PARTLY_PAID, r.text, "the message says why")
        check_in("/orders/edit?order=%d" % oid, r.text, "and leads back to the order")
        g = _fields(_page(c, cid, oid).text, "order-form")
        g["qty_0"] = "1"
        check_status(c.post("/customers/%d/orders/edit" % cid, g), 409, "change a partly paid order's lines")
        check(sql("SELECT o.status, p.amount FROM orders o JOIN payments p ON p.order_id = o.id"
                  " WHERE o.id = %d" % oid) == [["ordered", "160.00"]], "nothing changed")
        _sums_match(c, cid)


def test_payment_terms_on_the_basic_form():
    c = sign_in("staff01")
    with _own_rows():
        cid = _customer(c, terms="")
        check(sql_value("SELECT payment_terms FROM customers WHERE id = %d" % cid) == "30", "empty is 30 days")
        r = c.get("/customers/%d/edit" % cid)
        check_in('name="payment_terms"', r.text, "the field on the basic information form")
        r = c.get("/customers/new")
        f = {"_csrf": csrf_of(r.text), "name": PREFIX + "账期", "kind": "dealer", "lifecycle": "target",
             "region_id": sql_value("SELECT id FROM regions WHERE code = 'huadong'"), "payment_terms": "3x"}
        r = c.post("/customers/new", f)
        check_status(r, 422, "bad payment terms")
        check_in('id="err-payment_terms"', r.text, "message")
