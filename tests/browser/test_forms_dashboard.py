"""Issue 14: the dealer dashboard's forms through their own buttons in a
real browser: the region filter, and the settings (a bad value first, its
error at the field; then saved, and put back as they were)."""
from selenium.webdriver.common.by import By

from browser import Browser, fill, filter_by, press, sign_in, wait_for
from lib import BASE, check, sql, sql_value


def test_filter_and_settings():
    before = {r[0]: r[1] for r in sql("SELECT name, value FROM dashboard_settings")}
    try:
        with Browser() as d:
            sign_in(d, "admin")
            region = sql_value("SELECT id FROM regions WHERE code = 'huabei'")
            filter_by(d, "/dashboard", "dash-filter", [("region", region)])
            check(d.find_element(By.ID, "region").get_attribute("value") == region, "the region kept")

            d.find_element(By.ID, "settings-link").click()
            wait_for(d, "settings-form")
            fill(d, "f-visit_days", "abc")
            press(d, "#save-settings")
            check(d.find_element(By.ID, "err-visit_days").is_displayed(), "the bad value is named at its field")
            visit = str(int(before["visit_days"]) + 1)
            fill(d, "f-visit_days", visit)
            flash = press(d, "#save-settings")
            check(flash.startswith("看板设置已保存"), "saved: %r" % flash)
            check(sql_value("SELECT value FROM dashboard_settings WHERE name = 'visit_days'") == visit, "stored")
            d.get(BASE + "/dashboard/settings")
            check(d.find_element(By.ID, "f-visit_days").get_attribute("value") == visit, "the saved value shown")
            fill(d, "f-visit_days", before["visit_days"])
            check(press(d, "#save-settings").startswith("看板设置已保存"), "put back")
    finally:
        for name, value in before.items():
            sql("UPDATE dashboard_settings SET value = %s WHERE name = '%s'" % (value, name))
