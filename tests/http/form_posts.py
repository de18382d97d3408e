"""What a user would send by each POST form the templates render, keyed as
in tests/browser/form_inventory.py: FORMS[key] = (who posts, build), and
build(ids) gives (path, fields without _csrf). The rows named come from
ids(region): demo rows of that region (the tests using these bodies are
ones where nothing may be written to them).

Each body is one the handler would accept (or answer with field errors),
so a route that skipped a check before it writes would write: used by
test_form_csrf.py (no token) and test_form_region.py (another region's
rows by guessed id)."""
from lib import sql_value


def ids(region="huadong"):
    """The rows the forms' addresses name, of region where rows have one."""
    one = lambda q: sql_value(q)  # noqa: E731
    scope = "(SELECT id FROM regions WHERE code = '%s')" % region
    return {
        "customer": one("SELECT MIN(id) FROM customers WHERE status = 'active' AND region_id = %s" % scope),
        "archived": one("SELECT COALESCE(MIN(id), 1) FROM customers WHERE status = 'archived'"),
        "complaint": one("SELECT MAX(id) FROM complaints WHERE region_id = %s" % scope),
        "plan": one("SELECT MAX(p.id) FROM support_plans p JOIN customers c ON c.id = p.customer_id"
                    " WHERE c.region_id = %s" % scope),
        "user": one("SELECT id FROM users WHERE username = 'staff10'"),
        "product": one("SELECT MIN(id) FROM products"),
        "category": one("SELECT MIN(id) FROM product_categories"),
        "region": one("SELECT id FROM regions WHERE code = 'xibei'"),
        "province": one("SELECT MIN(id) FROM provinces"),
        "measure": one("SELECT MIN(id) FROM support_measures"),
        "import": one("SELECT COALESCE(MAX(id), 1) FROM import_jobs"),
        "entry": one("SELECT COALESCE(MAX(d.id), 1) FROM customer_dynamics d JOIN customers c"
                     " ON c.id = d.customer_id WHERE c.region_id = %s" % scope),
        # an order and a receipt of "customer" (1 when it has none: the
        # bodies must still be refused before anything is looked up)
        "order": one("SELECT COALESCE(MAX(id), 1) FROM orders WHERE customer_id = (SELECT MIN(id)"
                     " FROM customers WHERE status = 'active' AND region_id = %s)" % scope),
        "receipt": one("SELECT COALESCE(MAX(id), 1) FROM payment_receipts WHERE customer_id ="
                       " (SELECT MIN(id) FROM customers WHERE status = 'active' AND region_id = %s)"
                       % scope),
    }


def _customer_fields(i):
    return {"name": "表单用例客户", "kind": "dealer", "lifecycle": "potential",
            "region_id": sql_value("SELECT region_id FROM customers WHERE id = %s" % i["customer"]),
            "version": sql_value("SELECT version FROM customers WHERE id = %s" % i["customer"])}


def _complaint_version(i):
    return sql_value("SELECT version FROM complaints WHERE id = %s" % i["complaint"])


def _plan_version(i):
    return sql_value("SELECT version FROM support_plans WHERE id = %s" % i["plan"])


