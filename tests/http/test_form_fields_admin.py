"""One case per field rule of the administrators' forms (issue 15): the
product, category, region, user and support-measure forms, new and edit.
Each case sends the form with one field wrong and the others right: 422,
the message at the field and in the banner, what was typed kept (the
wrong value and the other fields, escaped), no audit row. test_admin_*
and test_plans_budget cover the valid saves."""
import os

from lib import audit_max, check_field_error, check_refused, csrf_of, sign_in, sql_value

REQUIRED = "必填"
CHOICE = "请从列表中选择"
KEPT = "<b>保留</b>的文字"     # typed into a text field the case leaves right
TEXT = {"code", "name", "unit", "list_price", "unit_cost", "name_zh", "name_en", "username",
        "display_name", "email", "phone"}     # the typed fields (shown again as typed)


def _one(query):
    return sql_value(query)


def _version(table, id_):
    return sql_value("SELECT version FROM %s WHERE id = %s" % (table, id_))


def _product(edit):
    pid = _one("SELECT MIN(id) FROM products")
    fields = {"code": "T" + os.urandom(3).hex().upper(), "name": KEPT, "unit": "台",
              "category_id": _one("SELECT MIN(id) FROM product_categories"),
              "list_price": "1200.50", "unit_cost": "830.00", "active": "1"}
    if edit:
        return ("/admin/products/%s" % pid, "/admin/products/%s" % pid,
                dict(fields, version=_version("products", pid)))
    return "/admin/products/new", "/admin/products", fields


def _category(edit):
    path = "/admin/categories/%s" % _one("SELECT MIN(id) FROM product_categories") if edit \
        else "/admin/categories"
    return "/admin/products", path, {"name_zh": KEPT, "name_en": "Kept category"}


def _region(edit):
    rid = _one("SELECT id FROM regions WHERE code = 'xibei'")
    return ("/admin/regions/%s" % rid, "/admin/regions/%s" % rid,
            {"code": "xibei", "name_zh": KEPT, "name_en": "North-west kept",
             "version": _version("regions", rid)})


def _user(edit):
    fields = {"username": "t_" + os.urandom(3).hex(), "display_name": KEPT, "role": "staff",
              "email": "kept@example.com", "phone": "0571-88886666", "active": "1"}
    if edit:
        uid = _one("SELECT id FROM users WHERE username = 'staff10'")
        fields.pop("username")
        return ("/admin/users/%s" % uid, "/admin/users/%s" % uid,
                dict(fields, version=_version("users", uid)))
    return "/admin/users/new", "/admin/users", fields


def _measure(edit):
    fields = {"category_id": _one("SELECT MIN(category_id) FROM support_measures"),
              "name_zh": KEPT, "name_en": "Kept measure"}
    if edit:
        return "/plans/catalogue", "/plans/catalogue/%s" % _one(
            "SELECT MIN(id) FROM support_measures"), fields
    return "/plans/catalogue", "/plans/catalogue", fields


# (form, build(edit), edit?, [(field, bad value, message)]): one case per rule.
FORMS = (
    ("product new", _product, False, [
        ("code", "", REQUIRED), ("name", "", REQUIRED),
        ("unit", "", REQUIRED), ("category_id", "", REQUIRED), ("category_id", "999999", CHOICE),
        ("category_id", "x", CHOICE), ("list_price", "-1", "金额"), ("unit_cost", "abc", "金额"),
        ("unit_cost", "1.234", "金额"), ("name", "长" * 300, "过长"),
        ("code", "{taken product}", "已被使用")]),
    ("product edit", _product, True, [
        ("name", "", REQUIRED), ("unit", "", REQUIRED), ("category_id", "999999", CHOICE),
        ("list_price", "1e9", "金额"), ("unit_cost", "-0.01", "金额")]),
    ("category new", _category, False, [
        ("name_zh", "", REQUIRED), ("name_en", "", REQUIRED), ("name_zh", "长" * 300, "过长")]),
    ("category edit", _category, True, [("name_zh", "", REQUIRED), ("name_en", "", REQUIRED)]),
    ("region edit", _region, True, [
        ("code", "Bad Code", "代码只能使用"), ("code", "huadong", "已被使用"), ("code", "", REQUIRED),
        ("name_zh", "", REQUIRED), ("name_en", "", REQUIRED)]),
    ("user new", _user, False, [
        ("username", "", REQUIRED), ("username", "Bad Name!", "用户名只能"), ("username", "admin", "已被使用"),
        ("display_name", "", REQUIRED), ("role", "", REQUIRED), ("role", "root", CHOICE),
        ("email", "not-an-email", "电子邮箱"), ("phone", "abc", "电话号码"),
        ("role", "regional_manager", "至少要负责一个区域")]),
    ("user edit", _user, True, [
        ("display_name", "", REQUIRED), ("role", "root", CHOICE), ("email", "a@", "电子邮箱"),
        ("phone", "12ab", "电话号码")]),
    ("measure new", _measure, False, [
        ("name_zh", "", REQUIRED), ("name_en", "", REQUIRED), ("category_id", "999999", CHOICE),
        ("category_id", "", CHOICE)]),
    ("measure edit", _measure, True, [("name_zh", "", REQUIRED), ("name_en", "", REQUIRED)]),
)
ERROR_AT = {("user new", "role", "regional_manager"): "regions"}   # a manager needs regions


def _bad(value):
    if value == "{taken product}":
        return _one("SELECT code FROM products ORDER BY id LIMIT 1")
    return value


def test_each_field_rule_of_the_admin_forms():
    admin = sign_in("admin")
    for form, build, edit, cases in FORMS:
        page, path, fields = build(edit)
        token = csrf_of(admin.get(page).text)
        for field, value, message in cases:
            value = _bad(value)
            what = "%s: %s=%r" % (form, field, value[:20])
            before = audit_max()
            r = admin.post(path, dict(fields, **{field: value}, _csrf=token))
            kept = [v for k, v in fields.items() if k != field and k in TEXT]
            kept += [value] if value and field in TEXT else []
            check_field_error(r, ERROR_AT.get((form, field, value), field), message, kept, what)
            check_refused(r, 422, before, what)
