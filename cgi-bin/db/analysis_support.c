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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EPOCH "719528"          /* TO_DAYS('1970-01-01') */

/* What the units are made of (core/support_sales.h, ss_units): the
 * measures of every revision, the executions up to as_of (parameter: its
 * day number), and the plans of active dealers with the dealer's region
 * and class in dash_dealers (the class the batch has just written). Plain
 * scans: the category lookup per execution is done in C. */
static const char items_sql[] =
    "SELECT v.plan_id, i.line_key, i.category_id FROM support_plan_revisions v"
    " JOIN support_plan_items i ON i.revision_id = v.id";
static const char executions_sql[] =
    "SELECT plan_id, line_key, TO_DAYS(done_on) - " EPOCH ", CAST(actual_cost * 100 AS SIGNED)"
    " FROM support_executions WHERE done_on <= FROM_DAYS(? + " EPOCH ")";
static const char plans_sql[] =
    "SELECT p.id, p.customer_id, p.year, d.region_id, ASCII(d.abc_class) FROM support_plans p"
    " JOIN dash_dealers d ON d.customer_id = p.customer_id ORDER BY p.id";
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
  struct ar_vec items, executions, plans, dealers;
};

static char class_of(long long ascii)
{
  return ascii == 'A' || ascii == 'B' || ascii == 'C' ? (char)ascii : '-';
}

static int on_item(void *ctx, const long long *v)
{
  struct ss_item *i = ar_push(&((struct reads *)ctx)->items);
  if (!i) return 0;
  *i = (struct ss_item){ (uint32_t)v[0], (uint32_t)v[1], (uint8_t)v[2] };
  return 1;
}

static int on_execution(void *ctx, const long long *v)
{
  struct ss_execution *e = ar_push(&((struct reads *)ctx)->executions);
  if (!e) return 0;
  *e = (struct ss_execution){ (uint32_t)v[0], (uint32_t)v[1], (int32_t)v[2], v[3] };
  return 1;
}

static int on_plan(void *ctx, const long long *v)
{
  struct ss_plan *p = ar_push(&((struct reads *)ctx)->plans);
  if (!p) return 0;
  *p = (struct ss_plan){ (uint32_t)v[0], (uint32_t)v[1], (uint16_t)v[2], (uint16_t)v[3],
                         class_of(v[4]) };
  return 1;
}

static int on_dealer(void *ctx, const long long *v)
{
  struct reads *r = ctx;
  uint32_t c = ss_customer_index(r->h, (uint32_t)v[0]);
  if (c == SS_NONE) return 1;         /* a dealer added since the batch read */
  struct ss_dealer *d = ar_push(&r->dealers);
  if (!d) return 0;
  *d = (struct ss_dealer){ c, (uint16_t)v[1], class_of(v[2]) };
  return 1;
}

NEOERR *db_support_returns_compute(struct db_batch *b, const struct ar_history *h,
                                   struct support_return_stats *st)
{
  int day[3];
  memset(st, 0, sizeof *st);
  cell_ymd(h->as_of, &day[0], &day[1], &day[2]);
  struct reads r = { .h = h, .items = AR_VEC(struct ss_item),
                     .executions = AR_VEC(struct ss_execution), .plans = AR_VEC(struct ss_plan),
                     .dealers = AR_VEC(struct ss_dealer) };
  struct ss_unit *units = NULL;
  size_t nunits = 0;
  long long as_of = h->as_of;
  NEOERR *err = db_batch_stream(b, items_sql, NULL, 0, 3, on_item, &r);
  if (!err) err = db_batch_stream(b, executions_sql, &as_of, 1, 4, on_execution, &r);
  if (!err) err = db_batch_stream(b, plans_sql, NULL, 0, 5, on_plan, &r);
  if (!err) err = db_batch_stream(b, dealers_sql, NULL, 0, 3, on_dealer, &r);
  if (!err && (!ss_units(r.items.v, r.items.n, r.executions.v, r.executions.n, r.plans.v,
                         r.plans.n, h, &units, &nunits) ||
               !ss_figures(h, r.dealers.v, r.dealers.n, units, nunits)))
    err = nerr_raise(NERR_NOMEM, "support returns");
  if (!err && !(err = db_begin())) {
    if (!(err = db_exec_done(&clear_returns, "")) && !(err = write_returns(units, nunits, day)) &&
        !(err = db_exec_done(&clear_cells, "")))
      err = db_exec_done(&cells, "");
    err = db_end(err, 1);
  }
  if (!err) st->units = (long long)nunits;
  free(units);
  ar_vec_free(&r.items);
  ar_vec_free(&r.executions);
  ar_vec_free(&r.plans);
  ar_vec_free(&r.dealers);
  return nerr_pass(err);
}