# form key -> (who posts, path, fields), each a function of the ids.
FORMS = {
    "account/login.cs#login-form": ("out", lambda i: ("/login", {"username": "staff01", "password": "kehu2026"})),
    "layout/top.cs#lang-form": ("staff09", lambda i: ("/account/lang", {"lang": "en", "back": "/"})),
    "complaint_public/top.cs#lang-form": ("out", lambda i: ("/account/lang", {"lang": "en", "back": "/complaint"})),
    "layout/top.cs#signout-form": ("staff09", lambda i: ("/logout", {})),
    "account/account.cs#account-lang-form": ("staff09", lambda i: ("/account/lang", {"lang": "en", "back": "/account"})),
    "account/account.cs#sessions-form": ("staff09", lambda i: ("/account/sessions", {})),
    "account/password.cs#password-form": ("staff09", lambda i: ("/account/password", {
        "current_password": "kehu2026", "new_password": "Quiet-lantern-2718",
        "new_password2": "Quiet-lantern-2718"})),
    "admin/user_form.cs#user-form": ("admin", lambda i: ("/admin/users/%s" % i["user"], {
        "version": sql_value("SELECT version FROM users WHERE id = %s" % i["user"]),
        "display_name": "表单用例", "role": "staff", "active": "1"})),
    "admin/user_form.cs#reset-form": ("admin", lambda i: ("/admin/users/%s/password" % i["user"], {})),
    "admin/product_form.cs#product-form": ("admin", lambda i: ("/admin/products", {
        "code": "NOCSRF1", "name": "表单用例产品", "category_id": i["category"], "unit_cost": "1",
        "active": "1"})),
    "admin/products.cs#category-form-{}": ("admin", lambda i: ("/admin/categories/%s" % i["category"], {
        "name_zh": "表单用例", "name_en": "Form case"})),
    "admin/products.cs#new-category-form": ("admin", lambda i: ("/admin/categories", {
        "name_zh": "表单用例", "name_en": "Form case"})),
    "admin/region_form.cs#region-form": ("admin", lambda i: ("/admin/regions/%s" % i["region"], {
        "version": sql_value("SELECT version FROM regions WHERE id = %s" % i["region"]),
        "code": "xibei", "name_zh": "西北", "name_en": "Form case"})),
    "admin/regions.cs#provinces-form": ("admin", lambda i: ("/admin/provinces", {
        "province_%s" % i["province"]: "huabei"})),
    "complaint_public/status.cs#status-form": ("out", lambda i: ("/complaint/status", {
        "tracking_no": "TS20261101-0001", "phone": "13900001111"})),
    "complaint_public/status.cs#rate-form": ("out", lambda i: ("/complaint/rate", {
        "t": "0" * 64, "score": "5"})),
    "complaints/new.cs#intake-form": ("staff01", lambda i: ("/complaints/new", {
        "source": "phone", "kind": "complaint", "reason": "quality", "contact_name": "表单用例",
        "contact_phone": "13900001111", "description": "表单用例的来电"})),
    "complaints/show.cs#attach-form": ("staff01", lambda i: ("/complaints/%s/attach" % i["complaint"], {})),
    "complaints/show.cs#close-form": ("staff01", lambda i: ("/complaints/%s/close" % i["complaint"], {
        "version": _complaint_version(i)})),
    "complaints/show.cs#composer": ("staff01", lambda i: ("/complaints/%s/message" % i["complaint"], {
        "audience": "internal", "body": "表单用例的备注"})),
    "complaints/show.cs#decide-form": ("leader1", lambda i: ("/complaints/%s/decide" % i["complaint"], {
        "decision": "approve", "version": _complaint_version(i)})),
    "complaints/show.cs#reopen-form": ("staff01", lambda i: ("/complaints/%s/reopen" % i["complaint"], {
        "reason": "表单用例", "version": _complaint_version(i)})),
    "complaints/show.cs#match-code": ("staff01", lambda i: ("/complaints/%s/match" % i["complaint"], {
        "code": sql_value("SELECT code FROM customers WHERE id = %s" % i["customer"])})),
    "complaints/show.cs#match-{}": ("staff01", lambda i: ("/complaints/%s/match" % i["complaint"], {
        "customer_id": i["customer"]})),
    "complaints/show.cs#unmatch-form": ("staff01", lambda i: ("/complaints/%s/match" % i["complaint"], {
        "action": "unmatch"})),
    "customers/form.cs#customer-form": ("staff01", lambda i: ("/customers/new", _customer_fields(i))),
    "customers/conflict.cs#customer-form": ("staff01", lambda i: (
        "/customers/%s/edit" % i["customer"], _customer_fields(i))),
    "customers/show.cs#archive-form": ("staff01", lambda i: ("/customers/%s/archive" % i["customer"], {})),
    "customers/show.cs#done-{}": ("staff01", lambda i: ("/customers/%s/entries" % i["customer"], {
        "entry": "done", "entry_id": "1"})),
    "customers/show.cs#form-person": ("staff01", lambda i: ("/customers/%s/entries" % i["customer"], {
        "entry": "person", "name": "表单用例", "role": "gm"})),
    "customers/show.cs#form-contact": ("staff01", lambda i: ("/customers/%s/entries" % i["customer"], {
        "entry": "contact", "contacted_on": "2026-11-01", "channel": "visit", "summary": "表单用例"})),
    "customers/show.cs#form-needs": ("staff01", lambda i: ("/customers/%s/entries" % i["customer"], {
        "entry": "needs", "category": "inventory", "noted_on": "2026-11-01", "content": "表单用例"})),
    "customers/show.cs#form-strategy": ("staff01", lambda i: ("/customers/%s/entries" % i["customer"], {
        "entry": "strategy", "category": "annual_plan", "noted_on": "2026-11-01", "content": "表单用例"})),
    "customers/show.cs#form-incentive": ("staff01", lambda i: ("/customers/%s/entries" % i["customer"], {
        "entry": "incentive", "kind": "rebate", "starts_on": "2026-11-01", "amount": "100",
        "description": "表单用例"})),
    "customers/show.cs#form-quote": ("staff01", lambda i: ("/customers/%s/entries" % i["customer"], {
        "entry": "quote", "quoted_on": "2026-11-01", "product_id": i["product"],
        "unit_price": "10", "quantity": "1"})),
    "customers/show.cs#form-service": ("staff01", lambda i: ("/customers/%s/entries" % i["customer"], {
        "entry": "service", "opened_on": "2026-11-01", "kind": "repair", "summary": "表单用例"})),
    "customers/show.cs#form-finance": ("staff01", lambda i: ("/customers/%s/entries" % i["customer"], {
        "entry": "finance", "year": "2025", "current_ratio": "1.5"})),
    "customers/entry_edit.cs#entry-edit-form": ("staff01", lambda i: (
        "/customers/%s/entries/edit" % i["customer"], {
            "entry": "needs", "entry_id": i["entry"], "version": "1", "category": "inventory",
            "noted_on": "2026-11-01", "content": "表单用例"})),
    "customers/entry_edit.cs#entry-remove-form": ("staff01", lambda i: (
        "/customers/%s/entries/remove" % i["customer"], {
            "entry": "needs", "entry_id": i["entry"], "reason": "表单用例"})),
    "customers/order.cs#order-form": ("staff01", lambda i: ("/customers/%s/orders/new" % i["customer"], {
        "ordered_on": "2026-11-02", "product_0": i["product"], "qty_0": "1", "rows": "5"})),
    "customers/order.cs#order-deliver-form": ("staff01", lambda i: (
        "/customers/%s/orders/deliver" % i["customer"], {
            "order_id": i["order"], "version": "1", "delivered_on": "2026-11-30"})),
    "customers/order.cs#order-cancel-form": ("staff01", lambda i: (
        "/customers/%s/orders/cancel" % i["customer"], {
            "order_id": i["order"], "version": "1", "cancel_reason": "表单用例"})),
    "customers/payments_tab.cs#form-receipt": ("staff01", lambda i: ("/customers/%s/receipts" % i["customer"], {
        "received_on": "2026-11-30", "amount": "10", "method": "transfer", "advance": "1"})),
    "customers/payments_tab.cs#receipt-remove": ("staff01", lambda i: (
        "/customers/%s/receipts/remove" % i["customer"], {"receipt_id": i["receipt"], "reason": "表单用例"})),
    "admin/calendar.cs#calendar-form": ("admin", lambda i: ("/admin/calendar", {
        "version": sql_value("SELECT version FROM work_calendar WHERE id = 1"),
        "wd1": "1", "wd2": "1", "wd3": "1", "wd4": "1", "wd5": "1", "hours": "08:30-12:00 13:30-17:30",
        "first_hours": "8", "resolution_hours": "40", "holidays": "", "workdays": ""})),
    "admin/outbox.cs#retry-{}": ("admin", lambda i: (
        "/admin/outbox/%s/retry" % sql_value("SELECT COALESCE(MAX(id), 1) FROM outbox"), {})),
    "customers/analysis_head.cs#life-form": ("staff01", lambda i: (
        "/customers/%s/lifecycle" % i["customer"], {
            "life_version": "0", "life_stage": "potential", "life_reason": "表单用例"})),
    "customers/analysis_head.cs#life-remove-form": ("staff01", lambda i: (
        "/customers/%s/lifecycle" % i["customer"], {"life_version": "1", "remove": "1"})),
    "customers/merge.cs#merge-form": ("staff01", lambda i: ("/customers/%s/merge" % i["customer"], {
        "gone": i["archived"]})),
    "customers/import.cs#import-form": ("staff01", lambda i: ("/customers/import", {"kind": "customers"})),
    "customers/import_preview.cs#import-commit": ("staff01", lambda i: ("/customers/import/%s" % i["import"], {})),
    "analysis/settings.cs#settings-form": ("admin", lambda i: ("/analysis/settings", {
        "version": sql_value("SELECT version FROM analysis_settings WHERE id = 1")})),
    "analysis/settings.cs#run-now": ("admin", lambda i: ("/analysis/settings/run", {"reason": "manual"})),
    "analysis/wake_decision.cs#wake-form": ("staff01", lambda i: ("/analysis/wake/%s" % i["customer"], {
        "decision": "let_go", "note": "表单用例"})),
    "analysis/wake_decision.cs#outcome-{}": ("staff01", lambda i: (
        "/analysis/wake/%s/outcome" % sql_value("SELECT COALESCE(MAX(id), 1) FROM wake_decisions"),
        {"outcome": "no_response", "version": "1"})),
    "dashboard/settings.cs#settings-form": ("admin", lambda i: ("/dashboard/settings", {"visit_days": "7"})),
    "plans/catalogue.cs#add-measure-form": ("admin", lambda i: ("/plans/catalogue", {
        "category_id": "1", "name_zh": "表单用例", "name_en": "Form case"})),
    "plans/catalogue.cs#measure-form-{}": ("admin", lambda i: ("/plans/catalogue/%s" % i["measure"], {
        "name_zh": "表单用例", "name_en": "Form case"})),
    "plans/new.cs#new-plan-form": ("staff01", lambda i: ("/plans/new", {
        "code": sql_value("SELECT code FROM customers WHERE id = %s" % i["customer"]), "year": "2099"})),
    "plans/item.cs#item-form": ("staff01", lambda i: ("/plans/%s/item" % i["plan"], {
        "version": _plan_version(i), "measure": "m%s" % i["measure"], "budget": "100", "m3": "1"})),
    "plans/show.cs#goals-form": ("staff01", lambda i: ("/plans/%s/goals" % i["plan"], {
        "version": _plan_version(i), "sales_target": "1", "growth_target": "1"})),
    "plans/show.cs#remove-{}": ("staff01", lambda i: ("/plans/%s/remove" % i["plan"], {
        "version": _plan_version(i), "line_key": "1"})),
    "plans/show.cs#exec-form": ("staff01", lambda i: ("/plans/%s/execute" % i["plan"], {
        "line_key": "1", "done_on": "2026-03-15", "what_done": "表单用例", "actual_cost": "1"})),
}
# A plan's workflow buttons share one route: (form, who, action).
for _key, _who, _action in (("act-submit", "staff01", "submit"), ("act-start", "staff01", "start"),
                            ("act-close", "staff01", "close"), ("decide-form", "leader1", "approve"),
                            ("revise-form", "staff01", "revise")):
    FORMS["plans/show.cs#" + _key] = (_who, lambda i, a=_action: (
        "/plans/%s/act" % i["plan"], {"version": _plan_version(i), "action": a}))
# The seven steps share one route; each step's fields.
for _n, _f in ((1, {"facts": "表单用例", "assignee_id": "1"}),
               (2, {"contact_channel": "phone", "contacted_at": "2026-11-20T10:30", "symptom": "渗水"}),
               (3, {"analysis": "表单用例", "explanation": "表单用例"}),
               (4, {"remedy": "refund", "amount": "10", "detail": "表单用例"}),
               (5, {"agreed_on": "2026-11-22", "agreement_terms": "表单用例", "agreed_how": "signed"}),
               (6, {"exec_department": "售后部", "executed_on": "2026-11-23"}),
               (7, {"followed_on": "2026-11-24", "said": "满意"})):
    FORMS["complaints/show.cs#step-form-%d" % _n] = (
        "staff01", lambda i, n=_n, f=_f: ("/complaints/%s/step" % i["complaint"],
                                          dict(f, step=str(n), version=_complaint_version(i))))
