#!/usr/bin/python3
"""Faults under a steady write load (make soak; a short run in make test).

Run by scripts/soak.sh against its own throwaway stack, whose MariaDB data
directory and $KEHU_VAR/files are small tmpfs mounts (SOAK_DISK=1).

Writers, each recording every write the server acknowledged:
  - public complaint submitters, each submission from its own loopback
    address with the form's idempotency token; a refused or unanswered
    submission is sent again with the same token until it is acknowledged
    (303 to its receipt); every other one carries a small PNG;
  - signed-in staff adding contact-log entries to customers (no token:
    a refused entry is not sent again);
  - a reader, timing pages.
Every write carries a marker of its own in its text, so the database can be
checked for it at the end.

Faults, one after another (SOAK_SECONDS: the short run does each once, a
longer one repeats the cycle): MariaDB restarted; a worker killed with
SIGKILL; nginx -s reload; the data disk full (the filesystems filled, then
emptied again); slow clients sending headers byte by byte; a 1 GB upload.

Checks: no 500 (from the programs or nginx), every refusal a readable page,
nothing refused that was then stored, 0 acknowledged writes lost, 0
duplicated, every program answering at the end, no half-written file
(scripts/soak.sh then checks the sanitizer logs).
Prints the figures and, last, "soak: N problem(s)"; exit status 1 if any.
"""
import collections
import errno
import os
import random
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "http"))

import lib  # noqa: E402
from lib import csrf_of, sign_in, sql, sql_value  # noqa: E402
from test_complaint_public import PNG, PublicClient, multipart, new_addr  # noqa: E402
from test_resilience import _children, _supervisor  # noqa: E402

SECONDS = int(os.environ.get("SOAK_SECONDS") or "75")
DISK = os.environ.get("SOAK_DISK") == "1"
SUBMITTERS = int(os.environ.get("SOAK_SUBMITTERS") or "3")
STAFF = int(os.environ.get("SOAK_STAFF") or "2")
SLOW_CLIENTS = int(os.environ.get("SOAK_SLOW_CLIENTS") or "300")
UPLOAD_BYTES = 1 << 30
RUN = uuid.uuid4().hex[:8]
VAR = lib.VAR

# A write refused with one of these may be sent again; the app's own pages
# (503, 507) say that nothing was done, nginx's 502/504 do not know.
RETRY = {429, 502, 503, 504, 507}
APP_REFUSALS = {503, 507}
READABLE = re.compile(r"<h1[^>]*>\s*\S")


class Tally:
    """Everything the threads observe, behind one lock."""

    def __init__(self):
        self.lock = threading.Lock()
        self.statuses = collections.Counter()     # (kind, status)
        self.problems = []                         # what fails the run
        self.acked = {"complaint": {}, "contact": {}}   # marker -> detail
        self.refused_by_app = {"complaint": set(), "contact": set()}
        self.sent = collections.Counter()
        self.attempts = collections.Counter()
        self.last_ack = {"complaint": 0.0, "contact": 0.0}
        self.read_ms = []

    def status(self, kind, resp_or_exc):
        with self.lock:
            if isinstance(resp_or_exc, Exception):
                self.statuses[(kind, type(resp_or_exc).__name__)] += 1
                # A connection may drop (a killed worker, a stopped server);
                # an answer cut short is a broken page.
                if isinstance(resp_or_exc, lib.http.client.IncompleteRead):
                    self.problems.append("%s: answer cut short: %r" % (kind, resp_or_exc))
                return
            r = resp_or_exc
            self.statuses[(kind, r.status)] += 1
            if r.status >= 500 and r.status not in RETRY:
                self.problems.append("%s: %s %s -> %d: %s" % (
                    kind, r.method, r.path, r.status, r.snippet()[:200]))
            if r.status >= 400 and not READABLE.search(r.text):
                self.problems.append("%s: %s %s -> %d without a readable page: %r" % (
                    kind, r.method, r.path, r.status, r.text[:200]))

    def outcome(self, kind, marker, r, acked, detail):
        """What the answer r to write `marker` means: "acked" (recorded with
        detail), "retry" (refused, may be sent again) or "failed"."""
        if acked:
            with self.lock:
                self.acked[kind][marker] = detail
                self.last_ack[kind] = now()
            return "acked"
        if r.status in RETRY:
            if r.status in APP_REFUSALS:
                with self.lock:
                    self.refused_by_app[kind].add(marker)
            time.sleep(0.5)
            return "retry"
        self.problem("%s %s: %d %s" % (kind, marker, r.status, r.snippet()[:200]))
        return "failed"

    def problem(self, text):
        with self.lock:
            self.problems.append(text)


