#!/usr/bin/python3
"""Browser tests against a running kehu stack: headless Chromium driven by
python3-selenium. Same contract as tests/http/run.py; the last line is
"browser: N passed, M failed". Optional arguments select tests by name."""
import os
import sys

# Keep the work tree clean: no __pycache__ next to the tests.
sys.dont_write_bytecode = True

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(1, os.path.join(HERE, "..", "http"))

import lib  # noqa: E402

if __name__ == "__main__":
    sys.exit(lib.run_all(HERE, "browser", sys.argv[1:]))
