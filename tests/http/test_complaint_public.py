"""The public complaint form (no sign-in): submission with attachments,
the 7-day return window, every invalid field, size limits, attachment
content checks, idempotent double submits, the honeypot and the
per-address throttle.

Each test talks from its own loopback address (127.x.y.z; Linux accepts
any of 127.0.0.0/8), as separate customers would, so nginx's per-address
limit_req and the program's own throttle see separate clients and tests
never trip over each other's attempts."""
import os
import random
import re
import threading
import time
import urllib.parse

from lib import (VAR, Client, check, check_in, check_not_in, check_status,
                 csrf_of, element_text, local_path, multipart, sql, sql_str,
                 sql_value)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + os.urandom(64)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + os.urandom(64)
PDF = b"%PDF-1.4\n" + b"1 0 obj << >> endobj\n%%EOF\n"

TRACKING = re.compile(r"^TS\d{8}-\d{4,}$")


def new_addr():
    """A loopback address no other test uses (127.0.0.1 is left alone)."""
    return "127.%d.%d.%d" % (random.randint(2, 254), random.randint(0, 255),
                             random.randint(1, 254))


class PublicClient(Client):
    """A visitor connecting from its own loopback address."""

    def __init__(self, addr=None, timeout=60):
        super().__init__(timeout=timeout)
        self.addr = addr or new_addr()

    def _connect(self):
        if self.conn is None:
            import http.client
            from lib import HOST, PORT
            self.conn = http.client.HTTPConnection(
                HOST, PORT, timeout=self.timeout, source_address=(self.addr, 0))
        return self.conn


def open_form(c):
    """GET the form: (csrf token, idempotency token)."""
    r = c.get("/complaint")
    check_status(r, 200, "complaint form")
    m = re.search(r'name="idem" value="([0-9a-f]{96})"', r.text)
    check(m, "the form carries no signed idempotency token (96 hex digits)")
    return csrf_of(r.text), m.group(1)


def today():
    return sql_value("SELECT CURDATE()")


def days_ago(n):
    return sql_value("SELECT CURDATE() - INTERVAL %d DAY" % n)


def province(code="zhejiang"):
    return sql_value("SELECT id FROM provinces WHERE code = %s" % sql_str(code))


def product():
    return sql_value("SELECT id FROM products WHERE active = 1 ORDER BY id LIMIT 1")


def fields(**over):
    f = {"kind": "complaint", "reason": "quality", "name": "测试客户",
         "phone": "138-0013-%04d" % random.randint(0, 9999),
         "email": "kehu-test@example.com", "company": "杭州测试贸易有限公司",
         "province_id": province(), "product_id": product(), "product_text": "",
         "purchase_date": days_ago(3), "order_ref": "INV-2026-0001",
         "packaging_intact": "", "description": "净水器使用三天后漏水，地板被泡。",
         "referral_code": ""}
    f.update(over)
    return f


def submit(c, f, files=(), csrf=None, idem=None):
    if csrf is None or idem is None:
        csrf2, idem2 = open_form(c)
        csrf = csrf or csrf2
        idem = idem or idem2
    body, ctype = multipart(dict(f, _csrf=csrf, idem=idem), files)
    r = c.post("/complaint", body=body, headers={"Content-Type": ctype})
    return r, idem


def complaint_by_key(idem, cols="id"):
    """The complaint of a form key: its random nonce (the first 32 hex
    digits) is what is stored."""
    return sql("SELECT %s FROM complaints WHERE idem_key = %s" % (cols, sql_str(idem[:32])))


def receipt(c, r, idem):
    """Follows the 303 to the receipt; returns (page, tracking number)."""
    check_status(r, 303, "submit")
    path = local_path(r.location)
    check(path == "/complaint/receipt?k=" + idem, "redirected to %r" % path)
    page = c.get(path)
    check_status(page, 200, "receipt")
    tn = element_text(page.text, "tracking-no")
    check(tn and TRACKING.match(tn), "receipt shows tracking number %r" % tn)
    return page, tn


def file_complaint(**over):
    """A registered complaint: (client, tracking number, phone, id)."""
    c = PublicClient()
    f = fields(**over)
    r, idem = submit(c, f)
    _, tn = receipt(c, r, idem)
    cid = int(complaint_by_key(idem)[0][0])
    return c, tn, f["phone"], cid


