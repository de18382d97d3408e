"""One case per field rule of the forms that add an entry to a customer
file (issue 15): the eight kinds of cgi-bin/customers/entry_kinds.c.
Each case sends the kind's form with one field wrong and the others
right: 422, the message at the field and in the banner, the form open
again with what was typed (the wrong value and the other typed fields,
escaped), no audit row. The same cases on the form that edits an entry
of each kind (one set of rules, two routes). test_customer_file and
test_customer_entries cover the valid saves."""
from lib import audit_max, check_field_error, check_in, check_refused, csrf_of, sign_in, sql_value
from test_customer_entries import ADD, _add, _customer, _own_rows, _panel
from test_customer_file import _cleanup, _create

REQUIRED = "必填"
CHOICE = "请从列表中选择"
DATE = "请输入有效日期"
TOO_LONG = "内容过长"
AMOUNT = "金额"
KEPT = "<b>保留</b>的文字"     # typed into a text field the case leaves right

# kind -> (valid fields, the typed fields shown again as typed)
KINDS = {
    "person": ({"name": "赵总", "role": "gm", "title": "总经理", "authority": KEPT,
                "phone": "13900001111", "email": "zhao@example.com", "birthday": "1975-03-08"},
               ("name", "title", "authority", "phone", "email", "birthday")),
    "contact": ({"channel": "visit", "contacted_on": "2026-11-20", "people": "王经理",
                 "heard": KEPT, "next_action": "寄送样品", "next_due": "2026-11-25"},
                ("contacted_on", "people", "heard", "next_action", "next_due")),
    "needs": ({"category": "inventory", "noted_on": "2026-11-01", "content": KEPT},
              ("noted_on", "content")),
    "strategy": ({"category": "annual_plan", "noted_on": "2026-01-05", "content": KEPT},
                 ("noted_on", "content")),
    "quote": ({"quoted_on": "2026-11-02", "product_id": "{product}", "quantity": "20",
               "unit_price": "1999.00", "valid_until": "2026-12-31", "status": "open",
               "note": KEPT}, ("quoted_on", "quantity", "unit_price", "valid_until", "note")),
    "service": ({"served_on": "2026-10-12", "product_id": "{product}", "kind": "repair",
                 "description": KEPT, "result": "已修好"}, ("served_on", "description", "result")),
    "incentive": ({"kind": "rebate", "granted_on": "2026-06-30", "amount": "12000",
                   "description": KEPT}, ("granted_on", "amount", "description")),
    "finance": ({"year": "2025", "current_ratio": "1.35", "net_margin": "-2.50", "roa": "3.10",
                 "collection_days": "45", "inventory_days": "61"},
                ("year", "current_ratio", "net_margin", "roa", "collection_days",
                 "inventory_days")),
}
# kind -> (required fields, {field: its longest length}, [(field, bad value,
# message)]): the rules of entry_kinds.c; each is one case.
RULES = {
    "person": (("name", "role"), {"name": 64, "title": 64, "authority": 255},
               [("role", "boss", CHOICE), ("phone", "12ab", "电话号码"), ("email", "x@", "电子邮箱"),
                ("birthday", "1975-02-30", DATE)]),
    "contact": (("channel", "contacted_on", "heard"),
                {"heard": 5000, "people": 255, "next_action": 255},
                [("channel", "pigeon", CHOICE), ("contacted_on", "2026-13-01", DATE),
                 ("next_due", "tomorrow", DATE)]),
    "needs": (("category", "noted_on", "content"), {"content": 5000},
              [("category", "weather", CHOICE), ("noted_on", "2026-1-1", DATE)]),
    "strategy": (("category", "noted_on", "content"), {},
                 [("category", "inventory", CHOICE), ("noted_on", "2026-02-29", DATE)]),
    "quote": (("quoted_on", "product_id", "quantity", "unit_price", "status"), {"note": 255},
              [("quoted_on", "2026-11-31", DATE), ("product_id", "abc", CHOICE),
               ("product_id", "99999999", CHOICE), ("quantity", "0", "整数"),
               ("unit_price", "1.999", AMOUNT), ("valid_until", "2026-12-32", DATE),
               ("status", "maybe", CHOICE)]),
    "service": (("served_on", "kind", "description"), {"result": 255},
                [("served_on", "2026-011-150", DATE), ("product_id", "x1", CHOICE),
                 ("kind", "magic", CHOICE)]),
    "incentive": (("kind", "granted_on", "amount"), {"description": 255},
                  [("kind", "gift", CHOICE), ("granted_on", "2026-06-31", DATE),
                   ("amount", "-5", AMOUNT)]),
    "finance": (("year",), {},
                [("inventory_days", "12345", TOO_LONG), ("year", "1850", "年份"), ("year", "20x5", "年份"),
                 ("current_ratio", "abc", "数字"), ("net_margin", "1.234", "数字"),
                 ("roa", "--1", "数字"), ("collection_days", "-1", "整数")]),
}


def cases():
    """(kind, field, bad value, message) of every rule in RULES."""
    for kind, (required, longest, bad) in RULES.items():
        yield from ((kind, f, "", REQUIRED) for f in required)
        yield from ((kind, f, "长" * (n + 1), TOO_LONG) for f, n in longest.items())
        yield from ((kind,) + case for case in bad)

def _send_each_case(c, path, base, extra):
    """Every case of cases() posted to path: base(kind) is the form as the
    page gives it, the kind's valid fields over it, then the wrong one."""
    product = sql_value("SELECT MIN(id) FROM products WHERE active = 1")
    for kind, field, value, message in cases():
        fields, typed = KINDS[kind]
        fields = dict(base(kind), **{k: v.replace("{product}", product) for k, v in fields.items()})
        what = "%s %s: %s=%r" % (path.rsplit("/", 1)[1], kind, field, value[:20])
        before = audit_max()
        r = c.post(path, dict(fields, **{field: value}))
        kept = [v for k, v in fields.items() if k != field and k in typed]
        kept += [value] if value and field in typed else []
        check_field_error(r, field, message, kept, what)
        if extra:
            check_in(extra, r.text, what + ": the form open again")
        check_refused(r, 422, before, what)


def test_each_field_rule_of_the_entry_forms():
    _cleanup()
    c = sign_in("staff03")
    try:
        cid = _create(c)
        token = csrf_of(c.get("/customers/%d" % cid).text)
        _send_each_case(c, "/customers/%d/entries" % cid, lambda kind: {"_csrf": token, "entry": kind},
                        '<details class="add-form" open>')
    finally:
        _cleanup()


def test_each_field_rule_of_the_entry_edit_form():
    c = sign_in("staff01")
    with _own_rows():
        cid = _customer(c)
        panels = {}
        for kind in KINDS:
            _, panels[kind] = _panel(c, cid, ADD[kind][0], _add(c, cid, kind))
        _send_each_case(c, "/customers/%d/entries/edit" % cid, lambda kind: panels[kind],
                        'id="entry-edit-form"')
