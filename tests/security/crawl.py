"""The site's forms and parameters as each role sees them, for the scanners
(tests/security/scan.py): a breadth-first walk from the start pages through
this host's links, collecting every GET link with a query and every form.
Targets are deduplicated by shape: the path with numbers replaced by {id},
the method and the parameter names."""
import re
import urllib.parse
from html.parser import HTMLParser

from lib import HOST, PORT

NETLOC = "%s:%d" % (HOST, PORT)
BASE = "http://" + NETLOC

# Never followed or scanned: leaving the session, downloads, files.
SKIP = re.compile(r"^/(logout|static/|javascript/|favicon)|\.(csv|xlsx)$|/attachment/")


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.forms = []
        self.form = None
        self.select = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            self.form = {"method": (a.get("method") or "get").upper(),
                         "action": a.get("action", ""), "fields": {},
                         "multipart": "multipart" in a.get("enctype", "")}
        elif self.form is None:
            return
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in a:
                self.form["fields"].setdefault(a["name"], "")
                return
            if kind == "file":
                return
            self.form["fields"][a["name"]] = a.get("value", "") or _sample(a["name"], kind)
        elif tag == "textarea" and a.get("name"):
            self.form["fields"][a["name"]] = "测试"
        elif tag == "select" and a.get("name"):
            self.select = a["name"]
            self.form["fields"][a["name"]] = ""
        elif tag == "option" and self.select and not self.form["fields"][self.select]:
            self.form["fields"][self.select] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "form" and self.form is not None:
            self.forms.append(self.form)
            self.form = None


def _sample(name, kind):
    """A plausible value, so that a form gets past its field checks."""
    if kind == "date" or name.endswith(("_on", "_date", "_due")) or name == "birthday":
        return "2026-11-20"
    if kind == "number" or name in ("amount", "quantity", "year", "score", "page"):
        return "1"
    if kind == "email" or name == "email":
        return "scan@example.com"
    if "phone" in name:
        return "13800138000"
    return "scan"


def shape(path):
    return re.sub(r"/\d+(?=/|$)", "/{id}", path)


def crawl(client, starts, limit):
    """(gets, forms) seen by client from the start paths, at most `limit`
    pages fetched. gets: {shape key: url}; forms: {shape key: dict with
    method, url, fields, page}."""
    seen, queue = set(), list(starts)
    shapes = {shape(s) for s in starts}
    gets, forms = {}, {}
    while queue and len(seen) < limit:
        url = queue.pop(0)
        path = urllib.parse.urlsplit(url).path
        if url in seen or SKIP.search(path):
            continue
        seen.add(url)
        r = client.get(url)
        if r.status != 200 or "text/html" not in (r.header("Content-Type") or ""):
            continue
        p = _Page()
        p.feed(r.text)
        for href in p.links:
            u = urllib.parse.urlsplit(urllib.parse.urljoin(BASE + url, href))
            if u.netloc != NETLOC or SKIP.search(u.path):
                continue
            target = u.path + ("?" + u.query if u.query else "")
            if u.query:
                names = sorted(urllib.parse.parse_qs(u.query, keep_blank_values=True))
                gets.setdefault((shape(u.path), tuple(names)), target)
            if shape(u.path) not in shapes:
                shapes.add(shape(u.path))
                queue.append(target)
        for f in p.forms:
            action = urllib.parse.urlsplit(urllib.parse.urljoin(url, f["action"] or url)).path
            if SKIP.search(action):
                continue
            key = (f["method"], shape(action), tuple(sorted(f["fields"])))
            forms.setdefault(key, dict(f, url=action, page=url))
    return gets, forms
