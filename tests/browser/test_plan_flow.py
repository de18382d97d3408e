"""The support-plan journey in a real browser: staff drafts a plan with
three catalogue measures and submits it, a leader approves it, staff
records what was done for one measure, and the plan page shows the spend
against its budget. Screenshots of the plan page at 1280 and 500 px (about
Chromium's narrowest window) go to tests/browser/screenshots/."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from browser import Browser, screenshot
from lib import BASE, PASSWORD, check, sql, sql_str, sql_value
from test_plans import dealer, empty_year

MEASURES = (("1.3", "1200.00", (3, 4)), ("2.3", "800.00", (5,)), ("4.3", "1500.00", (9, 10, 11)))


def _wait(d, seconds=15):
    return WebDriverWait(d, seconds)


def _sign_in(d, username):
    d.delete_all_cookies()
    d.get(BASE + "/login")
    _wait(d).until(EC.presence_of_element_located((By.ID, "username")))
    d.find_element(By.ID, "username").send_keys(username)
    pw = d.find_element(By.ID, "password")
    pw.send_keys(PASSWORD)
    pw.send_keys(Keys.ENTER)
    _wait(d).until(EC.presence_of_element_located((By.ID, "signout")))


def _fill(d, field_id, text):
    el = d.find_element(By.ID, field_id)
    el.clear()
    el.send_keys(text)


def _mark(d):
    """Marks the page on screen, so that _flash waits for the next one (the
    old page's flash is still there while the form's answer loads)."""
    d.execute_script("document.documentElement.setAttribute('data-old', '1')")


def _press(d, el):
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", el)
    _mark(d)
    el.click()


def _click(d, element_id):
    _press(d, d.find_element(By.ID, element_id))


def _flash(d):
    _wait(d).until(lambda drv: drv.execute_script(
        "return document.readyState === 'complete' &&"
        " !document.documentElement.hasAttribute('data-old')"))
    return _wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".flash"))).text


def _plan_journey(d, code, year, cost, done_on="2026-09-12"):
    """staff01 drafts a plan for the dealer and year with the three measures
    and submits it, leader1 approves it, staff01 records `cost` spent on
    measure 4.3 (so it is overspent). Returns (plan id, its line key)."""
    _sign_in(d, "staff01")
    d.get(BASE + "/plans/new")
    _wait(d).until(EC.presence_of_element_located((By.ID, "new-plan-form")))
    _fill(d, "f-code", code)
    _fill(d, "f-year", str(year))
    d.find_element(By.CSS_SELECTOR, "#new-plan-form button[type=submit]").click()
    _wait(d).until(EC.presence_of_element_located((By.ID, "goals-form")))
    pid = int(d.current_url.rstrip("/").split("/")[-1])
    _fill(d, "f-sales_target", "2000000")
    _fill(d, "f-growth_target", "12.5")
    _fill(d, "f-focus", "门店陈列改善与店员培训")
    _press(d, d.find_element(By.CSS_SELECTOR, "#goals-form button[type=submit]"))
    check("计划目标已保存" in _flash(d), "goals saved")
    for mcode, budget, months in MEASURES:
        _click(d, "add-measure")
        _wait(d).until(EC.presence_of_element_located((By.ID, "item-form")))
        mid = sql_value("SELECT id FROM support_measures WHERE code = %s" % sql_str(mcode))
        Select(d.find_element(By.ID, "f-measure")).select_by_value("m" + mid)
        _fill(d, "f-budget", budget)
        for m in months:
            d.find_element(By.ID, "f-m%d" % m).click()
        _fill(d, "f-expected_effect", "提升门店销量")
        _press(d, d.find_element(By.ID, "save-item"))
        check("支援项目已保存" in _flash(d), "measure %s saved" % mcode)
    rows = d.find_elements(By.CSS_SELECTOR, "#open-items tr[data-line]")
    check(len(rows) == 3, "three measures listed: %d" % len(rows))
    on = d.find_elements(By.CSS_SELECTOR, "#open-items .mo.on")
    check(len(on) == 6, "six planned months in the strips: %d" % len(on))
    _click(d, "act-submit")
    check("已提交领导审批" in _flash(d), "submitted")
    screenshot(d, "plan-submitted-1280.png")

    _sign_in(d, "leader1")
    d.get(BASE + "/plans/%d" % pid)
    _click(d, "approve")
    check("已批准" in _flash(d), "approved")

    _sign_in(d, "staff01")
    d.get(BASE + "/plans/%d" % pid)
    d.find_element(By.CSS_SELECTOR, "#exec-details > summary").click()
    line = sql_value("SELECT i.line_key FROM support_plan_items i JOIN support_plans p"
                     " ON p.approved_rev_id = i.revision_id JOIN support_measures m"
                     " ON m.id = i.measure_id WHERE p.id = %d AND m.code = '4.3'" % pid)
    Select(d.find_element(By.ID, "f-line_key")).select_by_value(line)
    d.execute_script("document.getElementById('f-done_on').value = arguments[0]", done_on)
    _fill(d, "f-actual_cost", cost)
    _fill(d, "f-what_done", "为门店制作 POP 广告和陈列台，现场指导陈列")
    _fill(d, "f-result", "门店客流增加")
    Select(d.find_element(By.ID, "f-rating")).select_by_value("4")
    _click(d, "record")
    check("执行记录已保存" in _flash(d), "execution recorded")
    check(sql("SELECT status FROM support_plans WHERE id = %d" % pid)[0][0] == "in_progress",
          "the first record starts the plan")
    return pid, line


def test_draft_approve_execute_screens():
    cid, code = dealer("huadong")
    year = empty_year()   # the budget page sums every plan of the year
    with Browser(1280, 900) as d:
        pid, line = _plan_journey(d, code, year, "1680.00")
        actual = d.find_element(By.ID, "plan-actual").text
        check(actual == "¥1,680.00", "plan actual: %r" % actual)
        over = d.find_elements(By.CSS_SELECTOR, '#items tr[data-line="%s"] .over-flag' % line)
        check(over and over[0].is_displayed(), "the 1680 > 1500 measure is flagged")
        check("超支" in over[0].text, "flagged in words, not colour alone")
        screenshot(d, "plan-page-1280.png")
        d.execute_script("document.getElementById('executions').scrollIntoView()")
        screenshot(d, "plan-executions-1280.png")
        d.get(BASE + "/plans/budget?year=%d" % year)
        _wait(d).until(EC.presence_of_element_located((By.ID, "by-category")))
        flagged = d.find_elements(By.CSS_SELECTOR, "#by-category tr.overspent .over-flag")
        check(len(flagged) == 1 and "超支" in flagged[0].text, "one category overspent on the budget page")
        screenshot(d, "plan-budget-1280.png")
        d.get(BASE + "/customers/%d?tab=support" % cid)
        _wait(d).until(EC.presence_of_element_located((By.ID, "customer-plans")))
        screenshot(d, "plan-customer-tab-1280.png")
        cookies = d.get_cookies()
    with Browser(500, 900) as d:
        d.get(BASE + "/login")
        for c in cookies:
            d.add_cookie({"name": c["name"], "value": c["value"], "path": "/"})
        d.get(BASE + "/plans/%d" % pid)
        _wait(d).until(EC.presence_of_element_located((By.ID, "items")))
        width = d.execute_script("return document.documentElement.scrollWidth")
        inner = d.execute_script("return window.innerWidth")
        check(width <= inner + 1, "no sideways scrolling of the page at 500 px: %s > %s" % (width, inner))
        screenshot(d, "plan-page-500.png")
        d.execute_script("document.getElementById('items').scrollIntoView()")
        screenshot(d, "plan-measures-500.png")


def test_regional_manager_sees_the_spend_on_the_dashboard():
    """The issue's whole journey: a plan of this year drafted, approved and
    carried out; the dealer's regional manager then sees the spend on the
    dashboard (a spend larger than any demo plan's, so it is on the first
    page when sorted by spend)."""
    year = int(sql_value("SELECT YEAR(NOW())"))
    row = sql("SELECT c.id, c.code FROM customers c JOIN regions r ON r.id = c.region_id"
              " WHERE r.code = 'huadong' AND c.kind = 'dealer' AND c.status = 'active'"
              " AND NOT EXISTS (SELECT 1 FROM support_plans p WHERE p.customer_id = c.id"
              " AND p.year = %d) ORDER BY RAND() LIMIT 1" % year)
    check(row, "a 华东 dealer without a plan this year")
    cid, code = int(row[0][0]), row[0][1]
    with Browser(1280, 900) as d:
        pid, _ = _plan_journey(d, code, year, "987654.00", sql_value("SELECT CURDATE()"))
        _sign_in(d, "rm_huadong")
        d.get(BASE + "/dashboard?sort=spend&dir=desc")
        _wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, 'tr[data-id="%d"]' % cid)))
        tr = d.find_element(By.CSS_SELECTOR, 'tr[data-id="%d"]' % cid)
        spend = tr.find_element(By.CSS_SELECTOR, 'td[data-col="spend"]').text
        check("987,654.00" in spend, "the dealer's spend on the dashboard: %r" % spend)
        check("超" in spend, "overspent in words: %r" % spend)
        d.execute_script("arguments[0].scrollIntoView({block: 'center'})", tr)
        screenshot(d, "dashboard-plan-spend-1280.png")
    budget = sql_value("SELECT SUM(i.budget) FROM support_plan_items i JOIN support_plans p"
                       " ON p.approved_rev_id = i.revision_id WHERE p.id = %d" % pid)
    check(budget == "3500.00", "the approved budget: %s" % budget)
