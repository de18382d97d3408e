/* The support-plan return step of the analysis batch (schema/053): the
 * units (plan × category with executions) and the active dealers are read
 * on the batch's connection, their sales and cost of goods come from the
 * orders the batch holds (core/support_sales.c: no order is read again),
 * the rules of core/support_return.c judge each unit, and the results
 * replace support_returns and support_return_cells in one transaction. */
#include "db/analysis_support.h"
#include "core/analysis_cells.h"
#include "core/support_sales.h"
#include "db/db.h"
#include "db/query.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EPOCH "719528"          /* TO_DAYS('1970-01-01') */

/* The category of an execution is that of the measure it was recorded
 * against (its line_key, in any revision); the unit's region and class are
 * the dealer's in dash_dealers (the class the batch has just written). The
 * support month as sr_month. Parameter: as_of's day number. */
static const char units_sql[] =
    "SELECT x.plan_id, x.cat, p.customer_id, d.region_id, ASCII(d.abc_class), p.year,"
    " YEAR(MIN(x.done_on)) * 12 + MONTH(MIN(x.done_on)) - 1, ROUND(SUM(x.actual_cost) * 100)"
    " FROM (SELECT e.plan_id, e.done_on, e.actual_cost,"
    "  (SELECT MIN(i.category_id) FROM support_plan_revisions v"
    "   JOIN support_plan_items i ON i.revision_id = v.id"
    "   WHERE v.plan_id = e.plan_id AND i.line_key = e.line_key) AS cat"
    "  FROM support_executions e WHERE e.done_on <= FROM_DAYS(? + " EPOCH ")) x"
    " JOIN support_plans p ON p.id = x.plan_id"
    " JOIN dash_dealers d ON d.customer_id = p.customer_id"
    " WHERE x.cat IS NOT NULL GROUP BY x.plan_id, x.cat ORDER BY x.plan_id, x.cat";
static const char dealers_sql[] =
    "SELECT customer_id, region_id, ASCII(abc_class) FROM dash_dealers ORDER BY customer_id";

static DB_STMT clear_returns = DB_STMT_INIT("DELETE FROM support_returns");
static DB_STMT clear_cells = DB_STMT_INIT("DELETE FROM support_return_cells");
static DB_STMT cells = DB_STMT_INIT(
    "INSERT INTO support_return_cells (region_id, year, category_id, supported, done, too_early,"
    " paid, uplift_bp_sum, cost, extra_margin)"
    " SELECT region_id, year, category_id, COUNT(*), SUM(status = 0), SUM(status = 1),"
    " SUM(status = 0 AND pays = 1), COALESCE(SUM(IF(status = 0, uplift_bp, 0)), 0), SUM(cost),"
    " COALESCE(SUM(IF(status = 0, extra_margin, 0)), 0)"
    " FROM support_returns GROUP BY region_id, year, category_id");

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
static void add_row(struct query *q, const struct ss_unit *u, int as_of[3], int rows)
{
  struct sr_input in;
  struct sr_result r;
  ss_judge(u, sr_month(as_of[0], as_of[1]), &in, &r);
  int sy = u->support_month / 12, sm = u->support_month % 12 + 1;
  query_add(q, "%s(%lld,%lld,%lld,%lld,'%c',%lld,'%04d-%02d-01',%lld,%lld,%lld,%lld,%lld,%lld,"
               "%lld,%lld,%lld,%lld",
            rows ? "," : "", (long long)u->plan_id, (long long)u->category_id,
            (long long)u->customer_id, (long long)u->region_id, u->abc, (long long)u->year, sy,
            sm, (long long)in.cost, (long long)in.sales.before, (long long)in.sales.after,
            (long long)in.margin.before, (long long)in.margin.after, (long long)in.peers,
            (long long)in.peer_sales.before, (long long)in.peer_sales.after,
            (long long)in.peer_margin.before, (long long)in.peer_margin.after);
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
static NEOERR *write_returns(const struct ss_unit *u, size_t n, int as_of[3])
{
  struct query *q = calloc(1, sizeof *q);
  if (!q) return nerr_raise(NERR_NOMEM, "support returns");
  int rows = 0;
  NEOERR *err = flush(q, &rows);
  for (size_t i = 0; !err && i < n; i++) {
    add_row(q, &u[i], as_of, rows++);
    if (rows == ROWS_PER_INSERT) err = flush(q, &rows);
  }
  if (!err) err = flush(q, &rows);
  free(q);
  return nerr_pass(err);
}

struct reads {
  const struct ar_history *h;
  struct ss_unit *units;
  struct ss_dealer *dealers;
  size_t nunits, ndealers, cap_units, cap_dealers;
};

static int grow(void **v, size_t *cap, size_t n, size_t size)
{
  if (n < *cap) return 1;
  size_t cap2 = *cap ? *cap * 2 : 1024;
  void *p = realloc(*v, cap2 * size);
  if (!p) return 0;
  *v = p;
  *cap = cap2;
  return 1;
}

static char class_of(long long ascii)
{
  return ascii == 'A' || ascii == 'B' || ascii == 'C' ? (char)ascii : '-';
}

static int on_unit(void *ctx, const long long *v)
{
  struct reads *r = ctx;
  if (!grow((void **)&r->units, &r->cap_units, r->nunits, sizeof *r->units)) return 0;
  struct ss_unit *u = &r->units[r->nunits++];
  memset(u, 0, sizeof *u);
  u->plan_id = (uint32_t)v[0];
  u->category_id = (uint8_t)v[1];
  u->customer_id = (uint32_t)v[2];
  u->cust = ss_customer_index(r->h, u->customer_id);
  u->region_id = (uint16_t)v[3];
  u->abc = class_of(v[4]);
  u->year = (uint16_t)v[5];
  u->support_month = (int32_t)v[6];
  u->cost = v[7];
  return 1;
}

static int on_dealer(void *ctx, const long long *v)
{
  struct reads *r = ctx;
  uint32_t c = ss_customer_index(r->h, (uint32_t)v[0]);
  if (c == SS_NONE) return 1;         /* a dealer added since the batch read */
  if (!grow((void **)&r->dealers, &r->cap_dealers, r->ndealers, sizeof *r->dealers)) return 0;
  r->dealers[r->ndealers++] = (struct ss_dealer){ c, (uint16_t)v[1], class_of(v[2]) };
  return 1;
}

NEOERR *db_support_returns_compute(struct db_batch *b, const struct ar_history *h,
                                   struct support_return_stats *st)
{
  int day[3];
  memset(st, 0, sizeof *st);
  cell_ymd(h->as_of, &day[0], &day[1], &day[2]);
  struct reads r = { .h = h };
  long long as_of = h->as_of;
  NEOERR *err = db_batch_stream(b, units_sql, &as_of, 1, 8, on_unit, &r);
  if (!err) err = db_batch_stream(b, dealers_sql, NULL, 0, 3, on_dealer, &r);
  if (!err && !ss_figures(h, r.dealers, r.ndealers, r.units, r.nunits))
    err = nerr_raise(NERR_NOMEM, "support returns");
  if (!err && !(err = db_begin())) {
    if (!(err = db_exec_done(&clear_returns, "")) && !(err = write_returns(r.units, r.nunits, day)) &&
        !(err = db_exec_done(&clear_cells, "")))
      err = db_exec_done(&cells, "");
    err = db_end(err, 1);
  }
  if (!err) st->units = (long long)r.nunits;
  free(r.units);
  free(r.dealers);
  return nerr_pass(err);
}
