"""Made-up analysis results for the analysis pages' tests when the batch
(tools/kehu-analyse) has not filled customer_analysis / analysis_cells on
this stack: every customer gets a row with figures derived from its id
(some on the watch list, profits ranked), and the report cells get a year
of months, eight quarters, five years and the period_kind 0 counts.
`ensure()` seeds only empty tables and returns what it added, `remove()`
takes exactly that away again. The tests compare the pages with SQL on
whatever rows are there, so they hold for the batch's rows too."""
import datetime

from lib import sql, sql_value

WEIGHTS = {1: 3, 2: 3, 4: 2, 8: 2}


def _ca_seed():
    sql("""INSERT INTO customer_analysis (customer_id, region_id, owner_id, abc_class, revenue,
             cost_of_goods, rebates_promotions, support, compensation, profit, lifetime_value,
             rfm_segment, watch_reasons, late_tenths_earlier, late_tenths_recent,
             orders_earlier, orders_recent, unanswered, complaints_recent, run_id)
           SELECT c.id, c.region_id, c.owner_id, COALESCE(c.abc_class, 'C'),
             (c.id * 7919) % 5000000 + 10000, (c.id * 7919) % 3000000,
             (c.id * 31) % 200000, (c.id * 17) % 150000, IF(c.id % 9 = 0, 50000, 0), 0,
             (c.id * 104729) % 9000000, 1 + c.id % 8,
             IF(c.id % 6 = 0, ((c.id DIV 6) % 15) + 1, 0), 20 + c.id % 50, 100 + c.id % 90,
             400000 + (c.id * 13) % 100000, (c.id * 11) % 200000, 1 + c.id % 3,
             2 + c.id % 2, 0
           FROM customers c""")
    sql("UPDATE customer_analysis SET profit = revenue - cost_of_goods - rebates_promotions"
        " - support - compensation, watch_score = 3 * (watch_reasons & 1 > 0)"
        " + 3 * (watch_reasons & 2 > 0) + 2 * (watch_reasons & 4 > 0) + 2 * (watch_reasons & 8 > 0)")
    sql("UPDATE customer_analysis a JOIN (SELECT customer_id, ROW_NUMBER() OVER"
        " (ORDER BY profit DESC, customer_id) AS n FROM customer_analysis) r"
        " ON r.customer_id = a.customer_id SET a.profit_rank = r.n")


def _month_starts(n):
    d = datetime.date.today().replace(day=1)
    out = []
    for _ in range(n):
        out.append(d)
        d = (d - datetime.timedelta(days=1)).replace(day=1)
    return out


def _cells_seed():
    regions = [int(r[0]) for r in sql("SELECT id FROM regions ORDER BY id")]
    owners = [int(r[0]) for r in sql("SELECT DISTINCT owner_id FROM customers"
                                     " WHERE owner_id IS NOT NULL ORDER BY owner_id LIMIT 4")]
    today = datetime.date.today()
    periods = [(1, d) for d in _month_starts(12)]
    q = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
    for _ in range(8):
        periods.append((2, q))
        q = (q - datetime.timedelta(days=1)).replace(day=1)
        q = q.replace(month=(q.month - 1) // 3 * 3 + 1)
    for k in range(5):
        periods.append((3, datetime.date(today.year - k, 1, 1)))
    rows = []
    for kind, start in periods:
        s = start.toordinal()
        for reg in regions:
            keys = [(0, 0), (1, reg)] + [(2, k) for k in (1, 2, 3)] + \
                   [(3, k) for k in (0, 1, 2, 3, 4)] + [(6, o) for o in owners]
            for dim, key in keys:
                before = 5 + (s + reg * 7 + dim * 3 + key) % 40
                lost = (s * 3 + reg + dim + key) % (before + 1) // 2
                rows.append("(%d, '%s', %d, %d, %d, %d, %d, %d, %d)" % (
                    kind, start.isoformat(), dim, key, reg, before - lost + 3, before, lost,
                    (s + reg) % 5))
    for reg in regions:
        for dim, keys in ((2, [1, 2, 3]), (3, [0, 1, 2, 3, 4]),
                          (11, list(range(1, 9)))):
            for key in keys:
                n = 1 + (reg * 5 + dim + key * 3) % 20
                rows.append("(0, CURDATE(), %d, %d, %d, %d, 0, 0, 0, %d)" % (
                    dim, key, reg, n, n * (100000 + key * 54321 + reg * 1000)))
    period_rows = [r for r in rows if not r.startswith("(0,")]
    zero_rows = [r for r in rows if r.startswith("(0,")]
    for i in range(0, len(period_rows), 500):
        sql("INSERT INTO analysis_cells (period_kind, period_start, dim, dim_key, region_id,"
            " customers, active_before, lost, new_customers) VALUES " +
            ", ".join(period_rows[i:i + 500]))
    sql("INSERT INTO analysis_cells (period_kind, period_start, dim, dim_key, region_id,"
        " customers, active_before, lost, new_customers, lifetime_value) VALUES " +
        ", ".join(zero_rows))
    from analysis_fixture import sum_regions
    sum_regions("1 = 1")


def ensure():
    """Seeds the empty tables; returns which ones it seeded."""
    seeded = []
    if int(sql_value("SELECT COUNT(*) FROM customer_analysis")) == 0:
        _ca_seed()
        seeded.append("customer_analysis")
    if int(sql_value("SELECT COUNT(*) FROM analysis_cells")) == 0:
        _cells_seed()
        seeded.append("analysis_cells")
    if int(sql_value("SELECT COUNT(*) FROM analysis_runs WHERE status = 'done'")) == 0:
        sql("INSERT INTO analysis_runs (status, reason, as_of, finished_at)"
            " VALUES ('done', 'manual', CURDATE(), NOW())")
        seeded.append("analysis_runs")
    return seeded


def remove(seeded):
    for table in seeded:
        if table == "analysis_runs":
            sql("DELETE FROM analysis_runs WHERE reason = 'manual' AND requested_by IS NULL")
        else:
            sql("DELETE FROM %s" % table)


def csv_rows(client, path):
    """A CSV export's rows after the header (checked for the UTF-8 BOM)."""
    import csv
    import io
    from lib import check, check_status
    r = client.get(path)
    check_status(r, 200, path)
    check(r.raw.startswith(b"\xef\xbb\xbf"), "%s: CSV without the UTF-8 BOM" % path)
    return list(csv.reader(io.StringIO(r.raw.decode("utf-8-sig"))))[1:]


def scope_sql(username):
    """The SQL condition on a region_id column for a user's regions."""
    from lib import sql_str
    return ("region_id IN (SELECT region_id FROM user_regions ur JOIN users u"
            " ON u.id = ur.user_id WHERE u.username = %s)" % sql_str(username))


ODD = ("<b>x</b>'\"", "-1", "0", "99999999999999999999", "2026-13-45", "１２", "a" * 300, "",
       "A' OR '1'='1", "%00", "1e9")


def seeded(test):
    """The test run with made-up rows in the tables the batch left empty
    (none when it has run), taken away after."""
    import functools

    @functools.wraps(test)
    def run():
        added = ensure()
        try:
            test()
        finally:
            remove(added)
    return run
