"""The working calendar (/admin/calendar, docs/sla-clock.md) in a real
browser, sent by its own button: reached from the administration page, a
rejected form (hours of the wrong shape) names the field, then Saturday
ticked, a holiday added and saved; and a complaint waiting for the
customer's agreement shows its clocks paused. Screenshots at 1280 and
390 px."""
import datetime

from browser import Browser, fill, press, screenshots, sign_in, wait_for
from lib import BASE, check, sql, sql_value
from test_sla_clock import _cleanup, _insert, stored_calendar
from selenium.webdriver.common.by import By


def test_calendar_form_and_paused_clock():
    with stored_calendar():
        try:
            with Browser() as d:
                sign_in(d, "admin")
                d.get(BASE + "/admin")
                wait_for(d, "admin-calendar")
                d.find_element(By.CSS_SELECTOR, '#admin-calendar a').click()
                wait_for(d, "calendar-form")
                screenshots(d, "admin-calendar")
                fill(d, "f-hours", "8点半到12点")
                press(d, "#save-calendar")
                check(d.find_element(By.ID, "err-hours").is_displayed(), "bad hours named")
                check(d.find_element(By.ID, "form-errors").is_displayed(), "banner")
                screenshots(d, "admin-calendar-error")
                fill(d, "f-hours", "08:30-12:00 13:30-17:30")
                saturday = d.find_element(By.ID, "f-wd6")
                if not saturday.is_selected():
                    saturday.click()
                fill(d, "f-holidays", "2027-01-01 元旦")
                check(press(d, "#save-calendar").startswith("工作日历已保存"), "saved")
                check(sql("SELECT weekdays, hours FROM work_calendar WHERE id = 1")[0]
                      == ["123456", "08:30-12:00 13:30-17:30"], "stored")
                check(sql_value("SELECT note FROM work_calendar_days WHERE day = '2027-01-01'")
                      == "元旦", "holiday stored")

                now = datetime.datetime.strptime(sql_value("SELECT NOW()"), "%Y-%m-%d %H:%M:%S")
                received = (now - datetime.timedelta(days=6)).strftime("%Y-%m-%d %H:%M:%S")
                cid = _insert(received, step=5, first=received)
                sql("UPDATE complaints SET waiting_since = NOW() - INTERVAL 1 DAY,"
                    " resolution_due = NOW() + INTERVAL 2 DAY WHERE id = %d" % cid)
                d.get(BASE + "/complaints/%d" % cid)
                wait_for(d, "resolution-clock")
                check("暂停" in d.find_element(By.ID, "resolution-clock").text, "paused shown")
                screenshots(d, "complaint-clock-paused")
        finally:
            _cleanup()
