"""The watch list, profitability and churn pages (issue 17) in a real
browser: each page's filter form sent by its own button, the address
carrying the choice and the rows following it; the charts drawn from the
tables; no sideways scroll at 390 px with the name column fixed; and
screenshots at 1280 and 390 px (tests/browser/screenshots/analysis-*)."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from browser import Browser, choose, click_and_wait, filter_by, press, screenshot, sign_in, viewport
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


def _follow(d, selector):
    link = d.find_element(By.CSS_SELECTOR, selector)
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    click_and_wait(d, link)


def test_analysis_filters_by_their_own_buttons():
    seeded = analysis_seed.ensure()
    try:
        with Browser() as d:
            sign_in(d, "admin")
            # the watch list, filtered to its most frequent reason: every row names it
            counts = {w: int(sql_value("SELECT COUNT(*) FROM customer_analysis"
                                       " WHERE watch_score > 0 AND watch_reasons & %d" % f))
                      for w, f in (("late", 1), ("orders", 2), ("contacts", 4), ("complaints", 8))}
            word = max(counts, key=counts.get)
            check(counts[word] > 0, "nobody on the watch list: %s" % counts)
            filter_by(d, "/analysis/watch", "watch-filter", [("reason", word)])
            rows = _rows(d, "t-watch")
            check(len(rows) == min(counts[word], 50), "watch rows %d, SQL %d" % (len(rows), counts[word]))
            for row in rows:
                check(row.find_elements(By.CSS_SELECTOR, "li[data-reason=%s]" % word),
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
            press(d, d.find_element(By.CSS_SELECTOR, "#profit-filter button[type=submit]"))
            check("tail=1" in d.current_url, "the tail box sent: %s" % d.current_url)
            for row in _rows(d, "t-profit"):
                check(row.find_elements(By.CSS_SELECTOR, "[data-tail]"),
                      "a row outside the worst tail: %s" % row.text[:80])
            WebDriverWait(d, 15).until(
                lambda drv: drv.find_elements(By.CSS_SELECTOR, "#deciles .chart-box canvas"))
            _shots(d, "analysis-profit")

            # the pager: Next carries the last row's rank, the page says which rows
            d.get(BASE + "/analysis/profit")
            total = int(sql_value("SELECT COUNT(*) FROM customer_analysis WHERE profit_rank > 0"))
            check(total > 50, "too few ranked customers to page: %d" % total)
            first = [r.get_attribute("data-id") for r in _rows(d, "t-profit")]
            _follow(d, "#profit nav.pager a[rel=next]")
            check("after=" in d.current_url and "page=2" in d.current_url,
                  "the next link: %s" % d.current_url)
            rng = d.find_element(By.CSS_SELECTOR, "#profit nav.pager .range").text
            check(rng == "51–%d / %d" % (min(100, total), total), "the pager's range %r" % rng)
            check(not set(first) & set(r.get_attribute("data-id") for r in _rows(d, "t-profit")),
                  "page 2 repeats rows of page 1")
            _follow(d, "#profit nav.pager a[rel=prev]")
            check("before=" in d.current_url, "the prev link: %s" % d.current_url)
            check([r.get_attribute("data-id") for r in _rows(d, "t-profit")] == first,
                  "back to page 1 by the prev link")
            d.get(BASE + "/analysis/profit?page=2")
            _shots(d, "analysis-profit-page2")

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
