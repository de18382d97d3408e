"""docs/pages.md names, for every route, its handler's file, its templates
and its data-access files (issue 16: a newcomer finds a page's code from
the file names). scripts/page-map.py writes it from the code; this test
fails when the file is not what the script prints now, and when a file
the map names does not exist."""
import os
import re
import subprocess
import sys

from lib import ROOT, check


def _map():
    return subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "page-map.py")],
                          check=True, capture_output=True, text=True).stdout


def test_pages_doc_is_what_the_code_says():
    with open(os.path.join(ROOT, "docs", "pages.md"), encoding="utf-8") as f:
        written = f.read()
    check(written == _map(), "docs/pages.md is out of date: run scripts/page-map.py > docs/pages.md")


def test_every_route_is_mapped_to_files_that_exist():
    text = _map()
    rows = [l for l in text.splitlines() if l.startswith("| `GET") or l.startswith("| `POST")]
    check(len(rows) > 100, "only %d routes mapped" % len(rows))
    for row in rows:
        handler_file = re.search(r"` in `([^`]+)`", row)
        check(handler_file, "no handler file in: " + row)
        check(os.path.isfile(os.path.join(ROOT, "cgi-bin", handler_file.group(1))), row)
        for t in re.findall(r"`([a-z_/]+\.cs)`", row):
            check(os.path.isfile(os.path.join(ROOT, "templates", t)), "no template %s: %s" % (t, row))
        for d in re.findall(r"`(db/[a-z_]+\.c)`", row):
            check(os.path.isfile(os.path.join(ROOT, "cgi-bin", d)), "no %s: %s" % (d, row))
