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
