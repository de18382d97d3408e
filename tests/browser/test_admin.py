"""Issue 15 in a real browser, every administration and my-account form by
its own button, with screenshots at 1280 and 390 px: an admin creates a
user (a rejected form first), gets the one-time password, resets it; the
user signs in with it, is held on the change-password page (a weak
password refused first), sets a new one and reaches home; then signs out
of other sessions and changes language on my account. Products (create,
retire) and regions (rename, a province moved and back)."""
import os
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from browser import Browser, choose, fill, press, screenshots, sign_in, wait_for
from lib import BASE, check, sql, sql_value

NEW_PASSWORD = "Maple-harbour-5150"


def _list_then_new(d, table, what):
    """On a list page: its screenshots, then its "new" button's form."""
    wait_for(d, table)
    screenshots(d, "admin-" + table)
    d.find_element(By.ID, "new-" + what).click()
    wait_for(d, what + "-form")


def _sign_in_as(d, username, password, landing):
    d.get(BASE + "/login")
    wait_for(d, "username").send_keys(username)
    field = d.find_element(By.ID, "password")
    field.send_keys(password)
    field.send_keys(Keys.ENTER)
    return wait_for(d, landing)


def test_user_journey():
    name = "b_" + os.urandom(3).hex()
    with Browser() as d:
        sign_in(d, "admin")
        d.find_element(By.CSS_SELECTOR, '.mainnav a[href="/admin"]').click()
        wait_for(d, "admin-users")
        screenshots(d, "admin-index")
        d.find_element(By.CSS_SELECTOR, '#admin-users a').click()
        _list_then_new(d, "users", "user")
        fill(d, "f-username", name)
        choose(d, "f-role", "regional_manager")
        press(d, "#save-user")
        check(d.find_element(By.ID, "err-display_name").is_displayed(), "the missing name is named")
        check(d.find_element(By.ID, "err-regions").is_displayed(), "a manager needs a region")
        check(d.find_element(By.ID, "f-username").get_attribute("value") == name, "typed name kept")
        screenshots(d, "admin-user-error")
        fill(d, "f-display_name", "浏览器 测试")
        region = sql_value("SELECT id FROM regions WHERE code = 'huanan'")
        d.find_element(By.CSS_SELECTOR, 'input[name="region_%s"]' % region).click()
        press(d, "#save-user")
        first = wait_for(d, "one-time-password").text
        screenshots(d, "admin-one-time")
        check(len(first) == 12, "a one-time password: %r" % first)
        check(sql_value("SELECT region_list FROM users WHERE username = '%s'" % name) == region,
              "the manager's region stored")

        # The edit form (saved unchanged) and the reset form.
        uid = sql_value("SELECT id FROM users WHERE username = '%s'" % name)
        d.get(BASE + "/admin/users/%s" % uid)
        wait_for(d, "user-form")
        fill(d, "f-phone", "020-88886666")
        check(press(d, "#save-user").startswith("用户已保存"), "edit saved")
        check(sql_value("SELECT phone FROM users WHERE id = %s" % uid) == "020-88886666", "phone")
        d.get(BASE + "/admin/users/%s" % uid)
        wait_for(d, "reset-form")
        screenshots(d, "admin-user-edit")
        press(d, "#reset-user-password", confirm=True)
        password = wait_for(d, "one-time-password").text
        check(password != first, "a new one-time password")

    with Browser() as d:
        # The new user: held on the change page until a password is set.
        form = _sign_in_as(d, name, password, "password-form")
        check(d.current_url.endswith("/account/password"), "sent to the change page")
        check(not d.find_elements(By.CSS_SELECTOR, ".mainnav a"), "no navigation meanwhile")
        d.get(BASE + "/customers")
        wait_for(d, "password-form")
        check(d.current_url.endswith("/account/password"), "other pages lead back here")
        screenshots(d, "account-must-change")
        fill(d, "f-current_password", password)
        fill(d, "f-new_password", "WoAiNi1314")
        fill(d, "f-new_password2", "WoAiNi1314")
        press(d, "#save-password")
        check(d.find_element(By.ID, "err-new_password").is_displayed(), "a common password refused")
        screenshots(d, "account-password-error")
        fill(d, "f-current_password", password)
        fill(d, "f-new_password", NEW_PASSWORD)
        fill(d, "f-new_password2", NEW_PASSWORD)
        flash = press(d, "#save-password")
        check(flash.startswith("新密码已保存"), "saved: %r" % flash)
        check(d.current_url.rstrip("/") == BASE or "/dashboard" in d.current_url,
              "reached home: %s" % d.current_url)
        check(d.find_elements(By.CSS_SELECTOR, ".mainnav a"), "navigation is back")
        del form

        # My account: other sessions, language.
        d.find_element(By.ID, "my-account").click()
        wait_for(d, "sessions-form")
        screenshots(d, "account")
        check(press(d, "#end-sessions", confirm=True).startswith("没有其他会话"), "sessions flash")
        choose(d, "f-lang", "en")
        press(d, "#save-lang")
        check(d.find_element(By.TAG_NAME, "h1").text == "My account", "English now")
        choose(d, "f-lang", "zh-CN")
        press(d, "#save-lang")
        check(d.find_element(By.TAG_NAME, "h1").text == "我的账号", "Chinese again")


