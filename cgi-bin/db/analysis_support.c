/* The support-plan return step of the analysis batch (schema/053): a few
 * set statements gather every unit's sums (no round trip per dealer), the
 * rules of core/support_return.c judge each unit, and the results replace
 * support_returns and support_return_cells in one transaction. */
#include "db/analysis_support.h"
#include "core/support_return.h"
#include "db/db.h"
#include "db/query.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MONTH_OF(d) d " - INTERVAL (DAY(" d ") - 1) DAY"
/* Windows in SQL, for a unit or group row x with support_month; parameters
 * SR_MONTHS, SR_MONTHS + 1 (the same ranges as sr_window_of). */
#define IN_WINDOWS(m, x)                                               \
  m " >= " x ".support_month - INTERVAL ? MONTH AND " m " < " x        \
  ".support_month + INTERVAL ? MONTH AND " m " <> " x ".support_month"
#define BEFORE_AFTER(m, x, col, name)                                            \
  "SUM(IF(" m " < " x ".support_month, " col ", 0)) AS " name "_before,"          \
  " SUM(IF(" m " > " x ".support_month, " col ", 0)) AS " name "_after"

static DB_STMT clear_units = DB_STMT_INIT("DELETE FROM support_return_units");
static DB_STMT clear_months = DB_STMT_INIT("DELETE FROM support_return_months");
static DB_STMT clear_pool = DB_STMT_INIT("DELETE FROM support_return_pool");

/* The category of an execution is that of the measure it was recorded
 * against (its line_key, in any revision). Parameter: as_of. */
static DB_STMT units = DB_STMT_INIT(
    "INSERT INTO support_return_units (plan_id, category_id, customer_id, region_id, abc_class,"
    " year, support_month, cost)"
    " SELECT x.plan_id, x.cat, p.customer_id, d.region_id, COALESCE(d.abc_class, '-'), p.year,"
    " " MONTH_OF("MIN(x.done_on)") ", ROUND(SUM(x.actual_cost) * 100)"
    " FROM (SELECT e.plan_id, e.done_on, e.actual_cost,"
    "  (SELECT MIN(i.category_id) FROM support_plan_revisions v"
    "   JOIN support_plan_items i ON i.revision_id = v.id"
    "   WHERE v.plan_id = e.plan_id AND i.line_key = e.line_key) AS cat"
    "  FROM support_executions e WHERE e.done_on <= ?) x"
    " JOIN support_plans p ON p.id = x.plan_id"
    " JOIN dash_dealers d ON d.customer_id = p.customer_id"
    " WHERE x.cat IS NOT NULL GROUP BY x.plan_id, x.cat");

/* The months any window covers, and the supported dealers' id range.
 * Parameters: SR_MONTHS, SR_MONTHS + 1. */
static DB_STMT span = DB_STMT_INIT(
    "SELECT MIN(support_month) - INTERVAL ? MONTH, MAX(support_month) + INTERVAL ? MONTH,"
    " MIN(customer_id), MAX(customer_id) FROM support_return_units");

#define SALES_COGS "ROUND(SUM(l.amount) * 100), ROUND(SUM(l.quantity * pr.unit_cost) * 100)"
#define LINES " JOIN order_lines l ON l.order_id = o.id JOIN products pr ON pr.id = l.product_id"

/* The supported dealers' months, a slice of ids at a time (one GROUP BY
 * over every dealer would build a temporary table of millions of groups).
 * Parameters: id from (exclusive), id to, month from, month to. */
static DB_STMT months = DB_STMT_INIT(
    "INSERT INTO support_return_months (customer_id, month, sales, cogs)"
    " SELECT o.customer_id, " MONTH_OF("o.ordered_on") ", " SALES_COGS
    " FROM (SELECT DISTINCT customer_id FROM support_return_units"
    "  WHERE customer_id > ? AND customer_id <= ?) u"
    " JOIN orders o ON o.customer_id = u.customer_id AND o.ordered_on >= ? AND o.ordered_on < ?"
    LINES " GROUP BY 1, 2");

/* Every active dealer's months by region and class: few groups. Parameters:
 * month from, month to. */
