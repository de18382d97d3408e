"""The links the customer list and the dashboard draw with the list kit's
sort table (docs/list-kit.md): each sort header asks for the direction
Filter.Next gives, page and export links carry the filter and the order
(sort= only off the default order, dir= only against the order's own
direction), and every parameter a drill-down from /analysis/report or the
home page brings is kept in them. Followed, each link answers 200 in that
order."""
import re
import urllib.parse

from lib import check, check_in, check_status, customer_ids, sign_in, sql_value


def _links(text):
    """Every href of the page as (path, {name: value}), &amp; undone."""
    out = []
    for h in re.findall(r'href="([^"]*)"', text):
        u = urllib.parse.urlsplit(h.replace("&amp;", "&"))
        out.append((u.path, {k: v[0] for k, v in
                             urllib.parse.parse_qs(u.query, keep_blank_values=True).items()}, h))
    return out


def _sort_links(text, path):
    """data-sort word -> the header link's parameters."""
    return {m.group(1): _links('href="%s"' % m.group(2))[0][1] for m in
            re.finditer(r'data-sort="([a-z]+)"[^>]*href="(%s\?[^"]*)"' % re.escape(path), text)}


def _of(text, rel):
    """The pager's rel=prev or rel=next link as (path, parameters, href)."""
    m = re.search(r'<a [^>]*rel="%s"[^>]*href="([^"]*)"' % rel, text)
    return _links('href="%s"' % m.group(1))[0] if m else None


def _export(text, ext):
    m = re.search(r'id="export-%s"[^>]*href="([^"]*)"' % ext, text)
    check(m, "no %s export link" % ext)
    return _links('href="%s"' % m.group(1))[0]


def test_customer_list_sort_headers_and_links():
    c = sign_in("staff01")
    # The default order: nothing about the order in the links.
    r = c.get("/customers?kind=dealer")
    check_status(r, 200, "plain list")
    heads = _sort_links(r.text, "/customers")
    check(set(heads) == {"name", "code", "region", "lifecycle", "class", "purchase"},
          "sort headers %s" % sorted(heads))
    for word, q in heads.items():
        check(q.get("sort") == word and q.get("dir") == "asc" and q.get("kind") == "dealer",
              "header %s on the plain list: %s" % (word, q))
    path, q, _ = _export(r.text, "csv")
    check(path == "/customers/export.csv" and q == {"q": "", "kind": "dealer"},
          "plain export link %s %s" % (path, q))
    nxt = _of(r.text, "next")
    check(nxt and nxt[1] == {"q": "", "kind": "dealer", "page": "2"}, "plain next link %s" % (nxt,))
    # Name, descending: against its own direction, so both in the links.
    r = c.get("/customers?kind=dealer&sort=name&dir=desc")
    check_in('aria-sort="descending"', r.text, "the current header marked")
    heads = _sort_links(r.text, "/customers")
    check(heads["name"].get("dir") == "asc", "the current header flips: %s" % heads["name"])
    check(heads["code"].get("dir") == "asc", "another header's first click: %s" % heads["code"])
    check("page" not in heads["name"], "a new order starts at page 1")
    for ext in ("csv", "xlsx"):
        path, q, _ = _export(r.text, ext)
        check(q == {"q": "", "kind": "dealer", "sort": "name", "dir": "desc"},
              "%s export keeps the order: %s" % (ext, q))
    nxt = _of(r.text, "next")
    check(nxt[1] == {"q": "", "kind": "dealer", "sort": "name", "dir": "desc", "page": "2"},
          "next link %s" % (nxt,))
    r2 = c.get(nxt[2].replace("&amp;", "&"))
    check_status(r2, 200, "page 2")
    check(not set(customer_ids(r.text)) & set(customer_ids(r2.text)), "page 2 repeats page 1")
    prev = _of(r2.text, "prev")
    check(prev[1].get("sort") == "name" and prev[1].get("dir") == "desc", "prev link %s" % (prev,))
    # Ascending, its own direction: sort= alone.
    r = c.get("/customers?sort=name")
    path, q, _ = _export(r.text, "csv")
    check(q == {"q": "", "sort": "name"}, "ascending name export %s" % q)
    # Oldest first: the default order reversed keeps dir= alone.
    r = c.get("/customers?dir=asc")
    path, q, _ = _export(r.text, "csv")
    check(q == {"q": "", "dir": "asc"}, "oldest-first export %s" % q)
    check('aria-sort' not in r.text, "no header is the default order")
    # Hostile order words: the default order, 200.
    for bad in ("sort=name%27%20OR%201=1", "sort=Name", "dir=up", "sort=&dir=", "sort=name&sort=code"):
        check_status(c.get("/customers?" + bad), 200, bad)


