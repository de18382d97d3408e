"""The notification outbox (docs/notifications.md) in a real browser: an
admin opens it from the administration page, finds a failed mail under
发送失败 with its last error, and sends it again by its own button; the
sender then delivers it to the test's mail sink. Screenshots at 1280 and
390 px."""
import os
import random
import time

from selenium.webdriver.common.by import By

from browser import Browser, press, screenshots, sign_in, wait_for
from lib import check, sql, sql_str, sql_value


def test_retry_a_failed_notification():
    address = "b%08d@example.com" % random.randint(0, 99999999)
    row = sql_value(
        "INSERT INTO outbox (channel, recipient, subject, body, kind, state, attempts,"
        " next_attempt_at, last_error, created_at) VALUES ('email', %s, %s, %s, 'message',"
        " 'failed', 5, NOW(), %s, NOW() - INTERVAL 3 HOUR); SELECT LAST_INSERT_ID();"
        % (sql_str(address), sql_str("投诉 TS20261207-0042 客服给您留言"),
           sql_str("您好，我们明天上午上门检查。"),
           sql_str("SMTP connect 127.0.0.1:25: Connection refused")))
    try:
        with Browser() as d:
            sign_in(d, "admin")
            d.find_element(By.CSS_SELECTOR, '.mainnav a[href="/admin"]').click()
            wait_for(d, "admin-outbox").find_element(By.TAG_NAME, "a").click()
            wait_for(d, "outbox-tab-failed").click()
            wait_for(d, "retry-button-%s" % row)
            line = d.find_element(By.CSS_SELECTOR, 'tr[data-outbox="%s"]' % row).text
            check("Connection refused" in line, "the last error is shown: %r" % line)
            check(address in line, "the recipient is shown")
            screenshots(d, "admin-outbox")
            flash = press(d, "#retry-button-%s" % row)
            check("已重新排队" in flash, "the flash says it was queued: %r" % flash)
            wait_for(d, "outbox-tab-queued")
            check("active" in d.find_element(By.ID, "outbox-tab-queued").get_attribute("class"),
                  "back on the waiting tab")
        deadline = time.time() + 20
        while time.time() < deadline:
            state, attempts = sql("SELECT state, attempts FROM outbox WHERE id = %s" % row)[0]
            if state == "sent":
                break
            time.sleep(0.3)
        check(state == "sent" and attempts == "1", "sent again, attempts from 0: %s, %s"
              % (state, attempts))
        sink = os.environ.get("KEHU_MAIL_SINK_DIR")
        if sink:
            found = [f for f in os.listdir(sink) if f.endswith(".eml")
                     and ("<%s>" % address).encode() in open(os.path.join(sink, f), "rb").read()]
            check(len(found) == 1, "the mail reached the sink once: %r" % found)
        check(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'outbox.retry'"
                        " AND entity_id = %s" % row) == "1", "the retry is audited")
    finally:
        sql("DELETE FROM outbox WHERE id = %s" % row)