T = Tally()
stop_writing = threading.Event()
t_start = time.monotonic()


def now():
    return time.monotonic() - t_start


def log(text):
    print("[%5.1f s] %s" % (now(), text), flush=True)


# --- writers -----------------------------------------------------------------

def complaint_fields(marker, ctx):
    return {"kind": "complaint", "reason": "quality", "name": "压力测试",
            "phone": "139-0000-%04d" % random.randint(0, 9999),
            "email": "", "company": "", "province_id": ctx["province"],
            "product_id": ctx["product"], "product_text": "",
            "purchase_date": ctx["purchased"], "order_ref": "",
            "packaging_intact": "", "description": "净水器漏水。" + marker,
            "referral_code": ""}


def submit_once(c, body, ctype):
    r = c.post("/complaint", body=body, headers={"Content-Type": ctype})
    T.status("complaint", r)
    return r


def submitter(k, ctx):
    n = 0
    while not stop_writing.is_set():
        n += 1
        marker = "SOAK-%s-p%d-%d" % (RUN, k, n)
        with_file = n % 2 == 0
        c = PublicClient(addr=new_addr(), timeout=120)
        with T.lock:
            T.sent["complaint"] += 1
        acked = False
        body = ctype = idem = None
        # Until acknowledged: after the writers stop, a grace period lets a
        # write caught by the last fault through.
        deadline = None
        while not acked:
            if stop_writing.is_set():
                deadline = deadline or time.monotonic() + 30
                if time.monotonic() > deadline:
                    break
            with T.lock:
                T.attempts["complaint"] += 1
            try:
                if body is None:
                    form = c.get("/complaint")
                    T.status("complaint-form", form)
                    if form.status != 200:
                        time.sleep(0.5)
                        continue
                    # The key the server signed (core/secret.c): its nonce
                    # (the first 32 hex digits) is complaints.idem_key.
                    idem = re.search(r'name="idem" value="([0-9a-f]{96})"', form.text).group(1)
                    files = [("file1", "leak.png", "image/png", PNG)] if with_file else []
                    body, ctype = multipart(dict(complaint_fields(marker, ctx),
                                                 _csrf=csrf_of(form.text), idem=idem), files)
                r = submit_once(c, body, ctype)
            except (OSError, lib.http.client.HTTPException) as e:
                T.status("complaint", e)
                c.close()
                time.sleep(0.5)
                continue
            ok = r.status == 303 and (r.location or "").endswith("k=" + idem)
            result = T.outcome("complaint", marker, r, ok, (idem, with_file))
            if result == "failed":
                break
            acked = result == "acked"
        c.close()


def answer(kind, c, request, pause=0.5):
    """request()'s response, counted; None (after a pause) when the
    connection failed."""
    try:
        r = request()
    except (OSError, lib.http.client.HTTPException) as e:
        T.status(kind, e)
        c.close()
        time.sleep(pause)
        return None
    T.status(kind, r)
    return r


def staff_writer(k, customers):
    c = sign_in("staff%02d" % (k + 1))
    token = csrf_of(c.get("/customers/%s" % customers[0]).text)
    n = 0
    while not stop_writing.is_set():
        n += 1
        marker = "SOAK-%s-s%d-%d" % (RUN, k, n)
        cid = customers[n % len(customers)]
        with T.lock:
            T.sent["contact"] += 1
            T.attempts["contact"] += 1
        r = answer("contact", c, lambda: c.post("/customers/%s/entries" % cid, {
            "_csrf": token, "entry": "contact", "channel": "visit",
            "contacted_on": "2026-11-20", "heard": marker}))
        if r is None:
            continue
        # Not sent again when refused: it carries no idempotency token.
        if T.outcome("contact", marker, r, r.status == 303, cid) == "failed":
            time.sleep(0.5)
    c.close()


def reader(customers):
    c = sign_in("leader1")
    paths = ["/customers", "/customers/%s" % customers[0], "/complaints", "/"]
    n = 0
    while not stop_writing.is_set():
        path = paths[n % len(paths)]
        n += 1
        t0 = time.monotonic()
        r = answer("read", c, lambda: c.get(path), pause=0.2)
        if r is not None and r.status == 200:
            with T.lock:
                T.read_ms.append((now(), (time.monotonic() - t0) * 1000.0))
        time.sleep(0.05)
    c.close()


# --- faults ------------------------------------------------------------------

