"""The refused states of forms that issue 15's HTTP cases brought in, as a
user sees them, sent through their own buttons: a stale plan goals form
and a stale complaint step (409, the notice above what was typed), a
category renamed to nothing (the message at its row) and the public
status look-up with a bad number (the banner and the message). Each at
1280 and 390 px wide (screenshots form-state-*.png)."""
from selenium.webdriver.common.by import By

from browser import Browser, fill, press, screenshots, sign_in, wait_for
from lib import BASE, check, sql, sql_value


def _visible(d, element_id, what):
    el = wait_for(d, element_id)
    d.execute_script("arguments[0].scrollIntoView({block: 'start'})", el)
    check(el.is_displayed(), "%s: #%s shown" % (what, element_id))
    return el


def _someone_else_saves(table, id_):
    """Another user's save, as the version check sees it."""
    sql("UPDATE %s SET version = version + 1 WHERE id = %d" % (table, id_))


def test_stale_plan_and_complaint_forms():
    from test_complaints import _cleanup, _make
    from test_plans import create, dealer, free_year
    from lib import sign_in as http_sign_in
    cid, code = dealer()
    pid = create(http_sign_in("staff02"), code, free_year(cid))
    _cleanup()
    try:
        complaint, _ = _make(region="huadong")
        with Browser() as d:
            sign_in(d, "staff01")
            d.get(BASE + "/plans/%d" % pid)
            wait_for(d, "goals-form")
            fill(d, "f-sales_target", "990000")
            fill(d, "f-focus", "我的重点：华东门店")
            _someone_else_saves("support_plans", pid)
            press(d, "#goals-form button[type=submit]")
            _visible(d, "conflict", "stale goals")
            check(d.find_element(By.ID, "f-focus").get_attribute("value") == "我的重点：华东门店",
                  "what was typed is in the form again")
            screenshots(d, "form-state-plan-conflict")
            d.get(BASE + "/complaints/%d" % complaint)
            wait_for(d, "step-form-1")
            fill(d, "f-facts", "客户所述属实，滤芯渗水。")
            _someone_else_saves("complaints", complaint)
            press(d, "#step-form-1 button[type=submit]")
            mine = _visible(d, "conflict-mine", "stale step")
            _visible(d, "conflict", "stale step")
            check("滤芯渗水" in mine.text, "what was typed is shown: %r" % mine.text[:80])
            screenshots(d, "form-state-complaint-conflict")
    finally:
        _cleanup()


def test_category_row_and_public_status_errors():
    category = int(sql_value("SELECT MIN(id) FROM product_categories"))
    with Browser() as d:
        sign_in(d, "admin")
        d.get(BASE + "/admin/products")
        wait_for(d, "category-form-%d" % category)
        row = d.find_element(By.CSS_SELECTOR, 'tr[data-category="%d"]' % category)
        field = row.find_element(By.CSS_SELECTOR, 'input[name="name_zh"]')
        field.clear()
        press(d, "#category-form-%d button[type=submit]" % category)
        _visible(d, "err-name_zh", "category renamed to nothing")
        screenshots(d, "form-state-category-row-error")
    with Browser() as d:
        d.get(BASE + "/complaint/status")
        wait_for(d, "status-form")
        fill(d, "f-tracking_no", "ts2026")
        fill(d, "f-phone", "13900001111")
        press(d, "#submit-status")
        _visible(d, "form-errors", "bad number")
        _visible(d, "err-tracking_no", "bad number")
        check(d.find_element(By.ID, "f-tracking_no").get_attribute("value") == "ts2026",
              "the number as it was typed")
        screenshots(d, "form-state-status-error")
