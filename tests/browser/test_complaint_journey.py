"""The whole complaint journey in headless Chromium (issue 5): a customer
files a return on a phone-sized screen, staff01 carries it through the
seven steps, leader1 approves the proposal, the customer sees "resolved"
and rates it, staff follow up and close it, and the customer sees it
closed. Every step checks the page and the database. The screenshots are
kept in tests/browser/screenshots/complaint-journey-NN-*.png."""
import os
import re
import struct
import tempfile
import zlib

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait

from browser import Browser, click_and_wait, screenshot, sign_in, viewport
from lib import BASE, check, sql, sql_str, sql_value, user_id

PHONE = (390, 844)
DESK = (1280, 900)

FACTS = "核实：王女士 3 天前购买滤芯，订单 INV-J-5521，包装完好，照片显示滤芯外壳有裂纹。"
SYMPTOM = "装上后出水有异味，滤芯外壳靠近接口处有一道裂纹。"
ANALYSIS = "同批次滤芯外壳注塑不良，运输中受压开裂，属产品质量问题。"
PROPOSAL = "为客户更换同型号新滤芯一支，上门安装并回收旧件。"
DECISION = "同意换货，请两天内上门。"
TERMS = "更换同型号滤芯一支，免费上门安装，回收旧件。"
TO_CUSTOMER = "王女士您好，新滤芯已于今天上门为您安装，旧件已回收。如仍有问题请随时联系我们。"
INTERNAL = "质检：同批次滤芯已下架复检。"
RATING = "上门很及时，师傅安装也很细心。"
FOLLOWUP = "电话回访：新滤芯使用正常，出水无异味，客户表示满意。"


def _wait(driver, seconds=15):
    return WebDriverWait(driver, seconds)


def _shot(driver, n, what, size):
    """A screenshot of the whole page: the viewport is made as tall as it."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    viewport(driver, size[0], max(int(height), size[1]))
    screenshot(driver, "complaint-journey-%02d-%s.png" % (n, what))
    viewport(driver, *size)


def _png(path):
    """A small real PNG (a grey square with a dark diagonal: "the crack")."""
    w = h = 48
    rows = b"".join(b"\x00" + bytes(40 if abs(x - y) < 3 else 200 for x in range(w)) for y in range(h))

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def _set(driver, element_id, value):
    """Date and datetime inputs: typing depends on the locale, so the value
    is set directly."""
    driver.execute_script("arguments[0].value = arguments[1]",
                          driver.find_element(By.ID, element_id), value)


def _type(driver, element_id, text):
    e = driver.find_element(By.ID, element_id)
    e.clear()
    e.send_keys(text)


_submit = click_and_wait


def _flash(driver):
    found = driver.find_elements(By.CSS_SELECTOR, ".flash")
    return found[0].text if found else ""


def _complaint_page(driver, cid):
    driver.get(BASE + "/complaints/%d" % cid)
    _wait(driver).until(EC.presence_of_element_located((By.ID, "steps")))


def _record(driver, step, fields, selects=(), values=()):
    """Fills and sends the form of one step; checks the page moved on."""
    for element_id, v in values:
        _set(driver, element_id, v)
    for element_id, v in selects:
        Select(driver.find_element(By.ID, element_id)).select_by_value(v)
    for element_id, text in fields:
        _type(driver, element_id, text)
    form = driver.find_element(By.ID, "step-form-%d" % step)
    _submit(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))


def _state(driver, step):
    return driver.find_element(By.ID, "step-%d" % step).get_attribute("class")


def _row(cid, cols):
    return sql("SELECT %s FROM complaints WHERE id = %d" % (cols, cid))[0]


def _status(driver, tn, phone):
    """The status page by tracking number and the full phone number."""
    driver.get(BASE + "/complaint/status")
    _wait(driver).until(EC.presence_of_element_located((By.ID, "status-form")))
    driver.find_element(By.ID, "f-tracking_no").send_keys(tn)
    driver.find_element(By.ID, "f-phone").send_keys(phone)
    _submit(driver, driver.find_element(By.ID, "submit-status"))
    _wait(driver).until(EC.presence_of_element_located((By.ID, "stage")))


def _status_link(driver, link):
    """The status page by the receipt's personal link."""
    driver.get(link)
    _wait(driver).until(EC.presence_of_element_located((By.ID, "stage")))


