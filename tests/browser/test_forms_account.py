"""Issue 14: the forms every page carries, through their own buttons in a
real browser: sign-in (a field error first), the home page's search, the
language switch there and back, sign-out; and the language switch of the
public pages, signed out. Screenshots go to tests/browser/screenshots/."""
from selenium.webdriver.common.by import By

from browser import Browser, fill, press, screenshot, wait_for
from lib import BASE, PASSWORD, check, clear_login_attempts, sql, sql_str

USER = "staff04"


def _lang(driver):
    return driver.find_element(By.TAG_NAME, "html").get_attribute("lang")


def test_sign_in_language_sign_out():
    sql("UPDATE users SET lang = 'zh-CN' WHERE username = %s" % sql_str(USER))
    try:
        with Browser() as d:
            d.get(BASE + "/login")
            wait_for(d, "login-form")
            fill(d, "username", USER)
            press(d, "#login-form button[type=submit]")
            err = d.find_element(By.ID, "err-password")
            check(err.is_displayed() and err.text, "the missing password is named at its field")
            check(d.find_element(By.ID, "username").get_attribute("value") == USER, "the name is kept")
            fill(d, "password", PASSWORD)
            press(d, "#login-form button[type=submit]")
            wait_for(d, "home-search")
            check(d.current_url.rstrip("/") == BASE, "signed in at %s" % d.current_url)

            fill(d, "home-q", "净水")
            press(d, "#home-search button[type=submit]")
            wait_for(d, "customer-filters")
            check("/customers?q=" in d.current_url, "the search went to %s" % d.current_url)
            check(d.find_element(By.ID, "q").get_attribute("value") == "净水", "the search is kept")

            press(d, "#lang-form button[type=submit]")
            check(_lang(d) == "en", "English after the switch: lang=%r" % _lang(d))
            check(d.current_url.split("?")[0].endswith("/customers"),
                  "the switch came back to %s" % d.current_url)
            check("Customers" in d.title, "English title %r" % d.title)
            check(sql("SELECT lang FROM users WHERE username = %s" % sql_str(USER))[0][0] == "en",
                  "the choice is stored for the user")
            screenshot(d, "forms-language-en-1280.png")
            press(d, "#lang-form button[type=submit]")
            check(_lang(d) == "zh-CN", "Chinese again: lang=%r" % _lang(d))

            flash = press(d, "#signout-form button[type=submit]")
            wait_for(d, "login-form")
            check("已安全退出" in flash, "signed out: %r" % flash)
            d.get(BASE + "/customers")
            wait_for(d, "login-form")
            check("/login" in d.current_url, "signed out, the list asks to sign in: %s" % d.current_url)
    finally:
        sql("UPDATE users SET lang = 'zh-CN' WHERE username = %s" % sql_str(USER))
        clear_login_attempts(USER)


def test_public_language():
    with Browser() as d:
        d.get(BASE + "/complaint/status")
        wait_for(d, "status-form")
        press(d, "#lang-form button[type=submit]")
        wait_for(d, "status-form")
        check(_lang(d) == "en", "the public page in English: lang=%r" % _lang(d))
        check(d.current_url.endswith("/complaint/status"), "came back to %s" % d.current_url)
        label = d.find_element(By.CSS_SELECTOR, "label[for=f-tracking_no]").text
        check(not any("\u4e00" <= ch <= "\u9fff" for ch in label), "an English label: %r" % label)
        press(d, "#lang-form button[type=submit]")
        check(_lang(d) == "zh-CN", "Chinese again: lang=%r" % _lang(d))
