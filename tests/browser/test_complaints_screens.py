"""The staff complaint pages in a real browser at desktop and phone widths:
the queue (overdue rows marked) and a complaint in the middle of its seven
steps, with an internal note and a message to the customer. Screenshots go
to tests/browser/screenshots/complaints-*.png."""
import random

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from browser import Browser, screenshot, sign_in
from lib import BASE, check, sql, sql_str, sql_value, user_id


def _complaint():
    """An overdue return at step 4 with a returned proposal, a note and a
    message (removed again by _cleanup)."""
    tn = "TXB%08d-%04d" % (random.randint(0, 99999999), random.randint(0, 9999))
    staff, leader = user_id("staff01"), user_id("leader1")
    product = sql_value("SELECT MIN(id) FROM products")
    region = sql_value("SELECT id FROM regions WHERE code = 'huanan'")
    sql("INSERT INTO complaints (tracking_no, region_id, product_id, kind, reason, contact_name,"
        " contact_phone, company, purchase_date, order_ref, packaging_intact, return_in_window,"
        " description, step, status, received_at, first_response_due, assignee_id, source)"
        " VALUES (%s, %s, %s, 'return', 'quality', %s, '13912345678', %s, CURDATE() - INTERVAL 3 DAY,"
        " 'SO-TEST-1', 1, 1, %s, 4, 'open', NOW() - INTERVAL 30 HOUR, NOW() - INTERVAL 6 HOUR, %d, 'web')"
        % (sql_str(tn), region, product, sql_str("林晓"), sql_str("广州市某某科技有限公司"),
           sql_str("购买三天，净水器出水口持续滴水，包装完好，申请退货。"), staff))
    cid = int(sql_value("SELECT id FROM complaints WHERE tracking_no = %s" % sql_str(tn)))
    sql("INSERT INTO complaint_handling (complaint_id, facts, contact_channel, contacted_at,"
        " bought_when, usage_text, symptom, prev_brand, analysis, explanation) VALUES"
        " (%d, %s, 'phone', NOW() - INTERVAL 2 HOUR, %s, %s, %s, %s, %s, %s)" % (
            cid, sql_str("核实：订单 SO-TEST-1，购买 3 天。"), sql_str("三天前"), sql_str("按说明安装"),
            sql_str("出水口滴水"), sql_str("无"), sql_str("出水阀密封不良"), sql_str("属质量问题，可退货")))
    for step in (1, 2, 3):
        sql("INSERT INTO complaint_events (complaint_id, step, event, user_id, at) VALUES"
            " (%d, %d, 'step_done', %d, NOW() - INTERVAL %d HOUR)" % (cid, step, staff, 5 - step))
    sql("INSERT INTO complaint_proposals (complaint_id, remedy, amount, detail, proposed_by, proposed_at,"
        " decision, decided_by, decided_at, decision_comment) VALUES (%d, 'refund', 1280, %s, %d,"
        " NOW() - INTERVAL 90 MINUTE, 'returned', %d, NOW() - INTERVAL 1 HOUR, %s)"
        % (cid, sql_str("全额退款 1280 元"), staff, leader, sql_str("请先确认包装完好")))
    # The complaint's step-4 state, as the workflow keeps it (schema/032).
    sql("UPDATE complaints SET proposal = 'returned', proposal_by = %d WHERE id = %d" % (staff, cid))
    sql("INSERT INTO complaint_messages (complaint_id, audience, author, user_id, body, at) VALUES"
        " (%d, 'internal', 'staff', %d, %s, NOW() - INTERVAL 50 MINUTE),"
        " (%d, 'customer', 'staff', %d, %s, NOW() - INTERVAL 40 MINUTE)"
        % (cid, staff, sql_str("仓库确认同批次另有两起漏水，需质检跟进。"), cid, staff,
           sql_str("您好，我们已收到您的退货申请，正在处理。")))
    return cid


def _cleanup():
    ids = [r[0] for r in sql("SELECT id FROM complaints WHERE tracking_no LIKE 'TXB%'")]
    if ids:
        idl = ", ".join(ids)
        for t in ("complaint_events", "complaint_messages", "complaint_proposals", "complaint_handling"):
            sql("DELETE FROM %s WHERE complaint_id IN (%s)" % (t, idl))
        sql("DELETE FROM complaints WHERE id IN (%s)" % idl)