def _file_return(d, phone, attachment):
    """The customer's part on the phone: the form, then the receipt.
    Returns (tracking number, complaint id, personal status link)."""
    d.get(BASE + "/complaint")
    _wait(d).until(EC.presence_of_element_located((By.ID, "complaint-form")))
    check(d.execute_script("return window.innerWidth") == PHONE[0], "viewport is not phone-sized")
    d.find_element(By.CSS_SELECTOR, 'input[name="kind"][value="return"]').click()
    check(d.find_element(By.ID, "f-packaging_intact").is_displayed(),
          "the packaging question shows for a return")
    Select(d.find_element(By.ID, "f-reason")).select_by_value("quality")
    _type(d, "f-description", "滤芯装上后出水有异味，外壳有裂纹，想退货。")
    product = Select(d.find_element(By.ID, "f-product_id"))
    product.select_by_index(3)
    product_id = product.first_selected_option.get_attribute("value")
    bought = sql_value("SELECT CURDATE() - INTERVAL 3 DAY")
    _set(d, "f-purchase_date", bought)
    _type(d, "f-order_ref", "INV-J-5521")
    d.find_element(By.CSS_SELECTOR, 'input[name="packaging_intact"][value="1"]').click()
    _type(d, "f-name", "王女士")
    _type(d, "f-phone", phone)
    Select(d.find_element(By.ID, "f-province_id")).select_by_visible_text("江苏")
    d.find_element(By.ID, "f-file1").send_keys(attachment)
    width = d.execute_script("return document.documentElement.scrollWidth")
    check(width <= PHONE[0], "the form scrolls sideways on a phone (%s px)" % width)
    _shot(d, 1, "form-phone", PHONE)

    _submit(d, d.find_element(By.ID, "submit-complaint"))
    _wait(d).until(EC.presence_of_element_located((By.ID, "tracking-no")))
    tn = d.find_element(By.ID, "tracking-no").text
    check(tn.startswith("TS"), "receipt shows a tracking number: %r" % tn)
    inside = d.find_element(By.ID, "window-inside")
    check("7 天退换货期内" in inside.text, "inside the 7-day window: %r" % inside.text)
    check(not d.find_elements(By.ID, "window-outside"), "receipt also says outside the window")
    facts = d.find_element(By.ID, "window-facts").text
    check(bought in facts and "包装完整" in facts, "the window's facts: %r" % facts)
    check("登记" in d.find_element(By.CSS_SELECTOR, "#steps li.current").text,
          "receipt shows step 1 as the current one")
    _shot(d, 2, "receipt-phone", PHONE)
    link = d.find_element(By.ID, "status-link-open").get_attribute("href")
    check(re.search(r"/complaint/status\?t=[0-9a-f]{64}$", link or ""), "status link %r" % link)

    rows = sql("SELECT id, kind, reason, product_id, purchase_date, packaging_intact,"
               " return_in_window, step, status, contact_phone FROM complaints"
               " WHERE tracking_no = %s" % sql_str(tn))
    check(len(rows) == 1, "one complaint with tracking number %s, found %d" % (tn, len(rows)))
    cid, kind, reason, pid, day, pk, rw, step, status, stored_phone = rows[0]
    check((kind, reason, pid, day, pk, rw, step, status)
          == ("return", "quality", product_id, bought, "1", "1", "1", "open"),
          "stored as %r" % (rows[0],))
    check(stored_phone == phone, "phone stored as %r" % stored_phone)
    files = sql("SELECT file_name, content_type FROM complaint_attachments"
                " WHERE complaint_id = %s" % cid)
    check(files == [["crack.png", "image/png"]], "attachment stored: %r" % files)
    return tn, int(cid), link


