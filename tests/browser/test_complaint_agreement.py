"""Step 5's handling agreement (处理协议) in a real browser: the sheet at
1280 and 390 px, and printed: the menu, buttons and footer hidden, one A4
page for a usual case (Chromium's own PDF of the page). Screenshots go to
tests/browser/screenshots/complaint-agreement-*.png."""
import base64
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from browser import Browser, screenshot, sign_in, viewport
from lib import BASE, check, sql, sql_str, sql_value, user_id
from test_complaints import _cleanup, _make



def _complaint():
    """A price complaint at step 5 whose proposal (an apology with a small
    gift) a leader approved."""
    staff, leader = user_id("staff01"), user_id("leader1")
    cid, _ = _make(reason="price", step=5, answered=True, assignee=staff,
                   company="杭州市某某贸易有限公司", order_ref="SO-TEST-7",
                   purchase_date="2026-11-25", product=sql_value("SELECT MIN(id) FROM products"))
    sql("UPDATE complaints SET contact_name = %s, email = 'zhou@example.com', expected = 'compensation',"
        " description = %s WHERE id = %d"
        % (sql_str("周建国"),
           sql_str("上周购买的净水器，同型号在附近商场便宜 200 元，感觉吃亏上当，要求说明并补差价。"), cid))
    sql("INSERT INTO complaint_proposals (complaint_id, remedy, amount, detail, proposed_by,"
        " proposed_at, decision, decided_by, decided_at) VALUES (%d, 'apology_gift', 50, %s, %d,"
        " NOW() - INTERVAL 2 DAY, 'approved', %d, NOW() - INTERVAL 1 DAY)"
        % (cid, sql_str("重新解释价格差异的原因，向客户道歉，并赠予价值 50 元的滤芯一支。"), staff, leader))
    return cid


def _pdf_pages(d):
    """Chromium's print of the page (its own print stylesheet, A4): pages."""
    pdf = base64.b64decode(d.execute_cdp_cmd("Page.printToPDF", {
        "preferCSSPageSize": True, "printBackground": False})["data"])
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def test_agreement_screens_and_print():
    _cleanup()
    try:
        cid = _complaint()
        for width, height, tag in ((1280, 900, "desktop"), (390, 844, "phone")):
            with Browser(max(width, 500), height) as d:
                if width < 500:
                    viewport(d, width, height)
                sign_in(d, "staff01")
                d.get(BASE + "/complaints/%d" % cid)
                link = WebDriverWait(d, 10).until(EC.element_to_be_clickable((By.ID, "agreement-link")))
                link.click()
                WebDriverWait(d, 10).until(EC.presence_of_element_located((By.ID, "agreement")))
                check(d.find_element(By.ID, "print-agreement").is_displayed(),
                      "the print button shows with JavaScript at %s" % tag)
                check(d.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"),
                      "no sideways scroll at %s" % tag)
                text = d.find_element(By.ID, "agreement").text
                for s in ("客户投诉处理协议", "周建国", "道歉并赠予小纪念品", "¥50.00", "批准人"):
                    check(s in text, "the sheet shows %s at %s" % (s, tag))
                screenshot(d, "complaint-agreement-%s.png" % tag)
                if tag != "desktop":
                    continue
                d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
                for el in ("topbar", "footer"):
                    shown = d.execute_script(
                        "var e = document.querySelector('.%s'); return !!e && e.offsetParent !== null" % el)
                    check(not shown, "%s hidden in print" % el)
                check(not d.find_element(By.ID, "print-agreement").is_displayed(), "button hidden in print")
                check(d.find_element(By.ID, "sign-customer").is_displayed(), "signature lines printed")
                screenshot(d, "complaint-agreement-print.png")
                d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
                pages = _pdf_pages(d)
                print("     (the agreement prints on %d A4 page(s))" % pages)
                check(pages == 1, "one A4 page, not %d" % pages)
    finally:
        _cleanup()
