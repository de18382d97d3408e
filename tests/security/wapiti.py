#!/usr/bin/python3
"""Debian's wapiti 3.0.4 under Python 3.11: its -x (exclude) patterns put
the regex flags at the end, which 3.11 refuses ("global flags not at the
start"), so any -x stops it before the first request. This runs wapiti's
own entry point with that one pattern function replaced."""
import re
import sys

from wapitiCore.net import crawler
from wapitiCore.main.wapiti import wapiti_main


def wildcard_translate(pattern):
    """A shell-like pattern (only * is special) as an anchored regex."""
    return re.compile("(?ms)" + ".*".join(re.escape(p) for p in pattern.split("*")) + r"\Z")


crawler.wildcard_translate = wildcard_translate

if __name__ == "__main__":
    sys.exit(wapiti_main())
