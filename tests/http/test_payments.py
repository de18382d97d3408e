"""Money received (回款) and the statement (对账单), issue 15: the receipt
form on the payments tab (valid, each invalid field, over-allocation,
advance, CSRF, other region by guessed id), partial payment and
settlement, removal with a reason taking the allocations back, every
overdue figure (file header, tab, dealer dashboard) against a fresh sum
after each step, and the statement's figures on screen and in XLSX
against SQL."""
import contextlib
import io
import re
import zipfile

from lib import (MSG_CSRF, check, check_in, check_not_in, check_status, csrf_of, element_text,
                 sign_in, sql, sql_value)
from test_customer_entries import _customer, _form_fields, _order, _own_rows, _panel

PREFIX = "测试回款"
TODAY = sql_value("SELECT CURDATE()")
YEAR = TODAY[:4]


def _rows():
    return _own_rows(PREFIX)


def _dealer(c, region="huadong"):
    return _customer(c, region=region, prefix=PREFIX)


def _items(cid):
    """Two overdue due items (orders in January and February of this year)
    and one not yet due."""
    _, a = _order(cid, "%s-01-10" % YEAR, "1000.00")
    _, b = _order(cid, "%s-02-10" % YEAR, "500.00")
    sql("INSERT INTO payments (customer_id, amount, due_on) VALUES (%d, 300.00, CURDATE() + INTERVAL 20 DAY)"
        % cid)
    later = int(sql_value("SELECT MAX(id) FROM payments WHERE customer_id = %d" % cid))
    return a, b, later


@contextlib.contextmanager
def _dealer_with_items(region="huadong"):
    """(client of staff01, a new dealer, its items a, b, later), removed after."""
    c = sign_in("staff01")
    with _rows():
        cid = _dealer(c, region)
        yield (c, cid) + _items(cid)


def _receive(c, cid, expect=303, **fields):
    """Posts the receipt form as the page has it, with fields over it."""
    page = c.get("/customers/%d?tab=payments" % cid).text
    f = _form_fields(page, "form-receipt")
    # check boxes only when asked for (the form's are unticked)
    f = dict((k, v) for k, v in f.items() if not k.startswith("alloc_") and k not in ("advance", "use_advance"))
    f.update(method="transfer")
    f.update(dict((k, str(v)) for k, v in fields.items()))
    r = c.post("/customers/%d/receipts" % cid, f)
    check_status(r, expect, "receipt %r" % fields)
    return r


def _fresh_overdue(cid, day="CURDATE()"):
    return sql_value("SELECT COALESCE(SUM(amount - paid_amount), 0) FROM payments WHERE customer_id = %d"
                     " AND paid_on IS NULL AND due_on < %s" % (cid, day))


def _money(text):
    return float(text.replace("¥", "").replace(",", ""))