def script(*args):
    subprocess.run([os.path.join(lib.ROOT, "scripts", args[0])] + list(args[1:]),
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)


def fault_db_restart():
    script("db.sh", "stop")
    time.sleep(2)
    script("db.sh", "start")


def fault_kill_worker():
    for program in ("complaint_public", "customers"):
        sup = _supervisor(program)
        workers = _children(sup)
        if not workers:
            T.problem("kill -9: no %s worker under multiwatch %d" % (program, sup))
            continue
        victim = random.choice(workers)
        os.kill(victim, signal.SIGKILL)
        log("  killed %s worker %d" % (program, victim))


def fault_nginx_reload():
    prefix = os.path.join(VAR, "nginx")
    subprocess.run(["nginx", "-p", prefix, "-c", os.path.join(prefix, "nginx.conf"),
                    "-s", "reload"], check=True, timeout=30,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def fill(directory):
    """Fills the filesystem of directory; returns the filler's path."""
    path = os.path.join(directory, "soak-filler")
    with open(path, "wb") as f:
        st = os.statvfs(directory)
        try:
            os.posix_fallocate(f.fileno(), 0, max(st.f_bavail * st.f_frsize, 1))
        except OSError as e:
            if e.errno != errno.ENOSPC:
                raise
        block = b"\0" * 65536
        try:
            f.seek(0, os.SEEK_END)
            while True:
                f.write(block)
                f.flush()
        except OSError as e:
            if e.errno != errno.ENOSPC:
                raise
    return path


def fault_disk_full(hold):
    if not DISK:
        log("  skipped: no small filesystems mounted (see scripts/soak.sh)")
        return
    dirs = [os.path.join(VAR, "mysql"), os.path.join(VAR, "files")]
    fillers = []
    try:
        for d in dirs:
            fillers.append(fill(d))
            st = os.statvfs(d)
            log("  %s full: %d bytes free" % (d, st.f_bavail * st.f_frsize))
        before = collections.Counter(T.statuses)
        time.sleep(hold)
        during = collections.Counter(T.statuses)
        during.subtract(before)
        log("  answers while full: %s" % summary(+during))
    finally:
        for f in fillers:
            try:
                os.unlink(f)
            except OSError:
                pass
    freed = now()
    # Recovery: both kinds of write are acknowledged again.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if min(T.last_ack.values()) > freed:
            log("  writes acknowledged again %.1f s after space returned" % (
                min(T.last_ack.values()) - freed))
            return
        time.sleep(0.2)
    T.problem("disk full: writes not acknowledged within 60 s after space returned")


def fault_slow_clients(hold):
    """SLOW_CLIENTS connections, each sending a request header a byte at a
    time, while the writers and the reader go on."""
    head = ("GET / HTTP/1.1\r\nHost: %s:%d\r\nUser-Agent: slow\r\nX-a: %s\r\n" % (
        lib.HOST, lib.PORT, "b" * 200)).encode()
    socks = []
    for _ in range(SLOW_CLIENTS):
        try:
            s = socket.create_connection((lib.HOST, lib.PORT), timeout=5)
            socks.append([s, 0])
        except OSError:
            break
    log("  %d slow connections open" % len(socks))
    end = time.monotonic() + hold
    while time.monotonic() < end and socks:
        for entry in list(socks):
            s, pos = entry
            try:
                s.send(head[pos % len(head):pos % len(head) + 1])
                entry[1] += 1
            except OSError:
                socks.remove(entry)
        time.sleep(0.25)
    log("  %d slow connections still open at the end" % len(socks))
    for s, _ in socks:
        s.close()


def fault_big_upload(c):
    """1 GB of body to the import, chunked (no length to refuse it by),
    while the others go on: nginx stops it at its limit with the 413 page.
    c: a signed-in client."""
    s = socket.create_connection((lib.HOST, lib.PORT), timeout=60)
    s.sendall(("POST /customers/import HTTP/1.1\r\nHost: %s:%d\r\nCookie: %s\r\n"
               "Content-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n" % (
                   lib.HOST, lib.PORT, c.cookie_header())).encode())
    answer = []
    answered = threading.Event()

    def read_answer():
        try:
            while True:
                got = s.recv(65536)
                if not got:
                    break
                answer.append(got)
                if b"\r\n\r\n" in b"".join(answer):
                    break
        except OSError:
            pass
        answered.set()

    t = threading.Thread(target=read_answer)
    t.start()
    chunk = b"%x\r\n" % (1 << 20) + b"a" * (1 << 20) + b"\r\n"
    sent = 0
    t0 = time.monotonic()
    try:
        while sent < UPLOAD_BYTES and not answered.is_set():
            s.sendall(chunk)
            sent += 1 << 20
        if sent >= UPLOAD_BYTES:
            s.sendall(b"0\r\n\r\n")
    except OSError:
        pass
    answered.wait(60)
    s.close()
    t.join(5)
    head = b"".join(answer)
    status = head.split(b" ", 2)[1].decode() if head.startswith(b"HTTP/") else "none"
    log("  upload: %d MB sent in %.1f s, answer %s" % (sent >> 20, time.monotonic() - t0, status))
    if status != "413":
        T.problem("1 GB upload: answered %s, expected 413" % status)


def summary(counter):
    return ", ".join("%s %s: %d" % (k[0], k[1], v) for k, v in sorted(
        counter.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))))