# --- the form and a submission ----------------------------------------------

def test_form_page():
    c = PublicClient()
    r = c.get("/complaint")
    check_status(r, 200, "form")
    check("kehu_csrf" in c.cookies, "no pre-session CSRF cookie on the public form")
    check_in('enctype="multipart/form-data"', r.text, "form encoding")
    check_in('class="hp"', r.text, "honeypot wrapper hidden by the stylesheet")
    check_in('name="referral_code"', r.text, "honeypot field")
    check_in(">浙江<", r.text, "provinces listed")
    check_in("对产品的功能或品质怀疑", r.text, "reason in the source texts' wording")
    check_in("对服务的态度不满意", r.text, "reason service")
    check_in("对价格很在意", r.text, "reason price")
    for i in (1, 2, 3):
        check_in('name="file%d" type="file"' % i, r.text, "attachment field %d" % i)
    check_not_in('class="mainnav" aria-label="客户管理"', r.text, "staff navigation on a public page")
    # Two visits get two different tokens.
    check(open_form(c)[1] != open_form(c)[1], "the form's token repeats")


def test_submit_complaint_registers_everything():
    c = PublicClient()
    f = fields()
    before_audit = int(sql_value("SELECT COALESCE(MAX(id), 0) FROM audit_log"))
    r, idem = submit(c, f, files=[("file1", "漏水照片.png", "image/png", PNG),
                                  ("file2", "invoice.pdf", "application/pdf", PDF)])
    page, tn = receipt(c, r, idem)
    check_in("已收到您的投诉", page.text, "receipt heading")
    # the working calendar's promise in business hours, and its due time
    # (the due time itself is checked against a calendar in test_sla_clock)
    promise = sql_value("SELECT first_response_minutes FROM work_calendar WHERE id = 1")
    hours = int(promise) / 60
    check_in("%g" % hours, element_text(page.text, "promise"), "first-response promise in hours")
    check_in('id="steps"', page.text, "the steps in customer words")
    row = complaint_by_key(idem, "id, tracking_no, kind, reason, contact_name, contact_phone,"
                           " email, company, province_id, region_id, product_id, purchase_date,"
                           " order_ref, description, step, status, source, submit_ip,"
                           " DATE_FORMAT(first_response_due, '%Y-%m-%d %H:%i'),"
                           " customer_id, return_in_window, packaging_intact")
    check(len(row) == 1, "rows for the token: %d" % len(row))
    (cid, tno, kind, reason, name, phone, email, company, prov, region, prod, pdate, oref,
     desc, step, status, source, ip, sla, cust, rw, pk) = row[0]
    check(tno == tn, "tracking number %s in the row, %s on the receipt" % (tno, tn))
    check(tn[2:10] == today().replace("-", ""), "tracking number %s is not today's" % tn)
    check((kind, reason, name, phone, email, company) ==
          ("complaint", "quality", f["name"], f["phone"], f["email"], f["company"]),
          "stored fields differ: %r" % (row[0],))
    check(prov == f["province_id"] and prod == f["product_id"], "province/product %s/%s" % (prov, prod))
    huadong = sql_value("SELECT id FROM regions WHERE code = 'huadong'")
    check(region == huadong, "Zhejiang should be in 华东 (%s), got %s" % (huadong, region))
    check((pdate, oref, desc) == (f["purchase_date"], f["order_ref"], f["description"]),
          "purchase fields %r" % ((pdate, oref, desc),))
    check((step, status, source) == ("1", "open", "web"), "step/status/source %s/%s/%s" % (step, status, source))
    check(ip == c.addr, "submit_ip %s, client %s" % (ip, c.addr))
    check(sla == element_text(page.text, "promise-due"),
          "first response due %s, the receipt says %s" % (sla, element_text(page.text, "promise-due")))
    check(cust == "NULL" and rw == "NULL" and pk == "NULL", "customer/window/packaging %s/%s/%s" % (cust, rw, pk))
    check(sql_value("SELECT COUNT(*) FROM complaint_handling WHERE complaint_id = %s" % cid) == "1",
          "no complaint_handling row")
    ev = sql("SELECT step, event, user_id FROM complaint_events WHERE complaint_id = %s" % cid)
    check(ev == [["1", "registered", "NULL"]], "events %r" % ev)
    msg = sql("SELECT audience, author, user_id, body FROM complaint_messages WHERE complaint_id = %s" % cid)
    check(len(msg) == 1 and msg[0][:3] == ["customer", "system", "NULL"], "messages %r" % msg)
    check_in("已收到您的投诉", msg[0][3], "first message")
    att = sql("SELECT file_name, content_type, size, stored_name FROM complaint_attachments"
              " WHERE complaint_id = %s ORDER BY id" % cid)
    check([a[:3] for a in att] == [["漏水照片.png", "image/png", str(len(PNG))],
                                   ["invoice.pdf", "application/pdf", str(len(PDF))]],
          "attachments %r" % att)
    for (_, _, _, stored), data in zip(att, (PNG, PDF)):
        check(re.match(r"^[0-9a-f]{64}$", stored), "stored name %r" % stored)
        path = os.path.join(VAR, "files", stored)
        check(os.path.isfile(path), "attachment not at %s" % path)
        with open(path, "rb") as fh:
            check(fh.read() == data, "stored bytes differ for %s" % stored)
    audit = sql("SELECT user_id, action, entity, entity_id, ip FROM audit_log WHERE id > %d"
                " AND action = 'complaint.create' AND entity_id = %s" % (before_audit, cid))
    check(audit == [["NULL", "complaint.create", "complaint", cid, c.addr]], "audit %r" % audit)


