"""What nginx serves itself (issue 13, finding 8): static files, Debian's
/javascript/ files and the static error pages carry the same security
headers as the programs' pages (nosniff, frame options, referrer policy,
the same Content-Security-Policy); Strict-Transport-Security is sent only
when KEHU_HSTS=1 (behind TLS), by nginx and by the programs."""
import os
import socket
import subprocess
import tempfile

from lib import HOST, PORT, ROOT, Client, check, check_in, check_status
from test_complaint_public import PublicClient

POLICY = ("X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy",
          "Content-Security-Policy")


def _program_policy():
    r = Client().get("/login")
    check_status(r, 200, "sign-in page")
    policy = {name: r.header(name) for name in POLICY}
    check(all(policy.values()), "the programs' own headers: %r" % policy)
    return policy


def _check_same_policy(r, what, policy):
    for name, value in policy.items():
        got = r.header_all(name)
        check(got == [value], "%s: %s is %r, the programs send %r" % (what, name, got, value))
    check(r.header("Strict-Transport-Security") is None, "%s: HSTS without KEHU_HSTS=1" % what)


def test_static_files_carry_the_programs_policy():
    policy = _program_policy()
    c = Client()
    for path in ("/static/app.css", "/static/standalone.css", "/favicon.ico",
                 "/javascript/chart.js/chart.min.js"):
        r = c.get(path)
        check_status(r, 200, path)
        _check_same_policy(r, path, policy)
    r = c.get("/static/no-such-file.css")
    check_status(r, 404, "missing static file")
    _check_same_policy(r, "missing static file", policy)


def _too_large():
    """A request announcing a body over client_max_body_size: nginx answers
    413 from the headers alone, so the body is never sent."""
    with socket.create_connection((HOST, PORT), timeout=30) as s:
        s.sendall(("POST /login HTTP/1.1\r\nHost: %s:%d\r\nContent-Length: %d\r\n"
                   "Content-Type: application/x-www-form-urlencoded\r\n"
                   "Connection: close\r\n\r\n" % (HOST, PORT, 40 * 1024 * 1024)).encode())
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers.setdefault(name.strip().lower(), []).append(value.strip())
    return int(lines[0].split()[1]), headers, body.decode("utf-8", "replace")


def test_static_error_pages_carry_the_programs_policy():
    policy = _program_policy()
    # 502: /bench/hello's program only runs with KEHU_BENCH=1.
    r = Client().get("/bench/hello")
    check_status(r, 502, "a program that is not running")
    check_in("服务暂时不可用", r.text, "the unavailable page")
    _check_same_policy(r, "502 page", policy)

    status, headers, body = _too_large()
    check(status == 413, "40 MB body: status %d" % status)
    check_in("提交的内容过大", body, "the too-large page")
    for name, value in policy.items():
        got = headers.get(name.lower())
        check(got == [value], "413 page: %s is %r, the programs send %r" % (name, got, value))

    c = PublicClient()
    for _ in range(60):
        r = c.get("/complaint")
        if r.status == 429:
            break
    check_status(r, 429, "past nginx's limit on the public form")
    check_in("请求过于频繁", r.text, "the too-many page")
    _check_same_policy(r, "429 page", policy)


def test_hsts_only_when_enabled():
    """Renders the nginx configuration both ways into a scratch directory
    (nginx -t checks each); with KEHU_HSTS=1 every static location sends
    Strict-Transport-Security, without it none does."""
    for hsts, expect in (("0", False), ("1", True)):
        with tempfile.TemporaryDirectory() as out:
            env = dict(os.environ, KEHU_HSTS=hsts)
            p = subprocess.run([os.path.join(ROOT, "scripts", "nginx.sh"), "render", out],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               timeout=60)
            check(p.returncode == 0, "render with KEHU_HSTS=%s: %s" % (hsts, p.stdout.decode()))
            text = ""
            for name in sorted(os.listdir(out)):
                if name.endswith(".conf"):
                    with open(os.path.join(out, name)) as f:
                        text += f.read()
            line = 'add_header Strict-Transport-Security "max-age=31536000" always;'
            check((line in text) == expect,
                  "KEHU_HSTS=%s: HSTS line %s" % (hsts, "missing" if expect else "present"))
            check("add_header Content-Security-Policy" in text, "no CSP in %s" % out)
