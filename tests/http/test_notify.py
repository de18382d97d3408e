"""Notifications (issue 15, docs/notifications.md): the outbox rows written
with a change, the sender (kehu-notify) delivering them to the test's SMTP
sink (tests/smtp_sink.py, $KEHU_MAIL_SINK_DIR), retries while the sink is
down, and the staff's morning digest.

Every test uses addresses of its own (n<random>@example.com), so it finds
its mails among the others in the sink."""
import email
import email.policy
import glob
import os
import random
import re
import signal
import subprocess
import sys
import time

from lib import (BUILD, ROOT, VAR, check, check_in, check_status, local_path, sign_in, sql,
                 sql_str, sql_value, user_id)
from test_complaint_public import PublicClient, complaint_by_key, fields, receipt, submit
from test_complaints import STEP_FIELDS, _post, _step

SINK_DIR = os.environ.get("KEHU_MAIL_SINK_DIR") or os.path.join(VAR, "mail-sink")
SINK_PID = os.environ.get("KEHU_MAIL_SINK_PID") or os.path.join(VAR, "mail-sink.pid")
WAIT = 30


def new_address():
    return "n%08d@example.com" % random.randint(0, 99999999)


def mails_to(address):
    """Messages the sink holds for address, oldest first, parsed."""
    out = []
    for path in sorted(glob.glob(os.path.join(SINK_DIR, "*.eml"))):
        with open(path, "rb") as f:
            raw = f.read()
        head = raw.split(b"\r\n", 2)
        if b"<" + address.encode() + b">" not in head[1]:
            continue
        out.append((raw, email.message_from_bytes(raw, policy=email.policy.default)))
    return out


def wait_mails(address, n, what):
    deadline = time.time() + WAIT
    while time.time() < deadline:
        got = mails_to(address)
        if len(got) >= n:
            return got
        time.sleep(0.3)
    rows = sql("SELECT id, kind, state, attempts, last_error FROM outbox WHERE recipient = %s"
               % sql_str(address))
    raise AssertionError("%s: %d mail(s) to %s in the sink after %d s, wanted %d; outbox %r"
                         % (what, len(mails_to(address)), address, WAIT, n, rows))


def body_of(msg):
    return msg.get_content()


def file_with_email(address, **over):
    c = PublicClient()
    r, idem = submit(c, fields(email=address, **over))
    page, tn = receipt(c, r, idem)
    cid = int(complaint_by_key(idem)[0][0])
    return c, page, tn, cid


def test_public_complaint_mails_the_status_link():
    address = new_address()
    c, page, tn, cid = file_with_email(address)
    rows = sql("SELECT channel, kind, lang, complaint_id FROM outbox WHERE recipient = %s"
               % sql_str(address))
    check(rows == [["email", "registered", "zh-CN", str(cid)]], "outbox rows %r" % rows)
    raw, msg = wait_mails(address, 1, "registration")[0]
    check_in(tn, str(msg["Subject"]), "the subject names the tracking number")
    check_in("已受理", str(msg["Subject"]), "the subject in Chinese")
    head = raw.split(b"\r\n\r\n", 1)[0]
    check(all(b < 0x80 for b in head), "raw UTF-8 in the headers (RFC 2047 expected)")
    check_in(b"Subject: =?UTF-8?B?", head, "encoded subject")
    body = body_of(msg)
    check_in("测试客户，您好：", body, "greeting with the customer's name")
    check_in("已收到您的投诉", body, "the public form's wording")
    m = re.search(r"(https?://\S+)(/complaint/status\?t=[0-9a-f]{64})", body)
    check(m, "no status link in the mail: %s" % body[:400])
    # The receipt's link and the mail's are the same, and it opens the status.
    check_in(m.group(2), page.text, "the receipt shows the link the mail has")
    status = c.get(m.group(2))
    check_status(status, 200, "the mail's link")
    check_in(tn, status.text, "the status page of this complaint")
    check(sql_value("SELECT state FROM outbox WHERE complaint_id = %d AND channel = 'email'"
                    % cid) == "sent", "the row is marked sent")


def test_english_form_mails_in_english():
    address = new_address()
    c = PublicClient()
    c.get("/complaint")
    c.cookies["kehu_lang"] = "en"
    r, idem = submit(c, fields(email=address))
    check_status(r, 303, "submit in English")
    cid = int(complaint_by_key(idem)[0][0])
    lang = sql_value("SELECT lang FROM complaints WHERE id = %d" % cid)
    check(lang == "en", "the complaint's language is the page's: %r" % lang)
    _, msg = wait_mails(address, 1, "English registration")[0]
    check_in("received", str(msg["Subject"]), "English subject")
    check_in("Hello 测试客户,", body_of(msg), "English greeting")


