"""Customer import (客户导入): CSV in UTF-8 with and without BOM and in GBK,
XLSX with shared and inline strings, per-row errors in the preview, the
all-or-nothing commit with its audit row and search index, ownership of a
job, CSRF, roles, unsupported and oversized files.

Every customer a test imports has a code starting with CODE_PREFIX (or is
found through its job's id range) and is deleted again in a finally block.
"""
import io
import json
import os
import re
import time
import urllib.parse
import zipfile
from xml.sax.saxutils import escape

from lib import (Client, multipart, check, check_in, check_not_in, check_status, csrf_of,
                 element_text, local_path, page_csrf, sign_in, sql, sql_str,
                 sql_value, table_rows, user_id, VAR)

CODE_PREFIX = "IMPT%d" % (os.getpid() % 100000)
HEADER = ["名称", "编号", "类型", "区域", "负责人", "生命周期", "电话", "邮政编码",
          "信用额度", "历史沿革"]
MSG_HAS_ERRORS = "文件中有错误，不能导入"
MSG_DONE = "已导入"
BIG_MARK = " #T"       # the end of time_large_import's names


def _rows(n, tag, start=1):
    """n valid rows with codes CODE_PREFIX+tag+i and varied label forms."""
    regions = ["华东", "huabei", "华南", "South China", "西南"]
    owners = ["陈晓明", "staff02", "", "王磊", "staff05"]
    kinds = ["经销商", "最终客户", "机构", "dealer", "Organisation"]
    stages = ["潜在客户", "目标客户", "一次客户", "忠诚客户", "loyal"]
    out = []
    for i in range(start, start + n):
        k = i % 5
        out.append(["导入测试%s客户%d号" % (tag, i), "%s%s%d" % (CODE_PREFIX, tag, i),
                    kinds[k], regions[k], owners[k], stages[k],
                    "0571-8888%04d" % (i % 10000), "310000", str(1000 + i),
                    "第一行\n第二行，含逗号" if i % 2 else ""])
    return out


def _csv(header, rows):
    def cell(v):
        if any(ch in v for ch in ',"\r\n'):
            return '"' + v.replace('"', '""') + '"'
        return v
    return "".join(",".join(cell(v) for v in row) + "\r\n" for row in [header] + rows)