def test_products_and_regions():
    code = "B" + os.urandom(3).hex().upper()
    rid, en = sql("SELECT id, name_en FROM regions WHERE code = 'xinan'")[0]
    province, home = sql("SELECT id, region_code FROM provinces WHERE code = 'yunnan'")[0]
    try:
        with Browser() as d:
            sign_in(d, "admin")
            # Categories: one added, then renamed in its row.
            d.get(BASE + "/admin/products")
            wait_for(d, "new-category-form")
            fill(d, "f-name_zh", "浏览器类别")
            fill(d, "f-name_en", "Browser category")
            check(press(d, "#add-category").startswith("产品类别已保存"), "category added")
            cid = sql_value("SELECT MAX(id) FROM product_categories WHERE name_zh = '浏览器类别'")
            row = d.find_element(By.CSS_SELECTOR, 'input[form="category-form-%s"][name="name_en"]' % cid)
            row.clear()
            row.send_keys("Renamed in the browser")
            check(press(d, "#category-form-%s button" % cid).startswith("产品类别已保存"), "renamed")
            check(sql_value("SELECT name_en FROM product_categories WHERE id = %s" % cid)
                  == "Renamed in the browser", "stored")
            _list_then_new(d, "products", "product")
            fill(d, "f-code", code)
            fill(d, "f-name", "浏览器产品")
            choose(d, "f-category_id", sql_value("SELECT MIN(id) FROM product_categories"))
            fill(d, "f-list_price", "abc")
            fill(d, "f-unit_cost", "55.5")
            press(d, "#save-product")
            check(d.find_element(By.ID, "err-list_price").is_displayed(), "bad price named")
            screenshots(d, "admin-product-error")
            fill(d, "f-list_price", "99.90")
            check(press(d, "#save-product").startswith("产品已保存"), "created")
            pid = sql_value("SELECT id FROM products WHERE code = '%s'" % code)
            d.get(BASE + "/admin/products/%s" % pid)
            wait_for(d, "product-form")
            d.find_element(By.ID, "f-active").click()
            check(press(d, "#save-product").startswith("产品已保存"), "retired")
            check(sql_value("SELECT active FROM products WHERE id = %s" % pid) == "0", "stored")

            d.get(BASE + "/admin/regions")
            wait_for(d, "provinces-form")
            screenshots(d, "admin-regions")
            choose(d, "f-province_%s" % province, "huanan")
            check(press(d, "#save-provinces").startswith("省份所属区域已保存"), "moved")
            check(sql_value("SELECT region_code FROM provinces WHERE id = %s" % province) == "huanan",
                  "the province moved")
            d.find_element(By.CSS_SELECTOR, 'a[href="/admin/regions/%s"]' % rid).click()
            wait_for(d, "region-form")
            fill(d, "f-name_en", "")
            press(d, "#save-region")
            check(d.find_element(By.ID, "err-name_en").is_displayed(), "empty name named")
            fill(d, "f-name_en", "South-west")
            check(press(d, "#save-region").startswith("区域已保存"), "renamed")
            check(sql_value("SELECT name_en FROM regions WHERE id = %s" % rid) == "South-west", "stored")
    finally:
        sql("UPDATE regions SET name_en = '%s' WHERE id = %s" % (en, rid))
        sql("UPDATE provinces SET region_code = '%s' WHERE id = %s" % (home, province))
