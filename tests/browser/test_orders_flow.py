"""Issue 15: an order entered on the customer file by clicking, in a real
browser: the orders tab's button, the order form (five more rows by its
own "add lines" button, a rejected line shown at its field with every
value kept), saving, delivery and cancelling by their own buttons, and an
order over the credit limit that staff cannot enter and a leader confirms
with a reason. Screenshots of the order form and the orders tab at 1280
and 390 px. Customers made here have codes starting with PREFIX and are
removed again."""
import os

from selenium.webdriver.common.by import By

from browser import Browser, choose, fill, press, screenshot, set_value, sign_in, viewport, wait_for
from lib import BASE, check, sql, sql_str, sql_value

PREFIX = "BO%d" % (os.getpid() % 100000)


def _customer(tag, name, limit):
    region = sql_value("SELECT id FROM regions WHERE code = 'huadong'")
    sql("INSERT INTO customers (code, name, kind, region_id, city, phone, credit_limit) VALUES"
        " (%s, %s, 'dealer', %s, '苏州', '0512-66001122', %s)"
        % (sql_str(PREFIX + tag), sql_str(name), region, limit))
    return int(sql_value("SELECT id FROM customers WHERE code = %s" % sql_str(PREFIX + tag)))


def _cleanup():
    where = "SELECT id FROM customers WHERE code LIKE %s" % sql_str(PREFIX + "%")
    sql("DELETE FROM order_lines WHERE order_id IN (SELECT id FROM orders WHERE customer_id IN (%s))" % where)
    for t in ("payments", "orders"):
        sql("DELETE FROM %s WHERE customer_id IN (%s)" % (t, where))
    sql("DELETE FROM customers WHERE code LIKE %s" % sql_str(PREFIX + "%"))


def _products():
    return [r[0] for r in sql("SELECT id FROM products WHERE active = 1 ORDER BY id LIMIT 2")]


def _value(d, fid):
    return d.find_element(By.ID, fid).get_attribute("value")


def _over_limit_order(d, cid, product):
    """Sends a new order of ¥99,999, over the test customer's limit."""
    d.get(BASE + "/customers/%d/orders/new" % cid)
    wait_for(d, "order-form")
    set_value(d, "f-ordered_on", "2026-11-25")
    choose(d, "f-product_0", product)
    fill(d, "f-qty_0", "1")
    fill(d, "f-price_0", "99999")
    press(d, "#order-save")


def test_order_by_clicking():
    _cleanup()
    try:
        cid = _customer("A", "订单测试净水经销部", "20000")
        p1, p2 = _products()
        with Browser() as d:
            sign_in(d, "staff03")
            d.get(BASE + "/customers/%d?tab=orders" % cid)
            wait_for(d, "order-new").click()
            wait_for(d, "order-form")
            set_value(d, "f-ordered_on", "2026-11-02")
            set_value(d, "f-expected_on", "2026-11-12")
            choose(d, "f-product_0", p1)
            fill(d, "f-qty_0", "2")
            fill(d, "f-discount_0", "5")
            # five more rows by the form's own button; what was typed stays
            press(d, "#order-more")
            check(len(d.find_elements(By.CSS_SELECTOR, ".order-line")) == 10, "ten rows")
            check(_value(d, "f-qty_0") == "2" and _value(d, "f-product_0") == p1, "row 1 kept")
            # a line without its product: refused at its field, nothing lost
            fill(d, "f-qty_7", "3")
            fill(d, "f-price_7", "88.80")
            press(d, "#order-save")
            err = d.find_element(By.ID, "err-product_7")
            check(err.is_displayed() and err.text, "the missing product is named at its row")
            check(_value(d, "f-price_7") == "88.80" and _value(d, "f-discount_0") == "5", "values kept")
            choose(d, "f-product_7", p2)
            d.execute_script("window.scrollTo(0, 0)")
            screenshot(d, "order-form-1280.png")
            viewport(d, 390, 844)
            screenshot(d, "order-form-390.png")
            check(d.execute_script("return document.documentElement.scrollWidth") <= 390,
                  "no sideways scroll at 390 px")
            viewport(d, 1280, 900)
            flash = press(d, "#order-save")
            check(flash == "订单已保存。", "saved: %r" % flash)
            oid = int(sql_value("SELECT MAX(id) FROM orders WHERE customer_id = %d" % cid))
            total = sql_value("SELECT total FROM orders WHERE id = %d" % oid)
            check(total == sql_value("SELECT SUM(amount) FROM order_lines WHERE order_id = %d" % oid),
                  "the total is its lines' sum")
            check(d.find_element(By.ID, "order-status").text == "已下单", "ordered")
            # delivery by its own button
            set_value(d, "f-delivered_on", "2026-11-10")
            flash = press(d, "#order-deliver")
            check(flash == "订单已标记为已交货。", "delivered: %r" % flash)
            check(sql_value("SELECT status FROM orders WHERE id = %d" % oid) == "delivered", "stored")

            # a second order, cancelled with a reason by its own button
            d.get(BASE + "/customers/%d/orders/new" % cid)
            wait_for(d, "order-form")
            set_value(d, "f-ordered_on", "2026-11-20")
            choose(d, "f-product_0", p2)
            fill(d, "f-qty_0", "1")
            press(d, "#order-save")
            fill(d, "f-cancel_reason", "客户取消了这批货")
            flash = press(d, "#order-cancel")
            check(flash == "订单已取消。", "cancelled: %r" % flash)
            check(d.find_element(By.ID, "order-status").text == "已取消", "shown as cancelled")

            # over the limit: staff see the warning and cannot go on
            _over_limit_order(d, cid, p1)
            warning = d.find_element(By.ID, "credit-warning").text
            check("20,000.00" in warning and "超过信用额度" in warning, "the warning: %r" % warning)
            check(not d.find_elements(By.ID, "f-credit_reason"), "staff get no reason field")

            d.get(BASE + "/customers/%d?tab=orders" % cid)
            wait_for(d, "orders")
            screenshot(d, "order-orders-tab-1280.png")
            viewport(d, 390, 844)
            screenshot(d, "order-orders-tab-390.png")
        with Browser() as d:
            sign_in(d, "leader1")
            _over_limit_order(d, cid, p1)
            fill(d, "f-credit_reason", "年底冲量，已与财务确认回款计划")
            flash = press(d, "#order-save")
            check(flash == "订单已保存。", "confirmed by the leader: %r" % flash)
            check("年底冲量" in d.find_element(By.ID, "credit-confirmed").text, "the reason on the order")
    finally:
        _cleanup()
