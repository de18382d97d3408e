"""Deep pages of the ranked lists (/analysis/watch, /analysis/profit,
docs/analysis.md "Deep pages"): the pages are read from a stored rank on
(watch_rank, profit_rank), the Prev and Next links carrying the rank of
this page's first and last row (before=, after=). Walking every page by
its Next links and back by its Prev links gives SQL's order exactly; an
anchor names its page whatever page= says; an anchor off a page boundary,
past the end, or malformed lands on a whole page (never a 500); a
regional manager's anchor into another region's rows shows only their
own; filters hold across anchors."""
import html
import re
import urllib.parse

from lib import check, check_in, check_status, element_text, sign_in, sql, table_rows
from analysis_seed import ODD, scope_sql, seeded

LISTS = {
    "watch": ("t-watch", "watch-count", "watch_rank",
              "SELECT customer_id, watch_rank FROM customer_analysis WHERE watch_rank > 0%s"
              " ORDER BY watch_rank"),
    "profit": ("t-profit", "profit-count", "profit_rank",
               "SELECT customer_id, profit_rank FROM customer_analysis WHERE profit_rank > 0%s"
               " ORDER BY profit_rank"),
}
PER = 50


def _ids(name, text):
    rows = table_rows(text, LISTS[name][0]) or []
    return [int(re.search(r"/customers/(\d+)", r[0]["hrefs"][0]).group(1)) for r in rows]


def _expected(name, cond=""):
    """[(customer_id, rank)] of the list in SQL's order."""
    return [(int(a), int(b)) for a, b in sql(LISTS[name][3] % (" AND " + cond if cond else ""))]


def _link(text, rel):
    m = re.search(r'rel="%s" href="([^"]+)"' % rel, text)
    return html.unescape(m.group(1)) if m else None


def _range(text):
    m = re.search(r'<span class="range">(\d+)–(\d+) / (\d+)</span>', text)
    return tuple(int(x) for x in m.groups()) if m else None


def _page(text):
    m = re.search(r'aria-current="page">(\d+)<', text)
    return int(m.group(1)) if m else None


@seeded
def test_walk_forward_and_back_by_anchors():
    c = sign_in("admin")
    for name in LISTS:
        expected = _expected(name)
        ids = [e[0] for e in expected]
        check(len(ids) > 2 * PER, "%s: too few rows to page: %d" % (name, len(ids)))
        path, pages, seen = "/analysis/%s" % name, [], []
        while path:
            page = c.get(path)
            check_status(page, 200, path)
            got = _ids(name, page.text)
            n = len(pages)
            check(got == ids[n * PER:(n + 1) * PER], "%s page %d (%s) differs from SQL" % (name, n + 1, path))
            check(_page(page.text) == n + 1, "%s: %s is page %s" % (name, path, _page(page.text)))
            check(_range(page.text) == (n * PER + 1, n * PER + len(got), len(ids)),
                  "%s page %d range %s" % (name, n + 1, _range(page.text)))
            if n:
                # the link carried the rank of the previous page's last row
                check("after=%d" % expected[n * PER - 1][1] in path, "%s: next link %s" % (name, path))
            pages.append(path)
            seen += got
            path = _link(page.text, "next")
        check(seen == ids, "%s: the walk missed or repeated rows" % name)
        # back from the last page, by the Prev links
        page = c.get(pages[-1])
        for n in range(len(pages) - 2, -1, -1):
            path = _link(page.text, "prev")
            check(path and "before=%d" % expected[(n + 1) * PER][1] in path,
                  "%s: prev link %s from page %d" % (name, path, n + 2))
            page = c.get(path)
            check(_ids(name, page.text) == ids[n * PER:(n + 1) * PER], "%s back to page %d" % (name, n + 1))
        check(_link(page.text, "prev") is None, "%s: page 1 links back" % name)