static DB_STMT pool = DB_STMT_INIT(
    "INSERT INTO support_return_pool (region_id, abc_class, month, sales, cogs, dealers)"
    " SELECT d.region_id, COALESCE(d.abc_class, '-'), " MONTH_OF("o.ordered_on") ", " SALES_COGS ", 0"
    " FROM orders o JOIN dash_dealers d ON d.customer_id = o.customer_id" LINES
    " WHERE o.ordered_on >= ? AND o.ordered_on < ? GROUP BY 1, 2, 3");
static DB_STMT pool_dealers = DB_STMT_INIT(
    "INSERT INTO support_return_pool (region_id, abc_class, month, sales, cogs, dealers)"
    " SELECT region_id, COALESCE(abc_class, '-'), '1000-01-01', 0, 0, COUNT(*)"
    " FROM dash_dealers GROUP BY 1, 2");

#define GROUP_KEY "k.region_id, k.abc_class, k.category_id, k.year, k.support_month"
#define FAMILY(a, b)                                                                     \
  a ".region_id = " b ".region_id AND " a ".abc_class = " b ".abc_class AND " a           \
  ".category_id = " b ".category_id AND " a ".year = " b ".year"

/* Each unit with its own sums and its group's peers: the pool of its
 * region and class less the dealers supported in that category that year
 * (the unit's own dealer among them), over the unit's windows. The
 * supported dealers are summed by family and month first, so a family's
 * dozen support months read a few dozen rows each, not every member's.
 * Parameters: SR_MONTHS, SR_MONTHS + 1, three times. */
static DB_STMT figures = DB_STMT_INIT(
    "WITH k AS (SELECT DISTINCT region_id, abc_class, category_id, year, support_month"
    "  FROM support_return_units),"
    " own AS (SELECT u.plan_id, u.category_id, " BEFORE_AFTER("m.month", "u", "m.sales", "s") ","
    "  " BEFORE_AFTER("m.month", "u", "m.cogs", "c")
    "  FROM support_return_units u JOIN support_return_months m ON m.customer_id = u.customer_id"
    "  AND " IN_WINDOWS("m.month", "u") " GROUP BY u.plan_id, u.category_id),"
    " pooled AS (SELECT " GROUP_KEY ", " BEFORE_AFTER("p.month", "k", "p.sales", "s") ","
    "  " BEFORE_AFTER("p.month", "k", "p.cogs", "c")
    "  FROM k JOIN support_return_pool p ON p.region_id = k.region_id AND p.abc_class = k.abc_class"
    "  AND " IN_WINDOWS("p.month", "k") " GROUP BY " GROUP_KEY "),"
    " family_months AS (SELECT f.region_id, f.abc_class, f.category_id, f.year, m.month,"
    "  SUM(m.sales) AS sales, SUM(m.cogs) AS cogs FROM support_return_units f"
    "  JOIN support_return_months m ON m.customer_id = f.customer_id GROUP BY 1, 2, 3, 4, 5),"
    " members AS (SELECT " GROUP_KEY ", " BEFORE_AFTER("fm.month", "k", "fm.sales", "s") ","
    "  " BEFORE_AFTER("fm.month", "k", "fm.cogs", "c")
    "  FROM k JOIN family_months fm ON " FAMILY("fm", "k")
    "  AND " IN_WINDOWS("fm.month", "k") " GROUP BY " GROUP_KEY "),"
    " family AS (SELECT region_id, abc_class, category_id, year, COUNT(*) AS n"
    "  FROM support_return_units GROUP BY 1, 2, 3, 4)"
    " SELECT u.plan_id, u.category_id, u.customer_id, u.region_id, u.abc_class, u.year,"
    " YEAR(u.support_month), MONTH(u.support_month), u.cost,"
    " COALESCE(o.s_before, 0), COALESCE(o.s_after, 0), COALESCE(o.c_before, 0),"
    " COALESCE(o.c_after, 0),"
    " COALESCE(d.dealers, 0) - fa.n,"
    " COALESCE(pl.s_before, 0) - COALESCE(me.s_before, 0),"
    " COALESCE(pl.s_after, 0) - COALESCE(me.s_after, 0),"
    " COALESCE(pl.c_before, 0) - COALESCE(me.c_before, 0),"
    " COALESCE(pl.c_after, 0) - COALESCE(me.c_after, 0)"
    " FROM support_return_units u"
    " JOIN family fa ON " FAMILY("fa", "u")
    " LEFT JOIN own o ON o.plan_id = u.plan_id AND o.category_id = u.category_id"
    " LEFT JOIN support_return_pool d ON d.region_id = u.region_id AND d.abc_class = u.abc_class"
    "  AND d.month = '1000-01-01'"
    " LEFT JOIN pooled pl ON " FAMILY("pl", "u") " AND pl.support_month = u.support_month"
    " LEFT JOIN members me ON " FAMILY("me", "u") " AND me.support_month = u.support_month"
    " ORDER BY u.plan_id, u.category_id");

