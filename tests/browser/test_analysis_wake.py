"""The wake-up list, a decision and the analysis settings in a real browser,
through their own buttons: a salesperson filters the list, opens a sleeping
customer, is told the product is missing, decides to wake with a product
and a way, and records the outcome; an admin saves a setting and asks for a
recomputation. Screenshots of the list and the form at 1280 and 390 px
(tests/browser/screenshots/analysis-wake-*.png), no sideways scrolling."""
from selenium.webdriver.common.by import By

from browser import Browser, choose, fill, filter_by, press, screenshots, set_value, sign_in, \
    viewport, wait_for
from lib import BASE, check, sql, sql_value

SLEEPERS = ("SELECT ca.owner_id FROM customer_analysis ca JOIN customers c ON c.id = ca.customer_id"
            " WHERE ca.sleep_state BETWEEN 2 AND 4 AND c.status = 'active'")


def _no_sideways(d, what):
    for width in (1280, 390):
        viewport(d, width, 900)
        wide = d.execute_script(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth")
        check(not wide, "%s scrolls sideways at %d px" % (what, width))
    viewport(d, 1280, 900)


def test_wake_list_decision_and_outcome():
    username = sql_value("SELECT u.username FROM (%s) t JOIN users u ON u.id = t.owner_id"
                         " WHERE u.role = 'staff' GROUP BY u.username ORDER BY COUNT(*) DESC"
                         " LIMIT 1" % SLEEPERS)
    check(username != "NULL", "a salesperson with sleeping customers")
    before = int(sql_value("SELECT COALESCE(MAX(id), 0) FROM wake_decisions"))
    try:
        with Browser() as d:
            sign_in(d, username)
            filter_by(d, "/analysis/wake", "wake-filters", [("state", "dormant")])
            states = [e.get_attribute("data-state")
                      for e in d.find_elements(By.CSS_SELECTOR, "#wake-list tbody tr")]
            check(states and set(states) == {"4"}, "only dormant customers: %s" % states[:5])
            set_value(d, "from", "2026-01-01")
            press(d, "#results-period button[type=submit]")
            check("from=2026-01-01" in d.current_url, "the period sent: %s" % d.current_url)
            d.get(BASE + "/analysis/wake")
            wait_for(d, "wake-list")
            _no_sideways(d, "the wake-up list")
            screenshots(d, "analysis-wake")
            link = d.find_element(By.CSS_SELECTOR, "#wake-list tbody tr a[id^=decide-]")
            cid = link.get_attribute("id").split("-")[1]
            link.click()
            wait_for(d, "wake-form")
            _no_sideways(d, "the decision form")
            screenshots(d, "analysis-wake-decision")
            # waking without a product: the message at the field
            d.find_element(By.ID, "f-decision-wake").click()
            fill(d, "f-note", "先寄样品")
            press(d, "#save-decision")
            check(d.find_element(By.ID, "err-product_id").is_displayed(), "product asked for")
            check(d.find_element(By.ID, "f-note").get_attribute("value") == "先寄样品", "note kept")
            product = sql_value("SELECT MIN(id) FROM products WHERE active = 1")
            choose(d, "f-product_id", product)
            choose(d, "f-approach", "sample")
            flash = press(d, "#save-decision")
            check(flash.startswith("唤醒决定已保存"), "saved: %r" % flash)
            did = sql_value("SELECT MAX(id) FROM wake_decisions WHERE customer_id = %s" % cid)
            check(sql("SELECT decision, approach, product_id FROM wake_decisions WHERE id = %s"
                      % did) == [["wake", "sample", product]], "stored as chosen")
            flash = press(d, "#outcome-%s button[value=woke]" % did)
            check(flash.startswith("唤醒结果已记录"), "outcome: %r" % flash)
            check(sql_value("SELECT outcome FROM wake_decisions WHERE id = %s" % did) == "woke",
                  "outcome stored")
    finally:
        sql("DELETE FROM wake_decisions WHERE id > %d AND decided_by ="
            " (SELECT id FROM users WHERE username = '%s')" % (before, username))


def test_settings_save_and_run_now():
    original = sql("SELECT abc_a_pct, version FROM analysis_settings WHERE id = 1")[0]
    try:
        with Browser() as d:
            sign_in(d, "admin")
            d.get(BASE + "/analysis/settings")
            wait_for(d, "settings-form")
            fill(d, "f-sleep_half_pct", "100")
            press(d, "#save-settings")
            check(d.find_element(By.ID, "err-sleep_half_pct").is_displayed(),
                  "half asleep below drowsy is named at its field")
            fill(d, "f-sleep_half_pct", "250")
            new_a = "68" if original[0] != "68" else "66"
            fill(d, "f-abc_a_pct", new_a)
            flash = press(d, "#save-settings")
            check(flash.startswith("分析设置已保存"), "saved: %r" % flash)
            check(sql_value("SELECT abc_a_pct FROM analysis_settings") == new_a, "stored")
            flash = press(d, "#run-now-button")
            check(flash.startswith("已请求重新计算"), "run asked for: %r" % flash)
            check(d.find_elements(By.CSS_SELECTOR, "#runs-table tbody tr"), "the runs table")
            _no_sideways(d, "the settings page")
            screenshots(d, "analysis-settings")
    finally:
        sql("UPDATE analysis_settings SET abc_a_pct = %s, sleep_half_pct = 250 WHERE id = 1"
            % original[0])
