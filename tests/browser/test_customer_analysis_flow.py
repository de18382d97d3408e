"""Issue 17 in a real browser: the lifecycle override filled in and sent by
its own button on the customer file (first without a reason: the field is
marked; then with one: shown as 人工调整), then removed; the edit form saved
with 客户规模 chosen; the analysis header photographed at 1280 and 390 px
(customer-analysis-head-*.png) without sideways scrolling, and the list with
its analysis filters (customer-list-analysis-*.png)."""
from selenium.webdriver.common.by import By

from browser import (Browser, choose, fill, press, screenshots, sign_in, viewport, wait_for)
from lib import BASE, check, sql, sql_str, sql_value

PREFIX = "浏览器分析档案"


def _cleanup():
    ids = [r[0] for r in sql("SELECT id FROM customers WHERE name LIKE %s" % sql_str(PREFIX + "%"))]
    if ids:
        idl = ", ".join(ids)
        for t in ("customer_life_overrides", "customer_analysis", "customer_bigrams",
                  "customer_search"):
            sql("DELETE FROM %s WHERE customer_id IN (%s)" % (t, idl))
        sql("DELETE FROM customers WHERE id IN (%s)" % idl)


def _customer():
    region = sql_value("SELECT id FROM regions WHERE code = 'huadong'")
    sql("INSERT INTO customers (code, name, kind, region_id, lifecycle, city) VALUES"
        " ('TB1', %s, 'dealer', %s, 'one_time', '杭州')" % (sql_str(PREFIX + "杭州净水设备有限公司"), region))
    cid = int(sql_value("SELECT id FROM customers WHERE code = 'TB1'"))
    sql("INSERT INTO customer_analysis (customer_id, region_id, run_id, abc_class, revenue,"
        " revenue_rank, life_proposed, sleep_state, interval_days, days_since, rfm_r, rfm_f,"
        " rfm_m, rfm_segment, profit, profit_rank, lifetime_value, watch_reasons, watch_score,"
        " late_tenths_earlier, late_tenths_recent, orders_earlier, orders_recent, unanswered,"
        " complaints_recent) SELECT id, region_id, 0, 'B', 45678900, 31, 'one_time', 2, 45, 70,"
        " 2, 3, 4, 2, 5432100, 40, 12345600, 15, 10, 20, 95, 8800000, 4100000, 2, 3"
        " FROM customers WHERE id = %d" % cid)
    return cid


def _sideways(d):
    return d.execute_script("return document.documentElement.scrollWidth > window.innerWidth")


def test_override_form_edit_size_and_screens():
    _cleanup()
    try:
        cid = _customer()
        with Browser() as d:
            sign_in(d, "staff03")
            d.get(BASE + "/customers/%d" % cid)
            wait_for(d, "analysis")
            screenshots(d, "customer-analysis-head")
            viewport(d, 390, 844)
            check(not _sideways(d), "the file with its analysis scrolls sideways at 390 px")
            viewport(d, 1280, 900)
            # without a reason: the field is marked, nothing saved
            d.find_element(By.CSS_SELECTOR, "#life-override > summary").click()
            choose(d, "f-life_stage", "loyal")
            press(d, "#life-save")
            err = wait_for(d, "err-life_reason")
            check("必填" in err.text, "the reason is required: %r" % err.text)
            check(sql_value("SELECT COUNT(*) FROM customer_life_overrides WHERE customer_id = %d"
                            % cid) == "0", "nothing saved without a reason")
            fill(d, "f-life_reason", "签订年度协议，按忠诚客户维护")
            flash = press(d, "#life-save")
            check("生命周期已调整" in flash, "flash after saving: %r" % flash)
            check("人工调整" in d.find_element(By.ID, "ana-stage").text, "shown as an override")
            check(sql_value("SELECT lifecycle FROM customers WHERE id = %d" % cid) == "loyal",
                  "the effective stage stored")
            screenshots(d, "customer-analysis-override")
            d.find_element(By.CSS_SELECTOR, "#life-override > summary").click()
            flash = press(d, "#life-remove")
            check("系统建议" in flash, "flash after removing: %r" % flash)
            check(sql_value("SELECT lifecycle FROM customers WHERE id = %d" % cid) == "one_time",
                  "back to the proposal")
            # the edit form: 客户规模 chosen and saved by its own button
            d.get(BASE + "/customers/%d/edit" % cid)
            wait_for(d, "customer-form")
            check(not d.find_elements(By.ID, "f-lifecycle"), "no stage on the edit form")
            choose(d, "f-size_class", "small")
            choose(d, "f-kind", "dealer")
            press(d, "#save-customer")
            check(sql_value("SELECT size_class FROM customers WHERE id = %d" % cid) == "small",
                  "size saved from the form")
            check("小型" in d.find_element(By.ID, "size-class").text, "size on the file")
            # the list with the analysis filters, folded on a phone
            d.get(BASE + "/customers?sleep=any&watch=any")
            wait_for(d, "customer-filters")
            screenshots(d, "customer-list-analysis")
            viewport(d, 390, 844)
            check(not _sideways(d), "the filtered list scrolls sideways at 390 px")
            viewport(d, 1280, 900)
    finally:
        _cleanup()
