"""Issue 15 in a real browser: staff take a phone call, find the caller's
customer file, register an exchange request through the intake form's own
button and get the receipt with the tracking number; then the customer
looks the complaint up on the public status page with that number and the
phone number; staff attach a photo on the complaint page. Screenshots at
1280 and 390 px wide."""
import tempfile

from selenium.webdriver.common.by import By

from browser import (Browser, check_submit_button, choose, fill, press, screenshot,
                     set_value, sign_in, viewport, wait_for)
from lib import BASE, check, sql, sql_value

PHONE_W, DESK_W = 390, 1280
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(64))


def _full_page(d, name, width):
    viewport(d, width, 900)
    height = d.execute_script("return document.documentElement.scrollHeight")
    viewport(d, width, max(int(height), 700))
    screenshot(d, name)
    viewport(d, width, 844 if width < 640 else 900)


def _no_sideways_scroll(d, width, what):
    viewport(d, width, 844)
    scroll = d.execute_script("return document.documentElement.scrollWidth")
    check(scroll <= width, "%s scrolls sideways at %d px (%s px)" % (what, width, scroll))


def test_staff_register_phone_then_customer_looks_up():
    cust, code, name = sql("SELECT c.id, c.code, c.name FROM customers c JOIN regions g"
                           " ON g.id = c.region_id WHERE g.code = 'huadong' AND c.status = 'active'"
                           " ORDER BY c.id LIMIT 1")[0]
    phone = "0571-8765%04d" % int(sql_value("SELECT FLOOR(RAND() * 10000)"))
    sql("DELETE FROM public_attempts WHERE ip = '127.0.0.1'")
    with Browser(width=DESK_W) as d:
        sign_in(d, "staff01")
        d.get(BASE + "/complaints")
        d.find_element(By.ID, "new-complaint").click()
        wait_for(d, "intake-form")
        # The caller's customer file, found by its code and picked.
        fill(d, "f-q", code)
        press(d, "#customer-find button[type=submit]")
        d.find_element(By.ID, "pick-%s" % cust).click()
        chosen = wait_for(d, "customer-chosen")
        check(name in chosen.text, "the picked file is named: %r" % chosen.text)

        d.find_element(By.CSS_SELECTOR, 'input[name="source"][value="phone"]').click()
        packaging = d.find_element(By.ID, "f-packaging_intact")
        check(not packaging.is_displayed(), "packaging asked for a complaint")
        d.find_element(By.CSS_SELECTOR, 'input[name="kind"][value="exchange"]').click()
        check(packaging.is_displayed(), "packaging not asked for an exchange")
        check("退货或换货" in packaging.text, "the 7-day rule names return or exchange")
        choose(d, "f-reason", "quality")
        choose(d, "f-expected", "replace")
        fill(d, "f-description", "来电：净水器装好第二天漏水，客户希望换一台新的。")
        product = sql_value("SELECT id FROM products WHERE active = 1 ORDER BY id LIMIT 1")
        choose(d, "f-product_id", product)
        set_value(d, "f-purchase_date", sql_value("SELECT CURDATE() - INTERVAL 2 DAY"))
        d.find_element(By.CSS_SELECTOR, 'input[name="packaging_intact"][value="1"]').click()
        fill(d, "f-name", "周先生")
        fill(d, "f-phone", phone)
        choose(d, "f-province_id", sql_value("SELECT id FROM provinces WHERE code = 'zhejiang'"))
        _full_page(d, "complaint-intake-form.png", DESK_W)
        _no_sideways_scroll(d, PHONE_W, "the intake form")
        _full_page(d, "complaint-intake-form-phone.png", PHONE_W)
        viewport(d, DESK_W, 900)

        button = d.find_element(By.ID, "register-complaint")
        check_submit_button(button)
        press(d, button)
        tn = wait_for(d, "tracking-no").text
        check(tn.startswith("TS"), "tracking number on the receipt: %r" % tn)
        check("电话" in d.find_element(By.ID, "receipt-source").text, "the channel on the receipt")
        check(code in d.find_element(By.ID, "receipt-customer").text, "the customer on the receipt")
        check(d.find_element(By.ID, "print-receipt").is_displayed(), "the print button")
        link = d.find_element(By.ID, "status-link-text").text
        check("/complaint/status?t=" in link, "the personal status link: %r" % link)
        check(d.find_element(By.ID, "window-inside").is_displayed(), "inside the 7-day window")
        _full_page(d, "complaint-intake-receipt.png", DESK_W)
        _no_sideways_scroll(d, PHONE_W, "the receipt")
        _full_page(d, "complaint-intake-receipt-phone.png", PHONE_W)
        cid = int(sql_value("SELECT id FROM complaints WHERE tracking_no = '%s'" % tn))
        check(sql("SELECT source, kind, expected, customer_id FROM complaints WHERE id = %d" % cid)
              == [["phone", "exchange", "replace", cust]], "stored as registered")

        # The complaint page: the channel, and a photo attached at step 1.
        viewport(d, DESK_W, 900)
        d.find_element(By.ID, "receipt-open").click()
        wait_for(d, "attach-form")
        check("电话" in d.find_element(By.ID, "source").text, "the channel on the complaint page")
        with tempfile.NamedTemporaryFile(suffix=".png", prefix="kehu-photo-") as photo:
            photo.write(PNG)
            photo.flush()
            d.find_element(By.ID, "f-file1").send_keys(photo.name)
            flash = press(d, "#attach-files")
        check(flash == "附件已上传。", "attached: %r" % flash)
        listed = d.find_element(By.ID, "attachments").text
        me = sql_value("SELECT display_name FROM users WHERE username = 'staff01'")
        check("kehu-photo-" in listed and me in listed, "the attachment and its uploader: %r" % listed)
        d.execute_script("document.getElementById('submission').scrollIntoView()")
        screenshot(d, "complaint-intake-attached.png")
        viewport(d, PHONE_W, 844)
        d.execute_script("document.getElementById('attach-form').scrollIntoView({block: 'center'})")
        screenshot(d, "complaint-intake-attached-phone.png")
        viewport(d, DESK_W, 900)

    # The customer, on a phone, with the number read out to them.
    with Browser(width=PHONE_W, height=844) as d:
        viewport(d, PHONE_W, 844)
        d.get(BASE + "/complaint/status")
        wait_for(d, "status-form")
        fill(d, "f-tracking_no", tn)
        fill(d, "f-phone", phone)
        press(d, "#submit-status")
        wait_for(d, "stage")
        check(d.find_element(By.ID, "tracking-no").text == tn, "the customer sees the complaint")
        check("已收到您的换货申请" in d.find_element(By.ID, "messages").text,
              "the first message names the exchange")
        _full_page(d, "complaint-intake-status-phone.png", PHONE_W)
        _full_page(d, "complaint-intake-status.png", DESK_W)


def test_intake_form_rejected_keeps_input():
    """A blank channel and description come back at their fields with what
    was typed kept (1280 and 390 px)."""
    with Browser(width=DESK_W) as d:
        sign_in(d, "staff02")
        d.get(BASE + "/complaints/new")
        wait_for(d, "intake-form")
        fill(d, "f-name", "赵女士")
        fill(d, "f-phone", "13912345678")
        choose(d, "f-reason", "service")
        press(d, "#register-complaint")
        wait_for(d, "form-errors")
        for field in ("source", "description", "province_id"):
            check(d.find_elements(By.ID, "err-%s" % field), "no message at %s" % field)
        check(d.find_element(By.ID, "f-name").get_attribute("value") == "赵女士", "name kept")
        banner = d.find_element(By.ID, "form-errors").text
        check("来源：" in banner, "the banner names the channel group: %r" % banner)
        _full_page(d, "complaint-intake-rejected.png", DESK_W)
        _full_page(d, "complaint-intake-rejected-phone.png", PHONE_W)