def _steps_one_to_four(s, tn, cid):
    """staff01 finds the complaint and records steps 1-4."""
    staff = user_id("staff01")
    s.get(BASE + "/complaints")
    _wait(s).until(EC.presence_of_element_located((By.ID, "complaint-queue")))
    links = s.find_elements(By.LINK_TEXT, tn)
    check(links, "%s is in the queue" % tn)
    row = s.find_element(By.CSS_SELECTOR, '#complaint-queue tr[data-id="%d"]' % cid)
    check("退货申请" in row.text and "登记" in row.text, "queue row: %r" % row.text)
    s.execute_script("arguments[0].scrollIntoView({block: 'center'})", row)
    _shot(s, 3, "queue", DESK)
    _submit(s, links[0])
    check(s.find_element(By.ID, "tracking-no").text == tn, "the complaint page opened")
    check("step-current" in _state(s, 1), "step 1 is current")
    check(s.find_elements(By.CSS_SELECTOR, "#attachments a"), "the attachment is listed")
    size = s.find_element(By.CSS_SELECTOR, "#attachments li").text
    stored = sql_value("SELECT size FROM complaint_attachments WHERE complaint_id = %d" % cid)
    check(size.endswith(" %s B" % stored), "attachment size in bytes: %r" % size)
    check("在 7 天" in s.find_element(By.ID, "return-window").text or
          s.find_elements(By.CSS_SELECTOR, "#return-window .tag.ok"), "inside the window for staff")
    _shot(s, 4, "staff-new", DESK)

    _record(s, 1, [("f-facts", FACTS)], selects=[("f-assignee_id", str(staff))])
    check("进入下一步" in _flash(s), "step 1 saved: %r" % _flash(s))
    check("step-done" in _state(s, 1) and "step-current" in _state(s, 2), "step 2 is current")
    check(FACTS in s.find_element(By.ID, "step-1").text, "facts shown under step 1")
    check(_row(cid, "step, assignee_id") == ["2", str(staff)], "step 1 stored")

    contacted = sql_value("SELECT DATE_FORMAT(NOW() - INTERVAL 1 HOUR, '%Y-%m-%dT%H:%i')")
    _record(s, 2, [("f-bought_when", "三天前，在门店购买"), ("f-prev_brand", "无"),
                   ("f-usage_text", "按说明书安装"), ("f-symptom", SYMPTOM)],
            selects=[("f-contact_channel", "phone")], values=[("f-contacted_at", contacted)])
    check("step-current" in _state(s, 3), "step 3 is current")
    check(SYMPTOM in s.find_element(By.ID, "step-2").text, "symptom shown under step 2")
    check(_row(cid, "step, first_response_at IS NOT NULL") == ["3", "1"],
          "step 2 stored, first response recorded")
    check(sql_value("SELECT contact_channel FROM complaint_handling WHERE complaint_id = %d" % cid)
          == "phone", "contact channel stored")

    _record(s, 3, [("f-analysis", ANALYSIS), ("f-explanation", "向客户说明原因并致歉。")])
    check("step-current" in _state(s, 4), "step 4 is current")
    check(_row(cid, "step") == ["4"], "step 3 stored")

    _record(s, 4, [("f-amount", "0"), ("f-detail", PROPOSAL)], selects=[("f-remedy", "replace")])
    check("领导审批" in _flash(s), "proposal sent: %r" % _flash(s))
    proposal = s.find_element(By.ID, "proposals").text
    check("换货" in proposal and "待领导审批" in proposal, "pending proposal shown: %r" % proposal)
    check(s.find_element(By.ID, "waiting-leader").is_displayed(), "staff see 'waiting for a leader'")
    events = s.find_element(By.ID, "timeline").text
    check("提出处理意见" in events and "换货" in events and "replace" not in events,
          "the proposal in the timeline in words: %r" % events)
    check(not s.find_elements(By.ID, "approve") and not s.find_elements(By.ID, "decide-form"),
          "staff01 sees an approve control")
    check(sql("SELECT remedy, decision, proposed_by FROM complaint_proposals WHERE complaint_id = %d"
              % cid) == [["replace", "pending", str(staff)]], "proposal stored as pending")
    check(_row(cid, "step") == ["4"], "still at step 4 before the leader decides")
    s.execute_script("document.getElementById('step-4').scrollIntoView()")
    _shot(s, 5, "proposal-waiting", DESK)


