"""The dashboard's day change (schema/045, dash_day_change) run by hand
while other sessions write orders, order lines, payments and contacts in
transactions of several statements: no statement fails (no deadlock, no
lock wait timeout), and afterwards every dealer's figures equal fresh sums
over the base tables and what a full refresh for the same day gives.

Each writer's transaction first moves a dealer row without reading the day
(a contact), then writes what needs the day (a payment, an order and its
line, a payment marked paid), with pauses between: the order in which a
transaction of 015's design could wait for the day while the day change
waited for its rows."""
import threading

from lib import check, sql, sql_value
from test_dashboard_daily import (_figures, _full_refresh, _mismatches, _new_dealer,
                                  _remove_dealer, _with_timer_off)

WRITERS = 3
ROUNDS = 6


def _writer(cid, k, base, errors):
    """Transactions of dealer cid against days around base (a SQL date)."""
    try:
        for i in range(ROUNDS):
            no = "TDC%d-%d-%d" % (cid, k, i)
            sql("START TRANSACTION;"
                " INSERT INTO contact_log (customer_id, channel, contacted_on, heard)"
                "  VALUES ({c}, 'call', {b} + INTERVAL {i} DAY, 'day change test');"
                " DO SLEEP(0.05);"
                " INSERT INTO payments (customer_id, amount, due_on) VALUES ({c}, {amt}, {b} + INTERVAL {i} DAY);"
                " DO SLEEP(0.05);"
                " INSERT INTO orders (order_no, customer_id, ordered_on, total)"
                "  VALUES ('{no}', {c}, {b} - INTERVAL 1 YEAR + INTERVAL {i} DAY, {amt});"
                " INSERT INTO order_lines (order_id, product_id, quantity, unit_price, amount)"
                "  VALUES (LAST_INSERT_ID(), 1, 1, {amt}, {amt});"
                " DO SLEEP(0.05);"
                " UPDATE payments SET paid_amount = amount, paid_on = {b} + INTERVAL {i} DAY"
                "  WHERE customer_id = {c} AND paid_on IS NULL ORDER BY id LIMIT 1;"
                " COMMIT;".format(c=cid, b=base, i=i, amt=100 + 10 * k + i, no=no))
    except Exception as e:  # the test fails with the first error of any session
        errors.append("writer %d: %s" % (k, e))


def _changer(days, errors):
    try:
        for day, full in days:
            sql("CALL dash_day_change(%s, %d)" % (day, full))
    except Exception as e:
        errors.append("day change: %s" % e)


def test_day_change_beside_writes():
    cids = [_new_dealer() for _ in range(WRITERS)]
    base = "'%s'" % sql_value("SELECT DATE_FORMAT(CURDATE() - INTERVAL 1 MONTH, '%Y-%m-02')")

    def body():
        _full_refresh(base)
        # Advances over the days the writers write, back to the start by a
        # full refresh, then a month change: each path meets the writers.
        days = [("%s + INTERVAL %d DAY" % (base, n), 0) for n in range(1, 6)]
        days += [(base, 1), ("%s + INTERVAL 1 MONTH" % base, 0), ("%s + INTERVAL 3 DAY" % base, 0)]
        errors = []
        threads = [threading.Thread(target=_writer, args=(c, k, base, errors))
                   for k, c in enumerate(cids)]
        threads.append(threading.Thread(target=_changer, args=(days, errors)))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        check(not errors, "sessions failed: %s" % errors)
        day = "%s + INTERVAL 3 DAY" % base
        check(sql_value("SELECT as_of = %s FROM dash_state WHERE id = 1" % day) == "1",
              "the last day change stands")
        bad = _mismatches(day)
        check(not bad, "dealers differ from fresh sums: %s" % bad)
        moved = _figures()
        _full_refresh(day)
        full = _figures()
        for c in cids:
            check(moved[str(c)] == full[str(c)],
                  "dealer %d: after the changes %s, full refresh %s" % (c, moved[str(c)], full[str(c)]))
        check(moved == full, "every dealer as a full refresh gives")
    try:
        _with_timer_off(body)
    finally:
        for c in cids:
            sql("DELETE FROM contact_log WHERE customer_id = %d" % c)
            _remove_dealer(c)
