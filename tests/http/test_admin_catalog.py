"""Issue 15, products and regions (/admin/products, /admin/regions): field
errors, a taken code, a stale version is a conflict, CSRF, other roles
refused, every change audited; a retired product is no longer offered by
the public complaint form; a province moved to another region is stored
and audited."""
import os
import re

from lib import (Client, check, check_in, check_not_in, check_status, csrf_of, sign_in, sql,
                 sql_value)


def _max_audit():
    return int(sql_value("SELECT COALESCE(MAX(id), 0) FROM audit_log"))


def _product_fields(admin, path):
    page = admin.get(path)
    check_status(page, 200, path)
    m = re.search(r'name="version" value="(\d+)"', page.text)
    category = sql_value("SELECT MIN(id) FROM product_categories")
    fields = {"_csrf": csrf_of(page.text), "code": "T" + os.urandom(3).hex().upper(),
              "name": "测试产品", "category_id": category, "unit": "台",
              "list_price": "1200.50", "unit_cost": "830.00"}
    if m:
        fields["version"] = m.group(1)
    return fields


def test_product_create_and_field_errors():
    admin = sign_in("admin")
    fields = _product_fields(admin, "/admin/products/new")
    cases = (({"code": ""}, "code"), ({"name": ""}, "name"), ({"category_id": "999"}, "category_id"),
             ({"category_id": "x"}, "category_id"), ({"unit": ""}, "unit"),
             ({"list_price": "-1"}, "list_price"), ({"unit_cost": "abc"}, "unit_cost"),
             ({"unit_cost": "1.234"}, "unit_cost"),
             ({"code": sql_value("SELECT code FROM products ORDER BY id LIMIT 1")}, "code"))
    before = sql_value("SELECT COUNT(*) FROM products")
    for change, field in cases:
        r = admin.post("/admin/products", dict(fields, **change))
        check_status(r, 422, "bad %s" % change)
        check_in('id="err-%s"' % field, r.text, "message at %s" % field)
    check(sql_value("SELECT COUNT(*) FROM products") == before, "nothing created")
    r = admin.post("/admin/products", dict(fields, _csrf=""))
    check_status(r, 403, "no CSRF")
    audit = _max_audit()
    r = admin.post("/admin/products", fields)
    check_status(r, 303, "created")
    row = sql("SELECT name, unit, list_price, unit_cost, active FROM products WHERE code = '%s'"
              % fields["code"])[0]
    check(row == ["测试产品", "台", "1200.50", "830.00", "1"], "stored: %s" % row)
    check(sql_value("SELECT action FROM audit_log WHERE id > %d AND entity = 'product'" % audit)
          == "create", "audited")
    check_in('data-product="%s"' % fields["code"], admin.get("/admin/products").text, "listed")


def test_product_retire_conflict_and_offer():
    admin = sign_in("admin")
    fields = _product_fields(admin, "/admin/products/new")
    check_status(admin.post("/admin/products", fields), 303, "created")
    pid = sql_value("SELECT id FROM products WHERE code = '%s'" % fields["code"])
    offered = 'value="%s"' % pid
    check_in(offered, Client().get("/complaint").text, "an active product is offered")
    edit = _product_fields(admin, "/admin/products/%s" % pid)
    edit.update(code=fields["code"], unit_cost="900")   # "active" left out: retire
    r = admin.post("/admin/products/%s" % pid, edit)
    check_status(r, 303, "retired")
    check(sql("SELECT active, unit_cost FROM products WHERE id = %s" % pid)[0] == ["0", "900.00"],
          "stored retired")
    check(sql_value("SELECT action FROM audit_log WHERE entity = 'product' AND entity_id = %s"
                    " ORDER BY id DESC LIMIT 1" % pid) == "retire", "retire audited")
    r = admin.post("/admin/products/%s" % pid, dict(edit, name="第二次"))
    check_status(r, 409, "stale version")
    check_in('id="conflict"', r.text, "conflict notice")
    check_in('value="第二次"', r.text, "typed value kept")
    check(sql_value("SELECT name FROM products WHERE id = %s" % pid) == "测试产品", "not written")
    # The public form reads the active products on every request.
    check_not_in(offered, Client().get("/complaint").text, "a retired product is not offered for new complaints")
    for who in ("leader1", "staff01", "rm_huadong"):
        c = sign_in(who)
        check_status(c.get("/admin/products/%s" % pid), 403, "%s opens the product" % who)
        r = c.post("/admin/products/%s" % pid, dict(edit, _csrf=csrf_of(c.get("/").text)))
        check_status(r, 403, "%s saves the product" % who)


