"""The watch list, profitability and churn pages (issue 17) in a real
browser: each page's filter form sent by its own button, the address
carrying the choice and the rows following it; the charts drawn from the
tables; no sideways scroll at 390 px with the name column fixed; and
screenshots at 1280 and 390 px (tests/browser/screenshots/analysis-*)."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from browser import Browser, choose, filter_by, press, screenshot, sign_in, viewport
from lib import BASE, check, sql_value
import analysis_seed


def _no_sideways(d, what):
    overflow = d.execute_script(
        "return document.documentElement.scrollWidth > document.documentElement.clientWidth")
    check(not overflow, "%s scrolls sideways" % what)


def _shots(d, name):
    """The whole page at 1280 and 390 px, the phone's with no sideways
    scroll and the first column staying put when the table scrolls."""
    for width in (1280, 390):
        viewport(d, width, 900)
        _no_sideways(d, "%s at %d px" % (name, width))
        height = d.execute_script("return document.documentElement.scrollHeight")
        viewport(d, width, min(height + 20, 4000))
        d.execute_script("window.scrollTo(0, 0)")
        screenshot(d, "%s-%d.png" % (name, width))
    viewport(d, 1280, 900)


def _rows(d, table):
    return d.find_elements(By.CSS_SELECTOR, "#%s tbody tr" % table)


def test_analysis_filters_by_their_own_buttons():
    seeded = analysis_seed.ensure()
    try:
        with Browser() as d:
            sign_in(d, "admin")
            # the watch list, filtered to one reason: every row names it
            filter_by(d, "/analysis/watch", "watch-filter", [("reason", "late")])
            rows = _rows(d, "t-watch")
            expected = int(sql_value("SELECT COUNT(*) FROM customer_analysis"
                                     " WHERE watch_score > 0 AND watch_reasons & 1"))
            check(len(rows) == min(expected, 50), "watch rows %d, SQL %d" % (len(rows), expected))
            for row in rows:
                check(row.find_elements(By.CSS_SELECTOR, "li[data-reason=late]"),
                      "a row without the reason filtered on: %s" % row.text[:80])
            # the name column stays put when the table scrolls on a phone
            viewport(d, 390, 844)
            wrap = d.find_element(By.CSS_SELECTOR, "#watch .table-wrap")
            name = d.find_element(By.CSS_SELECTOR, "#t-watch tbody td.name")
            left = name.location["x"]
            d.execute_script("arguments[0].scrollLeft = 400", wrap)
            check(d.execute_script("return arguments[0].scrollLeft", wrap) > 0,
                  "the watch table does not scroll inside its box at 390 px")
            check(abs(name.location["x"] - left) <= 1, "the name column moved with the scroll")
            d.execute_script("arguments[0].scrollLeft = 0", wrap)
            viewport(d, 1280, 900)
            _shots(d, "analysis-watch")

            # profitability: the worst tail only, and its chart drawn
            d.get(BASE + "/analysis/profit")
            d.find_element(By.ID, "tail").click()
            press(d, d.find_element(By.ID, "profit-apply"))
            check("tail=1" in d.current_url, "the tail box sent: %s" % d.current_url)
            for row in _rows(d, "t-profit"):
                check(row.find_elements(By.CSS_SELECTOR, "[data-tail]"),
                      "a row outside the worst tail: %s" % row.text[:80])
            WebDriverWait(d, 15).until(
                lambda drv: drv.find_elements(By.CSS_SELECTOR, "#deciles .chart-box canvas"))
            _shots(d, "analysis-profit")

            # churn by quarter and salesperson, lifetime value by RFM segment
            d.get(BASE + "/analysis/churn")
            choose(d, "period", "quarter")
            choose(d, "seg", "owner")
            choose(d, "clv", "rfm")
            press(d, d.find_element(By.ID, "churn-apply"))
            for part in ("period=quarter", "seg=owner", "clv=rfm"):
                check(part in d.current_url, "%s not sent: %s" % (part, d.current_url))
            check(len(_rows(d, "t-churn")) <= 8, "more than eight quarters")
            WebDriverWait(d, 15).until(
                lambda drv: len(drv.find_elements(By.CSS_SELECTOR, ".chart-box canvas")) == 2)
            _shots(d, "analysis-churn")
    finally:
        analysis_seed.remove(seeded)
