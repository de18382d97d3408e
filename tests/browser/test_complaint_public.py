"""The public complaint pages in a real browser: a customer files a return
on a phone-sized screen, sees the receipt, looks the complaint up, and
(once staff have resolved it) is offered the rating; the same pages at
desktop width. Screenshots go to tests/browser/screenshots/."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait

from browser import Browser, screenshot, viewport
from lib import BASE, check, sql, sql_str, sql_value

PHONE_W, DESK_W = 390, 1280


def _wait(driver, seconds=10):
    return WebDriverWait(driver, seconds)


def _full_page(driver, name, width):
    """A screenshot of the whole page: the viewport is made as tall as it."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    viewport(driver, width, max(int(height), 700))
    screenshot(driver, name)
    viewport(driver, width, 844 if width < 640 else 900)


def _fill_return(d, phone):
    d.get(BASE + "/complaint")
    _wait(d).until(EC.presence_of_element_located((By.ID, "complaint-form")))
    packaging = d.find_element(By.ID, "f-packaging_intact")
    check(not packaging.is_displayed(), "packaging question shown for a complaint")
    d.find_element(By.CSS_SELECTOR, 'input[name="kind"][value="return"]').click()
    check(packaging.is_displayed(), "packaging question hidden for a return")
    Select(d.find_element(By.ID, "f-reason")).select_by_value("quality")
    d.find_element(By.ID, "f-description").send_keys("滤芯装上后一直有异味，想退货。")
    Select(d.find_element(By.ID, "f-product_id")).select_by_index(2)
    day = sql_value("SELECT CURDATE() - INTERVAL 2 DAY")
    d.execute_script("arguments[0].value = arguments[1]", d.find_element(By.ID, "f-purchase_date"), day)
    d.find_element(By.ID, "f-order_ref").send_keys("INV-88231")
    d.find_element(By.CSS_SELECTOR, 'input[name="packaging_intact"][value="1"]').click()
    d.find_element(By.ID, "f-name").send_keys("王女士")
    d.find_element(By.ID, "f-phone").send_keys(phone)
    Select(d.find_element(By.ID, "f-province_id")).select_by_visible_text("江苏")


def _status(d, tn, phone):
    """The status page by tracking number and the full phone number."""
    d.get(BASE + "/complaint/status")
    _wait(d).until(EC.presence_of_element_located((By.ID, "status-form")))
    d.find_element(By.ID, "f-tracking_no").send_keys(tn)
    d.find_element(By.ID, "f-phone").send_keys(phone)
    d.find_element(By.ID, "submit-status").click()
    _wait(d).until(EC.presence_of_element_located((By.ID, "stage")))


def _status_link(d):
    """The receipt's personal status link (the receipt is on screen)."""
    link = d.find_element(By.ID, "status-link-open").get_attribute("href")
    check(re.search(r"/complaint/status\?t=[0-9a-f]{64}$", link or ""), "status link %r" % link)
    return link


def test_return_on_a_phone():
    sql("DELETE FROM public_attempts WHERE ip = '127.0.0.1'")
    phone = "139-0571-%04d" % (int(sql_value("SELECT FLOOR(RAND() * 10000)")))
    with Browser(width=PHONE_W, height=844) as d:
        viewport(d, PHONE_W, 844)
        _fill_return(d, phone)
        check(d.execute_script("return window.innerWidth") == PHONE_W, "viewport is not phone-sized")
        width = d.execute_script("return document.documentElement.scrollWidth")
        check(width <= PHONE_W, "the form scrolls sideways on a phone (%s px)" % width)
        _full_page(d, "complaint-form-phone.png", PHONE_W)
        d.find_element(By.ID, "submit-complaint").click()
        _wait(d).until(EC.presence_of_element_located((By.ID, "tracking-no")))
        tn = d.find_element(By.ID, "tracking-no").text
        check(re.match(r"^TS\d{8}-\d{4,}$", tn), "receipt shows %r" % tn)
        check(d.find_element(By.ID, "window-inside").is_displayed(), "inside the 7-day window")
        _full_page(d, "complaint-receipt-phone.png", PHONE_W)
        link = _status_link(d)

        d.get(link)
        _wait(d).until(EC.presence_of_element_located((By.ID, "stage")))
        check("登记" in d.find_element(By.ID, "stage").text, "status shows step 1")
        cid = sql_value("SELECT id FROM complaints WHERE tracking_no = %s" % sql_str(tn))
        sql("INSERT INTO complaint_messages (complaint_id, audience, author, body, at) VALUES"
            " (%s, 'customer', 'staff', %s, NOW())" % (cid, sql_str("您好，我们已安排更换新滤芯，请查收。")))
        sql("UPDATE complaints SET step = 7, first_response_at = NOW() - INTERVAL 2 HOUR,"
            " resolved_at = NOW() - INTERVAL 1 HOUR WHERE id = %s" % cid)
        d.get(link)
        _wait(d).until(EC.presence_of_element_located((By.ID, "stage")))
        check(d.find_element(By.ID, "rate").is_displayed(), "rating offered once resolved")
        _full_page(d, "complaint-status-phone.png", PHONE_W)
        d.find_element(By.CSS_SELECTOR, 'input[name="score"][value="5"]').click()
        d.find_element(By.ID, "submit-rating").click()
        _wait(d).until(EC.presence_of_element_located((By.ID, "rated")))
        check(sql_value("SELECT satisfaction FROM complaints WHERE id = %s" % cid) == "5",
              "rating not stored")


def test_pages_at_desktop_width():
    sql("DELETE FROM public_attempts WHERE ip = '127.0.0.1'")
    phone = "0571-8802%04d" % (int(sql_value("SELECT FLOOR(RAND() * 10000)")))
    with Browser(width=DESK_W, height=900) as d:
        _fill_return(d, phone)
        # A field error keeps everything typed.
        d.find_element(By.ID, "f-phone").clear()
        d.find_element(By.ID, "f-phone").send_keys("12")
        d.find_element(By.ID, "submit-complaint").click()
        _wait(d).until(EC.presence_of_element_located((By.ID, "err-phone")))
        check(d.find_element(By.ID, "f-name").get_attribute("value") == "王女士", "name lost")
        _full_page(d, "complaint-form-error-desktop.png", DESK_W)
        d.find_element(By.ID, "f-phone").clear()
        d.find_element(By.ID, "f-phone").send_keys(phone)
        d.find_element(By.CSS_SELECTOR, 'input[name="packaging_intact"][value="0"]').click()
        d.find_element(By.ID, "submit-complaint").click()
        _wait(d).until(EC.presence_of_element_located((By.ID, "tracking-no")))
        tn = d.find_element(By.ID, "tracking-no").text
        check(d.find_element(By.ID, "window-opened").is_displayed(), "opened packaging named")
        _full_page(d, "complaint-receipt-desktop.png", DESK_W)
        _status_link(d)
        _status(d, tn, phone)
        _full_page(d, "complaint-status-desktop.png", DESK_W)
        d.get(BASE + "/complaint")
        _wait(d).until(EC.presence_of_element_located((By.ID, "complaint-form")))
        _full_page(d, "complaint-form-desktop.png", DESK_W)
