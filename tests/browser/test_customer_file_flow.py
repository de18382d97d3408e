"""The customer-file journey in a real browser: create a customer, add a key
person and a contact-log entry, find it by a Chinese fragment of its name,
and export the list it is on. Screenshots go to tests/browser/screenshots/."""
import http.client
import random
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from browser import Browser, screenshot
from lib import BASE, HOST, PORT, PASSWORD, check, sql, sql_str

PREFIX = "浏览器测试"
# Rare characters, so the fragment finds only the customer made here.
RARE = "麒麟鸾凤鹤鹭鹂鹊琥珀璎珞翡翠"


def _wait(driver, seconds=15):
    return WebDriverWait(driver, seconds)


def _cleanup():
    ids = [r[0] for r in sql("SELECT id FROM customers WHERE name LIKE %s" % sql_str(PREFIX + "%"))]
    if ids:
        idl = ", ".join(ids)
        for t in ("customer_contacts", "contact_log", "customer_search", "customer_bigrams"):
            sql("DELETE FROM %s WHERE customer_id IN (%s)" % (t, idl))
        sql("DELETE FROM customers WHERE id IN (%s)" % idl)


def _fill(d, field_id, text):
    el = d.find_element(By.ID, field_id)
    el.clear()
    el.send_keys(text)


def _set_date(d, field_id, iso):
    # Date inputs take the value through script: typing depends on locale.
    d.execute_script("document.getElementById(arguments[0]).value = arguments[1]", field_id, iso)


def _open_entry_form(d, tab, form_id):
    d.find_element(By.ID, "tab-" + tab).click()
    _wait(d).until(EC.presence_of_element_located((By.ID, form_id)))
    d.find_element(By.CSS_SELECTOR, "details.add-form > summary").click()


