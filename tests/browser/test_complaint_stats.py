"""The complaints overview in a real browser with JavaScript on: the charts
are drawn from the tables (static/charts.js over Debian's Chart.js), at a
desktop and a phone width. Screenshots go to tests/browser/screenshots/."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from browser import Browser, screenshot, sign_in
from lib import BASE, check


def _overview(width, name, username="admin"):
    with Browser(width=width, height=900) as d:
        sign_in(d, username)
        d.get(BASE + "/complaints/overview")
        WebDriverWait(d, 15).until(
            lambda drv: len(drv.find_elements(By.CSS_SELECTOR, ".chart-box canvas")) == 6)
        # every chart has a size, sits beside (or above) its table, and the
        # tables are still there with their numbers
        for canvas in d.find_elements(By.CSS_SELECTOR, ".chart-box canvas"):
            check(canvas.size["width"] > 150 and canvas.size["height"] > 150,
                  "a chart of %s at %dpx" % (canvas.size, width))
        check(len(d.find_elements(By.CSS_SELECTOR, ".chart-pair.has-chart table.data")) == 6,
              "tables beside the charts")
        overflow = d.execute_script(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth")
        check(not overflow, "the page scrolls sideways at %dpx" % width)
        height = d.execute_script("return document.documentElement.scrollHeight")
        d.set_window_size(width, height + 40)
        d.execute_script("window.scrollTo(0, 0)")
        screenshot(d, name)


def test_overview_charts_desktop():
    _overview(1280, "complaints-overview-1280.png")


def test_overview_charts_phone():
    _overview(390, "complaints-overview-390.png", "rm_central")