def test_queue_and_complaint_page_screens():
    _cleanup()
    try:
        cid = _complaint()
        for width, height, tag in ((1280, 900, "desktop"), (390, 844, "phone")):
            with Browser(width, height) as d:
                sign_in(d, "staff01")
                # The overdue quick filter: earlier tests leave enough fresh
                # complaints to push a 30-hour-old one off the first page.
                d.get(BASE + "/complaints?overdue=1")
                WebDriverWait(d, 10).until(EC.presence_of_element_located((By.ID, "complaint-queue")))
                rows = d.find_elements(By.CSS_SELECTOR, '#complaint-queue tr.overdue[data-id="%d"]' % cid)
                check(rows, "an overdue row is marked at %s" % tag)
                check(d.find_element(By.ID, "nav-count-complaints").is_displayed(), "nav count shown")
                screenshot(d, "complaints-queue-%s.png" % tag)
                d.get(BASE + "/complaints/%d" % cid)
                WebDriverWait(d, 10).until(EC.presence_of_element_located((By.ID, "step-4")))
                check("step-current" in d.find_element(By.ID, "step-4").get_attribute("class"),
                      "step 4 is current")
                check(d.find_element(By.ID, "step-form-4").is_displayed(), "step 4 form shown")
                labels = [e.text for e in d.find_elements(By.CSS_SELECTOR, ".msg-label")]
                check(any("客户不可见" in t for t in labels) and any("客户可见" == t for t in labels),
                      "note and message labelled: %r" % labels)
                screenshot(d, "complaints-page-%s.png" % tag)
                d.execute_script("document.getElementById('step-4').scrollIntoView()")
                screenshot(d, "complaints-page-steps-%s.png" % tag)
    finally:
        _cleanup()


def _in_view(d, el):
    return d.execute_script(
        "var r = arguments[0].getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight;", el)


def test_rejected_step_form_is_visible():
    """Issue 14: a step form the server rejects comes back with a banner at
    the top naming the field, the page at the first bad field (focused),
    every bad field marked; filled in again, the form's own button saves."""
    _cleanup()
    try:
        for width, height, tag in ((1280, 900, "desktop"), (390, 844, "phone")):
            cid = _complaint()
            with Browser(width, height) as d:
                sign_in(d, "staff01")
                d.get(BASE + "/complaints/%d" % cid)
                WebDriverWait(d, 10).until(EC.presence_of_element_located((By.ID, "step-form-4")))
                Select(d.find_element(By.ID, "f-remedy")).select_by_value("refund")
                d.find_element(By.ID, "f-amount").clear()
                d.find_element(By.ID, "f-detail").send_keys("全额退款")
                d.find_element(By.CSS_SELECTOR, "#step-form-4 button[type=submit]").click()
                WebDriverWait(d, 10).until(EC.presence_of_element_located((By.ID, "form-errors")))
                banner = d.find_element(By.ID, "form-errors")
                check(banner.is_displayed(), "the banner is shown at %s" % tag)
                check("金额：退款或补偿的金额必须大于 0" in banner.text,
                      "the banner names the field: %r" % banner.text)
                amount = d.find_element(By.ID, "f-amount")
                check(d.switch_to.active_element == amount, "the amount field has the focus")
                check(_in_view(d, amount), "the page is scrolled to the amount field at %s" % tag)
                check(amount.get_attribute("aria-invalid") == "true", "the field is marked")
                check(d.find_element(By.ID, "f-detail").get_attribute("value") == "全额退款",
                      "what was typed is kept")
                screenshot(d, "complaints-step-error-%s.png" % tag)
                amount.send_keys("1280")
                d.find_element(By.CSS_SELECTOR, "#step-form-4 button[type=submit]").click()
                WebDriverWait(d, 10).until(EC.presence_of_element_located((By.ID, "waiting-leader")))
                check(not d.find_elements(By.ID, "form-errors"), "no banner after saving")
                check(sql_value("SELECT COUNT(*) FROM complaint_proposals WHERE complaint_id = %d"
                                " AND decision = 'pending' AND amount = 1280" % cid) == "1",
                      "the proposal is stored")
            _cleanup()
    finally:
        _cleanup()


def test_closing_asks_for_confirmation():
    """Issue 14: the close button asks first; cancelling keeps it open."""
    _cleanup()
    try:
        cid = _complaint()
        staff = user_id("staff01")
        sql("UPDATE complaints SET step = 7 WHERE id = %d" % cid)
        sql("INSERT INTO complaint_followups (complaint_id, followed_on, said, user_id, at)"
            " VALUES (%d, CURDATE(), %s, %d, NOW())" % (cid, sql_str("客户表示满意"), staff))
        with Browser() as d:
            sign_in(d, "staff01")
            d.get(BASE + "/complaints/%d" % cid)
            WebDriverWait(d, 10).until(EC.presence_of_element_located((By.ID, "close-case")))
            d.find_element(By.ID, "close-case").click()
            alert = WebDriverWait(d, 5).until(EC.alert_is_present())
            check("结案" in alert.text, "the question: %r" % alert.text)
            alert.dismiss()
            check(sql_value("SELECT status FROM complaints WHERE id = %d" % cid) == "open",
                  "cancelled: still open")
            d.find_element(By.ID, "close-case").click()
            WebDriverWait(d, 5).until(EC.alert_is_present()).accept()
            WebDriverWait(d, 10).until(lambda drv: sql_value(
                "SELECT status FROM complaints WHERE id = %d" % cid) == "closed")
    finally:
        sql("DELETE FROM complaint_followups WHERE complaint_id IN (SELECT id FROM complaints"
            " WHERE tracking_no LIKE 'TXB%')")
        _cleanup()