# --- the final check ---------------------------------------------------------

def stored(kind):
    """marker -> number of rows carrying it."""
    like = "'SOAK-%s-%%'" % RUN
    if kind == "complaint":
        rows = sql("SELECT SUBSTRING_INDEX(description, '。', -1), COUNT(*) FROM complaints"
                   " WHERE description LIKE CONCAT('%%', %s) GROUP BY 1" % like)
    else:
        rows = sql("SELECT heard, COUNT(*) FROM contact_log WHERE heard LIKE %s GROUP BY 1" % like)
    return {m: int(n) for m, n in rows}


def check_database():
    """MariaDB is up at the end, and how often it died on the way (InnoDB
    aborts on a full disk; scripts/db.sh's supervisor starts it again)."""
    with open(os.path.join(VAR, "log", "mariadb.log"), errors="replace") as f:
        aborts = sum(1 for line in f if "mariadbd got signal" in line)
    print("soak: MariaDB aborted %d time(s), started again by its supervisor" % aborts, flush=True)
    deadline = time.monotonic() + 60
    while True:
        try:
            sql("SELECT 1")
            return
        except lib.TestFailure as e:
            if time.monotonic() > deadline:
                T.problem("MariaDB not back 60 s after the load: %s" % e)
                script("db.sh", "start")   # so that the writes can still be checked
                return
            time.sleep(1)


def check_writes():
    figures = {}
    for kind in ("complaint", "contact"):
        rows = stored(kind)
        acked = T.acked[kind]
        found = sum(1 for m in acked if m in rows)
        lost = sorted(m for m in acked if m not in rows)
        dup = sorted(m for m, n in rows.items() if n > 1)
        refused_stored = sorted(m for m in T.refused_by_app[kind] if m in rows and m not in acked)
        figures[kind] = (T.sent[kind], len(acked), found, len(lost), len(dup))
        print("soak: %-9s sent %d, acknowledged %d, found %d, lost %d, duplicated %d"
              " (attempts %d, stored without acknowledgement %d)" % (
                  kind, T.sent[kind], len(acked), found, len(lost), len(dup),
                  T.attempts[kind], len([m for m in rows if m not in acked])), flush=True)
        if lost:
            T.problem("%s: %d acknowledged writes lost, first %s" % (kind, len(lost), lost[:5]))
        if dup:
            T.problem("%s: %d writes stored twice, first %s" % (kind, len(dup), dup[:5]))
        if refused_stored:
            T.problem("%s: %d writes answered 'not done' (503/507) but stored, first %s" % (
                kind, len(refused_stored), refused_stored[:5]))
        if not acked:
            T.problem("%s: no write was acknowledged at all" % kind)
    # Audit rows and files of the acknowledged complaints.
    keys = [idem[:32] for idem, _ in T.acked["complaint"].values()]
    if keys:
        inlist = ",".join("'%s'" % k for k in keys)
        unaudited = sql_value(
            "SELECT COUNT(*) FROM complaints c WHERE c.idem_key IN (%s) AND NOT EXISTS"
            " (SELECT 1 FROM audit_log a WHERE a.entity = 'complaint' AND a.entity_id = c.id"
            "  AND a.action = 'complaint.create')" % inlist)
        if unaudited != "0":
            T.problem("%s acknowledged complaints without their audit row" % unaudited)
        with_file = [idem[:32] for idem, f in T.acked["complaint"].values() if f]
        if with_file:
            names = sql("SELECT a.stored_name FROM complaint_attachments a JOIN complaints c"
                        " ON c.id = a.complaint_id WHERE c.idem_key IN (%s)" % ",".join(
                            "'%s'" % k for k in with_file))
            if len(names) != len(with_file):
                T.problem("%d complaints acknowledged with a file, %d attachment rows" % (
                    len(with_file), len(names)))
            missing = [n for (n,) in names if not os.path.exists(os.path.join(VAR, "files", n))]
            if missing:
                T.problem("%d attachment files missing, first %s" % (len(missing), missing[:3]))
    parts = [f for f in os.listdir(os.path.join(VAR, "files")) if f.endswith(".part")]
    if parts:
        T.problem("half-written files left in files/: %s" % parts[:5])
    return figures


