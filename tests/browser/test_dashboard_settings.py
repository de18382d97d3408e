"""The dashboard's settings page for an admin in a real browser, at a
desktop and a phone width: the six fields, the link from the dashboard,
the day the figures are for, no sideways scrolling. Screenshots go to
tests/browser/screenshots/."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from browser import Browser, screenshot
from lib import BASE, PASSWORD, check


def _settings(width, name):
    with Browser(width=width, height=900) as d:
        d.get(BASE + "/login")
        WebDriverWait(d, 10).until(EC.presence_of_element_located((By.ID, "username")))
        d.find_element(By.ID, "username").send_keys("admin")
        pw = d.find_element(By.ID, "password")
        pw.send_keys(PASSWORD)
        pw.send_keys(Keys.ENTER)
        WebDriverWait(d, 10).until(lambda drv: "/login" not in drv.current_url)
        d.get(BASE + "/dashboard")
        WebDriverWait(d, 10).until(EC.presence_of_element_located((By.ID, "settings-link")))
        check(d.find_element(By.ID, "as-of").text.startswith("数据截至"), "the day on the dashboard")
        d.find_element(By.ID, "settings-link").click()
        WebDriverWait(d, 10).until(EC.presence_of_element_located((By.ID, "settings-form")))
        fields = d.find_elements(By.CSS_SELECTOR, "#settings-form input[type=number]")
        check(len(fields) == 6 and all(f.size["width"] > 80 for f in fields),
              "six visible fields at %dpx" % width)
        overflow = d.execute_script(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth")
        check(not overflow, "the settings page scrolls sideways at %dpx" % width)
        height = d.execute_script("return document.documentElement.scrollHeight")
        d.set_window_size(width, height + 40)
        screenshot(d, name)


def test_settings_desktop():
    _settings(1280, "dashboard-settings-1280.png")


def test_settings_phone():
    _settings(390, "dashboard-settings-390.png")
