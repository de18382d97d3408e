"""Every form the templates render, read from templates/ (issue 14: a form
once posted to a wrong URL while every server test passed, because the
tests posted hand-made bodies).

template_forms() finds each <form> tag in templates/**/*.cs and names it
"<template>#<id>". Every form has an id. A form inside a macro whose id
uses one of the macro's parameters (the customer file's entry_form(kind),
a complaint's step_form(n), a plan's act_form(action, ...)) is one form per
call: its id is expanded with each call's argument. Any other template
expression in an id (a row's id) stands as {}.

COVERED names, for each form, the browser test that fills it in and clicks
its own submit button, and a word the test's source must contain (by
default the id up to its first {}), so a renamed form or a removed test is
noticed. test_form_inventory.py compares the two both ways."""
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATES = os.path.join(HERE, "..", "..", "templates")

_CS = re.compile(r"<\?cs(.*?)\?>", re.S)
_DEF = re.compile(r"<\?cs\s*def:(\w+)\(([^)]*)\)\s*\?>|<\?cs\s*/def\s*\?>", re.S)
_FORM = re.compile(r"<form\b[^>]*>", re.S)


def _mask(text):
    """The template with each <?cs ...?> replaced by a token of the same
    length-independent shape {expr} (var:x gives {x}), so tags can be read
    with plain regular expressions."""
    def sub(m):
        body = m.group(1).strip()
        if body.startswith("var:"):
            return "{%s}" % body[4:].strip()
        return "{?}"
    return _CS.sub(sub, text)


def _enclosing_def(text, pos):
    """(name, [params]) of the def a position is inside, or None."""
    current = None
    for m in _DEF.finditer(text):
        if m.start() > pos:
            break
        if m.group(1):
            current = (m.group(1), [p.strip() for p in m.group(2).split(",") if p.strip()])
        else:
            current = None
    return current


def _call_args(text, name):
    """The argument lists of every call:name(...) in the template."""
    out = []
    for m in re.finditer(r"call:%s\(([^)]*)\)" % re.escape(name), text):
        out.append([a.strip() for a in m.group(1).split(",")])
    return out


def _literal(arg):
    if len(arg) >= 2 and arg[0] == arg[-1] == '"':
        return arg[1:-1]
    if re.fullmatch(r"-?\d+", arg):
        return arg
    return "{=%s}" % arg


def template_forms():
    """{key: (template, method, action)} for every form in templates/."""
    forms = {}
    for root, _, files in os.walk(TEMPLATES):
        for fname in sorted(files):
            if not fname.endswith(".cs"):
                continue
            path = os.path.join(root, fname)
            rel = os.path.relpath(path, TEMPLATES).replace(os.sep, "/")
            raw = open(path, encoding="utf-8").read()
            for m in re.finditer(r"<form\b", raw):
                masked = _mask(raw[m.start():m.start() + 2000])
                tag = _FORM.match(masked).group(0)
                attrs = dict(re.findall(r'(\w+)="([^"]*)"', tag))
                fid = attrs.get("id", "")
                ids = [fid]
                macro = _enclosing_def(raw, m.start())
                if macro:
                    name, params = macro
                    used = [i for i, p in enumerate(params) if "{%s}" % p in fid]
                    if used:
                        ids = []
                        for args in _call_args(raw, name):
                            v = fid
                            for i in used:
                                v = v.replace("{%s}" % params[i], _literal(args[i]))
                            ids.append(v)
                for v in ids:
                    # Template expressions left in an id are a row's id, except
                    # a macro's non-literal argument (kept by name).
                    key = "%s#%s" % (rel, re.sub(r"\{[^=}][^}]*\}", "{}", v))
                    forms[key] = (rel, attrs.get("method", "get").upper(), attrs.get("action", ""))
    return forms


# A macro called with a value rather than a literal: the forms it stands for.
EXPANDED = {
    "customers/show.cs#form-{=Tab.Name}": ("customers/show.cs#form-needs",
                                          "customers/show.cs#form-strategy"),
}

