"""Uploaded file names on their way back out (issue 13, finding 8): bidi
and other invisible control characters are dropped from the stored name
and from the download's Content-Disposition, whose filename* is RFC 8187
(a space is %20) beside a plain ASCII filename="..."."""
import re
import urllib.parse

from lib import check, check_not_in, check_status, sign_in, sql
from test_complaint_public import PNG, PublicClient, complaint_by_key, fields, receipt, submit

RLO = "\u202e"


def _upload(name):
    """Files a complaint with one PNG called `name`: its attachment's (id, stored file name)."""
    c = PublicClient()
    r, idem = submit(c, fields(), files=[("file1", name, "image/png", PNG)])
    receipt(c, r, idem)
    cid = complaint_by_key(idem)[0][0]
    return sql("SELECT id, file_name FROM complaint_attachments WHERE complaint_id = %s" % cid)[0]


def test_bidi_override_dropped_from_stored_and_sent_name():
    att_id, stored = _upload("发票 " + RLO + "gnp.exe")
    check(RLO not in stored, "stored name keeps U+202E: %r" % stored)
    check(stored == "发票 gnp.exe", "stored name %r" % stored)
    staff = sign_in("staff01")
    r = staff.get("/complaints/attachment/%s" % att_id)
    check_status(r, 200, "download")
    cd = r.header("Content-Disposition", "")
    check(cd.startswith("attachment;"), "not an attachment: %r" % cd)
    check_not_in("%E2%80%AE", cd.upper(), "U+202E percent-encoded in the header")
    check_not_in(RLO.encode("utf-8").decode("latin-1"), cd, "raw U+202E in the header")
    m = re.search(r"filename\*=UTF-8''(\S+)", cd)
    check(m, "no filename*: %r" % cd)
    check("+" not in m.group(1) and "%20" in m.group(1), "a space not sent as %%20: %r" % cd)
    check(urllib.parse.unquote(m.group(1)) == "发票 gnp.exe", "filename* decodes to %r"
          % urllib.parse.unquote(m.group(1)))
    m = re.search(r'filename="([^"]*)"', cd)
    check(m and all(0x20 <= ord(ch) < 0x7f for ch in m.group(1)) and m.group(1).endswith(".exe"),
          "ASCII fallback %r" % cd)


def test_old_stored_bidi_name_cleaned_when_sent():
    """A name stored before the fix (set here by SQL) is cleaned on the way out too."""
    att_id, _ = _upload("old.png")
    sql("UPDATE complaint_attachments SET file_name = 'a\u2066b\u200fc\u061c.png' WHERE id = %s"
        % att_id)
    r = sign_in("staff01").get("/complaints/attachment/%s" % att_id)
    check_status(r, 200, "download")
    cd = r.header("Content-Disposition", "")
    check(cd == "attachment; filename=\"abc.png\"; filename*=UTF-8''abc.png", "header %r" % cd)