def test_return_inside_window():
    c = PublicClient()
    r, idem = submit(c, fields(kind="return", reason="price", purchase_date=days_ago(7),
                               packaging_intact="1"))
    page, _ = receipt(c, r, idem)
    check_in("已收到您的退货申请", page.text, "receipt heading for a return")
    check(element_text(page.text, "window-inside"), "receipt does not say inside the window")
    check(complaint_by_key(idem, "return_in_window, packaging_intact") == [["1", "1"]],
          "stored window %r" % complaint_by_key(idem, "return_in_window, packaging_intact"))


def test_return_outside_window_says_why():
    c = PublicClient()
    r, idem = submit(c, fields(kind="return", purchase_date=days_ago(8), packaging_intact="1"))
    page, _ = receipt(c, r, idem)
    check(element_text(page.text, "window-outside"), "receipt does not say outside the window")
    check(element_text(page.text, "window-too-late"), "the late purchase is not named")
    check(not element_text(page.text, "window-opened"), "packaging named although intact")
    check(complaint_by_key(idem, "return_in_window") == [["0"]], "stored window")

    c = PublicClient()
    r, idem = submit(c, fields(kind="return", purchase_date=today(), packaging_intact="0"))
    page, _ = receipt(c, r, idem)
    check(element_text(page.text, "window-opened"), "the opened packaging is not named")
    check(not element_text(page.text, "window-too-late"), "date named although inside")
    check(complaint_by_key(idem, "return_in_window, packaging_intact") == [["0", "0"]], "stored window")


def test_suggestion_without_product():
    c = PublicClient()
    r, idem = submit(c, fields(kind="suggestion", reason="other", product_id="", purchase_date="",
                               order_ref="", email="", company=""))
    receipt(c, r, idem)
    row = complaint_by_key(idem, "product_id, purchase_date, email, company, return_in_window")
    check(row == [["NULL"] * 5], "optional fields not NULL: %r" % row)


# --- invalid input ----------------------------------------------------------

