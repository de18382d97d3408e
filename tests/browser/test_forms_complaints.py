"""Issue 14: the staff complaint pages' forms through their own buttons in a
real browser: the queue's and the overview's filters (GET forms, sent by
their button), matching a complaint to a customer file (a suggestion,
undoing it, by code with a wrong code first), a leader returning a
proposal, and reopening a closed complaint (a blank reason first)."""
from selenium.webdriver.common.by import By

from browser import Browser, filter_by, fill, press, set_value, sign_in, wait_for
from lib import BASE, check, sql, sql_value
from test_complaints_screens import _cleanup, _complaint


def test_queue_and_overview_filters():
    with Browser() as d:
        sign_in(d, "staff01")
        filter_by(d, "/complaints", "queue-filters", [("status", "all"), ("kind", "return")])
        kinds = [e.text for e in d.find_elements(By.CSS_SELECTOR, "#complaint-queue tbody tr")]
        check(kinds and all("退货申请" in t for t in kinds), "only returns listed: %r" % kinds[:3])

        region = sql_value("SELECT id FROM regions WHERE code = 'huadong'")
        # Month inputs are typed as the browser shows them; the page says what it took.
        filter_by(d, "/complaints/overview", "stats-filter", [("region", region)])
        set_value(d, "from", "2026-01")
        set_value(d, "to", "2026-06")
        press(d, "#stats-filter button[type=submit]")
        period = d.find_element(By.ID, "period").text
        check("2026-01" in period and "2026-06" in period, "the period shown: %r" % period)
        check(d.find_element(By.ID, "region").get_attribute("value") == region, "the region kept")
        export = d.find_element(By.ID, "export-csv").get_attribute("href")
        check("from=2026-01" in export and "region=%s" % region in export,
              "the export link carries the filter: %s" % export)


def test_return_reopen_match():
    _cleanup()
    try:
        cid = _complaint()
        customer, phone, code = sql("SELECT id, phone, code FROM customers WHERE status = 'active'"
                                    " AND phone <> '' ORDER BY id LIMIT 1")[0]
        sql("UPDATE complaints SET contact_phone = '%s' WHERE id = %d" % (phone, cid))
        sql("INSERT INTO complaint_proposals (complaint_id, remedy, amount, detail, proposed_by,"
            " proposed_at, decision) VALUES (%d, 'replace', 0, '换新', %s, NOW(), 'pending')"
            % (cid, sql_value("SELECT id FROM users WHERE username = 'staff01'")))
        with Browser() as d:
            sign_in(d, "staff01")
            d.get(BASE + "/complaints/%d" % cid)
            wait_for(d, "suggestions")
            flash = press(d, "#match-%s button[type=submit]" % customer)
            check(flash == "已关联客户档案。" and d.find_elements(By.ID, "matched"), "matched: %r" % flash)
            flash = press(d, "#unmatch-form button[type=submit]")
            check(flash == "已取消关联。" and not d.find_elements(By.ID, "matched"), "unmatched: %r" % flash)
            fill(d, "f-code", "NOSUCH0")
            press(d, "#match-code button[type=submit]")
            check(d.find_element(By.ID, "err-code").is_displayed(), "an unknown code is named at its field")
            fill(d, "f-code", code)
            flash = press(d, "#match-code button[type=submit]")
            check(flash == "已关联客户档案。", "matched by code: %r" % flash)
            check(sql_value("SELECT customer_id FROM complaints WHERE id = %d" % cid) == customer,
                  "the match is stored")

            d.delete_all_cookies()
            sign_in(d, "leader1")
            d.get(BASE + "/complaints/%d" % cid)
            fill(d, "f-comment", "请先确认客户是否接受维修")
            flash = press(d, "#return")
            check(flash == "已退回处理意见。", "returned: %r" % flash)
            check("请先确认客户是否接受维修" in d.find_element(By.ID, "proposals").text, "the comment shown")

            sql("UPDATE complaints SET status = 'closed', step = 7, closed_at = NOW() WHERE id = %d" % cid)
            d.delete_all_cookies()
            sign_in(d, "staff01")
            d.get(BASE + "/complaints/%d" % cid)
            form = wait_for(d, "reopen-form")
            d.find_element(By.CSS_SELECTOR, "#step-7 details.add-form > summary").click()
            # Blanks pass the browser's own check of the required field; the server's is shown.
            fill(d, "f-reason", "   ")
            press(d, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
            check(d.find_element(By.ID, "err-reason").is_displayed(), "the empty reason is named at its field")
            fill(d, "f-reason", "客户来电：新滤芯仍有异味")
            flash = press(d, "#reopen-form button[type=submit]")
            check(flash == "已重新处理。", "reopened: %r" % flash)
            check(d.find_element(By.ID, "status-badge").text != "已结案", "open again")
    finally:
        sql("DELETE FROM complaint_followups WHERE complaint_id IN (SELECT id FROM complaints"
            " WHERE tracking_no LIKE 'TXB%')")
        _cleanup()
