"""Report cells for the analysis tests (test_analysis_reports.py and the
browser journey): a controlled set of periods long before the demo data
(March 2019 and what it is compared with), in four regions, for every
dimension; and, when no batch run has finished on this stack yet, a run
with standing counts (period_kind 0) so the Pareto view has something to
draw. Everything added is taken out again by the returned cleanup."""
import os
import subprocess
import time

from lib import BUILD, ROOT, sql, sql_value

REGIONS = (1, 2, 4, 6)          # 华东, 华北, 华中, 西北
# kind -> (this period, the one before, a year before); first days
PERIODS = {
    1: ("2019-03-01", "2019-02-01", "2018-03-01"),
    2: ("2019-01-01", "2018-10-01", "2018-01-01"),
    3: ("2019-01-01", "2018-01-01", "2018-01-01"),
}
DIM_NAMES = {1: "region", 2: "class", 3: "size", 4: "category", 5: "product", 6: "owner",
             7: "postal"}


def dim_keys():
    """Keys per dimension (dimension 1's key is the region itself)."""
    cats = [int(v) for (v,) in sql("SELECT id FROM product_categories ORDER BY id LIMIT 2")]
    prods = [int(v) for (v,) in sql("SELECT id FROM products ORDER BY id LIMIT 3")]
    owner = int(sql_value("SELECT id FROM users WHERE username = 'staff01'"))
    return {0: [0], 2: [1, 2, 3], 3: [0, 1, 2, 4], 4: cats, 5: prods, 6: [owner, 0],
            7: [100, 200, 10, -1]}


def _cell(kind, start, dim, key, region):
    """Figures from the coordinates: distinct, odd cents, lost <= before."""
    seed = (kind * 7 + int(start[2:4]) * 13 + int(start[5:7]) * 5 + dim * 11 +
            (key % 97) * 17 + region * 23)
    sales = 100000 + seed * 9973 + (seed % 100)
    margin = sales * 3 // 10 - seed * 7
    customers = 1 + seed % 9
    before = 2 + seed % 7
    lost = seed % (before + 1)
    return sales, margin, customers, before, lost, seed % 3, seed % 2


SUMMED = ("sales", "cost_of_goods", "charges", "margin", "customers", "active_before", "lost",
          "new_customers", "conversions", "lifetime_value")


def sum_regions(where):
    """Region 0 rows as the batch stores them: every key summed over the
    regions (not the profit tenths and histograms, dims 15, 16 and 18)."""
    sql("DELETE FROM analysis_cells WHERE region_id = 0 AND (%s)" % where)
    sql("INSERT INTO analysis_cells (period_kind, period_start, dim, dim_key, region_id, %s)"
        " SELECT period_kind, period_start, dim, dim_key, 0, %s FROM analysis_cells"
        " WHERE region_id > 0 AND dim NOT IN (15, 16, 18) AND (%s)"
        " GROUP BY period_kind, period_start, dim, dim_key"
        % (", ".join(SUMMED), ", ".join("SUM(%s)" % f for f in SUMMED), where))


def report_cells():
    """Inserts the controlled cells; returns the cleanup."""
    keys = dim_keys()
    rows = []
    starts = set()
    for kind, periods in PERIODS.items():
        for start in set(periods):
            starts.add((kind, start))
            for region in REGIONS:
                for dim in range(8):
                    for key in ([region] if dim == 1 else keys[dim]):
                        s, m, c, b, lost, new, conv = _cell(kind, start, dim, key, region)
                        if dim in (4, 5):
                            b = lost = 0
                        rows.append("(%d, '%s', %d, %d, %d, %d, %d, %d, %d, %d, %d, %d)" % (
                            kind, start, dim, key, region, s, m, c, b, lost, new, conv))
    where = " OR ".join("(period_kind = %d AND period_start = '%s')" % ks for ks in starts)
    sql("DELETE FROM analysis_cells WHERE " + where)
    sql("INSERT INTO analysis_cells (period_kind, period_start, dim, dim_key, region_id, sales,"
        " margin, customers, active_before, lost, new_customers, conversions) VALUES "
        + ",".join(rows))
    sum_regions(where)
    return lambda: sql("DELETE FROM analysis_cells WHERE " + where)


def standing_run():
    """The latest finished run's as_of; when none has finished, a run and
    standing counts made here (classes and the revenue histogram for every
    region). Returns (as_of, cleanup)."""
    done = sql("SELECT id, as_of FROM analysis_runs WHERE status = 'done' ORDER BY id DESC LIMIT 1")
    if done and int(sql_value("SELECT COUNT(*) FROM analysis_cells WHERE period_kind = 0"
                              " AND period_start = '%s' AND dim IN (2, 14)" % done[0][1])):
        return done[0][1], lambda: None
    as_of = sql_value("SELECT CURDATE()")
    sql("INSERT INTO analysis_runs (status, reason, started_at, finished_at, as_of, customers,"
        " order_lines, seconds) VALUES ('done', 'manual', NOW(), NOW(), CURDATE(), 0, 0, 0)")
    run = sql_value("SELECT MAX(id) FROM analysis_runs")
    rows = []
    for region in range(1, 8):
        # (class, customers, revenue in cents) and the same customers'
        # histogram buckets: key 1 + floor(10 * log10(yuan))
        for cls, n, cents, key in ((1, 2, 80000000, 57), (2, 5, 15000000, 45), (3, 20, 5000000, 35),
                                   (3, 3, 0, 0)):
            rows.append("(0, '%s', 2, %d, %d, %d, %d, %d)" % (as_of, cls, region, cents,
                                                           cents // 5, n))
            rows.append("(0, '%s', 14, %d, %d, %d, 0, %d)" % (as_of, key, region, cents, n))
    sql("INSERT INTO analysis_cells (period_kind, period_start, dim, dim_key, region_id, sales,"
        " margin, customers) VALUES " + ",".join(rows)
        + " ON DUPLICATE KEY UPDATE sales = sales + VALUES(sales),"
          " customers = customers + VALUES(customers), margin = margin + VALUES(margin)")
    sum_regions("period_kind = 0 AND period_start = '%s'" % as_of)

    def cleanup():
        sql("DELETE FROM analysis_cells WHERE period_kind = 0 AND period_start = '%s'" % as_of)
        sql("DELETE FROM analysis_runs WHERE id = %s" % run)
    return as_of, cleanup


def analyse(*args):
    """kehu-analyse with the stack's settings (scripts/env.sh), as the
    runner gets them; waits while another run holds the lock (exit 3)."""
    cmd = ['bash', '-c', '. scripts/env.sh && exec "$0" "$@"', os.path.join(BUILD, "kehu-analyse")]
    end = time.time() + 120
    while True:
        p = subprocess.run(cmd + list(args), cwd=ROOT, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=300)
        if p.returncode != 3 or time.time() > end:
            return p
        time.sleep(1)