INVALID = [
    ("name", {"name": ""}),
    ("name", {"name": "名" * 65}),
    ("phone", {"phone": ""}),
    ("phone", {"phone": "12345"}),
    ("phone", {"phone": "138abc45678"}),
    ("email", {"email": "not-an-email"}),
    ("company", {"company": "公" * 129}),
    ("province_id", {"province_id": ""}),
    ("province_id", {"province_id": "9999"}),
    ("province_id", {"province_id": "abc"}),
    ("product_id", {"product_id": "99999"}),
    ("product_text", {"product_text": "品" * 129}),
    ("purchase_date", {"purchase_date": "2026-02-30"}),
    ("purchase_date", {"purchase_date": "yesterday"}),
    ("purchase_date", {"purchase_date": "2999-01-01"}),
    ("order_ref", {"order_ref": "N" * 65}),
    ("description", {"description": ""}),
    ("description", {"description": "长" * 4001}),
    ("kind", {"kind": ""}),
    ("kind", {"kind": "refund"}),
    ("reason", {"reason": ""}),
    ("reason", {"reason": "weather"}),
    ("packaging_intact", {"kind": "return", "packaging_intact": ""}),
    ("packaging_intact", {"kind": "return", "packaging_intact": "2"}),
    ("purchase_date", {"kind": "return", "packaging_intact": "1", "purchase_date": ""}),
    ("product_id", {"kind": "return", "packaging_intact": "1", "product_id": "", "product_text": ""}),
]


def test_each_invalid_field():
    for field, over in INVALID:
        c = PublicClient()
        f = fields(**over)
        r, idem = submit(c, f)
        what = "%s=%r" % (field, {k: v[:20] for k, v in over.items()})
        check_status(r, 422, what)
        check_in('id="err-%s"' % field, r.text, what + ": message at the field")
        check_in('id="form-errors"', r.text, what + ": summary")
        check(complaint_by_key(idem) == [], what + ": a complaint was stored")
        # Everything typed comes back, and the same token (a corrected
        # form is still the same submission).
        check_in(f["description"][:30] if f["description"] else 'name="description"', r.text,
                 what + ": description kept")
        check_in('value="%s' % f["order_ref"][:20], r.text, what + ": order number kept")
        check_in('name="idem" value="%s"' % idem, r.text, what + ": token kept")
        c.close()


def test_corrected_form_goes_through():
    c = PublicClient()
    csrf, idem = open_form(c)
    r, _ = submit(c, fields(phone="12"), csrf=csrf, idem=idem)
    check_status(r, 422, "bad phone")
    r, _ = submit(c, fields(), csrf=csrf, idem=idem)
    receipt(c, r, idem)


def test_oversized_body_413():
    c = PublicClient()
    csrf, idem = open_form(c)
    big = os.urandom(17 * 1024 * 1024)
    body, ctype = multipart(dict(fields(), _csrf=csrf, idem=idem),
                            [("file1", "a.jpg", "image/jpeg", b"\xff\xd8\xff" + big)])
    r = c.post("/complaint", body=body, headers={"Content-Type": ctype})
    check_status(r, 413, "17 MB body")
    check_in("提交的内容过大", r.text, "readable 413 page")
    check(complaint_by_key(idem) == [], "oversized body stored a complaint")


def test_oversized_attachment_is_a_field_error():
    c = PublicClient()
    f = fields(description="附件太大的投诉")
    big = b"\xff\xd8\xff\xe0" + b"\0" * (5 * 1024 * 1024 - 3)
    r, idem = submit(c, f, files=[("file2", "big.jpg", "image/jpeg", big)])
    check_status(r, 422, "5 MB + 1 attachment")
    check_in('id="err-file2"', r.text, "message at the attachment")
    check_in("超过 5 MB", element_text(r.text, "err-file2"), "says the size")
    check_in("请重新选择附件", r.text, "asks for the files again")
    check_in("附件太大的投诉", r.text, "description kept")
    check(complaint_by_key(idem) == [], "stored a complaint with a too large file")
    # Exactly 5 MB is fine.
    ok = b"\xff\xd8\xff\xe0" + b"\0" * (5 * 1024 * 1024 - 4)
    r, idem = submit(c, f, files=[("file1", "ok.jpg", "image/jpeg", ok)])
    receipt(c, r, idem)
    cid = complaint_by_key(idem)[0][0]
    check(sql_value("SELECT size FROM complaint_attachments WHERE complaint_id = %s" % cid)
          == str(5 * 1024 * 1024), "5 MB attachment size")


