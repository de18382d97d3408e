"""Complaints from every channel (issue 15): staff register a complaint taken
by phone, the hotline, a letter, a visit or email at /complaints/new, with
the public form's record (the same fields and checks), its channel, who took
it and the customer file when known. The customer gets the same tracking
number and status lookup; the 7-day rule covers a return or an exchange.

Every valid channel, each invalid field, a missing CSRF token, a region the
user does not see, the matched customer file's tab, the tracking number on
the public status page with the phone number, the public form's new fields
(what the customer expects, exchange)."""
import random
import re
import urllib.parse

from lib import (check, check_in, check_not_in, check_status, csrf_of, element_text,
                 local_path, multipart, page_csrf, sign_in, sql, sql_str, sql_value,
                 user_id)
from test_complaint_public import (PublicClient, complaint_by_key, days_ago, fields,
                                   receipt, submit)
from test_complaint_public_status import look_up

CHANNELS = ("phone", "hotline", "letter", "visit", "email")
TRACKING = re.compile(r"^TS\d{8}-\d{4,}$")


def province(code):
    return sql_value("SELECT id FROM provinces WHERE code = %s" % sql_str(code))


def open_form(c, query=""):
    r = c.get("/complaints/new" + query)
    check_status(r, 200, "intake form")
    m = re.search(r'name="idem" value="([0-9a-f]{96})"', r.text)
    check(m, "the intake form carries a signed idempotency token")
    return r, csrf_of(r.text), m.group(1)


def intake(**over):
    f = {"source": "phone", "kind": "complaint", "reason": "quality", "expected": "repair",
         "name": "王先生", "phone": "139-0571-%04d" % random.randint(0, 9999),
         "email": "", "company": "", "province_id": province("zhejiang"),
         "product_id": "", "product_text": "净水器 A1", "purchase_date": days_ago(2),
         "order_ref": "", "packaging_intact": "", "description": "电话反映：净水器漏水。"}
    f.update(over)
    return f


def register(c, f, query=""):
    page, csrf, idem = open_form(c, query)
    r = c.post("/complaints/new", dict(f, _csrf=csrf, idem=idem))
    return r, idem, page


def registered(c, f, query=""):
    """Registers f; (receipt page, tracking number, complaint id)."""
    r, idem, _ = register(c, f, query)
    check_status(r, 303, "register %s" % f.get("source"))
    cid = int(complaint_by_key(idem)[0][0])
    check(local_path(r.location) == "/complaints/%d/receipt" % cid,
          "redirected to the receipt: %r" % r.location)
    page = c.get("/complaints/%d/receipt" % cid)
    check_status(page, 200, "staff receipt")
    tn = element_text(page.text, "tracking-no")
    check(tn and TRACKING.match(tn), "receipt shows tracking number %r" % tn)
    return page, tn, cid


def test_each_channel_registers():
    c = sign_in("staff01")
    me = user_id("staff01")
    for ch in CHANNELS:
        f = intake(source=ch)
        page, tn, cid = registered(c, f)
        row = sql("SELECT source, taken_by, kind, reason, expected, contact_phone, region_id,"
                  " step, status, first_response_due > received_at, status_token_hash IS NOT NULL"
                  " FROM complaints WHERE id = %d" % cid)[0]
        region = sql_value("SELECT id FROM regions WHERE code = 'huadong'")
        check(row == [ch, str(me), "complaint", "quality", "repair", f["phone"], region, "1",
                      "open", "1", "1"], "stored %s complaint: %r" % (ch, row))
        check(sql_value("SELECT COUNT(*) FROM complaint_events WHERE complaint_id = %d"
                        " AND event = 'registered' AND user_id = %d AND note = %s"
                        % (cid, me, sql_str(ch))) == "1", "registered event by the taker")
        check(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'complaint.create'"
                        " AND entity_id = %d AND user_id = %d" % (cid, me)) == "1",
              "audit row names the staff member")
        src = element_text(page.text, "receipt-source")
        check(src, "receipt names the channel")
        check_in("/complaint/status?t=", element_text(page.text, "status-link-text"),
                 "receipt shows the personal status link")
        # No public submit attempt is counted against staff's address.
    check(sql_value("SELECT COUNT(*) FROM public_attempts WHERE kind = 'submit'"
                    " AND at > NOW() - INTERVAL 1 MINUTE AND ip = '127.0.0.1'") == "0",
          "staff registrations counted as public submissions")
    show = c.get("/complaints/%d" % cid)
    check_in("电子邮件", element_text(show.text, "source"), "complaint page names the channel")
    check_in("维修", element_text(show.text, "expected"), "complaint page names the expectation")


