"""The public status page and the rating: tracking number + the full phone
number, one "not found" answer for every mismatch, the failure throttle,
customer messages only, rating a resolved complaint and reopening on
"not satisfied". The personal status link and the per-number throttle are
in test_complaint_status_link.py."""
import re

from lib import check, check_in, check_not_in, check_status, csrf_of, element_text, sql, sql_str, sql_value
from test_complaint_public import PublicClient, file_complaint


def wrong_phone(phone, by=1):
    """The same number with other last four digits."""
    digits = re.sub(r"\D", "", phone)
    return digits[:-4] + "%04d" % ((int(digits[-4:]) + by) % 10000)


def look_up(c, tracking_no, phone):
    form = c.get("/complaint/status")
    check_status(form, 200, "status form")
    return c.post("/complaint/status", {"_csrf": csrf_of(form.text), "tracking_no": tracking_no,
                                        "phone": phone})


def rate(c, tracking_no, phone, score, comment=""):
    form = c.get("/complaint/status")
    return c.post("/complaint/rate", {"_csrf": csrf_of(form.text), "tracking_no": tracking_no,
                                      "phone": phone, "score": score, "comment": comment})


def resolve(cid, closed=False):
    """What the staff side does at step 7 (set here by SQL)."""
    sql("UPDATE complaints SET step = 7, first_response_at = NOW() - INTERVAL 3 HOUR,"
        " resolved_at = NOW() - INTERVAL 1 HOUR%s WHERE id = %d"
        % (", status = 'closed', closed_at = NOW() - INTERVAL 1 HOUR" if closed else "", cid))


def fails(addr):
    return int(sql_value("SELECT COUNT(*) FROM public_attempts WHERE kind = 'lookup_fail'"
                         " AND ip = %s" % sql_str(addr)))


def _not_found_body(r):
    """The page without what differs by construction (tokens, echoed input)."""
    text = re.sub(r'name="_csrf" value="[0-9a-f]+"', "", r.text)
    return re.sub(r'(name="(tracking_no|phone)"[^>]*?value=")[^"]*"', r"\1\"", text)


def test_status_found():
    _, tn, phone, cid = file_complaint()
    c = PublicClient()
    r = look_up(c, tn.lower() + " ", phone)
    check_status(r, 200, "status with the right digits")
    check(element_text(r.text, "tracking-no") == tn, "tracking number on the status page")
    check_in("登记", element_text(r.text, "stage"), "current step in customer words")
    check_in('aria-current="step"', r.text, "current step marked")
    check_in("已收到您的投诉", element_text(r.text, "messages"), "the first message")
    check_not_in('id="rate"', r.text, "rating offered before resolution")
    check(fails(c.addr) == 0, "a successful lookup counted as a failure")


def test_wrong_phone_and_wrong_number_same_answer():
    _, tn, phone, _ = file_complaint()
    wrong = wrong_phone(phone)
    c = PublicClient()
    r1 = look_up(c, tn, wrong)
    check_status(r1, 404, "wrong digits")
    missing = tn[:11] + "9" + tn[12:] if tn[11] != "9" else tn[:11] + "8" + tn[12:]
    missing = missing + "1"   # 5 digits: a number nobody has today
    r2 = look_up(c, missing, wrong)
    check_status(r2, 404, "unknown number")
    check(element_text(r1.text, "not-found"), "no not-found message")
    check(_not_found_body(r1) == _not_found_body(r2),
          "wrong digits and an unknown number answer differently")
    check_not_in(tn, r1.text.replace('value="%s"' % tn, ""), "the tracking number leaks")
    check(fails(c.addr) == 2, "failures recorded: %d" % fails(c.addr))


def test_malformed_input_is_a_field_error():
    c = PublicClient()
    r = look_up(c, "12345", "12a")
    check_status(r, 422, "malformed")
    check_in('id="err-tracking_no"', r.text, "tracking number message")
    check_in('id="err-phone"', r.text, "phone message")


def test_lookup_throttle_429():
    _, tn, phone, _ = file_complaint()
    c = PublicClient()
    sql("INSERT INTO public_attempts (kind, ip, at) SELECT 'lookup_fail', %s,"
        " NOW() - INTERVAL seq MINUTE FROM seq_1_to_10" % sql_str(c.addr))
    # Refused before anything is looked up, even with the right digits.
    r = look_up(c, tn, phone)
    check_status(r, 429, "11th attempt")
    check_in('<p class="error-code">429</p>', r.text, "readable 429 page")
    check_in("查询失败次数过多", r.text, "the throttle's own message")
    check_not_in(tn, r.text, "looked up although throttled")
    r = rate(c, tn, phone, "5")
    check_status(r, 429, "rating is throttled too")
    # Nine failures: the next lookup is answered.
    sql("DELETE FROM public_attempts WHERE ip = %s ORDER BY id LIMIT 1" % sql_str(c.addr))
    check_status(look_up(c, tn, phone), 200, "after the window moved on")


