#!/usr/bin/python3
"""HTTP tests against a running kehu stack (see tests/http/lib.py).

Runs every test_* function of tests/http/test_*.py independently, prints
"ok   name" or "FAIL name: reason" for each and, as the last line,
"http: N passed, M failed"; exits 1 when anything failed.
Optional arguments select tests whose name contains one of them.
"""
import os
import sys

# Keep the work tree clean: no __pycache__ next to the tests.
sys.dont_write_bytecode = True

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import lib  # noqa: E402

if __name__ == "__main__":
    sys.exit(lib.run_all(HERE, "http", sys.argv[1:]))
