"""Status lookups that cannot be guessed (issue 13, findings 6 and 10):
the personal status link from the receipt, the tracking number with the
full phone number (four digits are no longer enough), failures counted
per tracking number from every address, and the form's idempotency key
accepted only when the server signed it."""
import hashlib
import re

from lib import (check, check_in, check_not_in, check_status, csrf_of, element_text, sql,
                 sql_str, sql_value)
from test_complaint_public import (PublicClient, complaint_by_key, fields, multipart, open_form,
                                   receipt, submit)
from test_complaint_public_status import resolve

LINK = re.compile(r'id="status-link-open" href="/complaint/status\?t=([0-9a-f]{64})"')


def _filed():
    """A new complaint: (receipt page, tracking number, phone, id, link token or None)."""
    c = PublicClient()
    f = fields()
    r, idem = submit(c, f)
    page, tn = receipt(c, r, idem)
    m = LINK.search(page.text)
    cid = int(complaint_by_key(idem)[0][0])
    return page, tn, f["phone"], cid, m.group(1) if m else None


def _by_number(c, tn, phone, **extra):
    form = c.get("/complaint/status")
    check_status(form, 200, "status form")
    return c.post("/complaint/status", dict({"_csrf": csrf_of(form.text), "tracking_no": tn,
                                             "phone": phone}, **extra))


def _number_fails(tn):
    return int(sql_value("SELECT COUNT(*) FROM public_attempts WHERE kind = 'lookup_fail'"
                         " AND tracking_no = %s" % sql_str(tn)))


def test_receipt_gives_a_personal_link_stored_hashed():
    page, tn, _, cid, token = _filed()
    check(token, "the receipt shows no personal status link")
    check_in(token, element_text(page.text, "status-link-text"), "the link written out to keep")
    # Every page is Referrer-Policy: same-origin (core/app.c): the link
    # never travels to another site in a Referer.
    check(page.header("Referrer-Policy") in ("same-origin", "no-referrer"),
          "Referrer-Policy %r" % page.header("Referrer-Policy"))
    stored = sql_value("SELECT HEX(status_token_hash) FROM complaints WHERE id = %d" % cid)
    check(stored.lower() == hashlib.sha256(token.encode()).hexdigest(), "stored %r" % stored)
    check(sql_value("SELECT COUNT(*) FROM complaints WHERE CONCAT_WS('|', tracking_no, idem_key,"
                    " description, order_ref, status_token_hash) LIKE %s" % sql_str("%" + token + "%"))
          == "0", "the link itself is stored")
    check(sql_value("SELECT COUNT(*) FROM audit_log WHERE detail LIKE %s" % sql_str("%" + token + "%"))
          == "0", "the link in the audit log")


def test_status_by_link_from_anywhere():
    _, tn, _, cid, token = _filed()
    c = PublicClient()
    r = c.get("/complaint/status?t=" + token)
    check_status(r, 200, "status by link")
    check(element_text(r.text, "tracking-no") == tn, "the link opens %r" % element_text(r.text, "tracking-no"))
    check_in("已收到您的投诉", element_text(r.text, "messages"), "the first message")
    # Rating through the link: the rating form carries the link, not a phone.
    resolve(cid)
    r = c.get("/complaint/status?t=" + token)
    check_in('name="t" value="%s"' % token, r.text, "rating form without the link")
    check_not_in('name="phone"', r.text, "rating form asks for the phone")
    r = c.post("/complaint/rate", {"_csrf": csrf_of(r.text), "t": token, "score": "5"})
    check_status(r, 200, "rated by link")
    check(sql_value("SELECT satisfaction FROM complaints WHERE id = %d" % cid) == "5", "not stored")


def test_bad_link_is_not_found_and_counted():
    c = PublicClient()
    for t in ("0" * 64, "zz", "A" * 64):
        r = c.get("/complaint/status?t=" + t)
        check_status(r, 404, "link %r" % t)
        check(element_text(r.text, "not-found"), "no not-found message")
    fails = sql_value("SELECT COUNT(*) FROM public_attempts WHERE kind = 'lookup_fail' AND ip = %s"
                      % sql_str(c.addr))
    check(fails == "3", "failed links counted for the address: %s" % fails)