def test_same_form_twice_one_complaint():
    c = sign_in("staff02")
    f = intake()
    page, csrf, idem = open_form(c)
    r1 = c.post("/complaints/new", dict(f, _csrf=csrf, idem=idem))
    r2 = c.post("/complaints/new", dict(f, _csrf=csrf, idem=idem))
    check_status(r1, 303, "first")
    check_status(r2, 303, "second")
    check(r1.location == r2.location, "a double submit gives the first receipt")
    check(len(complaint_by_key(idem)) == 1, "one complaint for one form")


def test_each_invalid_field():
    c = sign_in("staff01")
    long = "长" * 65
    cases = [
        ("source", {"source": ""}), ("source", {"source": "web"}), ("source", {"source": "fax"}),
        ("kind", {"kind": "refund"}), ("reason", {"reason": ""}),
        ("expected", {"expected": "apology"}),
        ("name", {"name": ""}), ("name", {"name": long}),
        ("phone", {"phone": ""}), ("phone", {"phone": "abc"}),
        ("email", {"email": "not-an-email"}),
        ("province_id", {"province_id": ""}), ("province_id", {"province_id": "99999"}),
        ("product_id", {"product_id": "99999999"}),
        ("purchase_date", {"purchase_date": "2026-02-30"}),
        ("purchase_date", {"purchase_date": "2999-01-01"}),
        ("packaging_intact", {"kind": "exchange", "packaging_intact": ""}),
        ("product_id", {"kind": "return", "product_text": "", "packaging_intact": "1"}),
        ("description", {"description": ""}),
        ("customer_id", {"customer_id": "999999999"}),
    ]
    before = sql_value("SELECT COUNT(*) FROM complaints")
    for field, over in cases:
        f = intake(**over)
        r, idem, _ = register(c, f)
        check_status(r, 422, "invalid %s %r" % (field, over))
        check_in('id="err-%s"' % field, r.text, "message at %s for %r" % (field, over))
        check_in('id="form-errors"', r.text, "the banner for %r" % over)
        if field != "name":
            check_in("王先生", r.text, "typed name kept for %r" % over)
        check(not complaint_by_key(idem), "nothing stored for %r" % over)
    check(sql_value("SELECT COUNT(*) FROM complaints") == before, "a rejected form stored a row")


def test_missing_csrf_refused():
    c = sign_in("staff01")
    page, csrf, idem = open_form(c)
    r = c.post("/complaints/new", dict(intake(), idem=idem))
    check_status(r, 403, "no CSRF token")
    check(not complaint_by_key(idem), "stored without a CSRF token")
    r = c.post("/complaints/new", dict(intake(), idem=idem, _csrf="0" * len(csrf)))
    check_status(r, 403, "wrong CSRF token")
    check(not complaint_by_key(idem), "stored with a wrong CSRF token")


def test_forged_form_key_refused():
    c = sign_in("staff01")
    page, csrf, idem = open_form(c)
    forged = idem[:32] + "0" * 64
    r = c.post("/complaints/new", dict(intake(), _csrf=csrf, idem=forged))
    check_status(r, 400, "a key the server did not sign")
    check(not complaint_by_key(forged), "stored with a forged key")