def test_no_email_no_row():
    c = PublicClient()
    r, idem = submit(c, fields(email="", phone="0571-8888-%04d" % random.randint(0, 9999)))
    receipt(c, r, idem)
    cid = int(complaint_by_key(idem)[0][0])
    check(sql_value("SELECT COUNT(*) FROM outbox WHERE complaint_id = %d" % cid) == "0",
          "a complaint without an address (and a landline) queued a message")
    staff = sign_in("staff04")
    check_status(_step(staff, cid, 1, facts="核实", assignee_id=str(user_id("staff04"))), 303,
                 "step 1")
    check_status(_post(staff, cid, "message", dict(audience="customer", body="您好")), 303, "message")
    check(sql_value("SELECT COUNT(*) FROM outbox WHERE complaint_id = %d" % cid) == "0",
          "a step or message without an address queued a message")


def test_step_change_message_and_resolution_mail():
    address = new_address()
    _, _, tn, cid = file_with_email(address)
    wait_mails(address, 1, "registration")
    staff = sign_in("staff04")
    check_status(_step(staff, cid, 1, facts="客户反映漏水，已核实。",
                       assignee_id=str(user_id("staff04"))), 303, "step 1")
    _, msg = wait_mails(address, 2, "step 1 recorded")[1]
    body = body_of(msg)
    check_in("处理进度", str(msg["Subject"]), "progress subject")
    check_in("2. 沟通了解", body, "the new step by its name (the source's, docs/wording.md)")
    check_in("/complaint/status?t=", body, "the status link")
    # Internal notes never reach the customer; messages do, word for word.
    check_status(_post(staff, cid, "message", dict(audience="internal", body="内部：查批次")), 303,
                 "note")
    check_status(_post(staff, cid, "message",
                       dict(audience="customer", body="您好，我们明天上午上门检查。\n.单独一行的点")),
                 303, "message")
    raw, msg = wait_mails(address, 3, "message")[2]
    body = body_of(msg)
    check_in("您好，我们明天上午上门检查。", body, "the message text")
    check_in("\n.单独一行的点", body, "a line starting with a dot arrives whole")
    check("内部：查批次" not in body, "an internal note reached the customer")
    check(sql_value("SELECT COUNT(*) FROM outbox WHERE complaint_id = %d AND channel = 'email'"
                    % cid) == "3", "one row per customer-visible change")
    # On to step 6: resolution asks for the rating.
    check_status(_step(staff, cid, 2, **STEP_FIELDS[2]), 303, "step 2")
    check_status(_step(staff, cid, 3, **STEP_FIELDS[3]), 303, "step 3")
    check_status(_step(staff, cid, 4, remedy="repair", amount="0", detail="上门维修"), 303, "step 4")
    leader = sign_in("leader1")
    check_status(_post(leader, cid, "decide", dict(decision="approve", comment="同意",
                                                   version=sql_value("SELECT version FROM complaints"
                                                                     " WHERE id = %d" % cid))),
                 303, "approve")
    check_status(_step(staff, cid, 5, **STEP_FIELDS[5]), 303, "step 5")
    check_status(_step(staff, cid, 6, exec_department="售后服务部", executed_on="2026-11-23"), 303,
                 "step 6")
    kinds = [r[0] for r in sql("SELECT kind FROM outbox WHERE complaint_id = %d AND channel = 'email'"
                               " ORDER BY id" % cid)]
    check(kinds == ["registered", "step", "message", "step", "step", "step", "step", "resolved"],
          "rows by kind: %r" % kinds)
    mails = wait_mails(address, 8, "resolution")
    last = mails[-1][1]
    check_in("请您评价", str(last["Subject"]), "resolution subject")
    check_in("/complaint/status?t=", body_of(last), "the link to rate")


