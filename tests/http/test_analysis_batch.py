"""The customer-analysis batch (tools/kehu-analyse.c, docs/analysis.md "The
batch"): six customers with hand-made histories in 2000-2001, long before
the demo data begins, analysed as of 2001-06-30 so that they are the only
buyers of the period; their customer_analysis rows against values worked
out by hand below, customers.abc_class / lifecycle (with and without an
override), the report cells against the orders, a wake-up outcome, a failed
run that leaves the results as they were, and a requested run taken by the
runner. The test data is removed and the stack analysed again at the end.

The period is 2000-07-01 .. 2001-06-30; the watch windows (90 days) are
recent 2001-04-02 .. 2001-06-30 and earlier 2001-01-02 .. 2001-04-01.
Product T17B-X costs 30.00.

P: orders 2000-07-15 and 2000-10-15 (1 × 1000.00 each), 2001-01-10, 02-10,
   03-10 (10 × 10000.00 each), 04-10, 05-10 (2 × 2000.00 each), and a
   cancelled order of 2001-06-20 (ignored). Revenue 36000.00 (3,600,000),
   quantity 36: cost 1080.00. Rebate 500.00 (2001-03-01) and promotion
   300.00 (05-01); a rebate of 1999 is outside the period. Support 1200.00
   (2001-02-01). Compensation 250.00 paid 2001-06-01 (one complaint).
   Profit 3,600,000 − 108,000 − 80,000 − 120,000 − 25,000 = 3,267,000.
   Gaps 92 87 31 28 31 30 days: median of 28 30 31 31 87 92 = 31; 51 days
   since 05-10: 165 % → 瞌睡 (2). Purchases in all four quarters (91 days)
   back from 06-30 → loyal. Payments: earlier due 01-15 paid on time,
   02-15 paid 2 days late (1.0 day: 10 tenths); recent 04-15 paid 15 late,
   05-15 paid 20 late (17.5: 175 tenths) → late rising (1). Orders: earlier
   30000.00, recent 4000.00, −87 % → falling (2). Reasons 3, score 3 + 3.
B: one order 2001-06-01, 6 × 1000.00: 600,000; interval 90 (default), 29
   days → awake; one-time.
Q: one order 2000-10-01, 1 × 500.00: 50,000; 272 days / 90 = 302 % → 半睡
   (3). Contact 2001-05-01 with a next action due 06-01 not done →
   unanswered (4); another due 07-15 (after as_of) does not count.
   Complaints 05-05 and 06-10 → recurring (8). Reasons 12, score 2 + 2.
   Override: loyal (customers.lifecycle loyal, proposal one_time).
W: orders 2000-08-01 and 2001-06-15 (1 × 100.00 each): 20,000; gap 318,
   15 days → awake; a wake decision of 2001-06-01 woke on 06-15.
R: no order, one contact (03-01) → potential; never bought (sleep 0).
S: nothing → target.

ABC over 4,270,000: P first (0 before) A; B 3,600,000 before = 84.3 % → B;
Q (98.4 %) and W C; R and S (no revenue) C.
RFM over the four buyers (n = 4, score 1 + ⌊5·L/4⌋, L = strictly worse):
  recency W 15, B 29, P 51, Q 272 → W 4, B 3, P 2, Q 1
  frequency P 7, W 2, B 1, Q 1 → P 4, W 3, B 1, Q 1
  monetary P, B, Q, W → 4, 3, 2, 1
  P low-high-high 重要保持 (2); B high-low-high 重要发展 (3);
  Q all low 一般挽留 (8); W high-high-low 一般价值 (5).
Nobody bought in the period before, so every class keeps 100 %: lifetime
value = profit × 1 / (1 + 0.10 − 1) = 10 × profit."""
import time

from analysis_fixture import analyse
from lib import check, sql, sql_value

AS_OF = "2001-06-30"
TAG = "T17B-"


def ids():
    rows = sql("SELECT code, id FROM customers WHERE code LIKE '%s%%'" % TAG)
    return {code[len(TAG):]: int(i) for code, i in rows}