def test_region_not_seen_refused():
    """rm_huadong sees 华东 only: a Beijing (华北) complaint is refused at the
    province, and the same user registers a Zhejiang (华东) one."""
    c = sign_in("rm_huadong")
    r, idem, _ = register(c, intake(province_id=province("beijing")))
    check_status(r, 422, "another region")
    check_in('id="err-province_id"', r.text, "message at the province")
    check(not complaint_by_key(idem), "another region's complaint stored")
    _, tn, cid = registered(c, intake(province_id=province("zhejiang")))
    check(sql_value("SELECT taken_by FROM complaints WHERE id = %d" % cid)
          == str(user_id("rm_huadong")), "own region registered")
    # A customer file of another region is refused as well.
    other = sql_value("SELECT c.id FROM customers c JOIN regions g ON g.id = c.region_id"
                      " WHERE g.code = 'huabei' AND c.status = 'active' LIMIT 1")
    r, idem, _ = register(c, intake(customer_id=other))
    check_status(r, 422, "another region's customer")
    check_in('id="err-customer_id"', r.text, "message at the customer")
    check(not complaint_by_key(idem), "complaint linked to another region's customer")
    check_status(c.get("/complaints/new?customer_id=%s" % other), 404,
                 "another region's customer on the form")
    # Another region's receipt is not found.
    staff = sign_in("staff01")
    _, _, bj = registered(staff, intake(province_id=province("beijing")))
    check_status(c.get("/complaints/%d/receipt" % bj), 404, "another region's receipt")


def test_customer_picked_shows_on_file():
    c = sign_in("staff03")
    row = sql("SELECT c.id, c.code, c.name FROM customers c JOIN regions g ON g.id = c.region_id"
              " WHERE c.status = 'active' AND g.code = 'huanan' ORDER BY c.id LIMIT 1")[0]
    cust, code, name = int(row[0]), row[1], row[2]
    # The search finds it by its code and offers it.
    found = c.get("/complaints/new?q=" + urllib.parse.quote(code))
    check_status(found, 200, "customer search")
    check_in('href="/complaints/new?customer_id=%d"' % cust, found.text, "the customer offered")
    f = intake(source="visit", kind="suggestion", province_id=province("guangdong"),
               customer_id=str(cust), company="")
    page, tn, cid = registered(c, f, "?customer_id=%d" % cust)
    check(sql_value("SELECT customer_id FROM complaints WHERE id = %d" % cid) == str(cust),
          "the complaint is linked to the picked file")
    check_in(code, element_text(page.text, "receipt-customer"), "receipt names the customer file")
    tab = c.get("/customers/%d?tab=complaints" % cust)
    check_status(tab, 200, "customer file's complaints tab")
    check_in(tn, tab.text, "the file's complaints tab lists the complaint")


def test_picked_customer_prefills_form():
    c = sign_in("staff03")
    row = sql("SELECT id, name FROM customers WHERE status = 'active' AND phone <> ''"
              " ORDER BY id LIMIT 1")[0]
    page, _, _ = open_form(c, "?customer_id=%s" % row[0])
    check_in(row[1], element_text(page.text, "customer-chosen"), "the chosen file is named")
    check_in('name="customer_id" value="%s"' % row[0], page.text, "the form carries the file")


def test_public_lookup_with_phone():
    """The tracking number staff read out works on the public status page
    with the phone number registered, and so does the printed link."""
    c = sign_in("staff01")
    f = intake(phone="0571-8888 %04d" % random.randint(0, 9999))
    page, tn, cid = registered(c, f)
    visitor = PublicClient()
    r = look_up(visitor, tn, f["phone"].replace(" ", "").replace("-", ""))
    check_status(r, 200, "public lookup of a staff-registered complaint")
    check(element_text(r.text, "tracking-no") == tn, "status page shows the number")
    check_in("已收到您的投诉", element_text(r.text, "messages"), "the first customer message")
    check_not_in("王先生", r.text, "nothing more than the status")
    link = element_text(page.text, "status-link-text")
    path = link[link.index("/complaint/status"):]
    r = PublicClient().get(path)
    check_status(r, 200, "the receipt's status link")
    check(element_text(r.text, "tracking-no") == tn, "the link shows the complaint")


def test_exchange_inside_window():
    c = sign_in("staff01")
    f = intake(kind="exchange", expected="replace", packaging_intact="1",
               purchase_date=days_ago(3))
    page, tn, cid = registered(c, f)
    check_in("7 天退换货期内", element_text(page.text, "window-inside"), "inside the window")
    check(sql_value("SELECT CONCAT(kind, ' ', return_in_window) FROM complaints WHERE id = %d"
                    % cid) == "exchange 1", "stored window")


# --- the public form's new fields ------------------------------------------

