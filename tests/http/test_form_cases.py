"""The form cases matrix (tests/http/form_cases.tsv, format in its header)
cannot go stale: every form the templates render has a row and every row
a form; every case cell names tests that exist here or says why the case
does not apply; the POST forms named under test_form_csrf have a body in
form_posts.FORMS. Reads files only (no stack needed)."""
import ast
import os
import sys

from lib import check, tsv_rows

HERE = os.path.dirname(os.path.abspath(__file__))
MATRIX = os.path.join(HERE, "form_cases.tsv")
sys.path.insert(0, os.path.join(HERE, "..", "browser"))

import form_inventory  # noqa: E402

CASES = ("valid", "invalid", "csrf", "conflict", "region")
CSRF_TEST = "test_form_csrf.test_every_post_form_without_its_token_writes_nothing"


def load():
    """{form: (line number, route, {case: cell})} from form_cases.tsv."""
    rows = {}
    for n, fields in tsv_rows(MATRIX, 2 + len(CASES)):
        check(fields[0] not in rows, "form_cases.tsv:%d: %s has a row already (line %d)"
              % (n, fields[0], rows.get(fields[0], (0,))[0]))
        rows[fields[0]] = (n, fields[1], dict(zip(CASES, fields[2:])))
    return rows


def http_tests():
    """Every "module.function" test_* function defined in tests/http."""
    names = set()
    for fname in os.listdir(HERE):
        if fname.startswith("test_") and fname.endswith(".py"):
            tree = ast.parse(open(os.path.join(HERE, fname), encoding="utf-8").read())
            names.update("%s.%s" % (fname[:-3], node.name) for node in tree.body
                         if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"))
    return names


def test_every_form_has_a_row():
    forms = form_inventory.expanded_forms()
    rows = load()
    missing = sorted(set(forms) - set(rows))
    gone = sorted("%s (line %d)" % (k, rows[k][0]) for k in set(rows) - set(forms))
    check(not missing, "forms with no row in form_cases.tsv: %s" % ", ".join(missing))
    check(not gone, "rows of form_cases.tsv naming no form of the templates: %s" % ", ".join(gone))
    for key, (n, route, _) in rows.items():
        method = forms[key][1]
        check(route.split(" ")[0] == method, "form_cases.tsv:%d: %s is a %s form, the row says %r"
              % (n, key, method, route))


def test_every_named_test_exists():
    known = http_tests()
    unknown = []
    for key, (n, _, cells) in sorted(load().items()):
        for case, cell in cells.items():
            where = "form_cases.tsv:%d: %s, %s" % (n, key, case)
            if cell.startswith("n/a"):
                check(cell.startswith("n/a: ") and len(cell) > 10,
                      "%s: a case that does not apply says why (n/a: reason), got %r" % (where, cell))
                continue
            names = cell.split()
            check(names, "%s: empty cell" % where)
            unknown += ["%s: %s" % (where, name) for name in names if name not in known]
    check(not unknown, "no such test in tests/http: %s" % "; ".join(unknown))


def test_posts_named_under_the_csrf_test_have_a_body():
    from form_posts import FORMS
    forms = form_inventory.expanded_forms()
    for key, (n, _, cells) in sorted(load().items()):
        if CSRF_TEST in cells["csrf"].split():
            check(key in FORMS, "form_cases.tsv:%d: %s names %s but form_posts.FORMS has no"
                  " body for it" % (n, key, CSRF_TEST))
    for key in FORMS:
        check(key in forms and forms[key][1] == "POST", "form_posts.FORMS: %s is no POST form"
              " of the templates" % key)