def remove():
    c = ",".join(str(i) for i in ids().values()) or "0"
    product = "(SELECT id FROM products WHERE code = '%sX')" % TAG
    sql("""
        DELETE FROM order_lines WHERE order_id IN (SELECT id FROM orders WHERE customer_id IN ({c}));
        DELETE FROM payments WHERE customer_id IN ({c});
        DELETE FROM orders WHERE customer_id IN ({c});
        DELETE FROM contact_log WHERE customer_id IN ({c});
        DELETE FROM customer_incentives WHERE customer_id IN ({c});
        DELETE e FROM support_executions e JOIN support_plans p ON p.id = e.plan_id
         WHERE p.customer_id IN ({c});
        DELETE FROM support_plans WHERE customer_id IN ({c});
        DELETE x FROM complaint_proposals x JOIN complaints k ON k.id = x.complaint_id
         WHERE k.customer_id IN ({c});
        DELETE x FROM complaint_handling x JOIN complaints k ON k.id = x.complaint_id
         WHERE k.customer_id IN ({c});
        DELETE x FROM complaint_events x JOIN complaints k ON k.id = x.complaint_id
         WHERE k.customer_id IN ({c});
        DELETE FROM complaints WHERE customer_id IN ({c});
        DELETE FROM wake_decisions WHERE customer_id IN ({c});
        DELETE FROM customer_life_overrides WHERE customer_id IN ({c});
        DELETE FROM customer_analysis WHERE customer_id IN ({c});
        DELETE FROM customers WHERE id IN ({c});
        DELETE FROM products WHERE id = {p};
    """.format(c=c, p=product))


def order(cust, day, qty, yuan, status="delivered"):
    sql("INSERT INTO orders (order_no, customer_id, ordered_on, status, total)"
        " VALUES ('%s%d-%s-%d', %d, '%s', '%s', %d)" % (TAG, cust, day, qty, cust, day, status, qty * yuan))
    oid = int(sql_value("SELECT MAX(id) FROM orders WHERE customer_id = %d" % cust))
    sql("INSERT INTO order_lines (order_id, product_id, quantity, unit_price, amount)"
        " SELECT %d, id, %d, %d, %d FROM products WHERE code = '%sX'" % (oid, qty, yuan, qty * yuan, TAG))


def complaint(cust, n, day):
    sql("INSERT INTO complaints (tracking_no, customer_id, region_id, kind, reason, contact_name,"
        " contact_phone, description, received_at, status)"
        " VALUES ('%s%d-%d', %d, 1, 'complaint', 'quality', 'T', '1', 'test', '%s 10:00:00', 'closed')"
        % (TAG, cust, n, cust, day))
    return int(sql_value("SELECT id FROM complaints WHERE tracking_no = '%s%d-%d'" % (TAG, cust, n)))


def make_history():
    remove()
    sql("INSERT INTO products (code, name, category_id, unit_cost) VALUES ('%sX', '测试产品', 1, 30.00)" % TAG)
    for name in "PBQWRS":
        sql("INSERT INTO customers (code, name, kind, region_id) VALUES ('%s%s', '批处理测试%s', 'end_customer', 1)"
            % (TAG, name, name))
    c = ids()
    p, b, q, w, r = c["P"], c["B"], c["Q"], c["W"], c["R"]
    for day, qty, yuan in (("2000-07-15", 1, 1000), ("2000-10-15", 1, 1000), ("2001-01-10", 10, 1000),
                           ("2001-02-10", 10, 1000), ("2001-03-10", 10, 1000), ("2001-04-10", 2, 1000),
                           ("2001-05-10", 2, 1000)):
        order(p, day, qty, yuan)
    order(p, "2001-06-20", 100, 1000, status="cancelled")
    order(b, "2001-06-01", 6, 1000)
    order(q, "2000-10-01", 1, 500)
    order(w, "2000-08-01", 1, 100)
    order(w, "2001-06-15", 1, 100)
    sql("INSERT INTO payments (customer_id, amount, due_on, paid_on) VALUES"
        " (%d, 1, '2001-01-15', '2001-01-15'), (%d, 1, '2001-02-15', '2001-02-17'),"
        " (%d, 1, '2001-04-15', '2001-04-30'), (%d, 1, '2001-05-15', '2001-06-04')" % (p, p, p, p))
    sql("INSERT INTO customer_incentives (customer_id, kind, granted_on, amount) VALUES"
        " (%d, 'rebate', '2001-03-01', 500), (%d, 'promotion', '2001-05-01', 300),"
        " (%d, 'rebate', '1999-03-01', 100)" % (p, p, p))
    sql("INSERT INTO support_plans (customer_id, year, created_by, created_at, updated_at)"
        " VALUES (%d, 2001, 1, NOW(), NOW())" % p)
    plan = int(sql_value("SELECT id FROM support_plans WHERE customer_id = %d" % p))
    sql("INSERT INTO support_executions (plan_id, line_key, done_on, what_done, actual_cost,"
        " recorded_by, recorded_at) VALUES (%d, 1, '2001-02-01', 'test', 1200, 1, NOW())" % plan)
    k = complaint(p, 1, "2001-05-20")
    sql("INSERT INTO complaint_proposals (complaint_id, remedy, amount, detail, proposed_by, proposed_at,"
        " decision) VALUES (%d, 'compensation', 250, 'test', 1, NOW(), 'approved')" % k)
    sql("INSERT INTO complaint_handling (complaint_id, compensation_paid_on) VALUES (%d, '2001-06-01')" % k)
    complaint(q, 1, "2001-05-05")
    complaint(q, 2, "2001-06-10")
    sql("INSERT INTO contact_log (customer_id, channel, contacted_on, heard, next_action, next_due, done)"
        " VALUES (%d, 'call', '2001-05-01', 'test', 'call back', '2001-06-01', 0),"
        " (%d, 'call', '2001-06-20', 'test', 'visit', '2001-07-15', 0),"
        " (%d, 'visit', '2001-03-01', 'test', '', NULL, 0)" % (q, q, r))
    sql("INSERT INTO customer_life_overrides (customer_id, stage, reason, set_by)"
        " VALUES (%d, 'loyal', 'test', 1)" % q)
    sql("INSERT INTO wake_decisions (customer_id, region_id, sleep_state, decision, decided_by, decided_on)"
        " VALUES (%d, 1, 3, 'wake', 1, '2001-06-01'), (%d, 1, 2, 'wake', 1, '2001-06-01')" % (w, r))
    return c


