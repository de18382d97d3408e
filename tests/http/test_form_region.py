"""Another region's rows by guessed id (issue 15): a regional manager of
华东 sends every form that names a customer, complaint or plan of 华北 in
its address, with a valid token and what a user would type
(form_posts.py): 403 or 404, and nothing written (no audit row; the rows'
versions unchanged). Forms that create a row in a chosen region (a
customer, a plan, a complaint taken by phone) answer with a field error
instead; their own tests check that (form_cases.tsv names them)."""
import re

from form_posts import FORMS, ids
from lib import audit_max, check, check_refused, csrf_of, sign_in, sql

SCOPED = re.compile(r"^/(customers|complaints|plans)/(\d+)/")


def _versions(rows):
    return sql("SELECT (SELECT version FROM customers WHERE id = %s),"
               " (SELECT version FROM complaints WHERE id = %s),"
               " (SELECT version FROM support_plans WHERE id = %s)"
               % (rows["customer"], rows["complaint"], rows["plan"]))[0]


def region_forms(rows):
    """{key: (path, fields)} of the forms whose address names a row of the
    region rows were taken from."""
    out = {}
    for key, (_, build) in FORMS.items():
        path, fields = build(rows)
        if SCOPED.match(path):
            out[key] = (path, fields)
    return out


def test_another_regions_rows_by_guessed_id_write_nothing():
    rows = ids("huabei")
    rm = sign_in("rm_huadong")
    token = csrf_of(rm.get("/").text)
    before_versions = _versions(rows)
    forms = region_forms(rows)
    check(len(forms) >= 30, "only %d forms name a scoped row" % len(forms))
    for key, (path, fields) in sorted(forms.items()):
        before = audit_max()
        r = rm.post(path, dict(fields, _csrf=token))
        check_refused(r, (403, 404), before, "%s (%s) as rm_huadong" % (key, path))
    check(_versions(rows) == before_versions, "another region's rows changed: %s -> %s"
          % (before_versions, _versions(rows)))