@seeded
def test_anchor_names_the_page():
    c = sign_in("leader1")
    for name in LISTS:
        expected = _expected(name)
        ids = [e[0] for e in expected]
        last_start = (len(ids) - 1) // PER * PER
        cases = [
            # after the 50th row: page 2, whatever page= says
            ("after=%d&page=7" % expected[PER - 1][1], PER),
            # off a boundary (after row 73): the page holding row 74, whole
            ("after=%d" % expected[72][1], PER),
            # before row 101: the page ending at row 100
            ("before=%d" % expected[2 * PER][1], PER),
            # before row 80: the page holding row 79
            ("before=%d" % expected[79][1], PER),
            # before the first row, after nothing: page 1
            ("before=%d" % expected[0][1], 0), ("before=1", 0),
            # past the end: the last page
            ("after=4294967295", last_start), ("after=%d" % expected[-1][1], last_start),
            # both: after wins
            ("after=%d&before=%d" % (expected[2 * PER - 1][1], expected[3][1]), 2 * PER),
            # a numbered jump without an anchor
            ("page=2", PER),
        ]
        for query, start in cases:
            page = c.get("/analysis/%s?%s" % (name, query))
            check_status(page, 200, "%s?%s" % (name, query))
            check(_ids(name, page.text) == ids[start:start + PER], "%s?%s: rows from %d expected"
                  % (name, query, start + 1))
            check(_page(page.text) == start // PER + 1, "%s?%s: page %s" % (name, query, _page(page.text)))
    # profit's positions follow the page the anchor named
    expected = _expected("profit")
    page = c.get("/analysis/profit?after=%d" % expected[PER - 1][1])
    check(table_rows(page.text, "t-profit")[0][1]["text"] == str(PER + 1), "position after the anchor")


@seeded
def test_bad_anchors_never_500():
    c = sign_in("staff01")
    for name in LISTS:
        first = c.get("/analysis/%s" % name)
        for anchor in ("after", "before"):
            for value in ODD + ("4294967296", "00000000000000000001", "1.5", "0x10"):
                query = "%s=%s" % (anchor, urllib.parse.quote(value))
                r = c.get("/analysis/%s?%s" % (name, query))
                check_status(r, 200, "%s?%s" % (name, query[:40]))
                check("<b>x</b>" not in r.text, "%s=%r shown unescaped" % (anchor, value))
                # a dropped anchor is no anchor: page 1
                check(_ids(name, r.text) == _ids(name, first.text), "%s?%s is not page 1"
                      % (name, query[:40]))
            # the export ignores anchors: every row
            r = c.get("/analysis/%s.csv?%s=5" % (name, anchor))
            check_status(r, 200, "%s.csv with an anchor" % name)


@seeded
def test_scope_and_filters_hold_across_anchors():
    m = sign_in("rm_central")
    for name in LISTS:
        mine = _expected(name, scope_sql("rm_central"))
        check(mine, "%s: rm_central has no rows" % name)
        own = set(mine)
        other = [r for row in _expected(name) if row not in own for r in row[1:]]
        # an anchor taken from another region's row: only their own rows follow
        for rank in other[:3] + [mine[min(PER, len(mine)) - 1][1]]:
            page = m.get("/analysis/%s?after=%d" % (name, rank))
            check_status(page, 200, "%s after=%d" % (name, rank))
            got = _ids(name, page.text)
            k = sum(1 for _, r in mine if r <= rank)
            start = min(k - k % PER, (len(mine) - 1) // PER * PER)
            check(got == [i for i, _ in mine[start:start + PER]],
                  "%s after=%d: rows differ from the manager's page %d" % (name, rank, start // PER + 1))
            check(int(re.search(r"\((\d+)\)", element_text(page.text, LISTS[name][1])).group(1))
                  == len(mine), "%s: count in scope" % name)
        # another region, with an anchor: still not found
        check_status(m.get("/analysis/%s?region=1&after=%d" % (name, mine[0][1])), 404,
                     "%s: another region with an anchor" % name)
    # a filter with an anchor: page 2 of the filter, and its links keep it
    c = sign_in("admin")
    # the reason most rows have, to have a second page
    word, flag = max((("late", 1), ("orders", 2), ("contacts", 4), ("complaints", 8)),
                     key=lambda w: len(_expected("watch", "watch_reasons & %d" % w[1])))
    for name, cond, query in (("watch", "watch_reasons & %d" % flag, "reason=" + word),
                              ("profit", "abc_class = 'C'", "class=C")):
        rows = _expected(name, cond)
        check(len(rows) > PER, "%s %s: too few rows" % (name, query))
        page = c.get("/analysis/%s?%s&after=%d" % (name, query, rows[PER - 1][1]))
        check(_ids(name, page.text) == [i for i, _ in rows[PER:2 * PER]], "%s %s page 2" % (name, query))
        prev = _link(page.text, "prev")
        check_in(query, prev, "%s: the prev link keeps the filter" % name)
        check_in("before=%d" % rows[PER][1], prev, "%s: the prev link's anchor" % name)