COLS = ("abc_class revenue revenue_rank life_proposed sleep_state interval_days days_since"
        " first_purchase_on rfm_r rfm_f rfm_m rfm_segment cost_of_goods rebates_promotions support"
        " compensation profit lifetime_value watch_reasons watch_score late_tenths_earlier"
        " late_tenths_recent orders_earlier orders_recent unanswered complaints_recent").split()


def row(cid):
    r = sql("SELECT %s FROM customer_analysis WHERE customer_id = %d" % (", ".join(COLS), cid))
    check(r, "no customer_analysis row for %d" % cid)
    return dict(zip(COLS, r[0]))


def expect(name, got, **want):
    for k, v in want.items():
        check(got[k] == str(v), "%s: %s is %s, expected %s" % (name, k, got[k], v))


def test_batch_on_hand_made_histories():
    c = make_history()
    try:
        p = analyse("--once", "--as-of", AS_OF)
        check(p.returncode == 0, "kehu-analyse failed: %s" % p.stderr.decode()[-600:])
        expect("P", row(c["P"]), abc_class="A", revenue=3600000, revenue_rank=1, life_proposed="loyal",
               sleep_state=2, interval_days=31, days_since=51, first_purchase_on="2000-07-15",
               rfm_r=2, rfm_f=4, rfm_m=4, rfm_segment=2, cost_of_goods=108000,
               rebates_promotions=80000, support=120000, compensation=25000, profit=3267000,
               lifetime_value=32670000, watch_reasons=3, watch_score=6, late_tenths_earlier=10,
               late_tenths_recent=175, orders_earlier=3000000, orders_recent=400000)
        expect("B", row(c["B"]), abc_class="B", revenue=600000, revenue_rank=2, life_proposed="one_time",
               sleep_state=1, interval_days=90, days_since=29, rfm_r=3, rfm_f=1, rfm_m=3, rfm_segment=3,
               cost_of_goods=18000, profit=582000, watch_reasons=0)
        expect("Q", row(c["Q"]), abc_class="C", revenue=50000, revenue_rank=3, life_proposed="one_time",
               sleep_state=3, days_since=272, rfm_segment=8, unanswered=1, complaints_recent=2,
               watch_reasons=12, watch_score=4, profit=47000)
        expect("W", row(c["W"]), abc_class="C", revenue_rank=4, sleep_state=1, interval_days=318,
               days_since=15, rfm_r=4, rfm_f=3, rfm_m=1, rfm_segment=5)
        expect("R", row(c["R"]), abc_class="C", life_proposed="potential", sleep_state=0, days_since=-1,
               first_purchase_on="NULL", rfm_segment=0, revenue=0)
        expect("S", row(c["S"]), life_proposed="target", sleep_state=0)

        # customers: the class, and the effective stage (Q's override wins)
        got = dict((code[len(TAG):], (abc, life)) for code, abc, life in sql(
            "SELECT code, abc_class, lifecycle FROM customers WHERE code LIKE '%s%%'" % TAG))
        check(got["P"] == ("A", "loyal"), "P customers row: %s" % (got["P"],))
        check(got["B"] == ("B", "one_time"), "B customers row: %s" % (got["B"],))
        check(got["Q"] == ("C", "loyal"), "Q keeps its override: %s" % (got["Q"],))
        check(got["R"] == ("C", "potential"), "R customers row: %s" % (got["R"],))

        # the cells sum to the orders: every month, every region, all dims
        orders = int(sql_value(
            "SELECT CAST(SUM(l.amount * 100) AS SIGNED) FROM order_lines l JOIN orders o ON o.id = l.order_id"
            " WHERE o.status <> 'cancelled' AND o.ordered_on <= '%s'" % AS_OF))
        check(orders == 4270000, "the period's orders: %d" % orders)
        for kind in (1, 2, 3):
            for dim in (0, 1, 2, 3, 4, 5, 6, 7):
                s = int(sql_value("SELECT COALESCE(SUM(sales), 0) FROM analysis_cells"
                                  " WHERE period_kind = %d AND dim = %d AND region_id > 0"
                                  % (kind, dim)))
                check(s == orders, "kind %d dim %d: cells %d, orders %d" % (kind, dim, s, orders))
        # June 2001: B and W bought, P (May) did not: 1 of 1 lost; B new;
        # P's compensation paid on 06-01 is June's charge
        june = sql("SELECT customers, active_before, lost, new_customers, sales, charges"
                   " FROM analysis_cells WHERE period_kind = 1 AND period_start = '2001-06-01'"
                   " AND dim = 0 AND region_id > 0")
        check(june == [["2", "1", "1", "1", "610000", "25000"]], "June 2001 cell: %s" % june)
        # the rebate of March
        march = sql_value("SELECT charges FROM analysis_cells WHERE period_kind = 1"
                          " AND period_start = '2001-03-01' AND dim = 0 AND region_id > 0")
        check(march == "50000", "March 2001 charges: %s" % march)
        # the histogram holds every customer once, its sales the period's revenue
        n, s = sql("SELECT SUM(customers), SUM(sales) FROM analysis_cells"
                   " WHERE period_kind = 0 AND dim = 14 AND region_id > 0")[0]
        check(int(n) == int(sql_value("SELECT COUNT(*) FROM customers")), "histogram customers %s" % n)
        check(int(s) == orders, "histogram sales %s" % s)

        # the wake-up decision for W woke on its purchase day; R's stays pending
        w = sql("SELECT outcome, outcome_on FROM wake_decisions WHERE customer_id = %d" % c["W"])
        check(w == [["woke", "2001-06-15"]], "W's decision: %s" % w)
        r = sql_value("SELECT outcome FROM wake_decisions WHERE customer_id = %d" % c["R"])
        check(r == "pending", "R's decision: %s" % r)

        # a second run over the same history writes no row
        before = int(sql_value("SELECT MAX(run_id) FROM customer_analysis"))
        p = analyse("--once", "--as-of", AS_OF)
        check(p.returncode == 0, "second run: %s" % p.stderr.decode()[-600:])
        changed = int(sql_value("SELECT COUNT(*) FROM customer_analysis WHERE run_id > %d" % before))
        check(changed == 0, "an unchanged history rewrote %d rows" % changed)
    finally:
        remove()