static DB_STMT clear_returns = DB_STMT_INIT("DELETE FROM support_returns");
static DB_STMT clear_cells = DB_STMT_INIT("DELETE FROM support_return_cells");
static DB_STMT cells = DB_STMT_INIT(
    "INSERT INTO support_return_cells (region_id, year, category_id, supported, done, too_early,"
    " paid, uplift_bp_sum, cost, extra_margin)"
    " SELECT region_id, year, category_id, COUNT(*), SUM(status = 0), SUM(status = 1),"
    " SUM(status = 0 AND pays = 1), COALESCE(SUM(IF(status = 0, uplift_bp, 0)), 0), SUM(cost),"
    " COALESCE(SUM(IF(status = 0, extra_margin, 0)), 0)"
    " FROM support_returns GROUP BY region_id, year, category_id");

/* Columns of `figures`, in order. */
enum { F_PLAN, F_CAT, F_CUSTOMER, F_REGION, F_CLASS, F_YEAR, F_SY, F_SM, F_COST, F_SB, F_SA,
       F_CB, F_CA, F_PEERS, F_PSB, F_PSA, F_PCB, F_PCA };

/* Rows per INSERT: each takes under 300 characters of QUERY_SQL_MAX. */
#define ROWS_PER_INSERT 24
#define INSERT_HEAD                                                                      \
  "INSERT INTO support_returns (plan_id, category_id, customer_id, region_id, abc_class," \
  " year, support_month, cost, sales_before, sales_after, margin_before, margin_after,"   \
  " peers, peer_sales_before, peer_sales_after, peer_margin_before, peer_margin_after,"  \
  " change_bp, peer_change_bp, uplift_bp, margin_change_bp, extra_margin, pays, status,"  \
  " as_of) VALUES "

static void add_opt(struct query *q, int has, long long v)
{
  if (has) query_add(q, ",%lld", v);
  else query_add(q, ",NULL");
}

/* One unit's row of values; every value is a number the code formats. */
static void add_row(struct query *q, DB_STMT *s, int as_of[3], int rows)
{
  struct sr_input in;
  struct sr_result r;
  memset(&in, 0, sizeof in);
  in.sales = (struct sr_pair){ db_int(s, F_SB), db_int(s, F_SA) };
  in.margin = (struct sr_pair){ in.sales.before - db_int(s, F_CB), in.sales.after - db_int(s, F_CA) };
  in.peer_sales = (struct sr_pair){ db_int(s, F_PSB), db_int(s, F_PSA) };
  in.peer_margin = (struct sr_pair){ in.peer_sales.before - db_int(s, F_PCB),
                                     in.peer_sales.after - db_int(s, F_PCA) };
  in.peers = db_int(s, F_PEERS);
  in.cost = db_int(s, F_COST);
  int sy = (int)db_int(s, F_SY), sm = (int)db_int(s, F_SM);
  struct sr_window w = sr_window_of(sr_month(sy, sm));
  in.complete = sr_complete(&w, sr_month(as_of[0], as_of[1]));
  if (!sr_evaluate(&in, &r)) {   /* an overflow: shown as too early rather than a wrong figure */
    memset(&r, 0, sizeof r);
    r.status = SR_TOO_EARLY;
  }
  const char *cls = db_str(s, F_CLASS);
  char c = cls && strchr("ABC", cls[0]) ? cls[0] : '-';
  query_add(q, "%s(%lld,%lld,%lld,%lld,'%c',%lld,'%04d-%02d-01',%lld,%lld,%lld,%lld,%lld,%lld,"
               "%lld,%lld,%lld,%lld",
            rows ? "," : "", db_int(s, F_PLAN), db_int(s, F_CAT), db_int(s, F_CUSTOMER),
            db_int(s, F_REGION), c, db_int(s, F_YEAR), sy, sm, (long long)in.cost,
            (long long)in.sales.before, (long long)in.sales.after, (long long)in.margin.before,
            (long long)in.margin.after, (long long)in.peers, (long long)in.peer_sales.before,
            (long long)in.peer_sales.after, (long long)in.peer_margin.before,
            (long long)in.peer_margin.after);
  add_opt(q, r.has_change, r.change_bp);
  add_opt(q, r.has_peer_change, r.peer_change_bp);
  add_opt(q, r.has_uplift, r.uplift_bp);
  add_opt(q, r.has_margin_change, r.margin_change_bp);
  add_opt(q, r.has_extra, r.extra_margin);
  query_add(q, ",%d,%d,'%04d-%02d-%02d')", r.pays, (int)r.status, as_of[0], as_of[1], as_of[2]);
}