def test_customer_sees_customer_messages_only():
    _, tn, phone, cid = file_complaint()
    staff = sql_value("SELECT id FROM users WHERE username = 'staff01'")
    staff_name = sql_value("SELECT display_name FROM users WHERE id = %s" % staff)
    sql("INSERT INTO complaint_messages (complaint_id, audience, author, user_id, body, at) VALUES"
        " (%d, 'internal', 'staff', %s, %s, NOW()),"
        " (%d, 'customer', 'staff', %s, %s, NOW())"
        % (cid, staff, sql_str("内部备注：客户情绪激动，先别提赔偿"),
           cid, staff, sql_str("您好，我们明天上午上门检查。")))
    c = PublicClient()
    r = look_up(c, tn, phone)
    check_status(r, 200, "status")
    msgs = element_text(r.text, "messages")
    check_in("我们明天上午上门检查", msgs, "staff message to the customer")
    check_in("客服", msgs, "staff shown as 客服")
    check_not_in("内部备注", r.text, "internal note on the public page")
    check_not_in(staff_name, r.text, "staff name on the public page")


def test_rating_a_resolved_complaint():
    _, tn, phone, cid = file_complaint()
    resolve(cid)
    c = PublicClient()
    r = look_up(c, tn, phone)
    check_in('id="rate"', r.text, "rating form on a resolved complaint")
    check_in("请您评价", element_text(r.text, "stage"), "resolved stage")
    before = int(sql_value("SELECT version FROM complaints WHERE id = %d" % cid))
    r = rate(c, tn, phone, "5", "处理得很及时")
    check_status(r, 200, "rate 5")
    check(element_text(r.text, "rated"), "no thanks")
    check_not_in('id="rate"', r.text, "rating offered again")
    row = sql("SELECT satisfaction, satisfaction_comment, rated_at IS NOT NULL, status, step,"
              " reopen_count, version FROM complaints WHERE id = %d" % cid)[0]
    check(row == ["5", "处理得很及时", "1", "open", "7", "0", str(before + 1)], "stored %r" % row)
    ev = sql("SELECT step, event, user_id, note FROM complaint_events WHERE complaint_id = %d"
             " AND event <> 'registered'" % cid)
    check(ev == [["7", "rated", "NULL", "5/5"]], "events %r" % ev)
    check(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'complaint.rate' AND entity_id = %d"
                    " AND user_id IS NULL" % cid) == "1", "rating not audited")
    # One rating per resolution.
    r = rate(c, tn, phone, "1")
    check_status(r, 409, "second rating")
    check(sql_value("SELECT satisfaction FROM complaints WHERE id = %d" % cid) == "5", "rating changed")


def test_not_satisfied_reopens():
    _, tn, phone, cid = file_complaint()
    resolve(cid, closed=True)
    c = PublicClient()
    r = look_up(c, tn, phone)
    check_in("已办结", element_text(r.text, "stage"), "closed stage")
    r = rate(c, tn, phone, "3", "还是漏水")
    check_status(r, 200, "rate 3")
    check(element_text(r.text, "reopened"), "not told that staff will follow up")
    row = sql("SELECT status, step, closed_at, reopen_count, satisfaction FROM complaints"
              " WHERE id = %d" % cid)[0]
    check(row == ["open", "7", "NULL", "1", "3"], "after a 3: %r" % row)
    ev = sql("SELECT step, event, user_id FROM complaint_events WHERE complaint_id = %d"
             " AND event IN ('rated', 'reopened') ORDER BY id" % cid)
    check(ev == [["7", "rated", "NULL"], ["7", "reopened", "NULL"]], "events %r" % ev)
    check_in("继续跟进", element_text(r.text, "stage"), "follow-up stage")
    check_status(rate(c, tn, phone, "2"), 409, "rating again before a new resolution")
    # Staff resolve it again: a new round may be rated.
    sql("UPDATE complaints SET rated_at = NOW() - INTERVAL 2 HOUR, resolved_at = NOW() - INTERVAL 1 HOUR,"
        " status = 'closed', closed_at = NOW() WHERE id = %d" % cid)
    r = rate(c, tn, phone, "4")
    check_status(r, 200, "rating the second resolution")
    row = sql("SELECT status, satisfaction, reopen_count FROM complaints WHERE id = %d" % cid)[0]
    check(row == ["closed", "4", "1"], "a 4 leaves it closed: %r" % row)


def test_rating_refused_when_not_resolved():
    _, tn, phone, cid = file_complaint()
    c = PublicClient()
    r = rate(c, tn, phone, "5")
    check_status(r, 409, "rating an open complaint")
    check_in("尚未处理完毕", r.text, "readable refusal")
    check(sql_value("SELECT satisfaction IS NULL AND rated_at IS NULL FROM complaints WHERE id = %d"
                    % cid) == "1", "a rating was stored")


def test_rating_needs_the_digits_and_a_score():
    _, tn, phone, cid = file_complaint()
    resolve(cid)
    c = PublicClient()
    wrong = wrong_phone(phone, 5)
    r = rate(c, tn, wrong, "1")
    check_status(r, 404, "wrong digits")
    check(element_text(r.text, "not-found"), "same not-found answer")
    check(fails(c.addr) == 1, "failed rating not counted")
    r = rate(c, tn, phone, "9")
    check_status(r, 422, "score 9")
    check_in('id="err-score"', r.text, "score message")
    r = rate(c, tn, phone, "4", "长" * 1001)
    check_status(r, 422, "comment too long")
    check(sql_value("SELECT rated_at IS NULL FROM complaints WHERE id = %d" % cid) == "1", "stored")
