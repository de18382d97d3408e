"""A customers.fcgi worker killed with SIGKILL: the other worker keeps
answering and multiwatch starts a replacement."""
import os
import signal
import time

from lib import VAR, TestFailure, check, check_status, sign_in, sql_value


def _read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return b""


def _children(ppid):
    """Live child pids of ppid (from /proc, like pgrep -P)."""
    out = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        stat = _read("/proc/%s/stat" % d).decode("latin-1")
        rest = stat.rpartition(")")[2].split()
        if len(rest) > 2 and rest[1] == str(ppid) and rest[0] not in ("Z", "X"):
            out.append(int(d))
    return sorted(out)


def _supervisor(program):
    """The multiwatch pid of this stack's program: from its pid file, else
    the multiwatch whose environment names our KEHU_VAR."""
    pidfile = os.path.join(VAR, "run", "%s.pid" % program)
    pid = _read(pidfile).decode().strip()
    if pid.isdigit() and _read("/proc/%s/comm" % pid).strip() == b"multiwatch":
        return int(pid)
    want = ("KEHU_VAR=%s" % VAR).encode()
    for d in os.listdir("/proc"):
        if not d.isdigit() or _read("/proc/%s/comm" % d).strip() != b"multiwatch":
            continue
        cmd = _read("/proc/%s/cmdline" % d)
        env = _read("/proc/%s/environ" % d).split(b"\0")
        if ("%s.fcgi" % program).encode() in cmd and want in env:
            return int(d)
    raise TestFailure("no multiwatch supervisor found for %s (KEHU_VAR=%s)" % (program, VAR))


def test_killed_worker_is_replaced():
    sup = _supervisor("customers")
    workers = _children(sup)
    check(len(workers) >= 2, "expected at least 2 workers under multiwatch %d, found %s" % (sup, workers))
    for w in workers:
        check(b"customers.fcgi" in _read("/proc/%d/cmdline" % w), "child %d is not customers.fcgi" % w)
    c = sign_in("staff01")
    cid = sql_value("SELECT id FROM customers WHERE status = 'active' ORDER BY id LIMIT 1")
    check_status(c.get("/customers/%s" % cid), 200, "before the kill")
    victim = workers[0]
    os.kill(victim, signal.SIGKILL)
    t0 = time.monotonic()
    statuses = []
    replaced = None
    while time.monotonic() - t0 < 2.0:
        r = c.get("/customers/%s" % cid)
        statuses.append(r.status)
        now = _children(sup)
        if replaced is None and victim not in now and len(now) == len(workers):
            replaced = time.monotonic() - t0
        time.sleep(0.05)
    bad = [s for s in statuses if s != 200]
    check(not bad, "requests within 2 s of the kill failed: %d of %d (%s)" % (
        len(bad), len(statuses), sorted(set(bad))))
    # Allow a little longer for the replacement to appear.
    deadline = time.monotonic() + 3.0
    while replaced is None and time.monotonic() < deadline:
        now = _children(sup)
        if victim not in now and len(now) == len(workers):
            replaced = time.monotonic() - t0
        time.sleep(0.05)
    now = _children(sup)
    check(replaced is not None, "no replacement worker: before %s, now %s" % (workers, now))
    new = set(now) - set(workers)
    check(new, "worker set unchanged after the kill: %s" % now)
    check(all(b"customers.fcgi" in _read("/proc/%d/cmdline" % w) for w in new),
          "new child is not customers.fcgi")
    # The new worker serves requests too: enough requests reach both.
    for _ in range(20):
        check_status(c.get("/customers?page=2"), 200, "after the restart")


def test_nginx_reload_keeps_answers_whole():
    """Pages being answered while nginx reloads arrive whole: its old
    workers exited in the middle of passing a page of more than one
    FastCGI buffer on (make soak found it; conf/nginx.conf.in)."""
    import subprocess
    import threading
    import http.client
    prefix = os.path.join(VAR, "nginx")
    stop = threading.Event()
    cut, done = [], []

    def read():
        c = sign_in("leader2")
        n = 0
        while not stop.is_set():
            try:
                r = c.get("/customers")
                check_status(r, 200, "list during reloads")
                n += 1
            except http.client.IncompleteRead as e:
                cut.append(repr(e))
                c.close()
            except (http.client.RemoteDisconnected, ConnectionError):
                c.close()     # an idle keep-alive connection closed: not a cut page
        done.append(n)

    threads = [threading.Thread(target=read) for _ in range(3)]
    for t in threads:
        t.start()
    try:
        for _ in range(8):
            time.sleep(0.6)
            subprocess.run(["nginx", "-p", prefix, "-c", os.path.join(prefix, "nginx.conf"),
                            "-s", "reload"], check=True, timeout=30,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.6)
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=60)
    check(sum(done) > 20, "only %d pages read during the reloads" % sum(done))
    check(not cut, "%d of %d pages cut short during nginx reloads, first %s" % (
        len(cut), sum(done) + len(cut), cut[:2]))
