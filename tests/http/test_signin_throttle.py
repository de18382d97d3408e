"""Sign-in throttling by slowing (name, address) pairs (issue 13, finding 5):
failures never lock out a correct password from an address that has not
failed on the name; a failing pair waits longer after each failure, and is
told how long at once; the home page shows the previous sign-in and the
failures since. Visitors from other addresses connect from 127.0.0.x."""
import re
import time

from lib import (MSG_LOGIN_FAILED, MSG_THROTTLED, PASSWORD, Client, check, check_in,
                 check_status, clear_login_attempts, clear_login_attempts_from, csrf_of,
                 element_text, sign_in, sql, sql_str, sql_value)

HOME = "127.0.0.1"
ELSEWHERE = "127.0.0.2"


def _try(c, name, password):
    if not hasattr(c, "token"):
        c.token = csrf_of(c.get("/login").text)
    return c.post("/login", {"_csrf": c.token, "username": name, "password": password})


def _wait_of(r):
    """The seconds a 429 answer tells the visitor to wait (page and header)."""
    check_status(r, 429, "a try during the wait")
    check_in(MSG_THROTTLED, r.text, "wait message")
    m = re.search(r'<span id="login-wait">(\d+)</span>', r.text)
    check(m, "no seconds to wait in the page")
    check(r.header("Retry-After") == m.group(1),
          "Retry-After %r, page says %s" % (r.header("Retry-After"), m.group(1)))
    return int(m.group(1))


def _failures(name, ip):
    return int(sql_value("SELECT COUNT(*) FROM login_attempts WHERE username = %s"
                         " AND ip = %s AND ok = 0" % (sql_str(name), sql_str(ip))))


def _add_failures(names, ip):
    """Failures just now, one per entry of names, in one statement."""
    if names:
        sql("INSERT INTO login_attempts (username, ip, ok, attempted_at) VALUES %s" %
            ", ".join("(%s, %s, 0, NOW())" % (sql_str(n), sql_str(ip)) for n in names))


def test_failures_from_one_address_do_not_lock_out_another():
    name = "staff10"
    clear_login_attempts(name)
    try:
        guesser = Client(source=HOME)
        statuses = [_try(guesser, name, "bad%d" % i).status for i in range(10)]
        check(set(statuses) <= {401, 429}, "wrong passwords answered %s" % statuses)
        check(statuses[:3] == [401, 401, 401], "the first failures answered %s" % statuses)
        # Ten failures recorded for the pair whatever the waits let through.
        _add_failures([name] * (10 - _failures(name, HOME)), HOME)
        t0 = time.monotonic()
        sign_in(name, source=ELSEWHERE)
        check(time.monotonic() - t0 < 5, "sign-in from another address was held up")
        # The guessing pair itself waits, even with the right password.
        _wait_of(_try(guesser, name, PASSWORD))
        check(_failures(name, HOME) == 10, "a refused try was recorded as a failure")
    finally:
        clear_login_attempts(name)


def test_pair_wait_grows():
    name = "nosuchuser_wait_grows"
    here = "127.0.0.3"
    clear_login_attempts(name)
    clear_login_attempts_from(here)
    try:
        c = Client(source=here)
        for i in range(3):
            r = _try(c, name, "bad%d" % i)
            check_status(r, 401, "failure %d" % (i + 1))
            check_in(MSG_LOGIN_FAILED, r.text, "failure message")
        first = _wait_of(_try(c, name, "bad3"))
        check(1 <= first <= 2, "wait after 3 failures: %d s" % first)
        time.sleep(first + 1.1)
        check_status(_try(c, name, "bad4"), 401, "a try after the wait is checked")
        second = _wait_of(_try(c, name, "bad5"))
        check(second > first, "the wait did not grow: %d s then %d s" % (first, second))
        check(_failures(name, here) == 4, "refused tries were recorded")
    finally:
        clear_login_attempts(name)
        clear_login_attempts_from(here)


def test_address_failing_many_names_is_slowed_only_on_them():
    here = "127.0.0.4"
    names = ["nosuchuser_spray%02d" % i for i in range(30)]
    clear_login_attempts_from(here)
    try:
        _add_failures(names, here)
        c = Client(source=here)
        # A name this address has failed on: slowed at once.
        _wait_of(_try(c, names[0], "again"))
        # A name it has not failed on: checked at once, and right is right.
        sign_in("staff08", source=here)
        check_status(_try(Client(source=here), "nosuchuser_spray_new", "x"), 401,
                     "a first try on a new name")
    finally:
        clear_login_attempts_from(here)


def test_home_shows_previous_sign_in_and_failures_since():
    name = "staff07"
    lang = sql_value("SELECT lang FROM users WHERE username = %s" % sql_str(name))
    clear_login_attempts(name)
    try:
        first = sign_in(name, source=HOME)
        r = first.get("/")
        check_status(r, 200, "home after the first sign-in")
        check(element_text(r.text, "signin-prev") is None, "a first sign-in shows a previous one")
        other = Client(source=ELSEWHERE)
        for i in range(2):
            check_status(_try(other, name, "bad%d" % i), 401, "failure from elsewhere")
        c = sign_in(name, source=HOME)
        r = c.get("/")
        check_status(r, 200, "home after the second sign-in")
        prev = element_text(r.text, "signin-prev")
        check(prev and HOME in prev, "previous sign-in shown as %r" % prev)
        check(re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d", prev), "no time in %r" % prev)
        check(element_text(r.text, "signin-failed-count") == "2",
              "failures shown: %r" % element_text(r.text, "signin-failed-count"))
        failed = element_text(r.text, "signin-failed")
        check(ELSEWHERE in failed, "last failure's address not shown: %r" % failed)
        # In English too.
        c.post("/account/lang", {"_csrf": csrf_of(r.text), "lang": "en", "back": "/"})
        r = c.get("/")
        check_in("Last sign-in:", r.text, "English notice")
        check_in("failed sign-in attempts", r.text, "English failures")
    finally:
        sql("UPDATE users SET lang = %s WHERE username = %s" % (sql_str(lang), sql_str(name)))
        clear_login_attempts(name)
