"""Support-plan return (支援效果) on screen: the plan page's section and the
dashboard's panel at 1280 and 390 px, without sideways scrolling; the
section's rows are the stored rows (support_returns). Screenshots of the
section and the panel go to tests/browser/screenshots/."""
import os

from selenium.webdriver.common.by import By

from browser import SCREENSHOTS, Browser, sign_in, viewport
from lib import BASE, check, sql_value


def _shot(d, element_id, name, width):
    viewport(d, width, 900)
    d.execute_script("window.scrollTo(0, 0)")
    overflow = d.execute_script(
        "return document.documentElement.scrollWidth > document.documentElement.clientWidth")
    check(not overflow, "%s scrolls sideways at %dpx" % (name, width))
    el = d.find_element(By.ID, element_id)
    d.execute_script("arguments[0].scrollIntoView()", el)
    os.makedirs(SCREENSHOTS, exist_ok=True)
    check(el.screenshot(os.path.join(SCREENSHOTS, "%s-%d.png" % (name, width))),
          "screenshot %s" % name)


def test_support_return_screens():
    # a plan of rm_huadong's region with an assessed category, if the step has run
    plan = sql_value("SELECT COALESCE(MIN(r.plan_id), 0) FROM support_returns r"
                     " JOIN customers c ON c.id = r.customer_id JOIN user_regions u"
                     " ON u.region_id = c.region_id JOIN users s ON s.id = u.user_id"
                     " AND s.username = 'rm_huadong' WHERE r.status = 0")
    with Browser() as d:
        sign_in(d, "rm_huadong")
        if plan != "0":
            d.get(BASE + "/plans/%s" % plan)
            rows = d.find_elements(By.CSS_SELECTOR, "#support-return-table tbody tr")
            stored = int(sql_value("SELECT COUNT(*) FROM support_returns WHERE plan_id = %s" % plan))
            check(len(rows) == stored, "plan %s: %d rows on the page, %d stored"
                  % (plan, len(rows), stored))
            for w in (1280, 390):
                _shot(d, "support-return", "support-return-plan", w)
        d.get(BASE + "/dashboard")
        check(len(d.find_elements(By.CSS_SELECTOR, "#t-support-return tbody tr")) == 5,
              "the panel has the five support categories")
        for w in (1280, 390):
            _shot(d, "support-return", "support-return-dashboard", w)
