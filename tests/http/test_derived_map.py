"""schema/DERIVED.md maps every trigger, stored routine and event: base
table -> trigger -> derived table -> C reader (issue 16). This reads the
migrated database's own lists and fails on any name the map does not
mention in a code span, so a migration that adds one without its line
fails here."""
import os
import re

from lib import DB_NAME, ROOT, check, sql


def _mentioned():
    with open(os.path.join(ROOT, "schema", "DERIVED.md"), encoding="utf-8") as f:
        spans = re.findall(r"`([^`]+)`", f.read())
    return {w for s in spans for w in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", s)}


def test_every_trigger_routine_and_event_is_mapped():
    mentioned = _mentioned()
    for kind, query in (
            ("trigger", "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = '%s'"),
            ("routine", "SELECT ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = '%s'"),
            ("event", "SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = '%s'")):
        names = [r[0] for r in sql(query % DB_NAME)]
        check(names or kind == "event", "no %ss found: is the database migrated?" % kind)
        missing = sorted(n for n in names if n not in mentioned)
        check(not missing, "%ss missing from schema/DERIVED.md: %s" % (kind, ", ".join(missing)))