def _leader_approves(cid):
    with Browser(*DESK) as ld:
        sign_in(ld, "leader1")
        _complaint_page(ld, cid)
        check(ld.find_element(By.ID, "approve").is_displayed(), "leader1 sees the approve button")
        _type(ld, "f-comment", DECISION)
        _submit(ld, ld.find_element(By.ID, "approve"))
        check("批准" in _flash(ld), "approved: %r" % _flash(ld))
        proposal = ld.find_element(By.ID, "proposals").text
        check("已批准" in proposal and DECISION in proposal, "decision shown: %r" % proposal)
        check("step-current" in _state(ld, 5), "step 5 is current after approval")
        check(not ld.find_elements(By.ID, "approve"), "approve still offered after the decision")
        check(sql("SELECT decision, decided_by, decision_comment FROM complaint_proposals"
                  " WHERE complaint_id = %d" % cid)
              == [["approved", str(user_id("leader1")), DECISION]], "approval stored")
        check(_row(cid, "step") == ["5"], "step 5 after approval")
        ld.execute_script("document.getElementById('step-4').scrollIntoView()")
        _shot(ld, 6, "leader-approved", DESK)


def _steps_five_six(s, cid):
    today = sql_value("SELECT CURDATE()")
    _complaint_page(s, cid)
    check("step-current" in _state(s, 5), "staff see step 5 as current")
    _record(s, 5, [("f-agreement_terms", TERMS)], selects=[("f-agreed_how", "phone")],
            values=[("f-agreed_on", today)])
    check("step-current" in _state(s, 6), "step 6 is current")
    check(_row(cid, "step, resolved_at IS NULL") == ["6", "1"], "step 5 stored, not resolved yet")

    _record(s, 6, [("f-exec_department", "售后服务部"), ("f-exec_note", "上门更换滤芯，旧件回收。")],
            values=[("f-executed_on", today)])
    check("step-done" in _state(s, 6) and "step-current" in _state(s, 7), "step 7 is current")
    check(_row(cid, "step, status, resolved_at IS NOT NULL") == ["7", "open", "1"],
          "step 6 made it resolved")

    _type(s, "f-body", INTERNAL)
    _submit(s, s.find_element(By.ID, "send-internal"))
    _type(s, "f-body", TO_CUSTOMER)
    _submit(s, s.find_element(By.ID, "send-customer"))
    check("发送给客户" in _flash(s), "message sent: %r" % _flash(s))
    msgs = s.find_elements(By.CSS_SELECTOR, "#messages li.msg")
    labelled = [(m.find_element(By.CSS_SELECTOR, ".msg-label").text, m.text) for m in msgs]
    check(any(lab == "客户可见" and TO_CUSTOMER in t for lab, t in labelled),
          "message to the customer labelled: %r" % labelled)
    check(any("客户不可见" in lab and INTERNAL in t for lab, t in labelled),
          "internal note labelled: %r" % labelled)
    check(sql("SELECT audience FROM complaint_messages WHERE complaint_id = %d ORDER BY id" % cid)
          [-2:] == [["internal"], ["customer"]], "note and message stored with their audience")
    _shot(s, 7, "resolved-staff", DESK)


