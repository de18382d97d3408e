"""The regional manager's dealer dashboard in a real browser with
JavaScript on: sign-in lands on /dashboard, the six charts are drawn from
their tables (static/charts.js over Debian's Chart.js), at a desktop and a
narrow width, without sideways scrolling. Screenshots go to
tests/browser/screenshots/."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from browser import Browser, screenshot
from lib import BASE, PASSWORD, check


def _dashboard(width, name, username="rm_huadong"):
    with Browser(width=width, height=900) as d:
        d.get(BASE + "/login")
        WebDriverWait(d, 10).until(EC.presence_of_element_located((By.ID, "username")))
        d.find_element(By.ID, "username").send_keys(username)
        pw = d.find_element(By.ID, "password")
        pw.send_keys(PASSWORD)
        pw.send_keys(Keys.ENTER)
        WebDriverWait(d, 10).until(EC.presence_of_element_located((By.ID, "t-dealers")))
        check(d.current_url.endswith("/dashboard"), "landed on %s" % d.current_url)
        WebDriverWait(d, 15).until(
            lambda drv: len(drv.find_elements(By.CSS_SELECTOR, ".chart-box canvas")) >= 5)
        for canvas in d.find_elements(By.CSS_SELECTOR, ".chart-box canvas"):
            check(canvas.size["width"] > 150 and canvas.size["height"] > 150,
                  "a chart of %s at %dpx" % (canvas.size, width))
        check(len(d.find_elements(By.CSS_SELECTOR, "#t-dealers tbody tr")) > 0, "dealer rows")
        overflow = d.execute_script(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth")
        check(not overflow, "the page scrolls sideways at %dpx" % width)
        height = d.execute_script("return document.documentElement.scrollHeight")
        d.set_window_size(width, height + 40)
        d.execute_script("window.scrollTo(0, 0)")
        screenshot(d, name)


def test_dashboard_desktop():
    _dashboard(1280, "dashboard-1280.png")


def test_dashboard_narrow():
    _dashboard(500, "dashboard-500.png", "rm_central")