def test_status_by_full_phone_number():
    _, tn, phone, cid, _ = _filed()
    c = PublicClient()
    r = _by_number(c, tn.lower(), re.sub(r"\D", "", phone))
    check_status(r, 200, "number + full phone (digits only)")
    check(element_text(r.text, "tracking-no") == tn, "status page of %s" % tn)
    resolve(cid)
    r = _by_number(c, tn, phone)
    r = c.post("/complaint/rate", {"_csrf": csrf_of(r.text), "tracking_no": tn, "phone": phone,
                                   "score": "4"})
    check_status(r, 200, "rated by number + phone")
    check(sql_value("SELECT satisfaction FROM complaints WHERE id = %d" % cid) == "4", "not stored")


def test_number_and_four_digits_no_longer_enough():
    _, tn, phone, _, _ = _filed()
    last4 = re.sub(r"\D", "", phone)[-4:]
    c = PublicClient()
    r = _by_number(c, tn, last4, phone4=last4)
    check(r.status != 200, "four digits opened the complaint")
    check(element_text(r.text, "tracking-no") is None, "status shown for four digits")
    r = c.post("/complaint/rate", {"_csrf": csrf_of(c.get("/complaint/status").text),
                                   "tracking_no": tn, "phone4": last4, "phone": last4, "score": "1"})
    check(r.status != 200, "four digits rated the complaint")
    check(sql_value("SELECT rated_at IS NULL FROM complaints WHERE tracking_no = %s" % sql_str(tn))
          == "1", "rated with four digits")


def test_failures_counted_per_tracking_number():
    """Wrong phones for one number from five addresses: the number needs
    the link for a while, even from a new address with the right phone."""
    _, tn, phone, _, token = _filed()
    digits = re.sub(r"\D", "", phone)
    wrong = digits[:-4] + "%04d" % ((int(digits[-4:]) + 1) % 10000)
    for _ in range(5):
        r = _by_number(PublicClient(), tn, wrong)
        check_status(r, 404, "wrong phone")
    check(_number_fails(tn) == 5, "failures of %s: %d" % (tn, _number_fails(tn)))
    r = _by_number(PublicClient(), tn, phone)
    check_status(r, 429, "the right phone after five failures on the number")
    check_in("个人查询链接", r.text, "the refusal points to the link")
    check_not_in('id="tracking-no"', r.text, "looked up although the number is locked")
    check(r.header("Retry-After"), "no Retry-After")
    # The longer proof still opens it.
    r = PublicClient().get("/complaint/status?t=" + token)
    check_status(r, 200, "the link while the number is locked")
    # A number nobody has is locked the same way: the refusal tells nothing.
    missing = tn + "9"
    for _ in range(5):
        _by_number(PublicClient(), missing, wrong)
    check_status(_by_number(PublicClient(), missing, phone), 429, "unknown number locked too")
    # The window moves on: old failures no longer count.
    sql("UPDATE public_attempts SET at = NOW() - INTERVAL 2 HOUR WHERE tracking_no = %s" % sql_str(tn))
    check_status(_by_number(PublicClient(), tn, phone), 200, "after the number's window")


def test_forged_idempotency_key_refused():
    c = PublicClient()
    csrf, good = open_form(c)
    check(re.match(r"^[0-9a-f]{96}$", good), "form key %r" % good)
    tampered = good[:-1] + ("0" if good[-1] != "0" else "1")
    other_nonce = ("0" if good[0] != "0" else "1") + good[1:]
    for forged in ("0123456789abcdef0123456789abcdef", "ab" * 48, tampered, other_nonce):
        body, ctype = multipart(dict(fields(), _csrf=csrf, idem=forged))
        r = c.post("/complaint", body=body, headers={"Content-Type": ctype})
        check_status(r, 400, "forged key %r" % forged[:12])
        check_in("表单已过期", r.text, "readable refusal")
        check(complaint_by_key(forged) == [], "a complaint stored under a forged key")
    # The server's own key still works, and twice gives the first receipt.
    r1, _ = submit(c, fields(), csrf=csrf, idem=good)
    _, tn1 = receipt(c, r1, good)
    r2, _ = submit(c, fields(description="又提交一次"), csrf=csrf, idem=good)
    _, tn2 = receipt(c, r2, good)
    check(tn1 == tn2, "double submit: %s then %s" % (tn1, tn2))
    check(len(complaint_by_key(good)) == 1, "one complaint for one key")
