"""The leaders' inbox in a real browser (issue 14): a leader signs in,
finds a proposal in 待我审批 on the home page, follows it to the complaint,
approves it with the page's own button, and it has left the inbox. The
queue's "awaiting my decision" filter on the way. Screenshots:
home-inbox-1280.png, home-inbox-390.png, complaints-queue-decide-1280.png,
home-returned-1280.png."""
import random

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from browser import Browser, screenshot, sign_in
from lib import BASE, check, csrf_of, sql, sql_str, sql_value
from lib import sign_in as http_sign_in

PREFIX = "TXI"


def _waiting(staff, hours, remedy="replace", detail="更换同型号净水器"):
    """A complaint at step 4 whose proposal by staff (an HTTP client) has
    waited `hours`; removed again by _cleanup."""
    tn = "%s%08d-%04d" % (PREFIX, random.randint(0, 99999999), random.randint(0, 9999))
    region = sql_value("SELECT id FROM regions WHERE code = 'huadong'")
    sql("INSERT INTO complaints (tracking_no, region_id, kind, reason, contact_name, contact_phone,"
        " company, description, step, status, received_at, first_response_due, first_response_at,"
        " source) VALUES (%s, %s, 'complaint', 'quality', %s, '13800001111', %s, %s, 4, 'open',"
        " NOW() - INTERVAL 40 DAY, NOW() - INTERVAL 39 DAY, NOW() - INTERVAL 39 DAY, 'web')"
        % (sql_str(tn), region, sql_str("王女士"), sql_str("杭州明达商贸有限公司"),
           sql_str("净水器滤芯漏水。")))
    cid = int(sql_value("SELECT id FROM complaints WHERE tracking_no = %s" % sql_str(tn)))
    sql("INSERT INTO complaint_handling (complaint_id) VALUES (%d)" % cid)
    page = staff.get("/complaints/%d" % cid).text
    r = staff.post("/complaints/%d/step" % cid, {
        "_csrf": csrf_of(page), "step": "4", "remedy": remedy, "amount": "", "detail": detail,
        "version": sql_value("SELECT version FROM complaints WHERE id = %d" % cid)})
    check(r.status == 303, "proposal saved: %d" % r.status)
    # Older than every demo proposal, so it is on the card.
    sql("UPDATE complaint_proposals SET proposed_at = NOW() - INTERVAL 900 DAY - INTERVAL %d HOUR"
        " WHERE complaint_id = %d" % (hours, cid))
    return cid, tn


def _cleanup():
    ids = [r[0] for r in sql("SELECT id FROM complaints WHERE tracking_no LIKE '%s%%'" % PREFIX)]
    if ids:
        idl = ", ".join(ids)
        for t in ("complaint_events", "complaint_proposals", "complaint_handling"):
            sql("DELETE FROM %s WHERE complaint_id IN (%s)" % (t, idl))
        sql("DELETE FROM complaints WHERE id IN (%s)" % idl)


def _phone(d):
    """Headless Chromium's window is at least 500 px wide: a phone's
    viewport needs device emulation."""
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})


def _shot(d, name, width):
    """The page down to the end of the inbox card (at most 2,400 px)."""
    bottom = d.execute_script(
        "return Math.ceil(document.getElementById('inbox-card').getBoundingClientRect().bottom"
        " + window.scrollY) + 24")
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": min(bottom, 2400), "deviceScaleFactor": 1, "mobile": width < 640})
    screenshot(d, name)


def _row(d, cid):
    return d.find_elements(By.CSS_SELECTOR, '#inbox tr[data-kind="complaint"][data-id="%d"]' % cid)


def test_leader_decides_from_the_inbox():
    _cleanup()
    try:
        staff = http_sign_in("staff01")
        cid, tn = _waiting(staff, 3)
        other, _ = _waiting(staff, 2, "repair", "上门维修")
        with Browser(1280, 900) as d:
            sign_in(d, "leader1")
            d.get(BASE + "/")
            WebDriverWait(d, 10).until(EC.presence_of_element_located((By.ID, "inbox-card")))
            check(_row(d, cid), "the proposal is in the inbox")
            check("900 天" in _row(d, cid)[0].text, "its wait: %r" % _row(d, cid)[0].text)
            _shot(d, "home-inbox-1280.png", 1280)
            d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
            d.find_element(By.ID, "inbox-complaints").click()
            WebDriverWait(d, 10).until(EC.presence_of_element_located((By.ID, "complaint-queue")))
            check("proposal=decide" in d.current_url, "the count links to the filter")
            queue = d.find_element(By.ID, "complaint-queue").text
            check(tn in queue and "待领导审批" in queue, "the filter lists it, badged waiting")
            screenshot(d, "complaints-queue-decide-1280.png")
            d.get(BASE + "/")
            WebDriverWait(d, 10).until(EC.presence_of_element_located((By.ID, "inbox-card")))
            _row(d, cid)[0].find_element(By.CSS_SELECTOR, 'a[href="/complaints/%d#step-4"]' % cid).click()
            WebDriverWait(d, 10).until(EC.presence_of_element_located((By.ID, "decide-form")))
            check(d.find_element(By.ID, "tracking-no").text == tn, "on the complaint's page")
            d.find_element(By.ID, "approve").click()
            WebDriverWait(d, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".flash")))
            check(sql_value("SELECT step FROM complaints WHERE id = %d" % cid) == "5", "approved: step 5")
            d.get(BASE + "/")
            WebDriverWait(d, 10).until(EC.presence_of_element_located((By.ID, "inbox-card")))
            check(not _row(d, cid), "decided: it has left the inbox")
            check(_row(d, other), "the other one still waits")
        with Browser(390, 844) as d:
            _phone(d)
            sign_in(d, "leader1")
            d.get(BASE + "/")
            WebDriverWait(d, 10).until(EC.presence_of_element_located((By.ID, "inbox-card")))
            check(_row(d, other)[0].is_displayed(), "the inbox on a phone")
            width = d.execute_script("return document.documentElement.scrollWidth")
            check(width <= 390, "no sideways scrolling on a phone: %d px" % width)
            _shot(d, "home-inbox-390.png", 390)
        # Returned: the proposer finds it on their home page.
        leader2 = http_sign_in("leader2")
        page = leader2.get("/complaints/%d" % other).text
        r = leader2.post("/complaints/%d/decide" % other, {
            "_csrf": csrf_of(page), "decision": "return", "comment": "请先确认是否在保修期内",
            "version": sql_value("SELECT version FROM complaints WHERE id = %d" % other)})
        check(r.status == 303, "returned: %d" % r.status)
        with Browser(1280, 900) as d:
            sign_in(d, "staff01")
            d.get(BASE + "/")
            WebDriverWait(d, 10).until(EC.presence_of_element_located((By.ID, "returned-card")))
            row = d.find_element(By.CSS_SELECTOR, '#returned tr[data-id="%d"]' % other)
            check("请先确认是否在保修期内" in row.text, "the comment: %r" % row.text)
            screenshot(d, "home-returned-1280.png")
    finally:
        _cleanup()