def test_bad_attachment_type():
    c = PublicClient()
    cases = [("fake.jpg", "image/jpeg", b"this is only text, not a photo\n"),
             ("x.png", "image/png", b"GIF89a" + b"\0" * 20),
             ("page.pdf", "application/pdf", b"<html><script>alert(1)</script>"),
             ("empty.jpg", "image/jpeg", b"")]
    for name, ctype, data in cases:
        r, idem = submit(c, fields(), files=[("file1", name, ctype, data)])
        check_status(r, 422, name)
        check_in("只能上传 JPG、PNG 照片或 PDF", element_text(r.text, "err-file1") or "",
                 name + ": type message at the field")
        check(complaint_by_key(idem) == [], name + ": stored")
        c.close()
        c = PublicClient()
    # A real PNG named .jpg and declared as text is accepted: content decides.
    r, idem = submit(c, fields(), files=[("file3", "photo.jpg", "text/plain", PNG)])
    receipt(c, r, idem)
    cid = complaint_by_key(idem)[0][0]
    check(sql_value("SELECT content_type FROM complaint_attachments WHERE complaint_id = %s" % cid)
          == "image/png", "content type from the magic bytes")


def test_double_submit_one_complaint():
    c = PublicClient()
    csrf, idem = open_form(c)
    f = fields()
    r1, _ = submit(c, f, files=[("file1", "a.png", "image/png", PNG)], csrf=csrf, idem=idem)
    _, tn1 = receipt(c, r1, idem)
    files_before = set(os.listdir(os.path.join(VAR, "files")))
    r2, _ = submit(c, dict(f, description="第二次提交"), files=[("file1", "b.jpg", "image/jpeg", JPEG)],
                   csrf=csrf, idem=idem)
    _, tn2 = receipt(c, r2, idem)
    check(tn1 == tn2, "second submit shows %s, first %s" % (tn2, tn1))
    rows = complaint_by_key(idem, "id, description")
    check(len(rows) == 1, "%d complaints for one token" % len(rows))
    check(rows[0][1] == f["description"], "the second submit changed the complaint")
    check(sql_value("SELECT COUNT(*) FROM complaint_attachments WHERE complaint_id = %s" % rows[0][0])
          == "1", "the duplicate's attachment was kept")
    check(set(os.listdir(os.path.join(VAR, "files"))) == files_before,
          "the duplicate's file stayed on disk")
    check(sql_value("SELECT COUNT(*) FROM complaint_events WHERE complaint_id = %s" % rows[0][0]) == "1",
          "events for a duplicate")