def test_create_customer_add_people_and_contact_search_export():
    _cleanup()
    frag = "".join(random.sample(RARE, 2))
    name = "%s%s净水设备有限公司" % (PREFIX, frag)
    try:
        with Browser() as d:
            d.get(BASE + "/login")
            _wait(d).until(EC.presence_of_element_located((By.ID, "username")))
            d.find_element(By.ID, "username").send_keys("staff02")
            pw = d.find_element(By.ID, "password")
            pw.send_keys(PASSWORD)
            pw.send_keys(Keys.ENTER)
            _wait(d).until(EC.presence_of_element_located((By.ID, "home-q")))

            # Create.
            d.get(BASE + "/customers/new")
            _wait(d).until(EC.presence_of_element_located((By.ID, "customer-form")))
            # Kind and region are chosen by the user, never preselected.
            for sel in ("f-kind", "f-region_id"):
                check(Select(d.find_element(By.ID, sel)).first_selected_option.get_attribute("value") == "",
                      "%s starts unchosen" % sel)
            _fill(d, "f-name", name)
            Select(d.find_element(By.ID, "f-kind")).select_by_value("dealer")
            Select(d.find_element(By.ID, "f-region_id")).select_by_visible_text("华东")
            _fill(d, "f-city", "苏州")
            _fill(d, "f-postal_code", "215000")
            _fill(d, "f-phone", "0512-66778899")
            d.find_element(By.ID, "save-customer").click()
            _wait(d).until(EC.presence_of_element_located((By.ID, "customer-name")))
            check(d.find_element(By.ID, "customer-name").text == name, "file page heading")
            cid = int(d.current_url.rstrip("/").split("/")[-1].split("?")[0])

            # Edit it through the file's own 编辑 button and the form's own
            # save button (the form once posted to /customers/{id}/edit/edit).
            d.find_element(By.ID, "edit-customer").click()
            _wait(d).until(EC.presence_of_element_located((By.ID, "customer-form")))
            action = d.find_element(By.ID, "customer-form").get_attribute("action")
            check(action.endswith("/customers/%d/edit" % cid), "edit form posts to %s" % action)
            back = d.find_element(By.CSS_SELECTOR, "p.crumb a").get_attribute("href")
            check(back.endswith("/customers/%d" % cid), "edit page's back link goes to %s" % back)
            _fill(d, "f-city", "无锡")
            d.find_element(By.ID, "save-customer").click()
            _wait(d).until(EC.presence_of_element_located((By.ID, "customer-name")))
            check(d.current_url.split("?")[0].endswith("/customers/%d" % cid),
                  "after saving the browser is at %s" % d.current_url)
            check("无锡" in d.find_element(By.TAG_NAME, "body").text, "the saved city is shown")
            check(sql("SELECT city FROM customers WHERE id = %d" % cid)[0][0] == "无锡",
                  "the edited city is stored")

            # A key person.
            _open_entry_form(d, "people", "form-person")
            _fill(d, "f-name", "钱经理")
            Select(d.find_element(By.ID, "f-role")).select_by_value("purchasing")
            _fill(d, "f-phone", "13912345678")
            _set_date(d, "f-birthday", "1980-06-18")
            d.find_element(By.CSS_SELECTOR, "#form-person button[type=submit]").click()
            _wait(d).until(EC.presence_of_element_located((By.ID, "key-people")))
            people = d.find_element(By.ID, "key-people").text
            check("钱经理" in people, "key person listed: %r" % people)

            # A contact-log entry with a next action.
            _open_entry_form(d, "contacts", "form-contact")
            Select(d.find_element(By.ID, "f-channel")).select_by_value("visit")
            _set_date(d, "f-contacted_on", "2026-11-20")
            _fill(d, "f-people", "钱经理")
            _fill(d, "f-heard", "明年计划把净水器门店从 3 家扩到 5 家，需要我们的陈列支持。")
            _fill(d, "f-next_action", "寄送陈列方案")
            _set_date(d, "f-next_due", "2026-12-05")
            d.find_element(By.CSS_SELECTOR, "#form-contact button[type=submit]").click()
            _wait(d).until(EC.presence_of_element_located((By.ID, "contact-log")))
            log = d.find_element(By.ID, "contact-log").text
            check("寄送陈列方案" in log, "contact entry listed: %r" % log)
            screenshot(d, "customer-file-contacts.png")

            # Find it by a 2-character fragment of its name.
            d.get(BASE + "/customers")
            _wait(d).until(EC.presence_of_element_located((By.ID, "q")))
            box = d.find_element(By.ID, "q")
            box.send_keys(frag)
            before = d.find_element(By.ID, "customer-list")
            box.submit()
            # The unfiltered list is there until the answer replaces it.
            _wait(d).until(EC.staleness_of(before))
            _wait(d).until(EC.presence_of_element_located((By.ID, "customer-list")))
            names = [a.text for a in d.find_elements(By.CSS_SELECTOR, "#customer-list td.name a")]
            check(names == [name], "search %r found %s" % (frag, names))
            screenshot(d, "customer-search.png")

            # Export the list as it stands (the link carries the search).
            link = d.find_element(By.CSS_SELECTOR, "a[href*='/customers/export.csv']")
            href = link.get_attribute("href")
            check("q=" in href, "export link keeps the search: %s" % href)
            cookies = "; ".join("%s=%s" % (c["name"], c["value"]) for c in d.get_cookies())
            u = urllib.parse.urlsplit(href)
            conn = http.client.HTTPConnection(HOST, PORT, timeout=30)
            conn.request("GET", u.path + "?" + u.query, headers={"Cookie": cookies})
            r = conn.getresponse()
            body = r.read()
            conn.close()
            check(r.status == 200, "export answered %d" % r.status)
            text = body.decode("utf-8-sig")
            rows = [line for line in text.splitlines() if line.strip()]
            check(len(rows) == 2 and name in rows[1], "exported rows %r" % rows)
            check(sql("SELECT COUNT(*) FROM customer_contacts WHERE customer_id = %d" % cid)[0][0] == "1",
                  "key person stored")
    finally:
        _cleanup()