def test_text_message_waits_for_a_hook_then_goes_to_it():
    """A mobile number gets the receipt as a text message: queued while no
    KEHU_SMS_HOOK is configured (the stack's sender leaves it), handed to
    the hook (recipient, text) by a sender that has one."""
    c = PublicClient()
    mobile = "139%08d" % random.randint(0, 99999999)
    r, idem = submit(c, fields(email="", phone=mobile[:3] + "-" + mobile[3:7] + "-" + mobile[7:]))
    _, tn = receipt(c, r, idem)
    cid = int(complaint_by_key(idem)[0][0])
    rows = sql("SELECT id, channel, recipient, state FROM outbox WHERE complaint_id = %d" % cid)
    check([x[1:] for x in rows] == [["sms", mobile, "queued"]], "outbox rows %r" % rows)
    time.sleep(2.5)
    check(sql_value("SELECT state FROM outbox WHERE id = %s" % rows[0][0]) == "queued",
          "a text message left its queue without a hook")
    got = os.path.join(VAR, "tmp-sms-%d.txt" % random.randint(0, 999999))
    hook = got + ".sh"
    with open(hook, "w") as f:
        f.write('#!/bin/sh\nprintf "%%s\\n%%s\\n" "$1" "$2" >> %s\n' % got)
    os.chmod(hook, 0o755)
    try:
        p = _notify("--once", KEHU_SMS_HOOK=hook)
        check(p.returncode == 0, "kehu-notify --once: %s" % p.stderr.decode()[-400:])
        check(sql_value("SELECT state FROM outbox WHERE id = %s" % rows[0][0]) == "sent",
              "the hook's exit 0 marks the row sent")
        with open(got, encoding="utf-8") as f:
            lines = f.read().splitlines()
        # (number, text) per call; other tests' queued texts went too.
        calls = dict(zip(lines[0::2], lines[1::2]))
        check(mobile in calls, "the hook was not called with %s: %r" % (mobile, lines[:4]))
        check_in(tn, calls[mobile], "the text names the tracking number")
        check_in("/complaint/status?t=", calls[mobile], "the text has the status link")
    finally:
        for path in (hook, got):
            if os.path.exists(path):
                os.unlink(path)


def _sink_pid():
    try:
        with open(SINK_PID) as f:
            return int(f.read().strip())
    except (OSError, ValueError):
        return 0


def _sink_port():
    return int(os.environ.get("KEHU_SMTP_PORT") or "25")


def _stop_sink():
    pid = _sink_pid()
    check(pid, "the mail sink is not running (%s)" % SINK_PID)
    os.kill(pid, signal.SIGTERM)
    deadline = time.time() + 10
    while os.path.exists(SINK_PID) and time.time() < deadline:
        time.sleep(0.1)


