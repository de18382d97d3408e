"""Log injection (issue 13, finding 7): a line break in a user name or a
path must not forge a line in the programs' logs; the value is logged with
the break escaped as \\n."""
import glob
import os
import uuid

from lib import VAR, Client, check, check_status, clear_login_attempts_from, csrf_of

HERE = "127.0.0.5"


def _log_lines():
    lines = []
    for path in glob.glob(os.path.join(VAR, "log", "*.log")):
        with open(path, "rb") as f:
            lines += f.read().decode("utf-8", "replace").splitlines()
    return lines


def test_line_breaks_do_not_forge_log_lines():
    tag = "FORGED-%s" % uuid.uuid4().hex[:12]
    forged = "%s 2026-12-07T00:00:00Z account[1] info sign-in ok for admin" % tag
    clear_login_attempts_from(HERE)
    try:
        c = Client(source=HERE)
        token = csrf_of(c.get("/login").text)
        name = "x\n" + forged[:50]
        # Enough failures for the sign-in to be logged by any version (a
        # failure, a wait, or the old throttle).
        for i in range(6):
            r = c.post("/login", {"_csrf": token, "username": name, "password": "bad%d" % i})
            check(r.status in (401, 429), "sign-in answered %d" % r.status)
        r = c.get("/customers%0a" + tag + "-path%0d%0aanother")
        check(r.status in (303, 400, 404), "path with %%0a answered %d" % r.status)
        lines = _log_lines()
        starts = [l for l in lines if l.startswith(tag)]
        check(not starts, "forged log lines: %r" % starts[:3])
        mentions = [l for l in lines if tag in l]
        check(any("x\\n" + tag in l for l in mentions),
              "the user name was not logged escaped: %r" % mentions[:4])
        check(any("\\n" + tag + "-path\\r\\nanother" in l for l in mentions),
              "the path was not logged escaped: %r" % mentions[:4])
    finally:
        clear_login_attempts_from(HERE)
