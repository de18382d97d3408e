"""The database goes away and comes back: pages answer 503 (a readable
page, nothing half-done) while it is down, and the programs reconnect and
re-prepare their statements on their own once it is back."""
import os
import subprocess
import time

from lib import ROOT, check, check_in, check_status, sign_in, sql_value


def _db(action):
    subprocess.run([os.path.join(ROOT, "scripts", "db.sh"), action], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)


def test_pages_recover_after_database_restart():
    c = sign_in("staff01")
    cid = sql_value("SELECT id FROM customers WHERE status = 'active' ORDER BY id LIMIT 1")
    check_status(c.get("/customers/%s" % cid), 200, "before the restart")
    _db("stop")
    try:
        r = c.get("/customers/%s" % cid)
        check_status(r, 503, "while the database is down")
        check_in("数据库暂时不可用", r.text, "503 page")
        check_in('class="error-code">503', r.text, "503 page")
    finally:
        _db("start")
    # Every worker of both programs must find its way back; ask several
    # times so that each worker serves at least one request.
    deadline = time.monotonic() + 10
    for _ in range(8):
        for path in ("/customers/%s" % cid, "/customers", "/"):
            r = c.get(path)
            while r.status != 200 and time.monotonic() < deadline:
                time.sleep(0.2)
                r = c.get(path)
            check_status(r, 200, "%s after the restart (same session)" % path)
    check(c.get("/customers?q=%E5%8D%8E").status == 200, "search after the restart")


def test_database_that_dies_is_started_again():
    """mariadbd killed (InnoDB aborts it on a full disk: make soak): its
    supervisor in scripts/db.sh starts it again and pages come back."""
    import signal
    from lib import VAR
    with open(os.path.join(VAR, "run", "db", "mysqld.pid")) as f:
        pid = int(f.read().strip())
    c = sign_in("staff04")
    check_status(c.get("/customers"), 200, "before the kill")
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 30
    statuses = set()
    while time.monotonic() < deadline:
        r = c.get("/customers")
        statuses.add(r.status)
        if r.status == 200 and 503 in statuses:
            break
        check(r.status in (200, 503), "while the database is away: %d" % r.status)
        time.sleep(0.3)
    check(503 in statuses, "the kill was not noticed (%s)" % sorted(statuses))
    check(r.status == 200, "pages did not come back within 30 s of the kill (%s)" % sorted(statuses))
    with open(os.path.join(VAR, "run", "db", "mysqld.pid")) as f:
        check(int(f.read().strip()) != pid, "the same mariadbd still named in its pid file")
    # The new server made its socket 0777 again; the supervisor narrows it
    # (scripts/db.sh, narrow_socket_when_up) once the server answers.
    sock = os.path.join(VAR, "run", "db", "mysqld.sock")
    deadline = time.monotonic() + 10
    while os.stat(sock).st_mode & 0o002 and time.monotonic() < deadline:
        time.sleep(0.2)
    check(not os.stat(sock).st_mode & 0o002, "the restarted server's socket stays world-writable")
