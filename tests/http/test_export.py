"""Exports of the customer list: CSV (UTF-8 with BOM, RFC 4180) and XLSX
(a zip of XML parts), with the list's filters and the regional managers'
scope, and cells neutralised against formula injection."""
import csv
import io
import re
import urllib.parse
import xml.etree.ElementTree as ET
import zipfile

from lib import (Client, check, check_status, result_count, sign_in, sql,
                 sql_str, sql_value)

HEAD_ZH = ["编号", "名称", "类型", "区域", "城市", "邮政编码", "地址", "电话", "负责人",
           "生命周期", "分类", "最近购买", "信用额度"]
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def _q(v):
    return urllib.parse.quote(v, safe="")


def _csv(client, query=""):
    r = client.get("/customers/export.csv?" + query)
    check_status(r, 200, "CSV export ?" + query)
    check(r.header("Content-Type", "").startswith("text/csv"), "CSV content type %r" % r.header("Content-Type"))
    disp = r.header("Content-Disposition", "")
    check("attachment" in disp and ".csv" in disp, "CSV disposition %r" % disp)
    check(r.raw.startswith(b"\xef\xbb\xbf"), "CSV does not start with a UTF-8 BOM")
    rows = list(csv.reader(io.StringIO(r.raw[3:].decode("utf-8"), newline="")))
    return r, rows


def _xlsx_rows(data):
    """Rows of the first sheet as lists of strings (shared or inline)."""
    z = zipfile.ZipFile(io.BytesIO(data))
    check(z.testzip() is None, "corrupt member in the XLSX zip")
    names = z.namelist()
    check("xl/worksheets/sheet1.xml" in names, "no sheet1.xml in %s" % names)
    shared = []
    if "xl/sharedStrings.xml" in names:
        root = ET.fromstring(z.read("xl/sharedStrings.xml"))
        for si in root.findall("m:si", NS):
            shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.iter("{%s}row" % NS["m"]):
        cells = {}
        for c in row.findall("m:c", NS):
            ref = c.get("r")
            col = 0
            for ch in re.match(r"[A-Z]+", ref).group(0):
                col = col * 26 + ord(ch) - 64
            t = c.get("t")
            if t == "s":
                val = shared[int(c.find("m:v", NS).text)]
            elif t == "inlineStr":
                val = "".join(x.text or "" for x in c.iter("{%s}t" % NS["m"]))
            else:
                v = c.find("m:v", NS)
                val = v.text if v is not None else ""
            cells[col - 1] = val
        rows.append([cells.get(i, "") for i in range(max(cells) + 1 if cells else 0)])
    return rows


def _xlsx(client, query=""):
    r = client.get("/customers/export.xlsx?" + query)
    check_status(r, 200, "XLSX export ?" + query)
    check("spreadsheetml" in r.header("Content-Type", ""), "XLSX content type %r" % r.header("Content-Type"))
    check(r.raw[:2] == b"PK", "XLSX is not a zip")
    return r, _xlsx_rows(r.raw)


def _list_count(client, query):
    r = client.get("/customers?" + query)
    check_status(r, 200)
    return result_count(r.text)


def test_csv_header_bom_and_filename():
    c = sign_in("staff01")
    r, rows = _csv(c, "q=%E4%B8%8D%E5%AD%98%E5%9C%A8XYZ")
    check(rows == [HEAD_ZH], "empty export should be the header alone: %s" % rows)
    disp = r.header("Content-Disposition")
    check(re.search(r"filename\*=UTF-8''" + re.escape(_q("客户档案-")) + r"\d{8}\.csv", disp),
          "file name in %r" % disp)


def test_csv_rows_match_list_and_database():
    c = sign_in("staff01")
    region = sql_value("SELECT id FROM regions WHERE code = 'huabei'")
    query = "region=%s&kind=dealer" % region
    _, rows = _csv(c, query)
    check(rows[0] == HEAD_ZH, "header %s" % rows[0])
    body = rows[1:]
    check(len(body) == _list_count(c, query), "CSV has %d rows, the list counts %d" % (len(body), _list_count(c, query)))
    expected = sql("SELECT c.code, c.name, r.name_zh, c.city, c.postal_code, c.phone, c.credit_limit"
                   " FROM customers c JOIN regions r ON r.id = c.region_id WHERE c.status = 'active'"
                   " AND c.region_id = %s AND c.kind = 'dealer' ORDER BY c.id DESC" % region)
    check(len(body) == len(expected), "CSV %d rows, SQL %d" % (len(body), len(expected)))
    for got, exp in zip(body, expected):
        code, name, region_zh, city, postal, phone, credit = exp
        check(got[0] == code and got[3] == region_zh and got[4] == city and got[5] == postal,
              "row %s vs %s" % (got, exp))
        check(got[1] == name or got[1] == "'" + name, "name %r vs %r" % (got[1], name))
        check(got[2] == "经销商", "kind column %r" % got[2])
        check(got[7] in (phone, "'" + phone), "phone %r vs %r" % (got[7], phone))
        check(float(got[12]) == float(credit), "credit %r vs %r" % (got[12], credit))