def test_public_form_offers_exchange_and_expectation():
    c = PublicClient()
    r = c.get("/complaint")
    check_status(r, 200, "public form")
    check_in('value="exchange"', r.text, "exchange offered as a request kind")
    check_in('id="f-expected"', r.text, "what the customer expects is asked")
    check_in("退货或换货", r.text, "the 7-day rule names return or exchange")
    r, idem = submit(c, fields(kind="exchange", expected="replace", packaging_intact="0",
                               purchase_date=days_ago(10)))
    page, tn = receipt(c, r, idem)
    check_in("换货申请", page.text, "the receipt names the exchange")
    check(element_text(page.text, "window-too-late") and element_text(page.text, "window-opened"),
          "the window's failed conditions are named for an exchange")
    row = complaint_by_key(idem, "kind, expected, return_in_window, source, taken_by")
    check(row == [["exchange", "replace", "0", "web", "NULL"]], "stored %r" % row)


def test_public_form_rejects_bad_expectation():
    c = PublicClient()
    r, idem = submit(c, fields(expected="apology"))
    check_status(r, 422, "unknown expectation")
    check_in('id="err-expected"', r.text, "message at the expectation")


# --- staff attach files at any step ------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(64))


def attach(c, cid, files, csrf=True):
    fields = {"_csrf": page_csrf(c, "/complaints/%d" % cid)} if csrf else {}
    body, ctype = multipart(fields, files)
    return c.post("/complaints/%d/attach" % cid, body=body, headers={"Content-Type": ctype})


def test_staff_attach_at_any_step():
    c = sign_in("staff01")
    _, _, cid = registered(c, intake())
    sql("UPDATE complaints SET step = 3 WHERE id = %d" % cid)
    r = attach(c, cid, [("file1", "来函扫描.png", "image/png", PNG)])
    check_status(r, 303, "attach a PNG")
    row = sql("SELECT file_name, content_type, size, step, uploaded_by, LENGTH(stored_name)"
              " FROM complaint_attachments WHERE complaint_id = %d" % cid)
    check(row == [["来函扫描.png", "image/png", str(len(PNG)), "3", str(user_id("staff01")), "64"]],
          "stored attachment %r" % row)
    check(sql_value("SELECT COUNT(*) FROM complaint_events WHERE complaint_id = %d"
                    " AND event = 'attached' AND note = '来函扫描.png'" % cid) == "1", "attached event")
    check(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'attached'"
                    " AND entity_id = %d" % cid) == "1", "audit row")
    page = c.get("/complaints/%d" % cid)
    check_in("来函扫描.png", element_text(page.text, "attachments"), "listed on the complaint page")
    aid = sql_value("SELECT id FROM complaint_attachments WHERE complaint_id = %d" % cid)
    got = c.get("/complaints/attachment/%s" % aid)
    check_status(got, 200, "download")
    check(got.raw == PNG, "the same bytes come back")


def test_staff_attach_refused():
    c = sign_in("staff01")
    _, _, cid = registered(c, intake())
    before = sql_value("SELECT COUNT(*) FROM complaint_attachments WHERE complaint_id = %d" % cid)
    r = attach(c, cid, [("file1", "report.png", "image/png", b"MZ\x90\x00 not an image")])
    check_status(r, 422, "a file that is not JPEG/PNG/PDF by its bytes")
    check_in('id="err-file1"', r.text, "message at the file")
    r = attach(c, cid, [("file1", "", "application/octet-stream", b"")])
    check_status(r, 422, "no file chosen")
    check_in('id="err-file1"', r.text, "message at the file")
    r = attach(c, cid, [("file1", "big.pdf", "application/pdf", b"%PDF-1.4\n" + b"0" * (5 << 20))])
    check_status(r, 422, "over 5 MB")
    r = attach(c, cid, [("file1", "a.png", "image/png", PNG)], csrf=False)
    check_status(r, 403, "no CSRF token")
    rm = sign_in("rm_huadong")
    r = attach(rm, cid, [("file1", "a.png", "image/png", PNG)])
    check_status(r, 403, "a regional manager")
    check(sql_value("SELECT COUNT(*) FROM complaint_attachments WHERE complaint_id = %d" % cid)
          == before, "a refused upload stored a row")
