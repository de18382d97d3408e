"""schema/DERIVED.md maps every trigger, stored routine and event: base
table -> trigger -> derived table -> C reader (issue 16). This reads the
migrated database's own lists and fails on any name the map does not
mention in a code span, so a migration that adds one without its line
fails here; on a trigger or routine the map's second column names that the
database no longer has; on a session variable (@kehu_...) a trigger or
routine reads that DERIVED.md or cgi-bin/db/db.h does not document; and on
a C reader the map names (a cgi-bin/ file, the functions after it) that is
not there."""
import os
import re

from lib import DB_NAME, ROOT, check, sql

DERIVED = os.path.join(ROOT, "schema", "DERIVED.md")
DB_H = os.path.join(ROOT, "cgi-bin", "db", "db.h")


def _text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def _words(spans):
    return {w for s in spans for w in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", s)}


def _mentioned():
    return _words(re.findall(r"`([^`]+)`", _text(DERIVED)))


def _map_rows():
    """The cells of the map's table rows (not its header or rule)."""
    rows = []
    for line in _text(DERIVED).splitlines():
        if line.startswith("| `"):
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
    return rows


def _names(query):
    return [r[0] for r in sql(query % DB_NAME)]


def test_every_trigger_routine_and_event_is_mapped():
    mentioned = _mentioned()
    for kind, query in (
            ("trigger", "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = '%s'"),
            ("routine", "SELECT ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = '%s'"),
            ("event", "SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = '%s'")):
        names = _names(query)
        check(names or kind == "event", "no %ss found: is the database migrated?" % kind)
        missing = sorted(n for n in names if n not in mentioned)
        check(not missing, "%ss missing from schema/DERIVED.md: %s" % (kind, ", ".join(missing)))


def test_the_map_names_no_trigger_or_routine_that_is_gone():
    rows = _map_rows()
    check(len(rows) > 10, "the map's table rows: %d" % len(rows))
    known = set(_names("SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = '%s'"))
    known |= set(_names("SELECT ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = '%s'"))
    gone = set()
    for cells in rows:
        check(len(cells) == 5, "a map row of %d cells: %s" % (len(cells), cells[:2]))
        gone |= {w for w in _words(re.findall(r"`([^`]+)`", cells[1]))
                 if w not in known and w != "CALL"}
    check(not gone, "schema/DERIVED.md's trigger column names what the database lacks: %s"
          % ", ".join(sorted(gone)))


def test_every_session_variable_is_documented():
    bodies = [r[0] for r in sql(
        "SELECT ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = '%s'"
        " UNION ALL SELECT ROUTINE_DEFINITION FROM information_schema.ROUTINES"
        " WHERE ROUTINE_SCHEMA = '%s'" % (DB_NAME, DB_NAME))]
    used = {v for b in bodies for v in re.findall(r"@kehu_[a-z_]+", b)}
    check("@kehu_bulk" in used, "the triggers read @kehu_bulk: %s" % sorted(used))
    derived = _mentioned()
    db_h = _text(DB_H)
    for v in sorted(used):
        check(v[1:] in derived, "%s is read by the schema but not in schema/DERIVED.md" % v)
        check(re.search(re.escape(v) + r"\b", db_h), "%s is read by the schema but not in cgi-bin/db/db.h" % v)


def test_every_c_reader_exists():
    tables = set(_names("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '%s'"))
    text = _text(DERIVED)
    for path in sorted(set(re.findall(r"`(cgi-bin/[^`]+\.[ch])`", text))):
        check(os.path.isfile(os.path.join(ROOT, path)), "schema/DERIVED.md names %s, which is not there" % path)
    missing = []
    for cells in _map_rows():
        # In the reader column, each name in a code span after a file's
        # path is a function (or statement) of that file; table names and
        # columns said before any path are what the reader reads.
        current = None
        for span in re.findall(r"`([^`]+)`", cells[3]):
            if span.startswith("cgi-bin/"):
                current = _text(os.path.join(ROOT, span))
                where = span
            elif current is not None and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", span) \
                    and span not in tables and not re.search(r"\b%s\b" % span, current):
                missing.append("%s in %s" % (span, where))
    check(not missing, "C readers schema/DERIVED.md names that their file lacks: %s" % ", ".join(missing))
