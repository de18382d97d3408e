"""Issue 14, English: English screens use English punctuation (no
full-width colon or enumeration comma after an English label), durations
are spaced ("0 min", not "0min"), and the customer file's company history
and its change log do not share a name."""
import random
import re

from lib import (check, check_in, check_not_in, check_status, page_csrf, sign_in, sql,
                 sql_str, sql_value, unescape, user_id)
from test_import import _csv, _upload_ok

USER = "staff08"
PREFIX = "TXE"   # tracking numbers of the complaints these tests make
# An English word or number directly before full-width punctuation: text
# the screens wrote, since the data (Chinese) puts Chinese before it.
LATIN_FULLWIDTH = re.compile(r"[A-Za-z0-9)][ \t]*[：、，；]")
# A duration written as one token ("0min", "3d"); not the end of a code or
# a name other tests' rows carry ("t_0f391a5d").
RUN_IN = re.compile(r"(?<![\w.-])\d+(?:min|h|d)\b")


def _text(html_text):
    """The page's visible text, one line per element."""
    t = re.sub(r"<(script|style)\b.*?</\1>", " ", html_text, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", "\n", t))


def _english(name):
    c = sign_in(name)
    r = c.post("/account/lang", {"_csrf": page_csrf(c), "lang": "en", "back": "/"})
    check_status(r, 303)
    return c


def _restore(name, lang):
    sql("UPDATE users SET lang = %s WHERE username = %s" % (sql_str(lang), sql_str(name)))


def _closed_complaint():
    """A closed return answered the moment it came in (first response after
    0 minutes), linked to a customer file, with a leader's decision and the
    customer's rating: every labelled line of the complaint page."""
    tn = "%s%08d-%04d" % (PREFIX, random.randint(0, 99999999), random.randint(0, 9999))
    customer = sql_value("SELECT MIN(id) FROM customers WHERE status = 'active'")
    region = sql_value("SELECT region_id FROM customers WHERE id = %s" % customer)
    staff, leader = user_id(USER), user_id("leader1")
    sql("INSERT INTO complaints (tracking_no, customer_id, region_id, kind, reason, contact_name,"
        " contact_phone, description, step, status, received_at, first_response_due,"
        " first_response_at, closed_at, satisfaction, assignee_id, source, return_in_window)"
        " VALUES (%s, %s, %s, 'return', 'quality', %s, '13900000000', %s, 7, 'closed', NOW(),"
        " NOW() + INTERVAL 24 HOUR, NOW(), NOW(), 5, %d, 'web', 1)"
        % (sql_str(tn), customer, region, sql_str("测试"), sql_str("漏水"), staff))
    cid = int(sql_value("SELECT id FROM complaints WHERE tracking_no = %s" % sql_str(tn)))
    sql("INSERT INTO complaint_handling (complaint_id) VALUES (%d)" % cid)
    sql("INSERT INTO complaint_proposals (complaint_id, remedy, amount, detail, proposed_by,"
        " proposed_at, decision, decided_by, decided_at, decision_comment) VALUES"
        " (%d, 'refund', 100, %s, %d, NOW(), 'approved', %d, NOW(), %s)"
        % (cid, sql_str("退款"), staff, leader, sql_str("同意")))
    return cid


def _cleanup():
    ids = [r[0] for r in sql("SELECT id FROM complaints WHERE tracking_no LIKE '%s%%'" % PREFIX)]
    if ids:
        idl = ", ".join(ids)
        for t in ("complaint_events", "complaint_proposals", "complaint_handling"):
            sql("DELETE FROM %s WHERE complaint_id IN (%s)" % (t, idl))
        sql("DELETE FROM complaints WHERE id IN (%s)" % idl)


def _no_fullwidth_after_english(text, what):
    for line in text.split("\n"):
        m = LATIN_FULLWIDTH.search(line)
        check(m is None, "%s: full-width punctuation in English text: %r" % (what, line.strip()))


def test_english_pages_use_english_punctuation():
    before = sql_value("SELECT lang FROM users WHERE username = %s" % sql_str(USER))
    _cleanup()
    try:
        cid = _closed_complaint()
        c = _english(USER)
        r = c.get("/complaints/%d" % cid)
        check_status(r, 200)
        text = _text(r.text)
        for label in ("Leader's decision: ", "Customer rating: ", "Closed at: ", "Linked to: "):
            check_in(label, text, "complaint page in English")
        check_not_in("：", text, "complaint page in English (its data has no full-width colon)")
        r = c.get("/customers/import")
        check_status(r, 200)
        text = _text(r.text)
        check_in("Values: Dealer, End customer", text, "the import's allowed values")
        check_not_in("、", text, "import page in English")
        check_not_in("：", text, "import page in English")
        customer = sql_value("SELECT MIN(id) FROM customers WHERE status = 'active'")
        for path in ("/", "/customers", "/customers/new", "/customers/%s" % customer,
                     "/customers/%s?tab=history" % customer, "/complaints",
                     "/complaints/overview", "/dashboard", "/plans", "/plans/new",
                     "/plans/budget", "/plans/catalogue"):
            r = c.get(path)
            check_status(r, 200, path)
            _no_fullwidth_after_english(_text(r.text), path)
    finally:
        _cleanup()
        _restore(USER, before)


def test_durations_spaced_in_english_only():
    before = sql_value("SELECT lang FROM users WHERE username = %s" % sql_str(USER))
    _cleanup()
    try:
        cid = _closed_complaint()
        _restore(USER, "zh-CN")
        c = sign_in(USER)
        text = _text(c.get("/complaints/%d" % cid).text)
        check_in("0分钟", text, "a span in Chinese")
        check_not_in("0 分钟", text, "a span in Chinese")
        c = _english(USER)
        text = _text(c.get("/complaints/%d" % cid).text)
        check_in("answered in 0 working h", text, "the first-response clock in English (business hours)")
        check_in("0 min", text, "the age span in English")
        check(RUN_IN.search(text) is None, "a number run into its unit: %r" % RUN_IN.findall(text))
        text = _text(c.get("/complaints?status=all&overdue=0").text)
        check(RUN_IN.search(text) is None,
              "the queue: a number run into its unit: %r" % RUN_IN.findall(text)[:5])
    finally:
        _cleanup()
        _restore(USER, before)


def test_company_history_and_change_log_named_apart():
    before = sql_value("SELECT lang FROM users WHERE username = %s" % sql_str(USER))
    try:
        c = _english(USER)
        customer = sql_value("SELECT MIN(id) FROM customers WHERE status = 'active'")
        text = _text(c.get("/customers/%s" % customer).text)
        check_in("Company history", text, "the company history field in English")
        check_in("Change log", text, "the change-log tab in English")
        check(re.search(r"^\s*History\s*$", text, re.M) is None,
              "a bare 'History' label is ambiguous on the customer file")
        # The import's preview names a bad cell's column by its label.
        data = _csv(["名称", "编号", "类型", "区域", "生命周期", "历史沿革"],
                    [["英文预览测试客户", "", "经销商", "华东", "潜在客户", "长" * 5001]])
        _, preview = _upload_ok(c, data.encode("utf-8"))
        text = _text(preview.text)
        check_in("Company history", text, "the import preview's column label")
        check(re.search(r"^\s*History\s*$", text, re.M) is None,
              "a bare 'History' label on the import preview")
        text = _text(c.get("/customers/%s/edit" % customer).text)
        check_in("Company history", text, "the edit form's field")
    finally:
        _restore(USER, before)


def test_label_colons_follow_the_language():
    """A label's colon is the page language's: "导出：" in Chinese, "Export: "
    in English, on the lists and a plan page."""
    pid = sql_value("SELECT MIN(id) FROM support_plans WHERE status = 'in_progress'")
    pages = ["/customers", "/dashboard", "/complaints/overview", "/plans/%s" % pid]
    c = sign_in("staff09")
    for path in pages[:3]:
        text = _text(c.get(path).text)
        check(re.search(r"导出[^：\n]{0,4}：", text), "%s: Chinese export label without its colon" % path)
    text = _text(c.get(pages[3]).text)
    check(re.search(r"生效版本：", text), "plan page: Chinese label without a full-width colon")
    check(not re.search(r"[\u4e00-\u9fff]:", text),
          "plan page: an ASCII colon after Chinese text")
    before = sql_value("SELECT lang FROM users WHERE username = 'staff09'")
    try:
        c = _english("staff09")
        for path in pages[:3]:
            text = _text(c.get(path).text)
            check(re.search(r"Export[a-z ]*: ", text), "%s: English export label" % path)
            check(not LATIN_FULLWIDTH.search(text), "%s: full-width punctuation in English: %r"
                  % (path, LATIN_FULLWIDTH.search(text)))
    finally:
        _restore("staff09", before)
