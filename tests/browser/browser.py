"""Headless Chromium for the browser tests (python3-selenium, Debian's
/usr/bin/chromedriver and /usr/bin/chromium), each with a fresh profile."""
import os
import shutil
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

HERE = os.path.dirname(os.path.abspath(__file__))
SCREENSHOTS = os.path.join(HERE, "screenshots")

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


class Browser:
    """Context manager: a headless Chromium with its own temporary profile,
    removed again on exit."""

    def __init__(self, width=1280, height=900):
        self.size = (width, height)
        self.profile = None
        self.driver = None

    def __enter__(self):
        self.profile = tempfile.mkdtemp(prefix="kehu-chromium-")
        opts = webdriver.ChromeOptions()
        opts.binary_location = CHROMIUM
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                    "--window-size=%d,%d" % self.size,
                    "--user-data-dir=%s" % self.profile, "--lang=zh-CN"):
            opts.add_argument(arg)
        log = os.path.join(self.profile, "chromedriver.log")
        self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER, log_output=log)
                                       if _service_takes_log_output() else
                                       Service(CHROMEDRIVER, log_path=log), options=opts)
        self.driver.set_page_load_timeout(30)
        self.driver.implicitly_wait(0)
        return self.driver

    def __exit__(self, *exc):
        try:
            if self.driver is not None:
                self.driver.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)
        return False


def _service_takes_log_output():
    import inspect
    return "log_output" in inspect.signature(Service.__init__).parameters


def viewport(driver, width, height):
    """Headless Chromium's window is at least 500 px wide: a phone-sized
    viewport needs device emulation. As on a phone, a page wider than the
    screen then widens the viewport (window.innerWidth) to fit."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 640})


def screenshot(driver, name):
    os.makedirs(SCREENSHOTS, exist_ok=True)
    path = os.path.join(SCREENSHOTS, name)
    if not driver.save_screenshot(path):
        raise AssertionError("could not save screenshot %s" % path)
    return path


def screenshots(driver, name):
    """The page at 1280 and at 390 px wide as name-1280.png and
    name-390.png (then back to 1280)."""
    viewport(driver, 1280, 900)
    screenshot(driver, "%s-1280.png" % name)
    viewport(driver, 390, 844)
    screenshot(driver, "%s-390.png" % name)
    viewport(driver, 1280, 900)


def sign_in(driver, username):
    """Signs in through /login with the demo password and waits for the
    signed-in page."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait
    from lib import BASE, PASSWORD
    driver.get(BASE + "/login")
    WebDriverWait(driver, 10).until(EC.presence_of_element_located((By.ID, "username")))
    driver.find_element(By.ID, "username").send_keys(username)
    password = driver.find_element(By.ID, "password")
    password.send_keys(PASSWORD)
    password.send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(EC.presence_of_element_located((By.ID, "signout")))


# --- filling in forms (issue 14: a form is tested through its own button) ---

def wait_for(driver, element_id, seconds=15):
    """The element with this id, once the page has it."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, seconds).until(
        EC.presence_of_element_located((By.ID, element_id)))


def fill(driver, element_id, text):
    """Types text into a field (what was in it is cleared first)."""
    from selenium.webdriver.common.by import By
    el = driver.find_element(By.ID, element_id)
    el.clear()
    el.send_keys(text)
    return el


def set_value(driver, element_id, value):
    """Date, month and datetime inputs: typing depends on the locale, so the
    value is set directly."""
    from selenium.webdriver.common.by import By
    driver.execute_script("arguments[0].value = arguments[1]",
                          driver.find_element(By.ID, element_id), value)


def choose(driver, element_id, value):
    """Picks the option with this value in a <select>."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
    Select(driver.find_element(By.ID, element_id)).select_by_value(value)


def press(driver, button, confirm=False):
    """Clicks a form's own submit button (a WebElement, or a CSS selector)
    and waits for the answer (click_and_wait). Returns the new page's flash
    text ("" when none)."""
    from selenium.webdriver.common.by import By
    if isinstance(button, str):
        button = driver.find_element(By.CSS_SELECTOR, button)
    check_submit_button(button)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    click_and_wait(driver, button, confirm)
    found = driver.find_elements(By.CSS_SELECTOR, ".flash")
    return found[0].text if found else ""


def click_and_wait(driver, element, confirm=False):
    """Clicks (answering yes when the page asks first) and waits for the
    page that answers: a mark left on the old page is gone and the new one
    has loaded. (Waiting for an old element to go stale can fail inside
    chromedriver while the document is being replaced.)"""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait
    driver.execute_script("window.kehuOldPage = true")
    element.click()
    if confirm:
        WebDriverWait(driver, 5).until(EC.alert_is_present()).accept()
    WebDriverWait(driver, 15, ignored_exceptions=(WebDriverException,)).until(
        lambda drv: drv.execute_script(
            "return !window.kehuOldPage && document.readyState === 'complete'"))


def filter_by(driver, path, form_id, chosen=(), typed=()):
    """Opens path, picks the (select id, value) pairs and types the (field
    id, text) pairs into the GET form form_id, presses its button and checks
    that the next page's address carries each of them."""
    import urllib.parse
    from selenium.webdriver.common.by import By
    from lib import BASE, check
    driver.get(BASE + path)
    wait_for(driver, form_id)
    for fid, v in chosen:
        choose(driver, fid, v)
    for fid, v in typed:
        fill(driver, fid, v)
    press(driver, "#%s button[type=submit]" % form_id)
    for fid, v in tuple(chosen) + tuple(typed):
        name = driver.find_element(By.ID, fid).get_attribute("name")
        check("%s=%s" % (name, urllib.parse.quote_plus(v)) in driver.current_url,
              "#%s sent %s=%s: %s" % (form_id, name, v, driver.current_url))


def check_submit_button(button):
    """A submit button of a form: what press() clicks is the form's own."""
    from lib import check
    kind = (button.get_attribute("type") or "submit").lower()
    check(button.tag_name in ("button", "input") and kind == "submit",
          "not a submit button: <%s type=%s>" % (button.tag_name, kind))
    check(button.get_property("form") is not None, "the button is in no form")


def status_of(driver):
    """The HTTP status of the page on screen (Chromium's navigation timing
    entry), or 0 when the browser does not say."""
    return int(driver.execute_script(
        "var e = performance.getEntriesByType('navigation')[0];"
        " return e && e.responseStatus ? e.responseStatus : 0") or 0)
