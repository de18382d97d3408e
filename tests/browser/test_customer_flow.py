"""A person's path through the app in a real browser: sign in, search from
the home page with a Chinese fragment, open the customer, and the list on a
phone-sized screen. Screenshots go to tests/browser/screenshots/."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from browser import Browser, screenshot
from lib import BASE, MSG_LOGIN_FAILED, PASSWORD, check, clear_login_attempts, sql, sql_str

PER_PAGE = 20


def _wait(driver, seconds=10):
    return WebDriverWait(driver, seconds)


def _sign_in(driver, username, password=PASSWORD):
    driver.get(BASE + "/login")
    _wait(driver).until(EC.presence_of_element_located((By.ID, "username")))
    driver.find_element(By.ID, "username").send_keys(username)
    pw = driver.find_element(By.ID, "password")
    pw.send_keys(password)
    pw.send_keys(Keys.ENTER)


def _customer_and_fragment():
    """A known active customer and a 2-character Chinese fragment of its
    name that finds at most one page of customers, so it is on page 1."""
    rows = sql("SELECT id, name FROM customers WHERE status = 'active' ORDER BY id LIMIT 60")
    for cid, name in rows:
        for i in range(len(name) - 1):
            frag = name[i:i + 2]
            if not all("\u4e00" <= ch <= "\u9fff" for ch in frag):
                continue
            n = int(sql("SELECT COUNT(*) FROM customers c WHERE c.status = 'active' AND"
                        " (LOCATE(%(q)s, c.name) > 0 OR c.id IN (SELECT customer_id FROM"
                        " customer_contacts WHERE name = %(q)s))" % {"q": sql_str(frag)})[0][0])
            if 1 <= n <= PER_PAGE // 2:
                return int(cid), name, frag
    raise AssertionError("no customer name with a selective 2-character fragment")


def test_search_from_home_and_open_customer():
    cid, name, frag = _customer_and_fragment()
    with Browser() as d:
        _sign_in(d, "staff01")
        _wait(d).until(EC.presence_of_element_located((By.ID, "home-q")))
        check(d.current_url.rstrip("/") == BASE, "after sign-in the browser is at %s" % d.current_url)
        box = d.find_element(By.ID, "home-q")
        box.send_keys(frag)
        box.submit()
        _wait(d).until(EC.presence_of_element_located((By.ID, "customer-list")))
        check("/customers?" in d.current_url, "search went to %s" % d.current_url)
        links = d.find_elements(By.CSS_SELECTOR, "#customer-list td.name a")
        names = [a.text for a in links]
        check(names, "search for %r listed nothing" % frag)
        check(all(frag in n for n in names) or name in names,
              "rows not matching %r: %s" % (frag, names))
        check(name in names, "customer %r not in the results %s" % (name, names))
        count = d.find_element(By.ID, "result-count").text
        check(str(len(names)) in count, "result count %r for %d rows" % (count, len(names)))
        link = [a for a in links if a.text == name][0]
        check(link.get_attribute("href").endswith("/customers/%d" % cid),
              "link goes to %s" % link.get_attribute("href"))
        link.click()
        _wait(d).until(EC.presence_of_element_located((By.ID, "customer-name")))
        heading = d.find_element(By.ID, "customer-name").text
        check(heading == name, "detail heading %r, expected %r" % (heading, name))
        check(d.current_url.endswith("/customers/%d" % cid), "detail URL %s" % d.current_url)
        check(name in d.title, "page title %r" % d.title)
        # Layout sanity: the heading is visible and the page has its styles.
        h = d.find_element(By.ID, "customer-name")
        check(h.is_displayed() and h.size["height"] > 10, "heading not visible")
        bg = d.execute_script("return getComputedStyle(document.querySelector('.topbar')).display")
        check(bg and bg != "none", "top bar not rendered (stylesheet missing?)")
        screenshot(d, "customer-detail.png")


def test_customer_list_on_a_phone():
    with Browser(390, 844) as d:
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
        _sign_in(d, "staff01")
        _wait(d).until(EC.presence_of_element_located((By.ID, "home-q")))
        d.get(BASE + "/customers")
        _wait(d).until(EC.presence_of_element_located((By.ID, "customer-list")))
        width = d.execute_script("return window.innerWidth")
        check(width == 390, "viewport is %s px wide, not 390" % width)
        rows = d.find_elements(By.CSS_SELECTOR, "#customer-list tbody tr")
        check(len(rows) == PER_PAGE, "%d rows on the phone list" % len(rows))
        # The page itself does not scroll sideways (a wide table may scroll
        # inside its own wrapper).
        overflow = d.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        check(overflow <= 1, "page is %s px wider than the phone screen" % overflow)
        first = d.find_element(By.CSS_SELECTOR, "#customer-list td.name a")
        check(first.is_displayed(), "customer names hidden on a phone")
        box = d.find_element(By.ID, "q")
        check(box.is_displayed() and box.size["width"] <= 390, "search box not usable on a phone")
        screenshot(d, "customer-list-phone.png")


def test_wrong_password_shows_error():
    try:
        with Browser() as d:
            _sign_in(d, "staff01", "not-the-password")
            el = _wait(d).until(EC.visibility_of_element_located((By.ID, "login-error")))
            check(el.text == MSG_LOGIN_FAILED, "error text %r" % el.text)
            check(d.current_url.endswith("/login"), "stayed at %s" % d.current_url)
            check(d.find_element(By.ID, "username").get_attribute("value") == "staff01",
                  "user name not kept")
            check(d.find_element(By.ID, "password").get_attribute("value") == "",
                  "password kept in the form")
    finally:
        clear_login_attempts("staff01")
