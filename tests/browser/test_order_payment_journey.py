"""Issue 15's journey, all by clicking: staff enter an order dated 60 days
back on a dealer's file (30 days' payment terms, so its due item is 30
days overdue), the file shows it overdue; a partial payment allocated to
the item leaves the rest overdue (部分付款); the rest, allocated by the
server oldest due first (allocation fields left empty), settles it and the
overdue flag clears: header figure, its warning, the tab's badge and row.
Customers made here have codes starting with PREFIX and are removed."""
import os

from selenium.webdriver.common.by import By

from browser import Browser, choose, fill, press, screenshot, set_value, sign_in, wait_for
from lib import BASE, check, sql, sql_str, sql_value
from test_payments_flow import _overdue_flags

PREFIX = "BJ%d" % (os.getpid() % 100000)


def _cleanup():
    where = "SELECT id FROM customers WHERE code LIKE %s" % sql_str(PREFIX + "%")
    sql("DELETE FROM payment_allocations WHERE receipt_id IN"
        " (SELECT id FROM payment_receipts WHERE customer_id IN (%s))" % where)
    sql("DELETE FROM order_lines WHERE order_id IN (SELECT id FROM orders WHERE customer_id IN (%s))" % where)
    for t in ("payment_receipts", "payments", "orders", "customer_credit"):
        sql("DELETE FROM %s WHERE customer_id IN (%s)" % (t, where))
    sql("DELETE FROM customers WHERE code LIKE %s" % sql_str(PREFIX + "%"))


def _receipt(d, cid, amount, allocations):
    """Records money received today through the tab's form: allocations is
    {item id: amount}, empty to let the server allocate. Returns the flash."""
    d.get("%s/customers/%d?tab=payments" % (BASE, cid))
    d.find_element(By.CSS_SELECTOR, "#receipt-details > summary").click()
    set_value(d, "f-received_on", sql_value("SELECT CURDATE()"))
    fill(d, "f-amount", amount)
    choose(d, "f-method", "transfer")
    for item, value in allocations.items():
        fill(d, "f-alloc_%s" % item, value)
    return press(d, "#receipt-save")


def test_order_then_partial_payment_then_the_rest_clears_overdue():
    _cleanup()
    try:
        region = sql_value("SELECT id FROM regions WHERE code = 'huadong'")
        sql("INSERT INTO customers (code, name, kind, region_id, city, phone, payment_terms) VALUES"
            " (%s, '回款旅程净水经销部', 'dealer', %s, '常州', '0519-66001122', 30)"
            % (sql_str(PREFIX), region))
        cid = int(sql_value("SELECT id FROM customers WHERE code = %s" % sql_str(PREFIX)))
        product = sql_value("SELECT id FROM products WHERE active = 1 ORDER BY id LIMIT 1")
        with Browser() as d:
            sign_in(d, "staff05")
            d.get("%s/customers/%d?tab=orders" % (BASE, cid))
            wait_for(d, "order-new").click()
            wait_for(d, "order-form")
            set_value(d, "f-ordered_on", sql_value("SELECT CURDATE() - INTERVAL 60 DAY"))
            choose(d, "f-product_0", product)
            fill(d, "f-qty_0", "2")
            fill(d, "f-price_0", "5000")
            press(d, "#order-save")
            item = sql_value("SELECT p.id FROM payments p JOIN orders o ON o.id = p.order_id"
                             " WHERE o.customer_id = %d" % cid)
            check(item, "the order made its due item")
            check(sql_value("SELECT due_on = CURDATE() - INTERVAL 30 DAY FROM payments WHERE id = %s"
                            % item) == "1", "due 30 days after the order date")

            d.get("%s/customers/%d?tab=payments" % (BASE, cid))
            flags = _overdue_flags(d)
            check(flags == ("¥10,000.00", True, 1, 1), "the new order is overdue: %r" % (flags,))

            flash = _receipt(d, cid, "4000", {item: "4000"})
            check(flash == "回款已登记。", "partial payment saved: %r" % flash)
            flags = _overdue_flags(d)
            check(flags == ("¥6,000.00", True, 1, 1), "the rest is still overdue: %r" % (flags,))
            row = d.find_element(By.ID, "item-%s" % item).text
            check("部分付款" in row, "the item is partly paid: %r" % row)
            screenshot(d, "journey-partly-paid-1280.png")

            flash = _receipt(d, cid, "6000", {})
            check(flash == "回款已登记。", "the rest saved: %r" % flash)
            flags = _overdue_flags(d)
            check(flags == ("¥0.00", False, 0, 0), "the overdue flag clears: %r" % (flags,))
            check(sql_value("SELECT CONCAT(paid_amount, ' ', paid_on = CURDATE()) FROM payments WHERE id = %s"
                            % item) == "10000.00 1", "settled today")
            check(int(sql_value("SELECT COUNT(*) FROM audit_log WHERE entity = 'customer' AND entity_id = %d"
                                " AND action IN ('order_add', 'add')" % cid)) == 3,
                  "the order and both receipts audited")
            screenshot(d, "journey-settled-1280.png")
    finally:
        _cleanup()
