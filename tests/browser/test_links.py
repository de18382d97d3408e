"""Issue 14: every link a role is shown leads somewhere. For each demo role
(and signed out, on the public pages) a real browser loads the home page,
every page of the navigation and every page linked from those (the main
pages); every same-origin link on a main page is then fetched with the
browser's cookies. Links are taken once per shape (ids as {id}, the query's
names, and the value of `tab` and `quick`), so the walk stays bounded. Any
404 or 5xx fails, and so does a 403 or a sign-in page: a link the role may
not follow should not be shown. Every form on these pages must post to a
route of the programs' route tables that the role may use (a form once
posted to /customers/{id}/edit/edit)."""
import html
import re
import urllib.parse

from browser import Browser, sign_in, status_of
from lib import BASE, Client, check, local_path
from test_access_matrix import program_routes

ROLES = {"admin": "admin", "leader1": "leader", "staff01": "staff",
         "rm_huadong": "regional_manager"}
PUBLIC = ("/complaint", "/complaint/status", "/login")
KEEP_VALUES = ("tab", "quick")
# 403s a role is shown on purpose (none so far): (role, link shape).
DELIBERATE_403 = set()


def shape(url):
    u = urllib.parse.urlsplit(url)
    path = re.sub(r"/\d+(?=/|$)", "/{id}", u.path)
    q = urllib.parse.parse_qsl(u.query, keep_blank_values=True)
    keys = sorted({k if k not in KEEP_VALUES else "%s=%s" % (k, v) for k, v in q})
    return path + ("?" + "&".join(keys) if keys else "")


def _download(url, is_download):
    path = urllib.parse.urlsplit(url).path
    return is_download or path.endswith((".csv", ".xlsx")) or "format=csv" in url \
        or path.startswith(("/complaints/attachment/", "/plans/attachment/", "/static/"))


def _fetch(client, path):
    """(status, final path, forms) of a GET, following up to three
    redirects; forms: (id, method, absolute action) of an HTML page's forms."""
    for _ in range(4):
        r = client.get(path)
        if r.status not in (301, 302, 303, 307):
            break
        path = local_path(r.location)
    forms = []
    if (r.header("Content-Type") or "").startswith("text/html"):
        for tag in re.findall(r"<form\b[^>]*>", r.text):
            a = dict(re.findall(r'(\w+)="([^"]*)"', tag))
            forms.append((a.get("id"), a.get("method", "get").upper(),
                          urllib.parse.urljoin(BASE + path, html.unescape(a.get("action", "")))))
    return r.status, path, forms


def _route_ok(routes, role, method, url):
    path = urllib.parse.urlsplit(url).path
    for (m, pattern), roles in routes.items():
        rx = "^" + re.escape(pattern).replace(r"\{id\}", r"\d+") + "$"
        if m == method and re.match(rx, path):
            return "public" in roles or role in roles
    return False


def _walk(d, username, starts, routes):
    role = ROLES.get(username, "public")
    client = Client()
    client.cookies = {c["name"]: c["value"] for c in d.get_cookies()}
    seen, failures = set(), []
    queue = [(BASE + p, 0, False) for p in starts]
    loaded = fetched = 0
    while queue:
        url, depth, is_download = queue.pop(0)
        key = shape(url)
        if key in seen:
            continue
        seen.add(key)
        path = local_path(url)
        if depth <= 1 and not _download(url, is_download):
            d.get(url)
            loaded += 1
            status, final = status_of(d), local_path(d.current_url)
            if not status:
                status, final, _ = _fetch(client, path)
            links = d.execute_script(
                "return Array.from(document.querySelectorAll('a[href]'))"
                ".map(function (a) { return [a.href, a.hasAttribute('download')]; })")
            for href, dl in links:
                if href.startswith(BASE + "/") and "/logout" not in href:
                    queue.append((href.split("#")[0], depth + 1, dl))
            forms = d.execute_script(
                "return Array.from(document.forms).map(function (f) {"
                " return [f.getAttribute('id'), (f.getAttribute('method') || 'get').toUpperCase(),"
                " new URL(f.getAttribute('action') || '', location.href).href]; })")
        else:
            status, final, forms = _fetch(client, path)
            fetched += 1
        for fid, method, action in forms:
            if not (action.startswith(BASE + "/") and _route_ok(routes, role, method, action)):
                failures.append("%s: form #%s on %s sends %s %s, no route for the role"
                                % (username, fid, path, method, action))
        if status >= 400 and not (status == 403 and (username, key) in DELIBERATE_403):
            failures.append("%s: %s answered %d" % (username, path, status))
        elif username and final.split("?")[0] == "/login":
            failures.append("%s: %s leads to the sign-in page" % (username, path))
    client.close()
    return failures, loaded, fetched


def test_every_link_for_every_role():
    routes = program_routes()
    failures, counts = [], []
    with Browser() as d:
        for username in (None,) + tuple(ROLES):
            d.delete_all_cookies()
            if username:
                sign_in(d, username)
                nav = d.execute_script(
                    "return Array.from(document.querySelectorAll('.mainnav a'))"
                    ".map(function (a) { return a.getAttribute('href'); })")
                check(nav, "%s sees no navigation" % username)
                starts = ["/"] + nav
            else:
                starts = list(PUBLIC)
            f, loaded, fetched = _walk(d, username, starts, routes)
            failures += f
            counts.append("%s %d+%d" % (username or "public", loaded, fetched))
    check(not failures, "%d broken: %s (pages loaded+links fetched: %s)"
          % (len(failures), "; ".join(failures[:40]), ", ".join(counts)))
    print("    links: pages loaded+links fetched per role: %s" % ", ".join(counts))