def test_concurrent_double_submit():
    """A double click: the same form twice at the same moment."""
    c0 = PublicClient()
    csrf, idem = open_form(c0)
    f = fields()
    results = []

    def one():
        c = PublicClient(addr=c0.addr)
        c.cookies = dict(c0.cookies)
        r, _ = submit(c, f, csrf=csrf, idem=idem)
        results.append((r.status, r.location))

    threads = [threading.Thread(target=one) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check(all(s == 303 for s, _ in results), "statuses %r" % results)
    check(len(set(loc for _, loc in results)) == 1, "different receipts %r" % results)
    check(len(complaint_by_key(idem)) == 1, "%d complaints" % len(complaint_by_key(idem)))


def test_honeypot_stores_nothing():
    c = PublicClient()
    r, idem = submit(c, fields(referral_code="http://spam.example/"))
    check_status(r, 400, "honeypot filled")
    check_in('<p class="error-code">400</p>', r.text, "readable error page")
    check(complaint_by_key(idem) == [], "a robot's complaint was stored")


def test_missing_or_bad_token_400():
    c = PublicClient()
    csrf, _ = open_form(c)
    for bad in ("", "abc", "G" * 32, "0" * 31):
        body, ctype = multipart(dict(fields(), _csrf=csrf, idem=bad))
        r = c.post("/complaint", body=body, headers={"Content-Type": ctype})
        check_status(r, 400, "token %r" % bad)


def test_submit_throttle_429():
    c = PublicClient()
    csrf, idem = open_form(c)
    # 20 submissions from this address in the last 10 minutes (inserted:
    # nginx's 5 r/s would make 20 real ones slow).
    sql("INSERT INTO public_attempts (kind, ip, at) SELECT 'submit', %s, NOW() - INTERVAL seq SECOND"
        " FROM seq_1_to_20" % sql_str(c.addr))
    r, _ = submit(c, fields(), csrf=csrf, idem=idem)
    check_status(r, 429, "21st submission")
    check_in('<p class="error-code">429</p>', r.text, "readable 429 page")
    check_in("提交的次数过多", r.text, "the throttle's own message")
    check(r.header("Retry-After"), "no Retry-After on 429")
    check(complaint_by_key(idem) == [], "throttled submission stored")
    # Attempts older than the window no longer count.
    sql("UPDATE public_attempts SET at = NOW() - INTERVAL 11 MINUTE WHERE ip = %s" % sql_str(c.addr))
    r, _ = submit(c, fields(), csrf=csrf, idem=idem)
    receipt(c, r, idem)


def test_nginx_limit_429_page():
    """Past nginx's limit_req (5 r/s, burst 20) the refusal is a readable
    static page, not nginx's default one; other addresses are unaffected."""
    c = PublicClient()
    statuses = []
    for _ in range(60):
        r = c.get("/complaint")
        statuses.append(r.status)
        if r.status == 429:
            break
    check(statuses[-1] == 429, "no 429 after %d quick GETs: %r" % (len(statuses), statuses))
    check(len(statuses) > 20, "429 before the burst of 20 was used: %r" % statuses)
    check(set(statuses[:-1]) == {200}, "statuses before the 429: %r" % statuses)
    check(r.header("Content-Type", "").startswith("text/html"),
          "429 content type %r" % r.header("Content-Type"))
    check_in("请求过于频繁", r.text, "Chinese message on nginx's 429")
    check_in("Too many requests", r.text, "English message on nginx's 429")
    check_in("/static/standalone.css", r.text, "the standalone pages' style")
    check_not_in("<center>nginx", r.text, "nginx's default error page")
    check_status(PublicClient().get("/complaint"), 200, "another address")


def test_every_submission_counts():
    """Accepted, rejected and repeated submissions each add one attempt."""
    c = PublicClient()
    csrf, idem = open_form(c)

    def attempts():
        return int(sql_value("SELECT COUNT(*) FROM public_attempts WHERE kind = 'submit'"
                             " AND ip = %s" % sql_str(c.addr)))
    check_status(submit(c, fields(phone="1"), csrf=csrf, idem=idem)[0], 422, "rejected")
    check(attempts() == 1, "after a rejected form: %d" % attempts())
    receipt(c, submit(c, fields(), csrf=csrf, idem=idem)[0], idem)
    check(attempts() == 2, "after an accepted form: %d" % attempts())
    receipt(c, submit(c, fields(), csrf=csrf, idem=idem)[0], idem)
    check(attempts() == 3, "after a repeated form: %d" % attempts())
    check_status(submit(c, fields(referral_code="x"), csrf=csrf)[0], 400, "honeypot")
    check(attempts() == 4, "after the honeypot: %d" % attempts())


def test_receipt_unknown_key_404():
    c = PublicClient()
    for k in ("0" * 32, "zz", ""):
        r = c.get("/complaint/receipt?k=" + urllib.parse.quote(k))
        check_status(r, 404, "receipt %r" % k)
        check_in("找不到此受理回执", r.text, "readable 404")


def test_post_without_csrf_403():
    c = PublicClient()
    _, idem = open_form(c)
    body, ctype = multipart(dict(fields(), idem=idem))
    r = c.post("/complaint", body=body, headers={"Content-Type": ctype})
    check_status(r, 403, "no _csrf")
    check(complaint_by_key(idem) == [], "stored without CSRF token")


def test_english_form_and_message():
    c = PublicClient()
    c.cookies["kehu_lang"] = "en"
    r, idem = submit(c, fields(kind="return", purchase_date=days_ago(1), packaging_intact="1"))
    page, _ = receipt(c, r, idem)
    check_in("Your return request has been received", page.text, "English receipt")
    cid = complaint_by_key(idem)[0][0]
    body = sql_value("SELECT body FROM complaint_messages WHERE complaint_id = %s" % cid)
    hours = int(sql_value("SELECT first_response_minutes FROM work_calendar WHERE id = 1")) / 60
    check("within %g working hours" % hours in body, "English first message %r" % body)