def test_region_edit_and_province_move():
    admin = sign_in("admin")
    rid, code, zh, en = sql("SELECT id, code, name_zh, name_en FROM regions WHERE code = 'xibei'")[0]
    page = admin.get("/admin/regions/%s" % rid)
    check_status(page, 200, "region form")
    version = re.search(r'name="version" value="(\d+)"', page.text).group(1)
    base = {"_csrf": csrf_of(page.text), "version": version, "code": code, "name_zh": zh,
            "name_en": en}
    for change, field in (({"code": "Bad Code"}, "code"), ({"code": "huadong"}, "code"),
                          ({"name_zh": ""}, "name_zh"), ({"name_en": ""}, "name_en")):
        r = admin.post("/admin/regions/%s" % rid, dict(base, **change))
        check_status(r, 422, "bad %s" % change)
        check_in('id="err-%s"' % field, r.text, "message at %s" % field)
    audit = _max_audit()
    r = admin.post("/admin/regions/%s" % rid, dict(base, name_en="North-west"))
    check_status(r, 303, "saved")
    check(sql_value("SELECT name_en FROM regions WHERE id = %s" % rid) == "North-west", "stored")
    r = admin.post("/admin/regions/%s" % rid, dict(base, name_en="Stale"))
    check_status(r, 409, "stale version")
    sql("UPDATE regions SET name_en = '%s' WHERE id = %s" % (en, rid))
    check(sql_value("SELECT COUNT(*) FROM audit_log WHERE id > %d AND entity = 'region'" % audit)
          == "1", "one audit row")
    # Provinces: one form, a region menu each; move one and back.
    page = admin.get("/admin/regions")
    check_status(page, 200, "regions page")
    pid, before = sql("SELECT id, region_code FROM provinces WHERE code = 'gansu'")[0]
    token = csrf_of(page.text)
    r = admin.post("/admin/provinces", {"_csrf": token, "province_%s" % pid: "nope"})
    check_status(r, 422, "unknown region")
    check_in('id="err-province_%s"' % pid, r.text, "message at the province")
    r = admin.post("/admin/provinces", {"_csrf": token, "province_%s" % pid: "huabei"})
    check_status(r, 303, "moved")
    check(sql_value("SELECT region_code FROM provinces WHERE id = %s" % pid) == "huabei", "stored")
    check(sql_value("SELECT detail FROM audit_log WHERE entity = 'province' AND entity_id = %s"
                    " ORDER BY id DESC LIMIT 1" % pid) == "region_code=huabei", "audited")
    r = admin.post("/admin/provinces", {"_csrf": token, "province_%s" % pid: before})
    check_status(r, 303, "moved back")
    check_status(admin.post("/admin/provinces", {"province_%s" % pid: "huabei"}), 403, "no CSRF")
    c = sign_in("rm_huadong")
    r = c.post("/admin/provinces", {"_csrf": csrf_of(c.get("/").text),
                                    "province_%s" % pid: "huabei"})
    check_status(r, 403, "a regional manager moves a province")
    check(sql_value("SELECT region_code FROM provinces WHERE id = %s" % pid) == before, "unmoved")


def test_categories():
    admin = sign_in("admin")
    page = admin.get("/admin/products")
    check_status(page, 200, "products page")
    token = csrf_of(page.text)
    for fields, field in (({"name_zh": "", "name_en": "x"}, "name_zh"),
                          ({"name_zh": "类", "name_en": ""}, "name_en")):
        r = admin.post("/admin/categories", dict(fields, _csrf=token))
        check_status(r, 422, "bad %s" % fields)
        check_in('id="err-%s"' % field, r.text, "message at %s" % field)
    check_status(admin.post("/admin/categories", {"name_zh": "类", "name_en": "c"}), 403, "CSRF")
    audit = _max_audit()
    zh = "测试类别" + os.urandom(2).hex()
    r = admin.post("/admin/categories", {"_csrf": token, "name_zh": zh, "name_en": "Test"})
    check_status(r, 303, "added")
    cid = sql_value("SELECT id FROM product_categories WHERE name_zh = '%s'" % zh)
    r = admin.post("/admin/categories/%s" % cid, {"_csrf": token, "name_zh": zh,
                                                  "name_en": "Renamed"})
    check_status(r, 303, "renamed")
    check(sql_value("SELECT name_en FROM product_categories WHERE id = %s" % cid) == "Renamed",
          "stored")
    check([a for a, in sql("SELECT action FROM audit_log WHERE id > %d AND entity ="
                           " 'product_category' ORDER BY id" % audit)] == ["create", "update"],
          "both audited")
    r = admin.post("/admin/categories/99999", {"_csrf": token, "name_zh": "x", "name_en": "y"})
    check_status(r, 404, "no such category")
    c = sign_in("staff01")
    r = c.post("/admin/categories", {"_csrf": csrf_of(c.get("/").text), "name_zh": "x",
                                     "name_en": "y"})
    check_status(r, 403, "staff add a category")