def _customer_rates(d, link, cid):
    _status_link(d, link)
    stage = d.find_element(By.ID, "stage").text
    check("已处理完毕" in stage, "customer sees 'resolved': %r" % stage)
    messages = d.find_element(By.ID, "messages").text
    check(TO_CUSTOMER in messages, "customer sees the staff message")
    check(INTERNAL not in d.page_source, "the internal note reached the customer")
    check(d.find_element(By.ID, "rate").is_displayed(), "rating offered once resolved")
    d.find_element(By.CSS_SELECTOR, 'input[name="score"][value="5"]').click()
    _type(d, "f-comment", RATING)
    _shot(d, 8, "status-resolved-phone", PHONE)
    _submit(d, d.find_element(By.ID, "submit-rating"))
    _wait(d).until(EC.presence_of_element_located((By.ID, "rated")))
    check("感谢" in d.find_element(By.ID, "rated").text, "thanked for the rating")
    check(not d.find_elements(By.ID, "rate"), "rating offered again")
    check("5" in d.find_element(By.ID, "rating").text, "the given score shown")
    check(_row(cid, "satisfaction, satisfaction_comment, status, reopen_count")
          == ["5", RATING, "open", "0"], "rating stored, not reopened")
    _shot(d, 9, "rated-phone", PHONE)


def _follow_up_and_close(s, cid):
    _complaint_page(s, cid)
    sat = s.find_element(By.ID, "satisfaction").text
    check("5 / 5" in sat and RATING in sat, "staff see the rating: %r" % sat)
    check(not s.find_elements(By.ID, "close-case"), "close offered before any follow-up")
    _record(s, 7, [("f-said", FOLLOWUP)], values=[("f-followed_on", sql_value("SELECT CURDATE()"))])
    check("回访" in _flash(s), "follow-up saved: %r" % _flash(s))
    check(FOLLOWUP in s.find_element(By.ID, "followups").text, "follow-up listed")
    # Closing asks first (the page's data-confirm); the journey says yes.
    _submit(s, s.find_element(By.ID, "close-case"), confirm=True)
    check("已结案" in _flash(s), "closed: %r" % _flash(s))
    check(s.find_element(By.ID, "status-badge").text == "已结案", "badge says closed")
    check(s.find_elements(By.ID, "reopen-form"), "a closed complaint can be reopened")
    check(_row(cid, "status, closed_at IS NOT NULL") == ["closed", "1"], "closed in the database")
    events = [r[0] for r in sql("SELECT CONCAT(event, ':', step) FROM complaint_events"
                                " WHERE complaint_id = %d ORDER BY id" % cid)]
    for e in ("step_done:1", "step_done:2", "step_done:3", "proposed:4", "approved:4",
              "step_done:5", "step_done:6", "rated:7", "followup:7", "closed:7"):
        check(e in events, "timeline event %s missing from %r" % (e, events))
    check(int(sql_value("SELECT COUNT(*) FROM audit_log WHERE entity = 'complaint'"
                        " AND entity_id = %d" % cid)) >= 9, "transitions audited")
    _shot(s, 10, "closed-staff", DESK)


def test_complaint_journey():
    sql("DELETE FROM public_attempts WHERE ip = '127.0.0.1'")
    phone = "139-0512-%04d" % int(sql_value("SELECT FLOOR(RAND() * 10000)"))
    work = tempfile.mkdtemp(prefix="kehu-journey-")
    attachment = os.path.join(work, "crack.png")
    _png(attachment)
    try:
        with Browser(*PHONE) as d:
            viewport(d, *PHONE)
            tn, cid, link = _file_return(d, phone, attachment)
            with Browser(*DESK) as s:
                sign_in(s, "staff01")
                _steps_one_to_four(s, tn, cid)
                _leader_approves(cid)
                _steps_five_six(s, cid)
                _customer_rates(d, link, cid)
                _follow_up_and_close(s, cid)
            _status(d, tn, phone)
            stage = d.find_element(By.ID, "stage").text
            check("已办结" in stage, "customer sees 'closed': %r" % stage)
            check(len(d.find_elements(By.CSS_SELECTOR, "#steps li.done")) == 7,
                  "all seven steps shown done")
            check("5" in d.find_element(By.ID, "rating").text, "rating still shown")
            _shot(d, 11, "status-closed-phone", PHONE)
    finally:
        os.remove(attachment)
        os.rmdir(work)