def snapshot():
    return (sql_value("SELECT CONCAT(COUNT(*), ':', SUM(CRC32(CONCAT_WS(',', customer_id, abc_class,"
                      " revenue, profit, sleep_state, run_id)))) FROM customer_analysis"),
            sql_value("SELECT CONCAT(COUNT(*), ':', COALESCE(SUM(sales), 0)) FROM analysis_cells"))


def test_failed_run_keeps_results():
    before = snapshot()
    a, b = sql("SELECT abc_a_pct, abc_b_pct FROM analysis_settings WHERE id = 1")[0]
    # settings no longer valid (A + B above 100 %): the run fails before it writes
    sql("UPDATE analysis_settings SET abc_a_pct = 90, abc_b_pct = 20 WHERE id = 1")
    try:
        p = analyse("--once", "--as-of", AS_OF)
    finally:
        sql("UPDATE analysis_settings SET abc_a_pct = %s, abc_b_pct = %s WHERE id = 1" % (a, b))
    check(p.returncode == 1, "a run with invalid settings exited %d" % p.returncode)
    status, error = sql("SELECT status, error FROM analysis_runs ORDER BY id DESC LIMIT 1")[0]
    check(status == "failed" and "abc" in error, "the run row: %s %s" % (status, error))
    check(snapshot() == before, "a failed run changed the results: %s -> %s" % (before, snapshot()))


def test_runner_takes_a_request():
    sql("INSERT INTO analysis_runs (reason) VALUES ('manual')")
    rid = int(sql_value("SELECT MAX(id) FROM analysis_runs"))
    end = time.time() + 120
    status = None
    while time.time() < end:
        status = sql_value("SELECT status FROM analysis_runs WHERE id = %d" % rid)
        if status in ("done", "failed"):
            break
        time.sleep(0.5)
    check(status == "done", "the requested run %d is %s" % (rid, status))
    as_of, customers = sql("SELECT as_of, customers FROM analysis_runs WHERE id = %d" % rid)[0]
    # yesterday in China time (the database's clock is +08:00)
    check(as_of == sql_value("SELECT CURDATE() - INTERVAL 1 DAY"), "as_of %s" % as_of)
    check(int(customers) == int(sql_value("SELECT COUNT(*) FROM customers")), "customers %s" % customers)