def test_csv_search_matches_list_count():
    c = sign_in("staff01")
    name = sql_value("SELECT name FROM customers WHERE status = 'active' ORDER BY id LIMIT 1 OFFSET 9")
    frag = name[:2]
    query = "q=" + _q(frag) + "&sort=name"
    _, rows = _csv(c, query)
    check(len(rows) - 1 == _list_count(c, query), "search export %d rows, list %d" % (len(rows) - 1, _list_count(c, query)))
    check(rows[1:], "search export is empty")
    ids = [x[0] for x in sql("SELECT code FROM customers c WHERE c.status = 'active' AND"
                             " (LOCATE(%s, c.name) > 0 OR c.id IN (SELECT customer_id FROM"
                             " customer_contacts WHERE name = %s)) ORDER BY c.id DESC" % (sql_str(frag), sql_str(frag)))]
    check(sorted(row[0] for row in rows[1:]) == sorted(ids), "search export rows differ from SQL")


def _with_formula_name(fn):
    """Run fn(cid, code, evil) while one customer is named =1+1 and its
    address starts with @ (both restored after)."""
    cid, code, name, address = sql("SELECT id, code, name, address FROM customers"
                                   " WHERE status = 'active' ORDER BY id LIMIT 1 OFFSET 21")[0]
    evil = "=1+1"
    sql("UPDATE customers SET name = %s, address = %s WHERE id = %s"
        % (sql_str(evil), sql_str("@SUM(A1:A9)"), cid))
    try:
        fn(int(cid), code, evil)
    finally:
        sql("UPDATE customers SET name = %s, address = %s WHERE id = %s"
            % (sql_str(name), sql_str(address), cid))


def test_csv_formula_neutralised():
    def body(cid, code, evil):
        c = sign_in("staff01")
        _, rows = _csv(c, "q=" + _q(code))
        check(len(rows) == 2, "code search export has %d rows" % len(rows))
        check(rows[1][1] == "'" + evil, "name cell %r is not neutralised" % rows[1][1])
        check(rows[1][6] == "'@SUM(A1:A9)", "address cell %r is not neutralised" % rows[1][6])
    _with_formula_name(body)


def test_xlsx_valid_and_rows_match():
    c = sign_in("staff01")
    query = "stage=loyal&class=A"
    _, rows = _xlsx(c, query)
    check(rows[0] == HEAD_ZH, "XLSX header %s" % rows[0])
    expected = sql("SELECT c.code, c.name FROM customers c WHERE c.status = 'active'"
                   " AND c.lifecycle = 'loyal' AND c.abc_class = 'A' ORDER BY c.id DESC")
    check(len(rows) - 1 == len(expected) == _list_count(c, query),
          "XLSX %d rows, SQL %d, list %d" % (len(rows) - 1, len(expected), _list_count(c, query)))
    for got, (code, name) in zip(rows[1:], expected):
        check(got[0] == code and got[1] in (name, "'" + name), "XLSX row %s vs %s %s" % (got[:2], code, name))
        check(got[9] == "忠诚客户" and got[10] == "A", "XLSX lifecycle/class %s" % got[9:11])


def test_xlsx_formula_neutralised():
    def body(cid, code, evil):
        c = sign_in("staff01")
        r, rows = _xlsx(c, "q=" + _q(code))
        check(len(rows) == 2, "XLSX code search has %d rows" % len(rows))
        check(rows[1][1] == "'" + evil, "XLSX name cell %r is not neutralised" % rows[1][1])
        check(rows[1][6] == "'@SUM(A1:A9)", "XLSX address cell %r is not neutralised" % rows[1][6])
        check(b"<f>" not in zipfile.ZipFile(io.BytesIO(r.raw)).read("xl/worksheets/sheet1.xml"),
              "XLSX holds a formula")
    _with_formula_name(body)


def test_export_scoped_for_regional_manager():
    rm = sign_in("rm_huadong")
    rid, rname = sql("SELECT id, name_zh FROM regions WHERE code = 'huadong'")[0]
    expected = int(sql_value("SELECT COUNT(*) FROM customers WHERE status = 'active' AND region_id = %s" % rid))
    _, rows = _csv(rm)
    check(len(rows) - 1 == expected, "rm_huadong CSV %d rows, expected %d" % (len(rows) - 1, expected))
    check({row[3] for row in rows[1:]} == {rname}, "rm_huadong CSV regions %s" % {row[3] for row in rows[1:]})
    other = sql_value("SELECT id FROM regions WHERE code = 'huabei'")
    _, rows = _csv(rm, "region=%s" % other)
    check(len(rows) == 1, "rm_huadong exports %d 华北 rows" % (len(rows) - 1))
    code = sql_value("SELECT code FROM customers WHERE region_id = %s AND status = 'active' ORDER BY id LIMIT 1" % other)
    _, rows = _csv(rm, "q=" + _q(code))
    check(len(rows) == 1, "rm_huadong exports a 华北 customer by code")
    _, xrows = _xlsx(rm, "sort=name")
    check(len(xrows) - 1 == expected, "rm_huadong XLSX %d rows, expected %d" % (len(xrows) - 1, expected))
    check({row[3] for row in xrows[1:]} == {rname}, "rm_huadong XLSX regions")


def test_export_needs_sign_in():
    for fmt in ("csv", "xlsx"):
        r = Client().get("/customers/export.%s" % fmt)
        check_status(r, 303, "anonymous export")
