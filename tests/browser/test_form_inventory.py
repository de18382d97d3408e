"""Issue 14: every form in templates/ is submitted by its own button in a
browser test. A new form (or one without an id) fails here until a browser
test fills it in and the form is named in form_inventory.COVERED; a form
that is gone must leave the list too. No browser needed."""
import os
import re

import form_inventory
from lib import check

HERE = os.path.dirname(os.path.abspath(__file__))


def test_every_form_has_an_id():
    bad = [k for k in form_inventory.template_forms() if k.endswith("#")]
    check(not bad, "forms without an id (give each form one): %s" % bad)


def test_every_form_is_submitted_by_a_browser_test():
    forms = form_inventory.expanded_forms()
    missing = sorted(set(forms) - set(form_inventory.COVERED))
    check(not missing, "forms no browser test submits (write one, then name it in"
          " tests/browser/form_inventory.py COVERED): %s" % missing)
    stale = sorted(set(form_inventory.COVERED) - set(forms))
    check(not stale, "COVERED names forms the templates no longer have: %s" % stale)


def test_covering_tests_exist():
    sources = {}
    for key, (test, word) in sorted(form_inventory.COVERED.items()):
        module, func = test.split(".")
        path = os.path.join(HERE, module + ".py")
        if module not in sources:
            check(os.path.exists(path), "%s: no test file %s.py" % (key, module))
            sources[module] = open(path, encoding="utf-8").read()
        src = sources[module]
        check(re.search(r"^def %s\(" % re.escape(func), src, re.M),
              "%s: no function %s in %s.py" % (key, func, module))
        word = word or key.split("#", 1)[1].split("{", 1)[0]
        check(word in src, "%s: %s.py never mentions %r" % (key, module, word))
