#!/usr/bin/python3
"""Writes docs/pages.md: for every route of every program, the file of its
handler, the templates it renders and the data-access files it calls.

Read from the code itself (the route tables cgi-bin/<program>.c, the
handlers' bodies and the static functions they call in the same file, and
the non-static functions of cgi-bin/db/*.c), so the map cannot drift:
tests/http/test_page_map.py fails when docs/pages.md is not what this
prints. Usage: scripts/page-map.py > docs/pages.md
"""
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CGI = os.path.join(ROOT, "cgi-bin")

ROUTE = re.compile(r'\{\s*"(GET|POST)",\s*"([^"]+)",\s*([A-Z_| ]+),\s*(\w+)')
DEF = re.compile(r'^(static\s+)?(?:const\s+)?(?:struct\s+)?[A-Za-z_]\w*[\s\*]+(\w+)\(', re.M)
CALL = re.compile(r'\b([a-z_][a-z0-9_]*)\s*\(')
# A function handed on as an argument (the page form_again draws again).
PASSED = re.compile(r'[(,]\s*([a-z_][a-z0-9_]*)\s*(?=[,)])')
TEMPLATE = re.compile(r'"([a-z_]+/[a-z_]+\.cs|[a-z_]+\.cs)"')


def strip_comments(text):
    text = re.sub(r'/\*.*?\*/', lambda m: '\n' * m.group(0).count('\n'), text, flags=re.S)
    return re.sub(r'//[^\n]*', '', text)


def functions(path):
    """name -> (body, is_static) for each function defined in a C file."""
    text = strip_comments(open(path, encoding="utf-8").read())
    out = {}
    for m in DEF.finditer(text):
        close = text.find(")", m.end())
        depth, i = 1, m.end()
        while i < len(text) and depth:      # the parameter list's own ")"
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            i += 1
        rest = text[i:].lstrip()
        if close < 0 or not rest.startswith("{"):
            continue                        # a declaration, not a definition
        start = len(text) - len(rest)
        depth, i = 0, start
        while i < len(text):
            if text[i] == "{":
                depth += 1
            elif text[i] == "}":
                depth -= 1
                if depth == 0:
                    break
            i += 1
        out.setdefault(m.group(2), (text[start:i + 1], bool(m.group(1))))
    return out


def db_owners():
    """Each non-static function of cgi-bin/db/*.c -> its file's name."""
    owners = {}
    for path in sorted(glob.glob(os.path.join(CGI, "db", "*.c"))):
        for name, (_, static) in functions(path).items():
            if not static:
                owners.setdefault(name, "db/" + os.path.basename(path))
    return owners


def page_files(program):
    """The page sources a program links: its directory and, for the staff
    complaints program, the public form's intake pages (see the Makefile)."""
    files = sorted(glob.glob(os.path.join(CGI, program, "*.c")))
    make = open(os.path.join(ROOT, "Makefile"), encoding="utf-8").read()
    m = re.search(r'^\$\(BUILD\)/%s\.fcgi: \$\(patsubst %%,\$\(BUILD\)/cgi-bin/(\w+)/%%\.o,([\w ]+)\)'
                  % re.escape(program), make, re.M)
    if m:
        files += [os.path.join(CGI, m.group(1), n + ".c") for n in m.group(2).split()]
    return files


def resolve(name, where, defs):
    """The definition `name` means in file `where`: that file's own, else a
    program-wide (non-static) one; another file's static is not it."""
    found = defs.get(name, [])
    for d in found:
        if d[0] == where:
            return d
    for d in found:
        if not d[2]:
            return d
    return None


def reach(name, where, defs, seen):
    """The bodies of name and of the functions it calls or passes on (a
    page handed to form_again), as far as they are defined in the program's
    own page files (helpers like page_fill are not). A name passed on that
    is no function (a variable) resolves to nothing."""
    d = resolve(name, where, defs)
    if d is None or (d[0], name) in seen:
        return
    seen[(d[0], name)] = d[1]
    for callee in CALL.findall(d[1]) + PASSED.findall(d[1]):
        reach(callee, d[0], defs, seen)


def main():
    owners = db_owners()
    lines = [
        "# Pages: route, handler, template, data access",
        "",
        "Written by `scripts/page-map.py` from the route tables and the handlers' code;",
        "`tests/http/test_page_map.py` fails when this file is out of date. Each page's",
        "handler is in the file named; its SQL is in the `cgi-bin/db/` files named (each",
        "function there is a prepared statement or a few); its template in `templates/`.",
        "",
    ]
    for prog_path in sorted(glob.glob(os.path.join(CGI, "*.c"))):
        program = os.path.basename(prog_path)[:-2]
        routes = ROUTE.findall(strip_comments(open(prog_path, encoding="utf-8").read()))
        if not routes:
            continue
        defs = {}
        for path in page_files(program):
            rel = os.path.relpath(path, CGI)
            for name, (body, static) in functions(path).items():
                defs.setdefault(name, []).append((rel, body, static))
        lines += ["## %s.fcgi (`cgi-bin/%s.c`)" % (program, program), "",
                  "| route | roles | handler | templates | data access |", "|---|---|---|---|---|"]
        for method, pattern, roles, handler in routes:
            seen = {}
            where = defs[handler][0][0] if handler in defs else "?"
            reach(handler, where, defs, seen)
            bodies = list(seen.values())
            templates = sorted({t for b in bodies for t in TEMPLATE.findall(b)})
            dbfiles = sorted({owners[c] for b in bodies for c in CALL.findall(b) if c in owners})
            roles = " ".join(r.strip().replace("ROLES_", "").replace("ROLE_", "").lower()
                             for r in roles.split("|"))
            lines.append("| `%s %s` | %s | `%s` in `%s` | %s | %s |" % (
                method, pattern, roles, handler, where,
                ", ".join("`%s`" % t for t in templates) or "(none: redirect or file)",
                ", ".join("`%s`" % d for d in dbfiles) or "(none)"))
        lines.append("")
    sys.stdout.write("\n".join(lines))


if __name__ == "__main__":
    main()