def _figures_match(c, cid):
    """Every figure that reads the items equals a fresh sum: the rule of
    schema/038 on each item, paid_amount against its allocations, the
    header's overdue amount and count, the tab's owed column, the dealer
    dashboard's overdue."""
    bad = sql("SELECT id FROM payments WHERE customer_id = %d AND NOT ("
              " (paid_on IS NULL AND paid_amount < amount) OR (paid_on IS NOT NULL AND paid_amount = amount))"
              " OR paid_amount < 0" % cid)
    check(not bad, "items breaking the open/partly/settled rule: %r" % bad)
    off = sql("SELECT p.id FROM payments p WHERE p.customer_id = %d AND p.paid_amount <>"
              " (SELECT COALESCE(SUM(a.amount), 0) FROM payment_allocations a WHERE a.payment_id = p.id)" % cid)
    check(not off, "paid_amount differs from the allocations: %r" % off)
    page = c.get("/customers/%d?tab=payments" % cid).text
    fresh = _fresh_overdue(cid)
    check(_money(element_text(page, "overdue-amount")) == float(fresh),
          "header overdue %s, fresh %s" % (element_text(page, "overdue-amount"), fresh))
    n = int(sql_value("SELECT COUNT(*) FROM payments WHERE customer_id = %d AND paid_on IS NULL"
                      " AND due_on < CURDATE()" % cid))
    badge = re.search(r'id="tab-payments">.*?(?:<span class="count warn"[^>]*>.*?</span>(\d+)</span>)?</a>',
                      page, re.S)
    check(int(badge.group(1) or 0) == n, "the tab's overdue count %r, fresh %d" % (badge.group(1), n))
    for pid, owed in sql("SELECT id, amount - paid_amount FROM payments WHERE customer_id = %d" % cid):
        row = re.search(r'<tr id="item-%s".*?</tr>' % pid, page, re.S)
        check(row, "item %s on the tab" % pid)
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(0), re.S)
        shown = re.sub(r"<[^>]+>", "", cells[5]).strip()
        check((shown == "—" and float(owed) == 0) or (shown != "—" and _money(shown) == float(owed)),
              "item %s owes %s, the tab shows %r" % (pid, owed, shown))
    kept = sql_value("SELECT overdue FROM dash_dealers WHERE customer_id = %d" % cid)
    asof = _fresh_overdue(cid, "(SELECT as_of FROM dash_state WHERE id = 1)")
    check(kept == asof, "dash_dealers.overdue %s, fresh %s" % (kept, asof))


def test_partial_then_settled_then_removed():
    with _dealer_with_items() as (c, cid, a, b, later):
        _figures_match(c, cid)
        check_in('class="tag warn"', c.get("/customers/%d?tab=payments" % cid).text, "overdue shown")
        # part of the first item
        _receive(c, cid, received_on="%s-03-01" % YEAR, amount="400", reference="电汇 001",
                 **{"alloc_%d" % a: "400"})
        check(sql("SELECT paid_amount, paid_on FROM payments WHERE id = %d" % a)[0] == ["400.00", "NULL"],
              "partly paid")
        page = c.get("/customers/%d?tab=payments" % cid).text
        check_in("部分付款", element_text(page, "item-%d" % a), "status partly paid")
        check_in("回款已登记", page, "flash")
        _figures_match(c, cid)
        # the rest of it and the whole second one settle both
        _receive(c, cid, received_on="%s-03-15" % YEAR, amount="1100", method="cheque",
                 **{"alloc_%d" % a: "600", "alloc_%d" % b: "500"})
        got = sql("SELECT id, paid_amount, paid_on FROM payments WHERE id IN (%d, %d) ORDER BY id" % (a, b))
        check(got == [[str(a), "1000.00", "%s-03-15" % YEAR], [str(b), "500.00", "%s-03-15" % YEAR]],
              "settled on the day received: %r" % got)
        page = c.get("/customers/%d?tab=payments" % cid).text
        check_in("已结清", element_text(page, "item-%d" % a), "status settled")
        check_not_in("已逾期", element_text(page, "item-%d" % a), "no longer overdue")
        _figures_match(c, cid)
        check(float(_fresh_overdue(cid)) == 0, "nothing overdue")
        # removing the second receipt takes both allocations back
        rid = sql_value("SELECT MAX(id) FROM payment_receipts WHERE customer_id = %d" % cid)
        token = csrf_of(page)
        r = c.post("/customers/%d/receipts/remove" % cid, {"_csrf": token, "receipt_id": rid, "reason": ""})
        check_status(r, 422, "removal without a reason")
        check_in('id="err-reason"', r.text, "message at the reason")
        r = c.post("/customers/%d/receipts/remove" % cid, {"_csrf": token, "receipt_id": rid, "reason": "支票退票"})
        check_status(r, 303, "remove the receipt")
        got = sql("SELECT paid_amount, paid_on FROM payments WHERE id IN (%d, %d) ORDER BY id" % (a, b))
        check(got == [["400.00", "NULL"], ["0.00", "NULL"]], "allocations taken back: %r" % got)
        copy = sql("SELECT reason, JSON_LENGTH(data, '$.allocations'), JSON_VALUE(data, '$.method')"
                   " FROM customer_entries_removed WHERE kind = 'receipt' AND entry_id = %s" % rid)
        check(copy == [["支票退票", "2", "cheque"]], "the removed copy: %r" % copy)
        hist = c.get("/customers/%d?tab=history" % cid).text
        for words in ("回款", "支票退票", "%s-03-15" % YEAR):
            check_in(words, hist, "change log")
        _figures_match(c, cid)


