"""10,000 requests from a few keep-alive connections with one signed-in
session: every answer is what it should be. (LeakSanitizer reports at
shutdown; scripts/test.sh reads the sanitizer logs afterwards.)"""
import threading
import time

from lib import Client, check, sign_in, sql_value

TOTAL = 10000
THREADS = 4
# A hang detector, not a speed test (speed is measured in bench/): about
# 20 s on a quiet 2-core machine, 86 s while other builds loaded it.
TIME_LIMIT = 300.0


def test_soak_10000_requests():
    session = sign_in("staff02")
    cid = sql_value("SELECT id FROM customers WHERE status = 'active' ORDER BY id LIMIT 1 OFFSET 3")
    plan = [
        ("GET", "/customers", None, 200),
        ("GET", "/customers?q=%E5%8D%8E", None, 200),
        ("GET", "/customers/%s" % cid, None, 200),
        ("GET", "/login", None, 303),                       # signed in: off to /
        ("POST", "/login", "username=staff02&password=x", 403),  # no _csrf
        ("GET", "/customers/99999999", None, 404),
        ("GET", "/customers?q=%ff%fe", None, 400),
    ]
    counts = {}
    errors = []
    lock = threading.Lock()

    def worker(n, offset):
        c = Client()
        c.cookies = dict(session.cookies)
        done = 0
        try:
            for i in range(n):
                method, path, body, want = plan[(offset + i) % len(plan)]
                if method == "POST":
                    r = c.post(path, body=body)
                else:
                    r = c.get(path)
                done += 1
                if r.status != want:
                    with lock:
                        errors.append("%s %s -> %d (want %d)" % (method, path, r.status, want))
                if c.cookies.get("kehu_session") != session.cookies["kehu_session"]:
                    with lock:
                        errors.append("session cookie lost after %s %s" % (method, path))
                    break
        except Exception as e:  # connection trouble is a failure, not a crash
            with lock:
                errors.append("%s after %d requests: %s" % (type(e).__name__, done, e))
        finally:
            c.close()
            with lock:
                counts[offset] = done

    per = TOTAL // THREADS
    threads = [threading.Thread(target=worker, args=(per, k)) for k in range(THREADS)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=TIME_LIMIT * 3)
    elapsed = time.monotonic() - t0
    done = sum(counts.values())
    check(not errors, "%d unexpected answers, first: %s" % (len(errors), errors[:5]))
    check(done == per * THREADS, "only %d of %d requests completed" % (done, per * THREADS))
    check(elapsed < TIME_LIMIT, "%d requests took %.1f s" % (done, elapsed))
    print("     (%d requests in %.1f s, %.0f/s)" % (done, elapsed, done / elapsed))
