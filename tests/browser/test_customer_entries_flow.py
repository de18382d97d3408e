"""Issue 15: a customer file's entries edited and removed in a real browser
through the page's own links and buttons: a key person's 编辑 link opens
the edit panel on the 关键人员 tab, the panel's 保存 marks them as having
left; at phone width a contact's panel removes it with a reason, and the
change log says who removed what and why. Screenshots at 1280 and 390 px
(the change log at 1280: its table is not yet laid out for phones)."""
import os

from selenium.webdriver.common.by import By

from browser import Browser, click_and_wait, fill, press, screenshot, set_value, sign_in, viewport
from lib import BASE, check, sql, sql_str, sql_value

PREFIX = "BE%d" % (os.getpid() % 100000)
USER = "staff03"
CHILDREN = ("contact_log", "customer_contacts", "customer_entries_removed",
            "customer_search", "customer_bigrams")


def _cleanup(prefix=PREFIX, children=CHILDREN):
    """The customers whose code starts with prefix, and their rows in children."""
    where = "SELECT id FROM customers WHERE code LIKE %s" % sql_str(prefix + "%")
    for t in children:
        sql("DELETE FROM %s WHERE customer_id IN (%s)" % (t, where))
    sql("DELETE FROM customers WHERE code LIKE %s" % sql_str(prefix + "%"))


def make_dealer(code, name, city, phone):
    """A dealer in 华东 made directly in the database; its id."""
    region = sql_value("SELECT id FROM regions WHERE code = 'huadong'")
    sql("INSERT INTO customers (code, name, kind, region_id, city, phone) VALUES"
        " (%s, %s, 'dealer', %s, %s, %s)" % (sql_str(code), sql_str(name), region, sql_str(city), sql_str(phone)))
    return int(sql_value("SELECT id FROM customers WHERE code = %s" % sql_str(code)))


def _customer():
    cid = make_dealer(PREFIX, "条目测试净水经销部", "无锡", "0510-66001122")
    sql("INSERT INTO customer_contacts (customer_id, name, role, phone, birthday) VALUES"
        " (%d, '周采购', 'purchasing', '13700001234', '1980-05-06')" % cid)
    sql("INSERT INTO contact_log (customer_id, channel, contacted_on, heard) VALUES"
        " (%d, 'visit', '2026-11-20', '门店正在装修，下月再谈'),"
        " (%d, 'call', '2026-11-25', '误记到这家的电话')" % (cid, cid))
    return cid


def remove_with_reason(d, path, link_id, button, reason, shot):
    """Opens path, follows the row's link to its removal form, sends it
    without a reason (refused at the field), then with one (screenshot
    before): the flash says it is removed."""
    d.get(BASE + path)
    link = d.find_element(By.ID, link_id)
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    click_and_wait(d, link)
    press(d, button)
    check(d.find_element(By.ID, "err-reason").is_displayed(), "the reason is asked for")
    fill(d, "f-reason", reason)
    screenshot(d, shot)
    flash = press(d, button)
    check(flash.startswith("记录已删除"), "removed: %r" % flash)


def _tab_text(d):
    return d.find_element(By.ID, "tab-body").text


def test_entry_edit_and_remove_by_the_page_buttons():
    _cleanup()
    try:
        cid = _customer()
        person = sql_value("SELECT id FROM customer_contacts WHERE customer_id = %d" % cid)
        wrong = sql_value("SELECT id FROM contact_log WHERE customer_id = %d AND channel = 'call'" % cid)
        with Browser() as d:
            sign_in(d, USER)
            d.get("%s/customers/%d?tab=people" % (BASE, cid))
            click_and_wait(d, d.find_element(By.ID, "edit-people-%s" % person))
            check(d.find_element(By.ID, "entry-edit-form").is_displayed(), "the edit panel opens")
            check(d.find_element(By.ID, "f-phone").get_attribute("value") == "13700001234",
                  "the panel holds the stored values")
            fill(d, "f-phone", "13700009999")
            set_value(d, "f-left_on", "2026-11-30")
            screenshot(d, "customer-entry-edit-1280.png")
            flash = press(d, "#entry-save")
            check(flash == "已保存。", "saved: %r" % flash)
            text = _tab_text(d)
            check("13700009999" in text and "已离职 2026-11-30" in text, "the tab shows the edit: %r" % text)
            check(sql_value("SELECT left_on FROM customer_contacts WHERE id = %s" % person) == "2026-11-30",
                  "stored")
            screenshot(d, "customer-entry-people-1280.png")

            viewport(d, 390, 844)
            remove_with_reason(d, "/customers/%d?tab=contacts" % cid, "edit-contacts-%s" % wrong,
                               "#entry-remove", "记错了客户，应记在另一家", "customer-entry-remove-390.png")
            text = _tab_text(d)
            check("误记到这家的电话" not in text and "门店正在装修" in text, "only the removed row left: %r" % text)
            count = d.find_element(By.CSS_SELECTOR, "#tab-contacts .count").text
            check(count == "1", "the tab's count follows: %r" % count)
            viewport(d, 1280, 900)
            d.get("%s/customers/%d?tab=history" % (BASE, cid))
            hist = _tab_text(d)
            check("删除记录" in hist and "记错了客户" in hist and "离职日期" in hist,
                  "the change log names the removal and the edit: %r" % hist[:400])
            screenshot(d, "customer-entry-history-1280.png")
    finally:
        _cleanup()