def test_empty_allocations_go_oldest_first():
    with _dealer_with_items() as (c, cid, a, b, later):
        _receive(c, cid, amount="1200")
        got = sql("SELECT paid_amount, paid_on IS NOT NULL FROM payments WHERE id IN (%d, %d, %d) ORDER BY due_on"
                  % (a, b, later))
        check(got == [["1000.00", "1"], ["200.00", "0"], ["0.00", "0"]], "oldest due first: %r" % got)
        _figures_match(c, cid)


def test_each_invalid_field_is_a_field_error():
    with _dealer_with_items() as (c, cid, a, b, later):
        cases = [({"received_on": "2026-02-30", "amount": "10"}, "received_on"),
                 ({"received_on": "", "amount": "10"}, "received_on"),
                 ({"amount": "abc"}, "amount"), ({"amount": "-5"}, "amount"),
                 ({"amount": "1.234"}, "amount"), ({"amount": ""}, "amount"),
                 # more digits than any amount: a field error, not a crashed worker
                 ({"amount": "99999999999999999.99", "advance": "1"}, "amount"),
                 ({"amount": "10", "method": "bitcoin"}, "method"),
                 ({"amount": "10", "method": ""}, "method"),
                 ({"amount": "10", "reference": "长" * 256}, "reference"),
                 ({"amount": "10", "alloc_%d" % a: "x"}, "alloc_%d" % a)]
        for fields, field in cases:
            r = _receive(c, cid, expect=422, **fields)
            check_in('id="err-%s"' % field, r.text, "message at %s for %r" % (field, fields))
            check_in('id="form-errors"', r.text, "the banner")
            check_in('<details class="add-form" id="receipt-details" open>', r.text, "the form stays open")
        r = _receive(c, cid, expect=422, amount="77.5", reference="保留的备注", **{"alloc_%d" % a: "y"})
        check_in('value="保留的备注"', r.text, "typed reference kept")
        check_in('value="77.5"', r.text, "typed amount kept")
        check(sql_value("SELECT COUNT(*) FROM payment_receipts WHERE customer_id = %d" % cid) == "0", "nothing saved")
        check(sql_value("SELECT SUM(paid_amount) FROM payments WHERE customer_id = %d" % cid) == "0.00", "unpaid")


