"""The GET forms (filters and searches; issue 15): every field of every GET
form the templates render, read from the templates, sent with odd values
by an office user and a regional manager. Bad input never gives a 500: the
page answers 200 (a filter it cannot read is ignored or named; a region
it cannot show may be a 404: test_scope_leaks; a form whose fields are
checked, such as the statement's period, answers 422 with the message at
the field), and what
was typed, when shown, is escaped. A new GET form is tried without a
change here."""
import os
import re
import sys
import urllib.parse

from lib import check, check_in, check_not_in, check_status, sign_in, sql_value

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "browser"))

import form_inventory  # noqa: E402

ODD = ("<b>x</b>'\"", "-1", "0", "99999999999999999999", "2026-13-45", "１２", "a" * 300, "")


def _macros():
    """{name: body} of every template macro (def:name(...) ... /def)."""
    out = {}
    for root, _, files in os.walk(form_inventory.TEMPLATES):
        for fname in files:
            if fname.endswith(".cs"):
                text = open(os.path.join(root, fname), encoding="utf-8").read()
                for m in re.finditer(r"def:(\w+)\((.*?)/def", text, re.S):
                    out[m.group(1)] = m.group(2)
    return out


def _field_names(text, macros, depth=0):
    """The parameters a piece of template sends: literal name="…", the
    form macros' names, the list kit's filter macros (docs/list-kit.md),
    and the same inside the page's own macros it calls."""
    names = set(re.findall(r'\bname="(\w+)"', text))
    names |= set(re.findall(r'call:\w+_field\("(\w+)"', text))
    names |= set(re.findall(r'call:filter_select\("(\w+)"', text))
    names |= set(re.findall(r'call:filter_check\("[^"]*", "(\w+)"', text))
    if "call:filter_region(" in text:
        names.add("region")
    for called in re.findall(r"call:(\w+)\(", text):
        if depth < 3 and called in macros and not called.startswith("filter_"):
            names |= _field_names(macros[called], macros, depth + 1)
    return names


def get_forms():
    """{key: (path with its ids filled in, [field names])} of the GET forms."""
    customer = sql_value("SELECT MIN(id) FROM customers WHERE status = 'active' AND region_id ="
                         " (SELECT id FROM regions WHERE code = 'huadong')")
    out, macros = {}, _macros()
    for key, (template, method, action) in form_inventory.expanded_forms().items():
        if method != "GET":
            continue
        form_id = key.split("#", 1)[1]
        text = open(os.path.join(form_inventory.TEMPLATES, template), encoding="utf-8").read()
        at = text.find('id="%s"' % form_id)
        check(at > 0, "%s: form not found in %s" % (key, template))
        form = text[text.rfind("<form", 0, at):text.find("</form>", at)]
        names = _field_names(form, macros)
        check(names, "%s: a form with no field" % key)
        path = re.sub(r"\{[^}]*\}", customer, action)
        out[key] = (path, sorted(names))
    return out


def test_every_filter_field_with_odd_values():
    forms = get_forms()
    check(len(forms) >= 9, "only %d GET forms found" % len(forms))
    for who in ("staff01", "rm_huadong"):
        c = sign_in(who)
        for key, (path, names) in sorted(forms.items()):
            if who == "rm_huadong" and "/merge" in path:
                continue            # regional managers do not merge (403)
            for name in names:
                for value in ODD:
                    url = "%s?%s" % (path, urllib.parse.urlencode({name: value}))
                    r = c.get(url)
                    # a form that checks its fields (the statement's period)
                    # may refuse: 422 with the message at the field
                    ok = (200, 404) if name == "region" and value else (200, 422)
                    # the analysis reports name a period, dimension or
                    # region they cannot read with a 400 (test_analysis_reports)
                    if path.startswith("/analysis"):
                        ok += (400,)
                    check_status(r, ok, "%s as %s: %s=%r" % (key, who, name, value[:20]))
                    if r.status == 422:
                        check_in('id="err-%s"' % name, r.text, "%s: 422 names %s" % (key, name))
                    check_not_in("<b>x</b>", r.text, "%s: %s shown unescaped" % (key, name))