def check_programs_answer():
    """No stuck worker: every program answers a few requests in time."""
    c = sign_in("admin")
    paths = ["/", "/customers", "/complaint", "/complaints", "/complaints/overview",
             "/plans", "/dashboard"]
    for path in paths:
        for _ in range(4):
            t0 = time.monotonic()
            r = c.get(path)
            if r.status not in (200, 303) or time.monotonic() - t0 > 10:
                T.problem("after the faults: %s -> %d in %.1f s" % (
                    path, r.status, time.monotonic() - t0))
                break
    c.close()


def check_nginx_log():
    """No 500 answered to anyone, the slow and the big clients included."""
    n500 = 0
    with open(os.path.join(lib.VAR, "log", "nginx-access.log"), errors="replace") as f:
        for line in f:
            if re.search(r'" 500 ', line):
                n500 += 1
                if n500 <= 3:
                    T.problem("nginx access log: %s" % line.strip()[:200])
    print("soak: 500 answers in nginx's access log: %d" % n500, flush=True)


# --- run ---------------------------------------------------------------------

def main():
    ctx = {"province": sql_value("SELECT id FROM provinces WHERE code = 'zhejiang'"),
           "product": sql_value("SELECT id FROM products WHERE active = 1 ORDER BY id LIMIT 1"),
           "purchased": sql_value("SELECT CURDATE() - INTERVAL 3 DAY")}
    customers = [r[0] for r in sql("SELECT id FROM customers WHERE status = 'active'"
                                   " ORDER BY id LIMIT 8")]
    uploader = sign_in("staff03")
    threads = [threading.Thread(target=submitter, args=(k, ctx)) for k in range(SUBMITTERS)]
    threads += [threading.Thread(target=staff_writer, args=(k, customers)) for k in range(STAFF)]
    threads.append(threading.Thread(target=reader, args=(customers,)))
    log("soak %s: %d s, %d submitters, %d staff writers, disk faults %s" % (
        RUN, SECONDS, SUBMITTERS, STAFF, "on" if DISK else "off"))
    for t in threads:
        t.start()
    gap = 4
    faults = [("MariaDB restart", fault_db_restart),
              ("kill -9 of a worker", fault_kill_worker),
              ("nginx -s reload", fault_nginx_reload),
              ("disk full", lambda: fault_disk_full(8)),
              ("slow clients", lambda: fault_slow_clients(10)),
              ("1 GB upload", lambda: fault_big_upload(uploader))]
    time.sleep(gap)
    rounds = 0
    try:
        while True:
            for name, fn in faults:
                before = collections.Counter(T.statuses)
                log("fault: %s" % name)
                try:
                    fn()
                except Exception as e:  # a fault that could not be injected fails the run
                    T.problem("fault %s: %s: %s" % (name, type(e).__name__, e))
                time.sleep(gap)
                after = collections.Counter(T.statuses)
                after.subtract(before)
                log("  answers: %s" % summary(+after))
            rounds += 1
            if now() + 40 > SECONDS:
                break
        time.sleep(max(0, min(SECONDS - now(), 10)))
    finally:
        stop_writing.set()
        for t in threads:
            t.join(timeout=120)
    log("writers stopped after %d round(s) of faults" % rounds)
    check_database()
    check_writes()
    check_programs_answer()
    check_nginx_log()
    slow = sorted(ms for _, ms in T.read_ms)
    if slow:
        print("soak: reads %d, median %.0f ms, p99 %.0f ms, max %.0f ms" % (
            len(slow), slow[len(slow) // 2], slow[int(len(slow) * 0.99)], slow[-1]), flush=True)
    print("soak: answers: %s" % summary(T.statuses), flush=True)
    for p in T.problems[:30]:
        print("FAIL %s" % p, flush=True)
    if len(T.problems) > 30:
        print("FAIL ... and %d more" % (len(T.problems) - 30), flush=True)
    print("soak: %d problem(s)" % len(T.problems), flush=True)
    return 1 if T.problems else 0


if __name__ == "__main__":
    sys.exit(main())