def test_drilldown_parameters_survive_the_list():
    """What /analysis/report's sales cells and the home page link to: each
    parameter is written back in the form and kept by the page, sort and
    export links (a field missing from the table would drop out)."""
    c = sign_in("admin")
    region = sql_value("SELECT id FROM regions WHERE code = 'huadong'")
    product = sql_value("SELECT MIN(id) FROM products WHERE active = 1")
    owner = sql_value("SELECT MIN(owner_id) FROM customers WHERE owner_id IS NOT NULL")
    category = sql_value("SELECT MIN(category_id) FROM products")
    drills = [
        {"region": region, "bought_from": "2025-03-01", "bought_to": "2025-03-31"},
        {"class": "A", "region": region, "bought_from": "2025-03-01", "bought_to": "2025-03-31"},
        {"size": "medium", "bought_from": "2025-01-01", "bought_to": "2025-12-31"},
        {"bought_category": category, "bought_from": "2025-03-01", "bought_to": "2025-03-31"},
        {"bought_product": product, "region": region},
        {"owner": owner},
        {"postal": "200", "bought_from": "2024-01-01", "bought_to": "2024-12-31"},
        {"sleep": "any", "watch": "any", "rfm": "3", "loyalty": "switcher", "noncust": "quasi"},
    ]
    with_rows = 0
    for want in drills:
        query = urllib.parse.urlencode(want)
        r = c.get("/customers?" + query + "&sort=region&dir=desc")
        check_status(r, 200, query)
        # The fold opens: a filter is set.
        check_in("open", re.search(r'<details class="filter-fold"[^>]*>', r.text).group(0),
                 "%s: the filters shown" % query)
        for k, v in want.items():
            sel = re.search(r'<select id="%s"[^>]*>(.*?)</select>' % k, r.text, re.S)
            if sel:
                check('value="%s" selected' % v in sel.group(1), "%s: %s=%s not chosen" % (query, k, v))
            else:
                check(re.search(r'id="%s"[^>]*value="%s"' % (k, re.escape(v)), r.text),
                      "%s: %s=%s not written back" % (query, k, v))
        kept = dict(want, sort="region", dir="desc")
        for ext in ("csv", "xlsx"):
            q = _export(r.text, ext)[1]
            check(all(q.get(k) == v for k, v in kept.items()), "%s: %s export %s" % (query, ext, q))
        heads = _sort_links(r.text, "/customers")
        if not customer_ids(r.text):
            continue   # no rows: no table to sort
        with_rows += 1
        check(all(heads["name"].get(k) == v for k, v in want.items()),
              "%s: sort link %s" % (query, heads["name"]))
        check(heads["region"].get("dir") == "asc", "%s: region flips to asc" % query)
    check(with_rows >= 4, "only %d of the drill-downs list rows" % with_rows)


def test_dashboard_sort_headers_and_links():
    a = sign_in("admin")
    region = sql_value("SELECT id FROM regions WHERE code = 'huadong'")
    # The default order (year to date, descending): short links.
    r = a.get("/dashboard")
    check_status(r, 200, "dashboard")
    path, q, _ = _export(r.text, "csv")
    check(path == "/dashboard.csv" and q == {"region": ""}, "plain export %s %s" % (path, q))
    heads = _sort_links(r.text, "/dashboard")
    check(len(heads) == 12, "12 sort headers: %s" % sorted(heads))
    first_click = {"name": "asc", "class": "asc", "ytd": "asc", "ly": "desc", "growth": "desc",
                   "attain": "desc", "budget": "desc", "spend": "desc", "complaints": "desc",
                   "overdue": "desc", "contact": "asc", "purchase": "asc"}
    for word, q in heads.items():
        check(q.get("dir") == first_click[word], "header %s: %s" % (word, q))
    nxt = _of(r.text, "next")
    check(nxt and nxt[1] == {"region": "", "page": "2"}, "plain next link %s" % (nxt,))
    # A region and a column against its first click.
    r = a.get("/dashboard?region=%s&sort=spend&dir=asc" % region)
    check_status(r, 200, "sorted by spend ascending")
    heads = _sort_links(r.text, "/dashboard")
    check(heads["spend"] == {"region": str(region), "sort": "spend", "dir": "desc"},
          "spend header %s" % heads["spend"])
    check(heads["ytd"] == {"region": str(region), "sort": "ytd", "dir": "desc"},
          "ytd header %s" % heads["ytd"])
    for ext in ("csv", "xlsx"):
        q = _export(r.text, ext)[1]
        check(q == {"region": str(region), "sort": "spend", "dir": "asc"}, "%s export %s" % (ext, q))
    x = a.get("/dashboard.csv?" + urllib.parse.urlencode(q))
    check_status(x, 200, "the export link")
    # The region not offered stays a 404, in the page and its exports.
    rm = sign_in("rm_huabei")
    for path in ("/dashboard", "/dashboard.csv"):
        check_status(rm.get("%s?region=%s&sort=name" % (path, region)), 404, "rm_huabei " + path)
    check_status(rm.get("/dashboard?region=0&sort=name"), 200, "region=0 is every region")