# form key -> (test "module.function", word its module's source contains or None)
COVERED = {
    # sign-in, language, sign-out, home search
    "account/login.cs#login-form": ("test_forms_account.test_sign_in_language_sign_out", None),
    "layout/top.cs#lang-form": ("test_forms_account.test_sign_in_language_sign_out", None),
    "layout/top.cs#signout-form": ("test_forms_account.test_sign_in_language_sign_out", None),
    "home.cs#home-search": ("test_forms_account.test_sign_in_language_sign_out", None),
    "complaint_public/top.cs#lang-form": ("test_forms_account.test_public_language", None),
    # customers
    "customers/list.cs#customer-filters": ("test_forms_customers.test_list_filters_archive_merge", None),
    "customers/form.cs#customer-form": ("test_customer_file_flow.test_create_customer_add_people_and_contact_search_export", "save-customer"),
    "customers/conflict.cs#customer-form": ("test_forms_customers.test_edit_conflict", "save-mine"),
    "customers/analysis_head.cs#life-form": ("test_customer_analysis_flow.test_override_form_edit_size_and_screens", "life-save"),
    "customers/analysis_head.cs#life-remove-form": ("test_customer_analysis_flow.test_override_form_edit_size_and_screens", "life-remove"),
    "customers/show.cs#archive-form": ("test_forms_customers.test_list_filters_archive_merge", None),
    "customers/show.cs#done-{}": ("test_forms_customers.test_entry_forms", None),
    "customers/show.cs#form-person": ("test_customer_file_flow.test_create_customer_add_people_and_contact_search_export", None),
    "customers/show.cs#form-contact": ("test_customer_file_flow.test_create_customer_add_people_and_contact_search_export", None),
    "customers/show.cs#form-needs": ("test_forms_customers.test_entry_forms", "needs"),
    "customers/show.cs#form-strategy": ("test_forms_customers.test_entry_forms", "strategy"),
    "customers/show.cs#form-incentive": ("test_forms_customers.test_entry_forms", "incentive"),
    "customers/show.cs#form-quote": ("test_forms_customers.test_entry_forms", "quote"),
    "customers/show.cs#form-service": ("test_forms_customers.test_entry_forms", "service"),
    "customers/show.cs#form-finance": ("test_forms_customers.test_entry_forms", "finance"),
    "customers/entry_edit.cs#entry-edit-form": ("test_customer_entries_flow.test_entry_edit_and_remove_by_the_page_buttons", "entry-save"),
    "customers/entry_edit.cs#entry-remove-form": ("test_customer_entries_flow.test_entry_edit_and_remove_by_the_page_buttons", "entry-remove"),
    "customers/payments_tab.cs#form-receipt": ("test_payments_flow.test_receipt_form_clears_the_overdue_flag", "receipt-save"),
    "customers/payments_tab.cs#receipt-remove": ("test_payments_flow.test_receipt_form_clears_the_overdue_flag", "receipt-remove-save"),
    "customers/statement.cs#statement-form": ("test_payments_flow.test_receipt_form_clears_the_overdue_flag", "statement-show"),
    "customers/order.cs#order-form": ("test_orders_flow.test_order_by_clicking", "order-save"),
    "customers/order.cs#order-deliver-form": ("test_orders_flow.test_order_by_clicking", "order-deliver"),
    "customers/order.cs#order-cancel-form": ("test_orders_flow.test_order_by_clicking", "order-cancel"),
    "customers/merge.cs#merge-find": ("test_forms_customers.test_list_filters_archive_merge", None),
    "customers/merge.cs#merge-form": ("test_forms_customers.test_list_filters_archive_merge", None),
    "customers/import.cs#import-form": ("test_forms_customers.test_import_upload_preview_commit", None),
    "customers/import_preview.cs#import-commit": ("test_forms_customers.test_import_upload_preview_commit", None),
    # the public complaint pages
    "complaint_public/form.cs#complaint-form": ("test_complaint_public.test_pages_at_desktop_width", "submit-complaint"),
    "complaint_public/status.cs#status-form": ("test_complaint_public.test_pages_at_desktop_width", "submit-status"),
    "complaint_public/status.cs#rate-form": ("test_complaint_public.test_return_on_a_phone", "submit-rating"),
    # the staff complaint pages
    "complaints/list.cs#queue-filters": ("test_forms_complaints.test_queue_and_overview_filters", None),
    "complaints/show.cs#step-form-1": ("test_complaint_journey.test_complaint_journey", "step-form-"),
    "complaints/show.cs#step-form-2": ("test_complaint_journey.test_complaint_journey", "step-form-"),
    "complaints/show.cs#step-form-3": ("test_complaint_journey.test_complaint_journey", "step-form-"),
    "complaints/show.cs#step-form-4": ("test_complaints_screens.test_rejected_step_form_is_visible", None),
    "complaints/show.cs#step-form-5": ("test_complaint_journey.test_complaint_journey", "step-form-"),
    "complaints/show.cs#step-form-6": ("test_complaint_journey.test_complaint_journey", "step-form-"),
    "complaints/show.cs#step-form-7": ("test_complaint_journey.test_complaint_journey", "step-form-"),
    "complaints/show.cs#decide-form": ("test_forms_complaints.test_return_reopen_match", '"#return"'),
    "complaints/show.cs#reopen-form": ("test_forms_complaints.test_return_reopen_match", None),
    "complaints/show.cs#close-form": ("test_complaints_screens.test_closing_asks_for_confirmation", "close-case"),
    "complaints/show.cs#unmatch-form": ("test_forms_complaints.test_return_reopen_match", None),
    "complaints/show.cs#match-{}": ("test_forms_complaints.test_return_reopen_match", None),
    "complaints/show.cs#match-code": ("test_forms_complaints.test_return_reopen_match", None),
    "complaints/new.cs#customer-find": ("test_complaint_intake.test_staff_register_phone_then_customer_looks_up", None),
    "complaints/show.cs#attach-form": ("test_complaint_intake.test_staff_register_phone_then_customer_looks_up", "attach-files"),
    "complaints/new.cs#intake-form": ("test_complaint_intake.test_staff_register_phone_then_customer_looks_up", "register-complaint"),
    "complaints/show.cs#composer": ("test_complaint_journey.test_complaint_journey", "send-internal"),
    "complaint_stats/overview.cs#stats-filter": ("test_forms_complaints.test_queue_and_overview_filters", None),
    # analysis
    "analysis/overview.cs#pareto-filter": ("test_analysis_pareto.test_analysis_filter_forms", None),
    "analysis/report.cs#report-filter": ("test_analysis_pareto.test_analysis_filter_forms", None),
    # plans
    "plans/list.cs#plan-filters": ("test_forms_plans.test_filters_and_catalogue", None),
    "plans/budget.cs#budget-filters": ("test_forms_plans.test_filters_and_catalogue", None),
    "plans/catalogue.cs#measure-form-{}": ("test_forms_plans.test_filters_and_catalogue", None),
    "plans/catalogue.cs#add-measure-form": ("test_forms_plans.test_filters_and_catalogue", None),
    "plans/new.cs#new-plan-form": ("test_forms_plans.test_plan_workflow_forms", None),
    "plans/item.cs#item-form": ("test_forms_plans.test_plan_workflow_forms", None),
    "plans/show.cs#goals-form": ("test_forms_plans.test_plan_workflow_forms", None),
    "plans/show.cs#remove-{}": ("test_forms_plans.test_plan_workflow_forms", None),
    "plans/show.cs#act-submit": ("test_forms_plans.test_plan_workflow_forms", None),
    "plans/show.cs#act-start": ("test_forms_plans.test_plan_workflow_forms", None),
    "plans/show.cs#act-close": ("test_forms_plans.test_plan_workflow_forms", None),
    "plans/show.cs#decide-form": ("test_forms_plans.test_plan_workflow_forms", '"#return"'),
    "plans/show.cs#revise-form": ("test_forms_plans.test_plan_workflow_forms", None),
    "plans/show.cs#exec-form": ("test_forms_plans.test_plan_workflow_forms", None),
    # analysis: the wake-up list, its decisions, the settings
    "analysis/wake.cs#wake-filters": ("test_analysis_wake.test_wake_list_decision_and_outcome", None),
    "analysis/wake_results.cs#results-period": ("test_analysis_wake.test_wake_list_decision_and_outcome", None),
    "analysis/wake_decision.cs#wake-form": ("test_analysis_wake.test_wake_list_decision_and_outcome", "save-decision"),
    "analysis/wake_decision.cs#outcome-{}": ("test_analysis_wake.test_wake_list_decision_and_outcome", None),
    "analysis/settings.cs#settings-form": ("test_analysis_wake.test_settings_save_and_run_now", None),
    "analysis/settings.cs#run-now": ("test_analysis_wake.test_settings_save_and_run_now", None),
    # dashboard
    "dashboard/overview.cs#dash-filter": ("test_forms_dashboard.test_filter_and_settings", None),
    "dashboard/settings.cs#settings-form": ("test_forms_dashboard.test_filter_and_settings", None),
    # customer analysis (issue 17)
    "analysis/watch.cs#watch-filter": ("test_analysis_watch.test_analysis_filters_by_their_own_buttons", None),
    "analysis/profit.cs#profit-filter": ("test_analysis_watch.test_analysis_filters_by_their_own_buttons", None),
    "analysis/churn.cs#churn-filter": ("test_analysis_watch.test_analysis_filters_by_their_own_buttons", "churn-apply"),
    # administration and my account (issue 15)
    "admin/user_form.cs#user-form": ("test_admin.test_user_journey", None),
    "admin/user_form.cs#reset-form": ("test_admin.test_user_journey", "reset-user-password"),
    "admin/product_form.cs#product-form": ("test_admin.test_products_and_regions", None),
    "admin/products.cs#category-form-{}": ("test_admin.test_products_and_regions", None),
    "admin/products.cs#new-category-form": ("test_admin.test_products_and_regions", None),
    "admin/region_form.cs#region-form": ("test_admin.test_products_and_regions", None),
    "admin/regions.cs#provinces-form": ("test_admin.test_products_and_regions", None),
    "admin/calendar.cs#calendar-form": ("test_sla_calendar.test_calendar_form_and_paused_clock", None),
    "account/password.cs#password-form": ("test_admin.test_user_journey", None),
    "account/account.cs#sessions-form": ("test_admin.test_user_journey", "end-sessions"),
    "account/account.cs#account-lang-form": ("test_admin.test_user_journey", "save-lang"),
    "admin/outbox.cs#retry-{}": ("test_outbox.test_retry_a_failed_notification", None),
}

# Forms a browser test already submitted by their own button before issue 14.
BEFORE = {
    "customers/form.cs#customer-form", "customers/show.cs#form-person",
    "customers/show.cs#form-contact", "complaint_public/form.cs#complaint-form",
    "complaint_public/status.cs#status-form", "complaint_public/status.cs#rate-form",
    "complaints/show.cs#step-form-1", "complaints/show.cs#step-form-2",
    "complaints/show.cs#step-form-3", "complaints/show.cs#step-form-4",
    "complaints/show.cs#step-form-5", "complaints/show.cs#step-form-6",
    "complaints/show.cs#step-form-7", "complaints/show.cs#decide-form",
    "complaints/show.cs#close-form", "complaints/show.cs#composer",
    "plans/new.cs#new-plan-form", "plans/item.cs#item-form", "plans/show.cs#goals-form",
    "plans/show.cs#act-submit", "plans/show.cs#decide-form", "plans/show.cs#exec-form",
}


def expanded_forms():
    """template_forms() with each non-literal macro call replaced by the
    forms it stands for."""
    forms = template_forms()
    for key, keys in EXPANDED.items():
        if key in forms:
            value = forms.pop(key)
            for k in keys:
                forms[k] = value
    return forms