def test_over_allocation_and_advance():
    with _dealer_with_items() as (c, cid, a, b, later):
        # more than the item owes
        r = _receive(c, cid, expect=422, amount="2000", advance="1", **{"alloc_%d" % a: "1000.01"})
        check_in('id="err-alloc_%d"' % a, r.text, "message at the item")
        check_in("超过这笔应收款尚欠", r.text, "says why")
        # allocations above what is received
        r = _receive(c, cid, expect=422, amount="100", **{"alloc_%d" % a: "60", "alloc_%d" % b: "60"})
        check_in('id="err-amount"', r.text, "message at the amount")
        # received more than allocated, no advance
        r = _receive(c, cid, expect=422, amount="800", **{"alloc_%d" % b: "500"})
        check_in('id="err-advance"', r.text, "message at the advance box")
        check(sql_value("SELECT COUNT(*) FROM payment_receipts WHERE customer_id = %d" % cid) == "0", "nothing saved")
        # an item of another customer, guessed
        other = _dealer(c)
        _, foreign = _order(other, "%s-01-05" % YEAR, "50.00")
        r = _receive(c, cid, expect=422, amount="50", **{"alloc_%d" % foreign: "50"})
        # (its field is not on this page: the banner says it)
        check_in("已经结清或已删除", element_text(r.text, "form-errors"), "another customer's item is not open here")
        check(sql_value("SELECT paid_amount FROM payments WHERE id = %d" % foreign) == "0.00", "untouched")
        # the rest as an advance
        _receive(c, cid, amount="800", advance="1", **{"alloc_%d" % b: "500"})
        check(sql_value("SELECT paid_on IS NOT NULL FROM payments WHERE id = %d" % b) == "1", "b settled")
        page = c.get("/customers/%d?tab=payments" % cid).text
        check_in("¥300.00", element_text(page, "advance-balance"), "the advance shown")
        _figures_match(c, cid)
        # the advance applied later, nothing new received
        r = _receive(c, cid, expect=422, amount="", **{"alloc_%d" % a: "300"})
        check_in('id="err-amount"', r.text, "nothing received and the advance not chosen")
        r = _receive(c, cid, expect=422, amount="", use_advance="1", **{"alloc_%d" % a: "300.01"})
        check_in('id="err-amount"', r.text, "more than the advance")
        _receive(c, cid, amount="", use_advance="1", **{"alloc_%d" % a: "300"})
        check(sql("SELECT paid_amount, paid_on FROM payments WHERE id = %d" % a)[0] == ["300.00", "NULL"],
              "the advance applied")
        check(sql_value("SELECT COUNT(*) FROM payment_receipts WHERE customer_id = %d" % cid) == "1",
              "no new receipt for an advance applied")
        check_not_in('id="advance-balance"', c.get("/customers/%d?tab=payments" % cid).text, "advance used up")
        _figures_match(c, cid)


def test_receipt_needs_csrf():
    with _dealer_with_items() as (c, cid, a, b, later):
        r = c.post("/customers/%d/receipts" % cid, {"received_on": TODAY, "amount": "10", "method": "cash",
                                                    "alloc_%d" % a: "10"})
        check_status(r, 403, "no token")
        check_in(MSG_CSRF, r.text, "message")
        r = c.post("/customers/%d/receipts/remove" % cid, {"receipt_id": 1, "reason": "x"})
        check_status(r, 403, "removal without a token")
        check(sql_value("SELECT paid_amount FROM payments WHERE id = %d" % a) == "0.00", "nothing paid")


def test_other_region_by_guessed_id():
    with _dealer_with_items() as (c, cid, a, b, later):
        _receive(c, cid, amount="100", **{"alloc_%d" % a: "100"})
        rid = sql_value("SELECT MAX(id) FROM payment_receipts WHERE customer_id = %d" % cid)
        rm = sign_in("rm_central")      # 华中 and 西北: not 华东
        token = csrf_of(rm.get("/").text)
        r = rm.post("/customers/%d/receipts" % cid, {"_csrf": token, "received_on": TODAY, "amount": "10",
                                                     "method": "cash", "alloc_%d" % a: "10"})
        check_status(r, 404, "a receipt for another region's customer")
        r = rm.post("/customers/%d/receipts/remove" % cid, {"_csrf": token, "receipt_id": rid, "reason": "越权"})
        check_status(r, 404, "removing another region's receipt")
        for path in ("/customers/%d/statement" % cid, "/customers/%d/statement.xlsx" % cid):
            check_status(rm.get(path), 404, path)
        # the receipt's id under another (visible) customer of the same user
        other = _dealer(c)
        token = csrf_of(c.get("/customers/%d" % other).text)
        r = c.post("/customers/%d/receipts/remove" % other, {"_csrf": token, "receipt_id": rid, "reason": "猜的"})
        check_status(r, 404, "a receipt under another customer")
        check(sql("SELECT paid_amount FROM payments WHERE id = %d" % a)[0] == ["100.00"], "unchanged")
        check(sql_value("SELECT COUNT(*) FROM payment_receipts WHERE id = %s" % rid) == "1", "receipt stays")
        rm_own = sign_in("rm_huadong")
        check_status(rm_own.get("/customers/%d/statement" % cid), 200, "own region's statement")


