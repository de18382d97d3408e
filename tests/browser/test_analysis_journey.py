"""Issue 17's journey in a real browser, every step through the page's own
links and buttons: a manager opens the Pareto view, drills into the A list
(重点), narrows it to sleeping customers with the list's filter form, opens
one of them, sees its sleep state on the file and records a wake-up
decision (唤醒: which product, which way). Each step is photographed at
1280 and 390 px (tests/browser/screenshots/journey-analysis-*.png) and
must not scroll sideways on the phone."""
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from analysis_fixture import analyse
from browser import Browser, choose, click_and_wait, fill, filter_by, press, screenshots, \
    sign_in, viewport, wait_for
from lib import BASE, check, sql, sql_value

# A manager whose regions hold an active A-class customer the batch found asleep.
SLEEPING_A = (
    "SELECT u.username FROM users u JOIN user_regions ur ON ur.user_id = u.id"
    " JOIN customers c ON c.region_id = ur.region_id"
    " JOIN customer_analysis ca ON ca.customer_id = c.id"
    " WHERE u.role = 'regional_manager' AND u.username IN (%s) AND c.status = 'active'"
    " AND c.abc_class = 'A' AND ca.sleep_state BETWEEN 2 AND 4"
    " GROUP BY u.username ORDER BY COUNT(*) DESC, u.username LIMIT 1"
    # the demo's managers (other tests make managers of their own, with other passwords)
    % ", ".join("'rm_%s'" % r for r in ("huadong", "huabei", "huanan", "xinan", "central")))


def _no_sideways(d, what):
    viewport(d, 390, 844)
    wide = d.execute_script(
        "return document.documentElement.scrollWidth > document.documentElement.clientWidth")
    viewport(d, 1280, 900)
    check(not wide, "%s scrolls sideways at 390 px" % what)


def _query(d):
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(d.current_url).query))


def test_pareto_to_a_wake_up_decision():
    # a run of the batch now: earlier tests leave the stored results as they like
    p = analyse("--once", "--reason", "manual")
    check(p.returncode == 0, "kehu-analyse failed: %s" % p.stderr.decode()[-600:])
    username = sql_value(SLEEPING_A)
    class_a = username != "NULL"
    if not class_a:  # no manager has a sleeping A customer: the leader sees every region
        username = "leader1"
    before = int(sql_value("SELECT COALESCE(MAX(id), 0) FROM wake_decisions"))
    try:
        with Browser() as d:
            sign_in(d, username)
            # 1. the Pareto view, drawn
            d.get(BASE + "/analysis")
            WebDriverWait(d, 15).until(
                lambda drv: drv.find_elements(By.CSS_SELECTOR, "#pareto .chart-box canvas"))
            _no_sideways(d, "the Pareto view")
            screenshots(d, "journey-analysis-1-pareto")
            # 2. the A list, one click away
            click_and_wait(d, d.find_element(By.ID, "class-A"))
            q = _query(d)
            check(urllib.parse.urlsplit(d.current_url).path == "/customers"
                  and q.get("class") == "A", "the A list: %s" % d.current_url)
            rows = d.find_elements(By.CSS_SELECTOR, "table.data tbody tr td.name a")
            check(rows, "the A list has customers")
            _no_sideways(d, "the A list")
            screenshots(d, "journey-analysis-2-a-list")
            # 3. only its sleeping customers, through the list's own filter form
            path = urllib.parse.urlsplit(d.current_url)
            filter_by(d, path.path + "?" + path.query, "customer-filters", [("sleep", "any")])
            q = _query(d)
            check(q.get("sleep") == "any", "the sleep filter sent: %s" % d.current_url)
            check((q.get("class") == "A") == class_a, "the class kept: %s" % d.current_url)
            tags = d.find_elements(By.CSS_SELECTOR, "table.data tbody tr .sleep-tag")
            names = d.find_elements(By.CSS_SELECTOR, "table.data tbody tr td.name a")
            check(names and len(tags) == len(names),
                  "every row is marked asleep: %d of %d" % (len(tags), len(names)))
            screenshots(d, "journey-analysis-3-sleeping")
            # 4. the file of the first one: its sleep state and the way to the decision
            href = names[0].get_attribute("href")
            cid = urllib.parse.urlsplit(href).path.rstrip("/").split("/")[-1]
            click_and_wait(d, names[0])
            state = sql_value("SELECT sleep_state FROM customer_analysis WHERE customer_id = %s"
                              % cid)
            check(state in ("2", "3", "4"), "customer %s is asleep (%s)" % (cid, state))
            page = d.find_element(By.TAG_NAME, "main").text
            word = {"2": "瞌睡", "3": "半睡", "4": "沉睡"}[state]
            check(word in page, "the file says %s" % word)
            _no_sideways(d, "the customer file")
            screenshots(d, "journey-analysis-4-file")
            # 5. the wake-up decision, through the form's own button
            click_and_wait(d, d.find_element(By.ID, "wake-link"))
            wait_for(d, "wake-form")
            d.find_element(By.ID, "f-decision-wake").click()
            product = sql_value("SELECT MIN(id) FROM products WHERE active = 1")
            choose(d, "f-product_id", product)
            choose(d, "f-approach", "visit")
            fill(d, "f-note", "带新品上门拜访")
            screenshots(d, "journey-analysis-5-decision")
            flash = press(d, "#save-decision")
            check(flash.startswith("唤醒决定已保存"), "saved: %r" % flash)
            got = sql("SELECT decision, product_id, approach, sleep_state, outcome, note"
                      " FROM wake_decisions WHERE id > %d AND customer_id = %s" % (before, cid))
            check(got == [["wake", product, "visit", state, "pending", "带新品上门拜访"]],
                  "the decision stored as chosen: %s" % got)
            check(sql_value("SELECT COUNT(*) FROM audit_log WHERE entity = 'wake_decision'"
                            " AND entity_id = (SELECT MAX(id) FROM wake_decisions)") == "1",
                  "the decision is audited")
            _no_sideways(d, "the page after the decision")
            screenshots(d, "journey-analysis-6-decided")
    finally:
        sql("DELETE FROM wake_decisions WHERE id > %d AND decided_by ="
            " (SELECT id FROM users WHERE username = '%s')" % (before, username))