static NEOERR *flush(struct query *q, int *rows)
{
  NEOERR *err = STATUS_OK;
  if (*rows) {
    DB_STMT *s;
    if (!(err = query_run(q, &s))) db_done(s);
  }
  query_init(q);
  query_add(q, INSERT_HEAD);
  *rows = 0;
  return nerr_pass(err);
}

/* Judges every unit and writes support_returns (inside the caller's
 * transaction). */
static NEOERR *write_returns(int as_of[3], struct support_return_stats *st)
{
  struct query *q = calloc(1, sizeof *q);
  if (!q) return nerr_raise(NERR_NOMEM, "support returns");
  int rows = 0, more;
  NEOERR *err = flush(q, &rows);
  if (!err) err = db_exec(&figures, "iiiiii", (long long)SR_MONTHS, (long long)SR_MONTHS + 1,
                          (long long)SR_MONTHS, (long long)SR_MONTHS + 1, (long long)SR_MONTHS,
                          (long long)SR_MONTHS + 1);
  /* The rows are stored on the client (db_exec), so inserting between
   * reads is allowed. */
  while (!err && !(err = db_next(&figures, &more)) && more) {
    add_row(q, &figures, as_of, rows++);
    st->units++;
    if (rows == ROWS_PER_INSERT) err = flush(q, &rows);
  }
  db_done(&figures);
  if (!err) err = flush(q, &rows);
  free(q);
  return nerr_pass(err);
}

/* Slices of customer ids for the months statement. */
#define ID_SLICE 20000

static NEOERR *gather(const char *as_of)
{
  NEOERR *err;
  int more;
  if ((err = db_exec_done(&clear_units, "")) || (err = db_exec_done(&clear_months, "")) ||
      (err = db_exec_done(&clear_pool, "")) || (err = db_exec_done(&units, "s", as_of)))
    return nerr_pass(err);
  char from[16] = "", to[16] = "";
  long long lo = 0, hi = -1;
  if ((err = db_exec(&span, "ii", (long long)SR_MONTHS, (long long)SR_MONTHS + 1)))
    return nerr_pass(err);
  if (!(err = db_next(&span, &more)) && more && db_str(&span, 0)) {
    snprintf(from, sizeof from, "%s", db_str(&span, 0));
    snprintf(to, sizeof to, "%s", db_str(&span, 1));
    lo = db_int(&span, 2) - 1;
    hi = db_int(&span, 3);
  }
  db_done(&span);
  if (err || !*from) return nerr_pass(err);
  for (long long id = lo; id < hi && !err; id += ID_SLICE)
    err = db_exec_done(&months, "iiss", id, id + ID_SLICE, from, to);
  if (!err) err = db_exec_done(&pool, "ss", from, to);
  if (!err) err = db_exec_done(&pool_dealers, "");
  return nerr_pass(err);
}

NEOERR *db_support_returns_compute(const char *as_of, struct support_return_stats *st)
{
  int day[3];
  memset(st, 0, sizeof *st);
  if (!as_of || sscanf(as_of, "%4d-%2d-%2d", &day[0], &day[1], &day[2]) != 3 || day[1] < 1 ||
      day[1] > 12 || day[2] < 1 || day[2] > 31)
    return nerr_raise(NERR_ASSERT, "support returns: bad day '%s'", as_of ? as_of : "");
  NEOERR *err = gather(as_of);
  if (err) return nerr_pass(err);
  if ((err = db_begin())) return nerr_pass(err);
  if (!(err = db_exec_done(&clear_returns, "")) && !(err = write_returns(day, st)) &&
      !(err = db_exec_done(&clear_cells, "")))
    err = db_exec_done(&cells, "");
  return nerr_pass(db_end(err, 1));
}