def test_item_edit_keeps_the_rule():
    with _dealer_with_items() as (c, cid, a, b, later):
        _receive(c, cid, amount="600", **{"alloc_%d" % a: "600"})
        _, f = _panel(c, cid, "payments", a)
        check("paid_on" not in f, "no paid date in the edit panel: %r" % sorted(f))
        f["amount"] = "599.99"
        r = c.post("/customers/%d/entries/edit" % cid, f)
        check_status(r, 422, "amount below what was paid")
        check_in('id="err-amount"', r.text, "message at the amount")
        f["paid_on"] = "2026-01-01"          # sent anyway: ignored
        f["amount"] = "600"
        check_status(c.post("/customers/%d/entries/edit" % cid, f), 303, "amount down to what was paid")
        check(sql("SELECT paid_amount, paid_on FROM payments WHERE id = %d" % a)[0] == ["600.00", TODAY],
              "settled by the edit, today")
        _figures_match(c, cid)


def test_removing_an_item_returns_its_money_to_the_advance():
    with _dealer_with_items() as (c, cid, a, b, later):
        _receive(c, cid, amount="700", **{"alloc_%d" % a: "200", "alloc_%d" % b: "500"})
        page = c.get("/customers/%d?tab=payments&edit=%d" % (cid, b)).text
        f = _form_fields(page, "entry-remove-form")
        f["reason"] = "重复的应收款"
        check_status(c.post("/customers/%d/entries/remove" % cid, f), 303, "remove the item")
        check(sql_value("SELECT JSON_LENGTH(data, '$.allocations') FROM customer_entries_removed"
                        " WHERE kind = 'payment' AND entry_id = %d" % b) == "1", "allocation kept in the copy")
        check_in("¥500.00", element_text(c.get("/customers/%d?tab=payments" % cid).text, "advance-balance"),
                 "the item's money is an advance again")
        _figures_match(c, cid)


def _statement_sql(cid, frm, to):
    """Opening, charges, receipts, closing from the tables directly: items
    by their order's date (due date without an order), receipts by date,
    paid without receipts on the paid date."""
    charge = ("SELECT COALESCE(SUM(p.amount), 0) FROM payments p LEFT JOIN orders o ON o.id = p.order_id"
              " WHERE p.customer_id = %d AND COALESCE(o.ordered_on, p.due_on) {}" % cid)
    received = ("SELECT (SELECT COALESCE(SUM(amount), 0) FROM payment_receipts WHERE customer_id = %d"
                " AND received_on {0}) + (SELECT COALESCE(SUM(p.paid_amount - (SELECT COALESCE(SUM(a.amount), 0)"
                " FROM payment_allocations a WHERE a.payment_id = p.id)), 0) FROM payments p"
                " WHERE p.customer_id = %d AND COALESCE(p.paid_on, p.due_on) {0})" % (cid, cid))
    before, within = "< '%s'" % frm, "BETWEEN '%s' AND '%s'" % (frm, to)
    opening = float(sql_value(charge.format(before))) - float(sql_value(received.format(before)))
    charges = float(sql_value(charge.format(within)))
    receipts = float(sql_value(received.format(within)))
    return opening, charges, receipts, opening + charges - receipts


