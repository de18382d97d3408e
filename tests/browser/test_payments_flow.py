"""Issue 15: money received (回款) recorded in a real browser through the
payments tab's own form: the 按到期先后填入 button fills the allocations
oldest due first, 保存回款 settles the overdue items and the file's overdue
flag clears (header figure, tab badge, row tags); the statement for a
period; at phone width a receipt removed with a reason, and the overdue
flag is back. Screenshots of the tab and the statement at 1280 and 390 px."""
import os

from selenium.webdriver.common.by import By

from browser import (Browser, choose, click_and_wait, fill, press, screenshot, set_value, sign_in,
                     viewport)
from lib import BASE, check, sql, sql_str, sql_value
from test_customer_entries_flow import _cleanup as entries_cleanup, make_dealer, remove_with_reason

PREFIX = "BP%d" % (os.getpid() % 100000)
USER = "staff04"


def _cleanup():
    sql("DELETE FROM payment_allocations WHERE receipt_id IN (SELECT id FROM payment_receipts WHERE"
        " customer_id IN (SELECT id FROM customers WHERE code LIKE %s))" % sql_str(PREFIX + "%"))
    entries_cleanup(PREFIX, ("payment_receipts", "payments", "customer_entries_removed", "customer_search",
                             "customer_bigrams"))


def _customer():
    """A dealer with two overdue items and one not yet due."""
    cid = make_dealer(PREFIX, "回款测试净水经销部", "苏州", "0512-66001122")
    sql("INSERT INTO payments (customer_id, amount, due_on) VALUES"
        " (%d, 12800.00, CURDATE() - INTERVAL 60 DAY), (%d, 5600.00, CURDATE() - INTERVAL 20 DAY),"
        " (%d, 3000.00, CURDATE() + INTERVAL 25 DAY)" % (cid, cid, cid))
    return cid


def _overdue_flags(d):
    """(header figure, the header card warns, the tab's badge, rows tagged overdue)."""
    amount = d.find_element(By.ID, "overdue-amount").text
    card = d.find_element(By.ID, "overdue-amount").find_element(By.XPATH, "..").get_attribute("class")
    badge = d.find_elements(By.CSS_SELECTOR, "#tab-payments .count.warn")
    rows = d.find_elements(By.CSS_SELECTOR, "#payments tr.overdue")
    return amount, "warn" in card, len(badge), len(rows)


def test_receipt_form_clears_the_overdue_flag():
    _cleanup()
    try:
        cid = _customer()
        with Browser() as d:
            sign_in(d, USER)
            d.get("%s/customers/%d?tab=payments" % (BASE, cid))
            flags = _overdue_flags(d)
            check(flags == ("¥18,400.00", True, 1, 2), "overdue before: %r" % (flags,))
            d.find_element(By.CSS_SELECTOR, "#receipt-details > summary").click()
            set_value(d, "f-received_on", sql_value("SELECT CURDATE()"))
            fill(d, "f-amount", "18400")
            choose(d, "f-method", "acceptance")
            fill(d, "f-reference", "承兑汇票 NO.2026-118")
            d.find_element(By.ID, "receipt-fill").click()
            filled = [e.get_attribute("value") for e in
                      d.find_elements(By.CSS_SELECTOR, "#receipt-items input[data-owed]")]
            check(filled == ["12800.00", "5600.00", ""], "oldest due first: %r" % filled)
            screenshot(d, "customer-payments-form-1280.png")
            flash = press(d, "#receipt-save")
            check(flash == "回款已登记。", "saved: %r" % flash)
            flags = _overdue_flags(d)
            check(flags == ("¥0.00", False, 0, 0), "the overdue flag clears: %r" % (flags,))
            check(sql_value("SELECT COUNT(*) FROM payments WHERE customer_id = %d AND paid_on IS NOT NULL" % cid)
                  == "2", "two items settled")
            check("承兑汇票" in d.find_element(By.ID, "receipts").text, "the receipt listed")
            screenshot(d, "customer-payments-1280.png")

            click_and_wait(d, d.find_element(By.ID, "statement-link"))
            year = sql_value("SELECT YEAR(CURDATE())")
            set_value(d, "f-from", "%s-01-01" % (int(year) - 1))
            press(d, "#statement-show")
            check(d.find_element(By.ID, "st-closing").text == "¥0.00",
                  "closing: %r" % d.find_element(By.ID, "st-closing").text)
            check(d.find_element(By.ID, "st-charges").text == "¥18,400.00", "charges: the item due later is not yet in")
            screenshot(d, "customer-statement-1280.png")
            viewport(d, 390, 844)
            d.get(d.current_url)
            check(d.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"),
                  "no sideways scroll at 390")
            screenshot(d, "customer-statement-390.png")

            rid = sql_value("SELECT id FROM payment_receipts WHERE customer_id = %d" % cid)
            remove_with_reason(d, "/customers/%d?tab=payments" % cid, "remove-receipt-%s" % rid,
                               "#receipt-remove-save", "承兑汇票被退回", "customer-payments-390.png")
            flags = _overdue_flags(d)
            check(flags == ("¥18,400.00", True, 1, 2), "overdue again: %r" % (flags,))
            viewport(d, 1280, 900)
    finally:
        _cleanup()