def _xlsx(header, rows, inline=False):
    """A minimal workbook written by hand: shared strings, or inline strings
    when inline=True; numbers-looking values as numeric cells."""
    strings, index = [], {}

    def sst(v):
        if v not in index:
            index[v] = len(strings)
            strings.append(v)
        return index[v]

    def col(i):
        s = ""
        i += 1
        while i:
            i, r = divmod(i - 1, 26)
            s = chr(65 + r) + s
        return s

    xml_rows = []
    for r, row in enumerate([header] + rows, start=1):
        cells = []
        for c, v in enumerate(row):
            ref = "%s%d" % (col(c), r)
            if v == "":
                continue
            if re.fullmatch(r"[1-9][0-9]{0,8}", v) and r > 1:
                cells.append('<c r="%s"><v>%s</v></c>' % (ref, v))
            elif inline:
                cells.append('<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>'
                             % (ref, escape(v)))
            else:
                cells.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, sst(v)))
        xml_rows.append('<row r="%d">%s</row>' % (r, "".join(cells)))
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet %s><sheetData>%s</sheetData></worksheet>' % (ns, "".join(xml_rows)))
    shared = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<sst %s count="%d" uniqueCount="%d">%s</sst>' % (
                  ns, len(strings), len(strings),
                  "".join('<si><t xml:space="preserve">%s</t></si>' % escape(s) for s in strings)))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                   '</Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                   '</Relationships>')
        z.writestr("xl/workbook.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><workbook %s xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                   '<sheets><sheet name="客户" sheetId="1" r:id="rId1"/></sheets></workbook>' % ns)
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                   '</Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        if not inline:
            z.writestr("xl/sharedStrings.xml", shared)
    return buf.getvalue()


def _multipart(fields, filename, data, ctype="text/csv"):
    return multipart(fields, [("file", filename, ctype, data)])


def _upload(client, data, filename="customers.csv", csrf=True, ctype="text/csv"):
    fields = {"_csrf": page_csrf(client, "/customers/import")} if csrf else {}
    body, content_type = _multipart(fields, filename, data, ctype)
    return client.request("POST", "/customers/import", body=body,
                          headers={"Content-Type": content_type})


def _upload_ok(client, data, filename="customers.csv"):
    """Uploads, follows to the preview; (job id, preview response)."""
    r = _upload(client, data, filename)
    check_status(r, 303, "upload " + filename)
    path = local_path(r.location)
    m = re.match(r"^/customers/import/(\d+)$", path)
    check(m, "upload redirects to a job: %r" % path)
    p = client.get(path)
    check_status(p, 200, "preview")
    return int(m.group(1)), p


def _counts(text):
    return tuple(int(element_text(text, i)) for i in ("count-total", "count-good", "count-bad"))


def _commit(client, job, preview_text):
    return client.post("/customers/import/%d" % job, {"_csrf": csrf_of(preview_text)})


def _imported_count(tag):
    return int(sql_value("SELECT COUNT(*) FROM customers WHERE code LIKE %s"
                         % sql_str(CODE_PREFIX + tag + "%")))


def _cleanup(tag=None, job=None):
    """Deletes what a test imported: by code prefix, and by the job's ids."""
    conds = []
    if tag is not None:
        conds.append("code LIKE %s" % sql_str(CODE_PREFIX + tag + "%"))
    if job is not None:
        row = sql("SELECT first_id, last_id FROM import_jobs WHERE id = %d" % job)
        if row and row[0][0] != "NULL":
            conds.append("(id BETWEEN %s AND %s AND created_at >= NOW() - INTERVAL 1 HOUR"
                         " AND (name LIKE '导入测试%%' OR name LIKE '%%%s'))"
                         % (row[0][0], row[0][1], BIG_MARK))
    if not conds:
        return
    where = " OR ".join(conds)
    sql("DELETE FROM customer_search WHERE customer_id IN (SELECT id FROM customers WHERE %s)" % where)
    sql("DELETE FROM customer_bigrams WHERE customer_id IN (SELECT id FROM customers WHERE %s)" % where)
    sql("DELETE FROM customers WHERE %s" % where)


# --- the page ------------------------------------------------------------------

def test_import_page_for_office_roles():
    for who in ("staff01", "admin", "leader1"):
        c = sign_in(who)
        r = c.get("/customers/import")
        check_status(r, 200, who)
        check_in('enctype="multipart/form-data"', r.text, "upload form")
        check_in('name="file"', r.text, "file field")
        check_in("/static/customer-import-template.csv", r.text, "template link")
        cols = table_rows(r.text, "import-columns")
        check(cols and len(cols) == 23, "23 columns described, got %s" % (cols and len(cols)))
        size = [row for row in cols if row[0]["text"].startswith("客户规模")]
        check(size and "大型" in size[0][2]["text"] and "微型" in size[0][2]["text"],
              "客户规模 described with its values: %s" % size)
        check_in("经销商", r.text, "allowed kinds listed")
        check_in("华东", r.text, "regions listed")


def test_import_page_forbidden_for_regional_manager():
    c = sign_in("rm_huadong")
    check_status(c.get("/customers/import"), 403, "rm import page")
    body, ctype = _multipart({"_csrf": page_csrf(c, "/customers")}, "a.csv",
                             _csv(HEADER, _rows(1, "rm")).encode())
    r = c.request("POST", "/customers/import", body=body, headers={"Content-Type": ctype})
    check_status(r, 403, "rm upload")
    check(_imported_count("rm") == 0, "regional manager imported something")


def test_template_download():
    r = Client().get("/static/customer-import-template.csv")
    check_status(r, 200, "template")
    check(r.raw.startswith(b"\xef\xbb\xbf"), "template has a UTF-8 BOM for Excel")
    header = r.raw[3:].decode("utf-8").splitlines()[0].split(",")
    for label in ("名称", "编号", "类型", "区域", "负责人", "生命周期", "客户规模", "地址", "城市", "邮政编码",
                  "电话", "传真", "电子邮箱", "成立年份", "销售人员", "配送能力", "仓储能力",
                  "信用额度", "忠诚度", "非客户类型", "历史沿革", "组织结构", "经营目标与方向"):
        check(label in header, "template header lacks %s" % label)


# --- formats -------------------------------------------------------------------

def _check_clean_preview(p, n, what):
    check(_counts(p.text) == (n, n, 0), "%s: counts %s, expected (%d, %d, 0)" % (
        what, _counts(p.text), n, n))
    check_in('id="import-commit"', p.text, what + ": commit form")
    check_not_in(MSG_HAS_ERRORS, p.text, what)
    rows = table_rows(p.text, "import-rows")
    check(rows and len(rows) == min(n, 50), "%s: preview rows %s" % (what, rows and len(rows)))
    # labels became stored values and are shown as labels again
    check(rows[0][3]["text"].startswith("导入测试"), "%s: name column %r" % (what, rows[0][3]))
    check(rows[0][5]["text"] == "华南" or rows[0][5]["text"] in ("华东", "华北", "华南", "西南"),
          "%s: region shown as a name: %r" % (what, rows[0][5]["text"]))


def test_csv_utf8_with_bom():
    c = sign_in("staff01")
    data = b"\xef\xbb\xbf" + _csv(HEADER, _rows(7, "bom")).encode("utf-8")
    job, p = _upload_ok(c, data, "带BOM.csv")
    _check_clean_preview(p, 7, "UTF-8 BOM")
    check_in("UTF-8", p.text, "detected encoding shown")
    check(_imported_count("bom") == 0, "preview imported rows")


def test_csv_utf8_without_bom():
    c = sign_in("staff01")
    job, p = _upload_ok(c, _csv(HEADER, _rows(5, "nobom")).encode("utf-8"))
    _check_clean_preview(p, 5, "UTF-8")


def test_csv_gbk():
    c = sign_in("staff01")
    data = _csv(HEADER, _rows(6, "gbk")).encode("gbk")
    check(not _is_utf8(data), "fixture really is not UTF-8")
    job, p = _upload_ok(c, data, "gbk.csv")
    _check_clean_preview(p, 6, "GBK")
    check_in("GB18030", p.text, "detected encoding shown")
    rows = table_rows(p.text, "import-rows")
    check(rows[0][3]["text"] == "导入测试gbk客户1号", "GBK name decoded: %r" % rows[0][3]["text"])


def test_unicode_text_from_excel():
    # Excel's "Unicode text": UTF-16LE with a BOM, tab-separated
    c = sign_in("staff01")
    text = "".join("\t".join(row) + "\r\n" for row in [HEADER] + [
        [v.replace("\n", " ") for v in r] for r in _rows(3, "u16")])
    job, p = _upload_ok(c, text.encode("utf-16"), "unicode.txt")
    _check_clean_preview(p, 3, "UTF-16 text")


def _is_utf8(b):
    try:
        b.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def test_xlsx_shared_strings():
    c = sign_in("staff01")
    job, p = _upload_ok(c, _xlsx(HEADER, _rows(4, "xs")), "客户.xlsx")
    _check_clean_preview(p, 4, "XLSX shared strings")
    check_in("xlsx", p.text, "format shown")


def test_xlsx_inline_strings_whatever_the_name():
    c = sign_in("staff01")
    # the zip's magic bytes decide, not the file name
    job, p = _upload_ok(c, _xlsx(HEADER, _rows(3, "xi"), inline=True), "export.csv")
    _check_clean_preview(p, 3, "XLSX inline strings")


# --- errors --------------------------------------------------------------------

def test_bad_rows_listed_and_nothing_committed():
    c = sign_in("staff01")
    rows = _rows(4, "bad")
    rows[0][6] = "电话12"                    # row 2: bad phone
    rows[1][0] = ""                          # row 3: missing name
    rows[2][3] = "火星"                      # row 4: unknown region
    rows[3][1] = rows[0][1].lower()          # row 5: code repeats row 2 (case-insensitive)
    job, p = _upload_ok(c, _csv(HEADER, rows).encode("utf-8"))
    check(_counts(p.text) == (4, 0, 4), "counts %s" % (_counts(p.text),))
    check_in(MSG_HAS_ERRORS, p.text, "error notice")
    check_not_in('id="import-commit"', p.text, "no commit form with errors")
    errs = [(e[0]["text"], e[1]["text"], e[3]["text"]) for e in table_rows(p.text, "import-errors")]
    expected = [("2", "电话", "请输入有效的电话号码"), ("3", "名称", "必填"),
                ("4", "区域", "没有这个区域"), ("5", "编号", "第 2")]
    for want in expected:
        check(any(e[0] == want[0] and e[1] == want[1] and want[2] in e[2] for e in errs),
              "error %s not listed; errors: %s" % (want, errs))
    check(len(errs) == 4, "exactly four errors expected: %s" % errs)
    # a commit is refused: the job has errors
    r = _commit(c, job, p.text)
    check_status(r, 303, "commit of a job with errors")
    check(_imported_count("bad") == 0, "rows of a file with errors were imported")
    check(sql_value("SELECT state FROM import_jobs WHERE id = %d" % job) == "ready",
          "job with errors changed state")


def test_errors_paginated():
    c = sign_in("staff01")
    rows = _rows(150, "page")
    for r in rows:
        r[7] = "123"                          # bad postal code on every row
    job, p = _upload_ok(c, _csv(HEADER, rows).encode("utf-8"))
    first = table_rows(p.text, "import-errors")
    check(len(first) == 100 and first[0][0]["text"] == "2", "page 1: %d errors" % len(first))
    check_in("page=2", p.text, "link to page 2")
    p2 = c.get("/customers/import/%d?page=2" % job)
    second = table_rows(p2.text, "import-errors")
    check(len(second) == 50 and second[0][0]["text"] == "102" and second[-1][0]["text"] == "151",
          "page 2: %s" % [e[0]["text"] for e in second][:3])


def test_code_already_taken():
    c = sign_in("staff01")
    existing = sql_value("SELECT code FROM customers ORDER BY id LIMIT 1")
    rows = _rows(2, "taken")
    rows[1][1] = existing
    job, p = _upload_ok(c, _csv(HEADER, rows).encode("utf-8"))
    check(_counts(p.text) == (2, 1, 1), "counts %s" % (_counts(p.text),))
    errs = table_rows(p.text, "import-errors")
    check(errs[0][0]["text"] == "3" and "已被其他客户使用" in errs[0][3]["text"],
          "taken code reported at row 3: %s" % errs)
    marks = [(w[0]["text"], w[1]["text"]) for w in table_rows(p.text, "import-rows")]
    check(marks == [("2", ""), ("3", "有错误")], "row 3 marked in the preview: %s" % marks)


def test_unknown_column_is_refused():
    c = sign_in("staff01")
    r = _upload(c, _csv(HEADER + ["备注"], [r + ["x"] for r in _rows(1, "col")]).encode())
    check_status(r, 422, "unknown column")
    check_in("备注", element_text(r.text, "import-error") or "", "names the column")


def test_png_is_refused():
    c = sign_in("staff01")
    png = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
           b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01"
           b"\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
    r = _upload(c, png, "customers.csv", ctype="image/png")
    check_status(r, 422, "PNG upload")
    check_in("不支持此文件格式", element_text(r.text, "import-error") or "", "clear message")


def test_broken_zip_is_refused():
    c = sign_in("staff01")
    r = _upload(c, b"PK\x03\x04" + os.urandom(200), "x.xlsx")
    check_status(r, 422, "broken XLSX")
    check_in("XLSX", element_text(r.text, "import-error") or "", "clear message")


def test_no_file():
    c = sign_in("staff01")
    r = _upload(c, b"", "empty.csv")
    check_status(r, 422, "empty upload")


def test_csrf_missing():
    c = sign_in("staff01")
    r = _upload(c, _csv(HEADER, _rows(1, "csrf")).encode(), csrf=False)
    check_status(r, 403, "upload without _csrf")
    check(_imported_count("csrf") == 0, "imported without CSRF")


def test_oversized_file():
    c = sign_in("staff01")
    data = _csv(HEADER, _rows(1, "big")).encode() + b"x" * (21 << 20)
    try:
        r = _upload(c, data, "big.csv")
        check_status(r, 413, "21 MiB upload")
    except (BrokenPipeError, ConnectionResetError):
        # nginx may close the connection before the body is sent: then
        # the status arrives on a fresh request for the same page.
        pass
    c.close()
    check_status(c.get("/customers/import"), 200, "still signed in after the 413")


# --- commit --------------------------------------------------------------------

def test_size_class_column():
    """客户规模 by its Chinese or English name or stored value, or empty; any
    other value is the edit form's choice error, at its row and column."""
    c = sign_in("staff01")
    rows = [r + [size] for r, size in zip(_rows(5, "size"), ["大型", "Medium", "small", "", "微型"])]
    job = None
    try:
        bad = [r[:] for r in rows[:2]]
        bad[0][-1] = "巨型"
        bad[1][5] = "忠实"                   # a bad lifecycle: the same kind of error
        bj, bp = _upload_ok(c, _csv(HEADER + ["客户规模"], bad).encode("utf-8"))
        check(_counts(bp.text) == (2, 0, 2), "counts %s" % (_counts(bp.text),))
        errs = [(e[0]["text"], e[1]["text"], e[3]["text"]) for e in table_rows(bp.text, "import-errors")]
        size_err = [e for e in errs if e[1] == "客户规模"]
        stage_err = [e for e in errs if e[1] == "生命周期"]
        check(len(size_err) == 1 and size_err[0][0] == "2", "巨型 refused at row 2: %s" % errs)
        check(stage_err and size_err[0][2] == stage_err[0][2],
              "the choice message of the form: %s" % errs)

        job, p = _upload_ok(c, _csv(HEADER + ["客户规模"], rows).encode("utf-8"))
        _check_clean_preview(p, 5, "size column")
        check_status(_commit(c, job, p.text), 303, "commit")
        got = dict(sql("SELECT code, COALESCE(size_class, '') FROM customers WHERE code LIKE %s"
                       % sql_str(CODE_PREFIX + "size%")))
        want = {CODE_PREFIX + "size1": "large", CODE_PREFIX + "size2": "medium",
                CODE_PREFIX + "size3": "small", CODE_PREFIX + "size4": "",
                CODE_PREFIX + "size5": "micro"}
        check(got == want, "stored sizes %s" % got)
    finally:
        _cleanup("size", job)


def test_commit_inserts_all_rows_with_audit_and_search():
    c = sign_in("staff01")
    rows = _rows(12, "ok")
    rows[5][1] = ""                         # automatic code C + id
    rows[5][0] = "导入测试ok自动编号客户"
    job = None
    try:
        job, p = _upload_ok(c, _csv(HEADER, rows).encode("utf-8"))
        before = int(sql_value("SELECT COUNT(*) FROM customers"))
        audit_before = int(sql_value("SELECT COALESCE(MAX(id), 0) FROM audit_log"))
        r = _commit(c, job, p.text)
        check_status(r, 303, "commit")
        after = int(sql_value("SELECT COUNT(*) FROM customers"))
        check(after - before == 12, "expected 12 new customers, got %d" % (after - before))
        check(_imported_count("ok") == 11, "11 rows kept their codes")
        auto = sql("SELECT id, code, region_id, owner_id, kind, lifecycle, created_by FROM customers"
                   " WHERE name = '导入测试ok自动编号客户'")
        check(len(auto) == 1 and auto[0][1] == "C%07d" % int(auto[0][0]),
              "empty code becomes C + id: %s" % auto)
        check(auto[0][6] == str(user_id("staff01")), "created_by is the importer")
        first = sql("SELECT region_id, owner_id, kind, lifecycle, credit_limit, history FROM customers"
                    " WHERE code = %s" % sql_str(CODE_PREFIX + "ok1"))[0]
        check(first[:4] == [sql_value("SELECT id FROM regions WHERE code = 'huabei'"),
                            str(user_id("staff02")), "end_customer", "target"],
              "labels converted: %s" % first)
        check(first[4] == "1001.00" and first[5] == "第一行\\n第二行，含逗号", "values kept: %s" % first)
        audit = sql("SELECT action, entity, detail, user_id FROM audit_log WHERE id > %d"
                    " AND action = 'import' AND entity_id IS NULL" % audit_before)
        check(len(audit) == 1 and audit[0][1] == "customer" and ("job=%d" % job) in audit[0][2]
              and "rows=12" in audit[0][2], "one audit row for the import: %s" % audit)
        # And one in each imported customer's change log: by whom, from which file.
        per = sql("SELECT a.user_id, a.detail FROM audit_log a JOIN customers c ON c.id = a.entity_id"
                  " WHERE a.id > %d AND a.action = 'import' AND a.entity = 'customer'"
                  " AND (c.code LIKE %s OR c.name = '导入测试ok自动编号客户')"
                  % (audit_before, sql_str(CODE_PREFIX + "ok%")))
        check(len(per) == 12 and all(u == str(user_id("staff01")) for u, _ in per),
              "one change-log entry per imported customer: %s" % per)
        log = c.get("/customers/%s?tab=history" % auto[0][0]).text
        check_in("导入文件：", log, "the change log names the import")
        check(re.search(r'导入文件：\s*<span class="mono">[^<]+\.csv</span>', log),
              "with the file's name")
        indexed = int(sql_value(
            "SELECT COUNT(*) FROM customer_search s JOIN customers c ON c.id = s.customer_id"
            " WHERE c.code LIKE %s OR c.name = '导入测试ok自动编号客户'" % sql_str(CODE_PREFIX + "ok%")))
        check(indexed == 12, "12 search rows, got %d" % indexed)
        lst = c.get("/customers?q=" + urllib.parse.quote("导入测试ok自动编号"))
        check_status(lst, 200, "search")
        check_in("导入测试ok自动编号客户", lst.text, "imported customer found by search")
        res = c.get(local_path(r.location))
        check_in(MSG_DONE, res.text, "result page")
        check(element_text(res.text, "import-imported") == "12", "result shows 12")
        st = json.loads(c.get("/customers/import/%d/status" % job).text)
        check(st == {"done": 12, "total": 12, "state": "done"}, "status %s" % st)
        # a second commit does nothing
        again = _commit(c, job, p.text)
        check_status(again, 303, "second commit")
        check(int(sql_value("SELECT COUNT(*) FROM customers")) == after, "second commit inserted rows")
    finally:
        _cleanup("ok", job)


def _bigrams_of(name):
    """The name's distinct pairs of adjacent CJK characters (three bytes
    each in UTF-8), as customer_bigrams keeps them (schema/006)."""
    return {name[i:i + 2] for i in range(len(name) - 1)
            if len(name[i].encode("utf-8")) == 3 and len(name[i + 1].encode("utf-8")) == 3}


def _counts_differ():
    """customer_counts rows (region, owner, status, n) that differ from a
    fresh count (schema/005), either way; a kept count of 0 is no row."""
    kept = {tuple(r) for r in sql("SELECT region_id, owner_id, status, n FROM customer_counts"
                                  " WHERE n <> 0")}
    fresh = {tuple(r) for r in sql("SELECT region_id, COALESCE(owner_id, 0), status, COUNT(*)"
                                   " FROM customers GROUP BY 1, 2, 3")}
    return sorted(kept ^ fresh)


def _recount():
    """customer_counts from scratch, so that a failed check above does not
    leave later tests a wrong count."""
    sql("DELETE FROM customer_counts")
    sql("INSERT INTO customer_counts (region_id, owner_id, status, n) SELECT region_id,"
        " COALESCE(owner_id, 0), status, COUNT(*) FROM customers GROUP BY 1, 2, 3")


def test_commit_keeps_index_counts_and_dashboard():
    """An import of two batches (500 rows each) writes what the triggers
    write for a form's customer: every name bigram with the customer's
    region, the Mroonga row, the counts of customer_counts and a dashboard
    row for each dealer, though the import does these a batch at a time
    and the index on a second connection. Its @kehu_bulk does not outlive
    it: customers created after it are counted by the triggers."""
    from test_customer_file import PREFIX, _cleanup as cleanup_created, _create
    c = sign_in("staff01")
    rows = _rows(700, "two")
    job = None
    try:
        check(not _counts_differ(), "customer_counts agree before the import")
        job, p = _upload_ok(c, _csv(HEADER, rows).encode("utf-8"))
        check_status(_commit(c, job, p.text), 303, "commit")
        got = sql("SELECT id, name, region_id, kind FROM customers WHERE code LIKE %s"
                  % sql_str(CODE_PREFIX + "two%"))
        check(len(got) == 700, "700 imported, got %d" % len(got))
        ids = ",".join(r[0] for r in got)
        expected = {(b, r[0], r[2]) for r in got for b in _bigrams_of(r[1])}
        stored = {tuple(r) for r in sql("SELECT bigram, customer_id, region_id FROM customer_bigrams"
                                        " WHERE customer_id IN (%s)" % ids)}
        check(stored == expected, "bigrams: %d stored, %d expected, %d differ"
              % (len(stored), len(expected), len(stored ^ expected)))
        search = {tuple(r) for r in sql("SELECT customer_id, name FROM customer_search"
                                        " WHERE customer_id IN (%s)" % ids)}
        check(search == {(r[0], r[1]) for r in got}, "search rows: %d of 700" % len(search))
        dealers = {r[0] for r in got if r[3] == "dealer"}
        dash = {r[0] for r in sql("SELECT customer_id FROM dash_dealers WHERE customer_id IN (%s)"
                                  % ids)}
        check(dealers and dash == dealers, "dashboard rows: %d, dealers %d" % (len(dash), len(dealers)))
        check(not _counts_differ(), "customer_counts after the import: %s" % _counts_differ())
        # the next writes on (likely) the same workers run the triggers again
        for i in range(6):
            _create(c, name=PREFIX + "导入之后%d" % i)
        check(not _counts_differ(), "customer_counts after later creates: %s" % _counts_differ())
    finally:
        _cleanup("two", job)
        cleanup_created()
        _recount()


def _commit_after_code_taken(tag, n, taken):
    """Uploads n rows, has someone else take row `taken`'s code after the
    preview, commits; (client, job, response, highest customer id before
    the commit). The import must fail whole."""
    c = sign_in("staff01")
    job, p = _upload_ok(c, _csv(HEADER, _rows(n, tag)).encode("utf-8"))
    sql("INSERT INTO customers (code, name, kind, region_id, lifecycle) VALUES (%s,"
        " '导入测试%s抢先', 'dealer', 1, 'target')" % (sql_str(CODE_PREFIX + tag + str(taken)), tag))
    top = int(sql_value("SELECT MAX(id) FROM customers"))
    r = _commit(c, job, p.text)
    check_status(r, 303, "commit")
    check(_imported_count(tag) == 1, "only the other customer exists: nothing imported")
    check(sql_value("SELECT state FROM import_jobs WHERE id = %d" % job) == "failed", "job failed")
    return c, job, r, top


def test_failed_commit_leaves_no_index_rows():
    """A code taken in the second batch fails the import after the first
    batch's index rows were written on the side connection: they are
    deleted with the rollback, and the counts are as before."""
    job = None
    try:
        _, job, _, top = _commit_after_code_taken("undo", 600, 590)
        left = sql_value("SELECT (SELECT COUNT(*) FROM customer_bigrams WHERE customer_id > %d)"
                         " + (SELECT COUNT(*) FROM customer_search WHERE customer_id > %d)" % (top, top))
        check(left == "0", "%s index rows of the failed import left" % left)
        check(not _counts_differ(), "customer_counts after the failed import")
    finally:
        _cleanup("undo")
        _recount()


def test_commit_fails_whole_when_code_taken_after_preview():
    try:
        c, _, r, _ = _commit_after_code_taken("race", 3, 3)
        res = c.get(local_path(r.location))
        check(element_text(res.text, "import-failed"), "failure shown")
    finally:
        _cleanup("race")


def test_other_user_cannot_see_or_commit():
    owner = sign_in("staff01")
    job, p = _upload_ok(owner, _csv(HEADER, _rows(2, "other")).encode("utf-8"))
    try:
        other = sign_in("staff02")
        check_status(other.get("/customers/import/%d" % job), 404, "other user's preview")
        check_status(other.get("/customers/import/%d/status" % job), 404, "other user's status")
        r = other.post("/customers/import/%d" % job, {"_csrf": page_csrf(other, "/customers/import")})
        check_status(r, 404, "other user's commit")
        check(_imported_count("other") == 0, "another user committed the job")
        check_status(owner.get("/customers/import/%d" % job), 200, "owner still sees it")
        check_status(owner.get("/customers/import/999999999"), 404, "no such job")
    finally:
        _cleanup("other", job)


def test_old_uploads_expire():
    c = sign_in("staff01")
    job, p = _upload_ok(c, _csv(HEADER, _rows(1, "old")).encode("utf-8"))
    old = time.time() - 2 * 86400
    for ext in ("tsv", "err"):
        path = os.path.join(VAR, "imports", "%d.%s" % (job, ext))
        check(os.path.exists(path), "spool file %s" % path)
        os.utime(path, (old, old))
    _upload_ok(c, _csv(HEADER, _rows(1, "old2")).encode("utf-8"))   # cleans up
    for ext in ("tsv", "err"):
        check(not os.path.exists(os.path.join(VAR, "imports", "%d.%s" % (job, ext))),
              "old %s file removed" % ext)
    r = c.get("/customers/import/%d" % job)
    check_status(r, 200, "expired preview")
    check(element_text(r.text, "import-expired"), "expired notice")
    r = c.post("/customers/import/%d" % job, {"_csrf": csrf_of(r.text)})
    check_status(r, 303, "commit of an expired job")
    check(_imported_count("old") == 0, "an expired job was imported")


def test_status_json():
    c = sign_in("staff01")
    job, p = _upload_ok(c, _csv(HEADER, _rows(2, "st")).encode("utf-8"))
    r = c.get("/customers/import/%d/status" % job)
    check_status(r, 200, "status")
    check((r.header("Content-Type") or "").startswith("application/json"), "JSON content type")
    check(json.loads(r.text) == {"done": 0, "total": 2, "state": "ready"}, "status %s" % r.text)


# --- transactions (orders) ------------------------------------------------------

ORDER_HEADER = ["客户编号", "订单号", "订购日期", "交货日期", "产品编号", "数量", "单价", "业务员"]


def _upload_what(client, data, what, filename, csrf=True):
    fields = {"_csrf": page_csrf(client, "/customers/import")} if csrf else {}
    fields["what"] = what
    body, ctype = _multipart(fields, filename, data)
    return client.request("POST", "/customers/import", body=body,
                          headers={"Content-Type": ctype})


def _upload_orders(client, data, filename="orders.csv"):
    return _upload_what(client, data, "orders", filename)


def _delete_orders(prefix):
    like = sql_str(prefix + "%")
    sql("DELETE l FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.order_no LIKE %s" % like)
    sql("DELETE FROM orders WHERE order_no LIKE %s" % like)


def test_orders_import_commit():
    c = sign_in("staff01")
    custs = sql("SELECT id, code, COALESCE(last_purchase_on, '') FROM customers"
                " WHERE status = 'active' ORDER BY id LIMIT 2")
    prods = sql("SELECT id, code, name, list_price FROM products WHERE active = 1 ORDER BY id LIMIT 3")
    no = CODE_PREFIX + "SO"
    rows = [
        [custs[0][1], no + "1", "2199-01-05", "2199/1/8", prods[0][1], "2", "", "陈晓明"],
        [custs[0][1], no + "1", "2199/1/5", "2199-01-08", prods[1][2], "3", "100.5", "staff01"],
        [custs[1][1].lower(), no + "2", "2199年1月6日", "", prods[2][1].lower(), "1", "0", ""],
    ]
    saved = [(cid, lp) for cid, _, lp in custs]
    try:
        r = _upload_orders(c, _csv(ORDER_HEADER, rows).encode("gbk"))
        check_status(r, 303, "upload orders")
        path = local_path(r.location)
        p = c.get(path)
        check_status(p, 200, "orders preview")
        check(_counts(p.text) == (3, 3, 0), "counts %s" % (_counts(p.text),))
        check(element_text(p.text, "count-orders") == "2", "two orders")
        check_in('id="import-commit"', p.text, "commit form")
        lines_before = int(sql_value("SELECT COUNT(*) FROM order_lines"))
        r = c.post(path, {"_csrf": csrf_of(p.text)})
        check_status(r, 303, "commit orders")
        orders = sql("SELECT order_no, customer_id, salesperson_id, ordered_on, delivered_on, total"
                     " FROM orders WHERE order_no LIKE %s ORDER BY order_no" % sql_str(no + "%"))
        first_total = 2 * float(prods[0][3]) + 3 * 100.5
        check(len(orders) == 2, "two orders inserted: %s" % orders)
        check(orders[0][1:5] == [custs[0][0], str(user_id("staff01")), "2199-01-05", "2199-01-08"]
              and abs(float(orders[0][5]) - first_total) < 0.001, "first order %s" % orders[0])
        check(orders[1][1:6] == [custs[1][0], "NULL", "2199-01-06", "NULL", "0.00"],
              "second order %s" % orders[1])
        check(int(sql_value("SELECT COUNT(*) FROM order_lines")) - lines_before == 3, "three lines")
        lines = sql("SELECT l.product_id, l.quantity, l.unit_price, l.amount FROM order_lines l"
                    " JOIN orders o ON o.id = l.order_id WHERE o.order_no = %s ORDER BY l.id"
                    % sql_str(no + "1"))
        check(lines == [[prods[0][0], "2", prods[0][3], "%.2f" % (2 * float(prods[0][3]))],
                        [prods[1][0], "3", "100.50", "301.50"]], "lines %s" % lines)
        check(sql_value("SELECT last_purchase_on FROM customers WHERE id = %s" % custs[1][0])
              == "2199-01-06", "last purchase date follows the orders")
        audit = sql("SELECT entity, detail FROM audit_log WHERE action = 'import' ORDER BY id DESC LIMIT 1")
        check(audit and audit[0][0] == "order" and "orders=2 lines=3" in audit[0][1], "audit %s" % audit)
        res = c.get(path)
        check(element_text(res.text, "import-imported") == "2", "result shows two orders")
    finally:
        _delete_orders(no)
        for cid, lp in saved:
            sql("UPDATE customers SET last_purchase_on = %s WHERE id = %s" % (
                sql_str(lp) if lp else "NULL", cid))


def test_orders_bad_rows():
    c = sign_in("staff01")
    cust = sql_value("SELECT code FROM customers WHERE status = 'active' ORDER BY id LIMIT 1")
    other = sql_value("SELECT code FROM customers WHERE status = 'active' ORDER BY id LIMIT 1 OFFSET 1")
    prod = sql_value("SELECT code FROM products WHERE active = 1 ORDER BY id LIMIT 1")
    taken = sql_value("SELECT order_no FROM orders ORDER BY id LIMIT 1")
    no = CODE_PREFIX + "BAD"
    rows = [
        [cust, no + "1", "2026-02-30", "", prod, "1", "", ""],        # 2: bad date
        ["NO-SUCH-CUSTOMER", no + "2", "2026-03-01", "", prod, "1", "", ""],  # 3
        [cust, no + "3", "2026-03-01", "", "NO-SUCH-PRODUCT", "0", "1.234", ""],  # 4
        [cust, taken, "2026-03-01", "", prod, "1", "", ""],            # 5: order exists
        [cust, no + "6", "2026-03-01", "", prod, "1", "", ""],         # 6
        [other, no + "6", "2026-03-01", "", prod, "1", "", ""],        # 7: other customer
    ]
    r = _upload_orders(c, _csv(ORDER_HEADER, rows).encode())
    check_status(r, 303, "upload")
    p = c.get(local_path(r.location))
    errs = [(e[0]["text"], e[1]["text"], e[3]["text"]) for e in table_rows(p.text, "import-errors")]
    for want in [("2", "订购日期", "有效日期"), ("3", "客户编号", "没有这个编号的客户"),
                 ("4", "产品编号", "没有这个产品"), ("4", "数量", "正整数"), ("4", "单价", "金额"),
                 ("5", "订单号", "已存在"), ("7", "订单号", "第 6")]:
        check(any(e[0] == want[0] and e[1] == want[1] and want[2] in e[2] for e in errs),
              "error %s not listed: %s" % (want, errs))
    check(_counts(p.text)[2] == 5, "five bad rows: %s" % (_counts(p.text),))
    check_not_in('id="import-commit"', p.text, "no commit with errors")
    check(int(sql_value("SELECT COUNT(*) FROM orders WHERE order_no LIKE %s" % sql_str(no + "%"))) == 0,
          "nothing inserted")


def test_orders_missing_column():
    c = sign_in("staff01")
    r = _upload_orders(c, _csv(ORDER_HEADER[:4], [["C1", "X1", "2026-01-01", ""]]).encode())
    check_status(r, 422, "missing columns")
    check_in("产品编号", element_text(r.text, "import-error") or "", "names the column")


# --- payments (付款) ------------------------------------------------------------

PAY_HEADER = ["客户编号", "订单号", "金额", "应付日期", "付款日期"]
PAY_HEADER_EN = ["Customer code", "order_no", "AMOUNT", "due_on", "Payment date"]


def _payment_count():
    return int(sql_value("SELECT COUNT(*) FROM payments"))


def _overdue_tab(client, customer_id):
    """The count on the customer file's 付款 tab (unpaid and overdue), 0 when none is shown."""
    page = client.get("/customers/%s" % customer_id).text
    m = re.search(r'id="tab-payments">.*?<span class="count warn"[^>]*>'
                  r'<span class="sr-only">[^<]*</span>(\d+)</span>.*?</a>', page)
    return int(m.group(1)) if m else 0


def _customer_with_order():
    """(customer id, code, an order number of it) for an order not in the future."""
    return sql("SELECT c.id, c.code, o.order_no FROM orders o JOIN customers c ON c.id = o.customer_id"
               " WHERE c.status = 'active' AND o.ordered_on <= CURDATE() - INTERVAL 1 DAY"
               " ORDER BY o.id LIMIT 1")[0]


def test_payments_import_commit():
    """A valid payments file, in UTF-8 with BOM and English headers, in GBK
    and as XLSX with Chinese headers: every row lands in payments; the two
    unpaid overdue ones show on the customer file's 付款 tab."""
    c = sign_in("staff01")
    cid, code, order_no = _customer_with_order()
    order_id = sql_value("SELECT id FROM orders WHERE order_no = %s" % sql_str(order_no))
    today = sql_value("SELECT CURDATE()")
    for encoding, header in (("utf-8-sig", PAY_HEADER_EN), ("gbk", PAY_HEADER), ("xlsx", PAY_HEADER)):
        rows = [
            [code, order_no, "1234.5", "2020-01-31", ""],
            [code.lower(), "", "99", "2020/2/1", ""],
            [code, order_no, "10.00", "2199年1月1日", today.replace("-", "/")],
        ]
        job = None
        try:
            tab_before = _overdue_tab(c, cid)
            data = (_xlsx(header, rows) if encoding == "xlsx"
                    else _csv(header, rows).encode(encoding))
            r = _upload_what(c, data, "payments", "payments." + ("xlsx" if encoding == "xlsx" else "csv"))
            check_status(r, 303, encoding + ": upload payments")
            path = local_path(r.location)
            job = int(path.rsplit("/", 1)[1])
            p = c.get(path)
            check(_counts(p.text) == (3, 3, 0), "%s: counts %s" % (encoding, _counts(p.text)))
            prev = table_rows(p.text, "import-rows") or []
            check(len(prev) == 3 and prev[0][4]["text"] == "1,234.50" and prev[1][5]["text"] == "2020-02-01",
                  "%s: preview rows %s" % (encoding, prev[:2]))
            before = _payment_count()
            r = c.post(path, {"_csrf": csrf_of(p.text)})
            check_status(r, 303, encoding + ": commit payments")
            check(_payment_count() - before == 3, "%s: three payments inserted" % encoding)
            first, last = sql("SELECT first_id, last_id FROM import_jobs WHERE id = %d" % job)[0]
            got = sql("SELECT customer_id, order_id, amount, due_on, paid_on FROM payments"
                      " WHERE id BETWEEN %s AND %s ORDER BY id" % (first, last))
            check(got == [[cid, order_id, "1234.50", "2020-01-31", "NULL"],
                          [cid, "NULL", "99.00", "2020-02-01", "NULL"],
                          [cid, order_id, "10.00", "2199-01-01", today]],
                  "%s: payments %s" % (encoding, got))
            audit = sql("SELECT entity, detail FROM audit_log WHERE action = 'import'"
                        " ORDER BY id DESC LIMIT 1")
            check(audit and audit[0][0] == "payment" and "payments=3" in audit[0][1],
                  "%s: audit %s" % (encoding, audit))
            res = c.get(path)
            check(element_text(res.text, "import-imported") == "3", encoding + ": result shows 3")
            check_in("笔付款", res.text, encoding + ": result names payments")
            check(_overdue_tab(c, cid) == tab_before + 2,
                  "%s: 付款 tab %d, expected %d" % (encoding, _overdue_tab(c, cid), tab_before + 2))
        finally:
            if job:
                row = sql("SELECT first_id, last_id FROM import_jobs WHERE id = %d" % job)
                if row and row[0][0] != "NULL":
                    sql("DELETE FROM payments WHERE id BETWEEN %s AND %s" % tuple(row[0]))


def test_payments_bad_rows():
    c = sign_in("staff01")
    cid, code, order_no = _customer_with_order()
    other = sql_value("SELECT o.order_no FROM orders o JOIN customers c ON c.id = o.customer_id"
                      " WHERE o.customer_id <> %s AND c.status = 'active' ORDER BY o.id LIMIT 1" % cid)
    rows = [
        ["NO-SUCH-CUSTOMER", "", "10", "2026-01-01", ""],        # 2
        [code, other, "10", "2026-01-01", ""],                   # 3: another customer's order
        [code, "", "0", "2026-01-01", ""],                       # 4
        [code, "", "-5", "2026-01-01", ""],                      # 5
        [code, "", "abc", "2026-01-01", ""],                     # 6
        [code, "", "10", "2026-02-30", ""],                      # 7
        [code, "", "10", "2026-01-01", "2199-01-01"],            # 8: paid in the future
        [code, "", "10", "", "昨天"],                            # 9
        [code, "NO-SUCH-ORDER-X", "10", "2026-01-01", ""],       # 10
        [code, order_no, "10", "2026-01-01", "1999-01-01"],      # 11: paid before the order
        [code, order_no, "10", "2026-01-01", ""],                # 12: fine
    ]
    before = _payment_count()
    r = _upload_what(c, _csv(PAY_HEADER, rows).encode(), "payments", "bad.csv")
    check_status(r, 303, "upload")
    path = local_path(r.location)
    p = c.get(path)
    errs = [(e[0]["text"], e[1]["text"], e[3]["text"]) for e in table_rows(p.text, "import-errors")]
    for want in [("2", "客户编号", "没有这个编号的客户"), ("3", "订单号", "另一位客户"),
                 ("4", "金额", "大于 0"), ("5", "金额", "大于 0"), ("6", "金额", "大于 0"),
                 ("7", "应付日期", "有效日期"), ("8", "付款日期", "晚于今天"),
                 ("9", "应付日期", "必填"), ("9", "付款日期", "有效日期"),
                 ("10", "订单号", "没有这个订单号"), ("11", "付款日期", "早于订单")]:
        check(any(e[0] == want[0] and e[1] == want[1] and want[2] in e[2] for e in errs),
              "error %s not listed: %s" % (want, errs))
    check(not any(e[0] == "12" for e in errs), "row 12 is fine: %s" % errs)
    check(_counts(p.text) == (11, 1, 10), "counts %s" % (_counts(p.text),))
    check_not_in('id="import-commit"', p.text, "no commit with errors")
    r = c.post(path, {"_csrf": csrf_of(p.text)})
    check_status(r, 303, "a commit anyway goes back to the preview")
    check(_payment_count() == before, "nothing inserted")


def test_payments_csrf_missing():
    c = sign_in("staff01")
    code = sql_value("SELECT code FROM customers WHERE status = 'active' ORDER BY id LIMIT 1")
    before = _payment_count()
    r = _upload_what(c, _csv(PAY_HEADER, [[code, "", "5", "2020-01-01", ""]]).encode(),
                     "payments", "p.csv", csrf=False)
    check_status(r, 403, "payments upload without _csrf")
    check(_payment_count() == before, "imported without CSRF")


def test_payments_template_download():
    r = Client().get("/static/payment-import-template.csv")
    check_status(r, 200, "payments template")
    check(r.raw.startswith(b"\xef\xbb\xbf"), "template has a UTF-8 BOM for Excel")
    check(r.raw[3:].decode("utf-8").splitlines()[0].split(",") == PAY_HEADER, "template header")


# --- timing (not part of make test) ---------------------------------------------

def _realistic_rows(n, tag):
    """n rows whose names, cities, addresses, postal codes and phones are
    the stored customers' (every tenth customer of the bench data): their
    name bigrams and index keys fall all over the indexes, as a real file's
    would, where _rows' names share their bigrams. Each name ends in
    BIG_MARK, which _cleanup looks for."""
    got = sql("SELECT name, city, address, postal_code, phone FROM customers"
              " WHERE id %% 10 = 3 AND name NOT LIKE '%%%s%%' LIMIT %d" % (BIG_MARK, n))
    check(got, "customers to copy names from")
    header = HEADER[:7] + ["城市", "地址", "邮政编码"]
    base = _rows(n, tag)
    rows = []
    for i, r in enumerate(base):
        name, city, address, postal, phone = got[i % len(got)]
        rows.append([name + BIG_MARK, r[1], r[2], r[3], r[4], r[5], phone, city, address,
                     postal])
    return header, rows


def _wait_for_quiet(limit=600):
    """Waits until the database server has been idle for two seconds: the
    purge of what earlier runs deleted (their cleanup removes 100,000
    customers and a million bigrams) takes a core for minutes, from the
    run that is being timed."""
    for _ in range(limit // 2):
        t = _server_ticks()
        time.sleep(2)
        if _server_ticks() - t < 20:         # under a tenth of a core
            return


def _server_ticks():
    """The database server's CPU time so far, in 1/100 s."""
    pid = open(os.path.join(VAR, "run", "db", "mysqld.pid")).read().strip()
    f = open("/proc/%s/stat" % pid).read().rsplit(")", 1)[1].split()
    return int(f[11]) + int(f[12])


def time_large_import(n=100000, fmt="csv"):
    """Uploads and commits n rows (fmt csv or xlsx) against a running stack
    and prints the times; the rows are deleted afterwards. Run by hand:
        /usr/bin/python3 tests/http/test_import.py [N [csv|xlsx|orders]]"""
    c = sign_in("staff01")
    header, rows = _realistic_rows(n, "big")
    for i in range(0, n, 10):
        rows[i][1] = ""                      # every tenth gets an automatic code
    data = _xlsx(header, rows) if fmt == "xlsx" else _csv(header, rows).encode("utf-8")
    _wait_for_quiet()
    job = None
    try:
        t0 = time.time()
        job, p = _upload_ok(c, data, "big." + fmt)
        t1 = time.time()
        check(_counts(p.text) == (n, n, 0), "counts %s" % (_counts(p.text),))
        before = int(sql_value("SELECT COUNT(*) FROM customers"))
        ticks = _server_ticks()
        tc = time.time()
        r = _commit(c, job, p.text)
        t2 = time.time()
        ticks = _server_ticks() - ticks
        check_status(r, 303, "commit")
        added = int(sql_value("SELECT COUNT(*) FROM customers")) - before
        check(added == n, "inserted %d of %d" % (added, n))
        print("%d rows, %s %.1f MB: upload and check %.1f s, commit %.1f s"
              " (database server CPU %.1f s)" % (n, fmt, len(data) / 1e6, t1 - t0, t2 - tc,
                                                 ticks / 100.0))
    finally:
        _cleanup("big", job)


def time_large_orders(n=100000):
    """The same for n order lines (four lines an order) on the existing
    customers; the orders are deleted and the customers' last purchase
    dates recomputed from the remaining orders afterwards."""
    c = sign_in("staff01")
    custs = [r[0] for r in sql("SELECT code FROM customers WHERE status = 'active' ORDER BY id LIMIT 500")]
    prods = [r[0] for r in sql("SELECT code FROM products WHERE active = 1")]
    no = CODE_PREFIX + "T"
    rows = [[custs[(i // 4) % len(custs)], "%s%07d" % (no, i // 4),
             "2026-%02d-%02d" % ((i // 4) % 12 + 1, (i // 4) % 28 + 1), "",
             prods[i % len(prods)], str(i % 9 + 1), "%d.50" % (i % 500), ""] for i in range(n)]
    data = _csv(ORDER_HEADER, rows).encode("utf-8")
    try:
        t0 = time.time()
        r = _upload_orders(c, data)
        check_status(r, 303, "upload")
        p = c.get(local_path(r.location))
        t1 = time.time()
        check(_counts(p.text) == (n, n, 0), "counts %s" % (_counts(p.text),))
        r = c.post(local_path(r.location), {"_csrf": csrf_of(p.text)})
        t2 = time.time()
        check_status(r, 303, "commit")
        print("%d order lines (%s orders), %.1f MB: upload and check %.1f s, commit %.1f s" % (
            n, element_text(p.text, "count-orders"), len(data) / 1e6, t1 - t0, t2 - t1))
    finally:
        _delete_orders(no)
        sql("UPDATE customers c JOIN (SELECT customer_id, MAX(ordered_on) AS d FROM orders"
            " GROUP BY customer_id) x ON x.customer_id = c.id SET c.last_purchase_on = x.d")


if __name__ == "__main__":
    import sys
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    kind = sys.argv[2] if len(sys.argv) > 2 else "csv"
    if kind == "orders":
        time_large_orders(count)
    else:
        time_large_import(count, kind)


def test_import_page_explains_every_column():
    """The column tables (customers, order lines, payments) come from one
    template macro: every row names its column and has its rule."""
    c = sign_in("staff01")
    page = c.get("/customers/import").text
    for table, n in (("import-columns", 23), ("import-order-columns", 8),
                     ("import-payment-columns", 5)):
        rows = table_rows(page, table) or []
        check(len(rows) == n, "%s: %d rows, expected %d" % (table, len(rows), n))
        empty = [r[0]["text"] for r in rows if not r[2]["text"].strip()]
        check(not empty, "%s: columns without a rule: %r" % (table, empty))
    check_in("华东", page, "the region column lists the regions")
