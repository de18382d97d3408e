"""The layers point one way (issue 16): page programs -> cgi-bin/db/ ->
cgi-bin/core/. core/ never includes db/ (what it needs from the database,
a program hands to app_main: db/runtime.c); every db/*.c has its own
header; a program file cgi-bin/<name>.c is its route table and main only,
its handlers live in cgi-bin/<name>/. Read from the sources, so a new file
that breaks one of them fails here."""
import glob
import os
import re

from lib import ROOT, check

CGI = os.path.join(ROOT, "cgi-bin")
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
# A function defined at file level: a line starting with its type and
# holding the name's "(", not a table ("=") and not a declaration (ending
# in ";" with no body).
FUNCTION = re.compile(r"^(?!typedef|extern)[A-Za-z_][^=#\n(]*?\b([A-Za-z_][A-Za-z0-9_]*)\s*\("
                      r"(?![^\n{]*;\s*$)", re.M)


def _read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def _rel(path):
    return os.path.relpath(path, CGI)


def test_core_includes_no_db():
    files = sorted(glob.glob(os.path.join(CGI, "core", "*.[ch]")))
    check(files, "no sources in cgi-bin/core/")
    bad = ["%s: %s" % (_rel(f), inc) for f in files for inc in INCLUDE.findall(_read(f))
           if inc.startswith("db/")]
    check(not bad, "cgi-bin/core/ includes cgi-bin/db/ (hand it over in struct "
          "app_runtime instead): " + ", ".join(bad))


def test_every_db_source_has_its_header():
    sources = sorted(glob.glob(os.path.join(CGI, "db", "*.c")))
    check(sources, "no sources in cgi-bin/db/")
    missing = [_rel(c) for c in sources if not os.path.exists(c[:-2] + ".h")]
    check(not missing, "db/*.c without their own header: " + ", ".join(missing))
    # ... and includes it, so the declarations are checked against the code.
    own = [_rel(c) for c in sources
           if "db/%s.h" % os.path.basename(c)[:-2] not in INCLUDE.findall(_read(c))]
    check(not own, "db/*.c not including their own header: " + ", ".join(own))


def test_program_files_are_route_tables():
    programs = sorted(glob.glob(os.path.join(CGI, "*.c")))
    check(programs, "no programs in cgi-bin/")
    for prog in programs:
        name = os.path.basename(prog)[:-2]
        defined = [m.group(1) for m in FUNCTION.finditer(_read(prog))]
        check(defined == ["main"], "%s defines %s besides main: its handlers belong in "
              "cgi-bin/%s/" % (_rel(prog), ", ".join(d for d in defined if d != "main"), name))
        check(os.path.isdir(os.path.join(CGI, name)), "%s has no page directory" % _rel(prog))