def test_statement_figures_match_sql():
    with _dealer_with_items() as (c, cid, a, b, later):
        # paid before receipts existed (an imported item), and receipts across the period's edges
        sql("INSERT INTO payments (customer_id, amount, paid_amount, due_on, paid_on)"
            " VALUES (%d, 250.00, 250.00, '%s-01-20', '%s-02-05')" % (cid, YEAR, YEAR))
        _receive(c, cid, received_on="%s-01-25" % YEAR, amount="300", **{"alloc_%d" % a: "300"})
        _receive(c, cid, received_on="%s-03-05" % YEAR, amount="900", advance="1", **{"alloc_%d" % b: "500"})
        frm, to = "%s-02-01" % YEAR, "%s-03-31" % YEAR
        r = c.get("/customers/%d/statement?from=%s&to=%s" % (cid, frm, to))
        check_status(r, 200, "statement")
        want = _statement_sql(cid, frm, to)
        got = [_money(element_text(r.text, i)) for i in ("st-opening", "st-charges", "st-receipts", "st-closing")]
        check(got == [round(w, 2) for w in want], "statement %r, SQL %r" % (got, want))
        check(abs(got[0] + got[1] - got[2] - got[3]) < 0.005, "opening + charges - receipts = closing")
        balances = re.findall(r'<tr class="line-\w+">.*?<td class="num nowrap">(¥[-\d,.]+)</td>\s*</tr>',
                              r.text, re.S)
        check(balances and _money(balances[-1]) == got[3], "the last running balance is the closing one")
        check_in("已付（未登记回款）", r.text, "the imported payment is a receipt line")
        check_in("对账单 · " + PREFIX, element_text(r.text, "statement-title"), "heading names the customer")
        check_in("%s – %s" % (frm, to), element_text(r.text, "statement-period"), "and the period")
        # a whole-year statement against SQL too
        r = c.get("/customers/%d/statement" % cid)
        want = _statement_sql(cid, "%s-01-01" % YEAR, TODAY)
        check(_money(element_text(r.text, "st-closing")) == round(want[3], 2), "default period: this year")
        for q, field in (("from=2026-13-01", "from"), ("to=x", "to"),
                         ("from=%s-03-01&to=%s-02-01" % (YEAR, YEAR), "to")):
            r = c.get("/customers/%d/statement?%s" % (cid, q))
            check_status(r, 422, q)
            check_in('id="err-%s"' % field, r.text, "message at %s" % field)
        check_status(c.get("/customers/%d/statement.xlsx?to=x" % cid), 400, "a bad period is no download")


def test_statement_xlsx_opens_with_the_figures():
    with _dealer_with_items() as (c, cid, a, b, later):
        _receive(c, cid, received_on="%s-03-05" % YEAR, amount="1234.56", advance="1", **{"alloc_%d" % a: "1000"})
        frm, to = "%s-01-01" % YEAR, TODAY
        r = c.get("/customers/%d/statement.xlsx?from=%s&to=%s" % (cid, frm, to))
        check_status(r, 200, "xlsx")
        check_in("spreadsheetml", r.header("Content-Type"), "content type")
        check_in(".xlsx", r.header("Content-Disposition"), "a download")
        z = zipfile.ZipFile(io.BytesIO(r.raw))
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
        strings = z.read("xl/sharedStrings.xml").decode("utf-8") if "xl/sharedStrings.xml" in z.namelist() else ""
        opening, charges, receipts, closing = _statement_sql(cid, frm, to)
        for v in (charges, receipts, closing):
            check(re.search(r"<v>%s</v>" % re.escape(("%.2f" % v).rstrip("0").rstrip(".")), sheet),
                  "figure %.2f in the sheet" % v)
        for words in ("期初余额", "期末余额", "回款", PREFIX):
            check_in(words, strings + sheet, "sheet text")


def test_merge_moves_receipts_and_advance():
    with _dealer_with_items() as (c, gone, a, b, later):
        _receive(c, gone, amount="1500", advance="1", **{"alloc_%d" % a: "1000"})
        keep = _dealer(c)
        code = sql_value("SELECT code FROM customers WHERE id = %d" % gone)
        r = c.get("/customers/%d/merge?other=%s" % (keep, code))
        check_status(c.post("/customers/%d/merge" % keep, {"_csrf": csrf_of(r.text), "gone": gone}), 303, "merge")
        check(sql_value("SELECT COUNT(*) FROM payment_receipts WHERE customer_id = %d" % keep) == "1",
              "the receipt moved with the items")
        page = c.get("/customers/%d?tab=payments" % keep).text
        check_in("¥500.00", element_text(page, "advance-balance"), "the advance follows")
        _figures_match(c, keep)