def _start_sink():
    subprocess.Popen([sys.executable, os.path.join(ROOT, "tests", "smtp_sink.py"),
                      "--host", os.environ.get("KEHU_SMTP_HOST") or "127.0.0.1",
                      "--port", str(_sink_port()), "--dir", SINK_DIR, "--pidfile", SINK_PID],
                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 10
    while not _sink_pid() and time.time() < deadline:
        time.sleep(0.1)


def _log_lines(row_id):
    path = os.path.join(os.environ.get("KEHU_LOG_DIR") or os.path.join(VAR, "log"), "notify.log")
    with open(path, encoding="utf-8", errors="replace") as f:
        return [l for l in f if "outbox %d " % row_id in l]


def test_sink_down_request_succeeds_and_the_row_retries():
    address = new_address()
    _stop_sink()
    try:
        c = PublicClient()
        t0 = time.time()
        r, idem = submit(c, fields(email=address))
        check_status(r, 303, "submit while the mail server is down")
        check(time.time() - t0 < 5, "the request waited for the mail server")
        receipt(c, r, idem)
        cid = int(complaint_by_key(idem)[0][0])
        row = int(sql_value("SELECT id FROM outbox WHERE complaint_id = %d AND channel = 'email'"
                            % cid))
        deadline = time.time() + WAIT
        while time.time() < deadline:
            state, attempts, why = sql("SELECT state, attempts, COALESCE(last_error, '') FROM outbox"
                                       " WHERE id = %d" % row)[0]
            if int(attempts) >= 2:
                break
            time.sleep(0.3)
        check(state == "queued" and int(attempts) >= 2, "row %s after failures: %s, %s attempts"
              % (row, state, attempts))
        check_in("SMTP connect", why, "last_error says why")
        lines = _log_lines(row)
        check(len(lines) == int(attempts) or len(lines) == int(attempts) + 1,
              "one log line per failure: %d lines for %s attempts" % (len(lines), attempts))
        check_in("complaint %d" % cid, lines[0], "the log line names the source")
        check(address not in "".join(lines), "the log line holds the full address")
    finally:
        _start_sink()
    wait_mails(address, 1, "after the sink came back")
    state, attempts = sql("SELECT state, attempts FROM outbox WHERE id = %d" % row)[0]
    check(state == "sent" and int(attempts) >= 3, "sent after retries: %s, %s" % (state, attempts))


def _notify(*args, **env):
    """kehu-notify with the stack's settings (scripts/env.sh: the database
    socket and password), as the programs get them, and env added."""
    cmd = ['bash', '-c', '. scripts/env.sh && exec "$0" "$@"', os.path.join(BUILD, "kehu-notify")]
    return subprocess.run(cmd + list(args), cwd=ROOT, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=60, env=dict(os.environ, **env))


def test_morning_digest_for_a_user_with_an_overdue_action():
    address = new_address()
    staff = "staff06"
    uid = user_id(staff)
    old = sql_value("SELECT COALESCE(email, 'NULL') FROM users WHERE id = %d" % uid)
    customer = int(sql_value("SELECT id FROM customers WHERE status = 'active' ORDER BY id LIMIT 1"))
    text = "测试：回访报价 %d" % random.randint(0, 999999)
    sql("UPDATE users SET email = %s WHERE id = %d" % (sql_str(address), uid))
    sql("INSERT INTO contact_log (customer_id, channel, contacted_on, staff_id, people, heard,"
        " next_action, next_due, done) VALUES (%d, 'visit', CURDATE() - INTERVAL 20 DAY, %d, %s,"
        " %s, %s, CURDATE() - INTERVAL 2 DAY, 0)"
        % (customer, uid, sql_str("测试联系人"), sql_str("测试：听到的情况"), sql_str(text)))
    log_id = sql_value("SELECT MAX(id) FROM contact_log WHERE staff_id = %d" % uid)
    day = sql_value("SELECT CURDATE()")
    try:
        sql("DELETE FROM outbox WHERE once_key = %s" % sql_str("digest:%s:%d" % (day, uid)))
        p = _notify("--digest")
        check(p.returncode == 0, "kehu-notify --digest: %s" % p.stderr.decode()[-400:])
        _, msg = wait_mails(address, 1, "digest")[0]
        check_in("今日提醒", str(msg["Subject"]), "digest subject")
        body = body_of(msg)
        check_in("已过期的下一步行动", body, "the overdue actions' heading")
        check_in(text, body, "the overdue next action")
        # Asking again the same day queues nothing more.
        p = _notify("--digest")
        check(p.returncode == 0, "second --digest")
        check(sql_value("SELECT COUNT(*) FROM outbox WHERE user_id = %d AND once_key = %s"
                        % (uid, sql_str("digest:%s:%d" % (day, uid)))) == "1",
              "one digest per user and day")
    finally:
        sql("DELETE FROM contact_log WHERE id = %s" % log_id)
        sql("UPDATE users SET email = %s WHERE id = %d"
            % ("NULL" if old == "NULL" else sql_str(old), uid))


def test_admin_outbox_lists_and_retries_with_csrf():
    from lib import page_csrf
    address = new_address()
    row = sql_value(
        "INSERT INTO outbox (channel, recipient, subject, body, kind, state, attempts,"
        " next_attempt_at, last_error, created_at) VALUES ('email', %s, 'x', 'x', 'message',"
        " 'failed', 5, NOW(), 'SMTP RCPT: 451 try later', NOW()); SELECT LAST_INSERT_ID();"
        % sql_str(address))
    try:
        admin = sign_in("admin")
        page = admin.get("/admin/outbox?state=failed")
        check_status(page, 200, "failed tab")
        check_in(address, page.text, "the failed row is listed")
        check_in("451 try later", page.text, "with its last error")
        check_in('action="/admin/outbox/%s/retry"' % row, page.text, "and its retry form")
        # Unknown tabs fall back to the waiting ones rather than failing.
        check_status(admin.get("/admin/outbox?state=%27%20OR%201"), 200, "bad state")
        # No token, no change.
        r = admin.post("/admin/outbox/%s/retry" % row, {})
        check(r.status in (400, 403), "retry without CSRF: %d" % r.status)
        check(sql_value("SELECT state FROM outbox WHERE id = %s" % row) == "failed",
              "queued without a token")
        r = admin.post("/admin/outbox/%s/retry" % row, {"_csrf": page_csrf(admin, "/admin/outbox")})
        check_status(r, 303, "retry")
        check(local_path(r.location) == "/admin/outbox?state=queued", "back to %r" % r.location)
        wait_mails(address, 1, "retried")
        check(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'outbox.retry'"
                        " AND entity_id = %s" % row) == "1", "audited")
        # A sent row is not sent twice.
        r = admin.post("/admin/outbox/%s/retry" % row, {"_csrf": page_csrf(admin, "/admin/outbox")})
        check_status(r, 303, "retry of a sent row")
        check(sql_value("SELECT state FROM outbox WHERE id = %s" % row) == "sent", "still sent")
        check(len(mails_to(address)) == 1, "sent twice")
    finally:
        sql("DELETE FROM outbox WHERE id = %s" % row)
