/* The analysis batch's SQL (analysis_batch.h).
 *
 * Reads: every column the batch needs comes out as an integer (days as
 * TO_DAYS − 719528, i.e. days since 1970-01-01; money × 100 as BIGINT), so
 * a row binds straight into long longs with no text to parse, and the
 * rows stream (no mysql_stmt_store_result): a 10,000,000-line table never
 * sits in the client twice. Writes: multi-row prepared INSERTs, each
 * statement its own short transaction. */
#include "db/analysis_batch.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/err.h"
#include "core/log.h"
#include "db/db.h"
#include <mysqld_error.h>

#define NUL LLONG_MIN           /* SQL NULL in a row of long longs */
#define EPOCH "719528"          /* TO_DAYS('1970-01-01') */
#define MAX_COLS 32

struct db_batch {
  MYSQL *m;
};

static NEOERR *conn_error(MYSQL *m, const char *sql)
{
  return nerr_raise(NERR_DB, "%u %s [%.160s]", mysql_errno(m), mysql_error(m), sql);
}

static NEOERR *stmt_error(MYSQL_STMT *st, const char *sql)
{
  unsigned e = mysql_stmt_errno(st);
  return nerr_raise(e == ER_LOCK_DEADLOCK || e == ER_LOCK_WAIT_TIMEOUT ? KERR_UNAVAILABLE : NERR_DB,
                    "%u %s [%.160s]", e, mysql_stmt_error(st), sql);
}

/* A statement without parameters or rows. */
static NEOERR *run(struct db_batch *b, const char *sql)
{
  if (mysql_real_query(b->m, sql, strlen(sql))) return conn_error(b->m, sql);
  MYSQL_RES *r = mysql_store_result(b->m);
  if (r) mysql_free_result(r);
  return STATUS_OK;
}

NEOERR *db_batch_open(struct db_batch **out)
{
  struct db_batch *b = calloc(1, sizeof *b);
  if (!b) return nerr_raise(NERR_NOMEM, "batch connection");
  NEOERR *err = db_open_waiting(&b->m, 600);
  /* The server waits on the batch between rows while it computes. */
  if (!err) err = run(b, "SET SESSION net_write_timeout = 600, net_read_timeout = 600");
  if (err) {
    if (b->m) mysql_close(b->m);
    free(b);
    return nerr_pass(err);
  }
  *out = b;
  return STATUS_OK;
}

void db_batch_close(struct db_batch **b)
{
  if (!*b) return;
  mysql_close((*b)->m);
  free(*b);
  *b = NULL;
}

/* ---- streamed reads ---- */

typedef int (*row_fn)(void *ctx, const long long *v);

/* Runs sql with integer parameters and calls fn on every row of ncols
 * integer columns (NULL as NUL); fn returns 0 when out of memory. */
static NEOERR *stream(struct db_batch *b, const char *sql, const long long *args, int nargs,
                      int ncols, row_fn fn, void *ctx)
{
  MYSQL_STMT *st = mysql_stmt_init(b->m);
  if (!st) return nerr_raise(NERR_NOMEM, "mysql_stmt_init");
  MYSQL_BIND par[8], res[MAX_COLS];
  long long pv[8], v[MAX_COLS];
  char nul[MAX_COLS];
  memset(par, 0, sizeof par);
  memset(res, 0, sizeof res);
  for (int i = 0; i < nargs; i++) {
    pv[i] = args[i];
    par[i].buffer_type = MYSQL_TYPE_LONGLONG;
    par[i].buffer = &pv[i];
  }
  for (int i = 0; i < ncols; i++) {
    res[i].buffer_type = MYSQL_TYPE_LONGLONG;
    res[i].buffer = &v[i];
    res[i].is_null = &nul[i];
  }
  NEOERR *err = STATUS_OK;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  unsigned long long rows = 0;
  if (mysql_stmt_prepare(st, sql, strlen(sql)) || (nargs && mysql_stmt_bind_param(st, par)) ||
      mysql_stmt_execute(st) || mysql_stmt_bind_result(st, res)) {
    err = stmt_error(st, sql);
  } else {
    int rc;
    while (!err && (rc = mysql_stmt_fetch(st)) == 0) {
      for (int i = 0; i < ncols; i++)
        if (nul[i]) v[i] = NUL;
      if (!fn(ctx, v)) err = nerr_raise(NERR_NOMEM, "reading [%.60s]", sql);
      rows++;
    }
    if (!err && rc != MYSQL_NO_DATA) err = stmt_error(st, sql);
  }
  mysql_stmt_close(st);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  /* The phases' figures for bench/README.md. */
  if (!err)
    log_msg("info", "read %llu rows in %.1f s [%.50s]", rows,
            (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9, sql);
  return err;
}

NEOERR *db_batch_stream(struct db_batch *b, const char *sql, const long long *args, int nargs,
                        int ncols, db_batch_row_fn fn, void *ctx)
{
  return stream(b, sql, args, nargs, ncols, fn, ctx);
}

/* Customers are read first, in id order: the index of an id is found by
 * binary search, starting from the last hit (most scans come in order). */
struct reader {
  struct ar_history *h;
  size_t hint;
  size_t order_hint;
  unsigned long long lines;
};

static long long find_customer(struct reader *r, long long id)
{
  const struct ar_customer *c = r->h->customers.v;
  size_t n = r->h->customers.n;
  if (r->hint < n && c[r->hint].id == id) return (long long)r->hint;
  if (r->hint + 1 < n && c[r->hint + 1].id == id) return (long long)++r->hint;
  long long i = ar_find_id(&r->h->customers, (uint32_t)id);
  if (i >= 0) r->hint = (size_t)i;
  return i;
}

static int on_product(void *ctx, const long long *v)
{
  struct ar_product *p = ar_push(&((struct reader *)ctx)->h->products);
  if (!p) return 0;
  *p = (struct ar_product){ (uint32_t)v[0], (uint32_t)v[1], v[2] };
  return 1;
}

static int on_customer(void *ctx, const long long *v)
{
  struct ar_customer *c = ar_push(&((struct reader *)ctx)->h->customers);
  if (!c) return 0;
  c->id = (uint32_t)v[0];
  c->region_id = (uint16_t)v[1];
  c->owner_id = (uint32_t)v[2];
  c->abc = v[3] == NUL ? 0 : (char)v[3];
  c->life = (int8_t)(v[4] - 1);
  c->override_life = (int8_t)(v[5] - 1);
  c->size = (uint8_t)v[6];
  c->loyalty = (uint8_t)v[7];
  c->noncust = (uint8_t)v[8];
  c->postal3 = (int16_t)v[9];
  return 1;
}

static int on_contact_count(void *ctx, const long long *v)
{
  struct reader *r = ctx;
  long long i = find_customer(r, v[0]);
  if (i >= 0) AR_AT(r->h->customers, struct ar_customer, i).contacts = (uint32_t)v[1];
  return 1;
}

static int on_order(void *ctx, const long long *v)
{
  struct reader *r = ctx;
  long long i = find_customer(r, v[1]);
  if (i < 0) return 1;                /* a customer added since the read */
  struct ar_order *o = ar_push(&r->h->orders);
  if (!o) return 0;
  *o = (struct ar_order){ .cust = (uint32_t)i, .day = (int32_t)v[2] };
  /* The order's id, until the lines are read: its cost field holds it. */
  o->cost = v[0];
  return 1;
}

static long long find_order(struct reader *r, long long id)
{
  const struct ar_order *o = r->h->orders.v;
  size_t n = r->h->orders.n;
  /* ids are kept in revenue until every line is read (see read_lines) */
  if (r->order_hint < n && o[r->order_hint].revenue == id) return (long long)r->order_hint;
  if (r->order_hint + 1 < n && o[r->order_hint + 1].revenue == id) return (long long)++r->order_hint;
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (o[mid].revenue < id) lo = mid + 1;
    else hi = mid;
  }
  if (lo < n && o[lo].revenue == id) return (long long)(r->order_hint = lo);
  return -1;
}

static long long find_product(const struct ar_history *h, long long id)
{
  return ar_find_id(&h->products, (uint32_t)id);
}

static int on_line(void *ctx, const long long *v)
{
  struct reader *r = ctx;
  r->lines++;
  long long o = find_order(r, v[0]);
  if (o < 0) return 1;                /* cancelled, after as_of, or added since */
  long long p = find_product(r->h, v[1]);
  if (p < 0) return 1;
  struct ar_line *l = ar_push(&r->h->lines);
  if (!l) return 0;
  int64_t cost = v[2] * AR_AT(r->h->products, struct ar_product, p).unit_cost;
  *l = (struct ar_line){ (uint32_t)o, (uint32_t)p, v[3], cost };
  return 1;
}

static int on_charge(void *ctx, const long long *v)
{
  struct reader *r = ctx;
  long long i = find_customer(r, v[0]);
  if (i < 0) return 1;
  struct ar_charge *c = ar_push(&r->h->charges);
  if (!c) return 0;
  *c = (struct ar_charge){ (uint32_t)i, (int32_t)v[1], (int32_t)v[2], v[3] };
  return 1;
}

static int on_payment(void *ctx, const long long *v)
{
  struct reader *r = ctx;
  long long i = find_customer(r, v[0]);
  if (i < 0) return 1;
  struct ar_payment *p = ar_push(&r->h->payments);
  if (!p) return 0;
  *p = (struct ar_payment){ (uint32_t)i, (int32_t)v[1], v[2] == NUL ? SIGNAL_UNPAID : (int32_t)v[2] };
  return 1;
}

static int on_contact(void *ctx, const long long *v)
{
  struct reader *r = ctx;
  long long i = find_customer(r, v[0]);
  if (i < 0) return 1;
  struct ar_contact *c = ar_push(&r->h->contacts);
  if (!c) return 0;
  *c = (struct ar_contact){ (uint32_t)i, (int32_t)v[1], (int32_t)v[2], (int32_t)v[3] };
  return 1;
}

static int on_complaint(void *ctx, const long long *v)
{
  struct reader *r = ctx;
  long long i = find_customer(r, v[0]);
  if (i < 0) return 1;
  struct ar_complaint *c = ar_push(&r->h->complaints);
  if (!c) return 0;
  *c = (struct ar_complaint){ (uint32_t)i, (int32_t)v[1] };
  return 1;
}

static int on_wake(void *ctx, const long long *v)
{
  struct reader *r = ctx;
  long long i = find_customer(r, v[1]);
  if (i < 0) return 1;
  struct ar_wake *w = ar_push(&r->h->wakes);
  if (!w) return 0;
  *w = (struct ar_wake){ (uint32_t)v[0], (uint32_t)i, (int32_t)v[2] };
  return 1;
}

static const char products_sql[] =
    "SELECT id, category_id, CAST(unit_cost * 100 AS SIGNED) FROM products ORDER BY id";
/* ENUM + 0 is the value's position (1 the first); owner, class, override
 * and attitudes 0 when unset; the postal prefix -1 unless 3 digits. */
static const char customers_sql[] =
    "SELECT c.id, c.region_id, COALESCE(c.owner_id, 0), ASCII(c.abc_class), c.lifecycle + 0,"
    " COALESCE(o.stage + 0, 0), COALESCE(c.size_class + 0, 0), COALESCE(c.loyalty + 0, 0),"
    " COALESCE(c.non_customer + 0, 0),"
    " IF(c.postal_code REGEXP '^[0-9]{3}', CAST(LEFT(c.postal_code, 3) AS SIGNED), -1)"
    " FROM customers c LEFT JOIN customer_life_overrides o ON o.customer_id = c.id ORDER BY c.id";
static const char contact_counts_sql[] =
    "SELECT customer_id, COUNT(*) FROM contact_log WHERE contacted_on <= FROM_DAYS(? + " EPOCH ")"
    " GROUP BY customer_id ORDER BY customer_id";
/* Cancelled orders are no sale (schema/040). */
static const char orders_sql[] =
    "SELECT id, customer_id, TO_DAYS(ordered_on) - " EPOCH " FROM orders"
    " WHERE status <> 'cancelled' AND ordered_on <= FROM_DAYS(? + " EPOCH ") ORDER BY id";
static const char lines_sql[] =
    "SELECT order_id, product_id, quantity, CAST(amount * 100 AS SIGNED) FROM order_lines ORDER BY id";
/* kind: enum signal_charge_kind (rebate 0, promotion 1, support 2,
 * compensation 3). */
static const char incentives_sql[] =
    "SELECT customer_id, TO_DAYS(granted_on) - " EPOCH ", kind - 1, CAST(amount * 100 AS SIGNED)"
    " FROM customer_incentives WHERE granted_on <= FROM_DAYS(? + " EPOCH ")";
static const char support_sql[] =
    "SELECT p.customer_id, TO_DAYS(e.done_on) - " EPOCH ", 2, CAST(e.actual_cost * 100 AS SIGNED)"
    " FROM support_executions e JOIN support_plans p ON p.id = e.plan_id"
    " WHERE e.done_on <= FROM_DAYS(? + " EPOCH ")";
/* The agreed compensation: the latest approved proposal with that remedy,
 * on the day step 6 recorded it paid. */
static const char compensation_sql[] =
    "SELECT c.customer_id, TO_DAYS(h.compensation_paid_on) - " EPOCH ", 3,"
    " CAST(p.amount * 100 AS SIGNED)"
    " FROM complaint_handling h JOIN complaints c ON c.id = h.complaint_id"
    " JOIN complaint_proposals p ON p.id = (SELECT MAX(q.id) FROM complaint_proposals q"
    "   WHERE q.complaint_id = h.complaint_id AND q.remedy = 'compensation'"
    "   AND q.decision = 'approved')"
    " WHERE h.compensation_paid_on <= FROM_DAYS(? + " EPOCH ") AND c.customer_id IS NOT NULL";
static const char payments_sql[] =
    "SELECT customer_id, TO_DAYS(due_on) - " EPOCH ", TO_DAYS(paid_on) - " EPOCH " FROM payments"
    " WHERE due_on >= FROM_DAYS(? + " EPOCH ") AND due_on <= FROM_DAYS(? + " EPOCH ")";
static const char open_actions_sql[] =
    "SELECT customer_id, TO_DAYS(contacted_on) - " EPOCH ", TO_DAYS(next_due) - " EPOCH ", done"
    " FROM contact_log WHERE next_due IS NOT NULL AND done = 0"
    " AND contacted_on <= FROM_DAYS(? + " EPOCH ")";
static const char complaints_sql[] =
    "SELECT customer_id, TO_DAYS(received_at) - " EPOCH " FROM complaints"
    " WHERE customer_id IS NOT NULL AND received_at >= FROM_DAYS(? + " EPOCH ")"
    " AND received_at < FROM_DAYS(? + " EPOCH ")";
static const char wakes_sql[] =
    "SELECT id, customer_id, TO_DAYS(decided_on) - " EPOCH " FROM wake_decisions"
    " WHERE outcome = 'pending' AND decision = 'wake'";

NEOERR *db_batch_read(struct db_batch *b, struct ar_history *h, unsigned long long *lines)
{
  struct reader r = { .h = h };
  long long a = h->as_of, w = h->cfg.signal.window_days;
  long long win[2] = { a + 1 - 2 * w, a }, cwin[2] = { a + 1 - w, a + 1 };
  NEOERR *err = run(b, "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
  if (!err) err = stream(b, products_sql, NULL, 0, 3, on_product, &r);
  if (!err) err = stream(b, customers_sql, NULL, 0, 10, on_customer, &r);
  if (!err) err = stream(b, contact_counts_sql, &a, 1, 2, on_contact_count, &r);
  if (!err) err = stream(b, orders_sql, &a, 1, 3, on_order, &r);
  if (!err) {
    /* While the lines are read, each order's id sits in revenue. */
    for (size_t i = 0; i < h->orders.n; i++) {
      struct ar_order *o = &AR_AT(h->orders, struct ar_order, i);
      o->revenue = o->cost;
      o->cost = 0;
    }
    err = stream(b, lines_sql, NULL, 0, 4, on_line, &r);
  }
  if (!err) {
    for (size_t i = 0; i < h->orders.n; i++) AR_AT(h->orders, struct ar_order, i).revenue = 0;
    for (size_t i = 0; i < h->lines.n; i++) {
      const struct ar_line *l = &AR_AT(h->lines, struct ar_line, i);
      struct ar_order *o = &AR_AT(h->orders, struct ar_order, l->order);
      o->revenue += l->amount;
      o->cost += l->cost;
    }
  }
  if (!err) err = stream(b, incentives_sql, &a, 1, 4, on_charge, &r);
  if (!err) err = stream(b, support_sql, &a, 1, 4, on_charge, &r);
  if (!err) err = stream(b, compensation_sql, &a, 1, 4, on_charge, &r);
  if (!err) err = stream(b, payments_sql, win, 2, 3, on_payment, &r);
  if (!err) err = stream(b, open_actions_sql, &a, 1, 4, on_contact, &r);
  if (!err) err = stream(b, complaints_sql, cwin, 2, 2, on_complaint, &r);
  if (!err) err = stream(b, wakes_sql, NULL, 0, 3, on_wake, &r);
  NEOERR *end = run(b, "COMMIT");
  if (!err) err = end;
  else nerr_ignore(&end);
  *lines = r.lines;
  return nerr_pass(err);
}

/* ---- multi-row writes ---- */

/* A statement of `rows` tuples: head, then tuple repeated, then tail; all
 * parameters integers (NUL binds NULL). The text is fixed fragments. */
struct bulk {
  struct db_batch *b;
  const char *head, *tuple, *sep, *tail;
  int cols, rows, n;
  long long *v;
  char *nul;
  MYSQL_BIND *bind;
  MYSQL_STMT *full;
  unsigned long long affected;
};

static MYSQL_STMT *bulk_prepare(struct bulk *k, int rows, NEOERR **err)
{
  size_t len = strlen(k->head) + (size_t)rows * (strlen(k->tuple) + strlen(k->sep)) +
               strlen(k->tail) + 1;
  char *sql = malloc(len), *p = sql;
  MYSQL_STMT *st = mysql_stmt_init(k->b->m);
  if (!sql || !st) {
    free(sql);
    if (st) mysql_stmt_close(st);
    *err = nerr_raise(NERR_NOMEM, "bulk statement");
    return NULL;
  }
  p += sprintf(p, "%s", k->head);
  for (int i = 0; i < rows; i++) p += sprintf(p, "%s%s", i ? k->sep : "", k->tuple);
  sprintf(p, "%s", k->tail);
  if (mysql_stmt_prepare(st, sql, strlen(sql))) {
    *err = stmt_error(st, sql);
    mysql_stmt_close(st);
    st = NULL;
  }
  free(sql);
  return st;
}

static NEOERR *bulk_init(struct bulk *k, struct db_batch *b, const char *head, const char *tuple,
                         int cols, int rows, const char *tail)
{
  memset(k, 0, sizeof *k);
  /* Tuples of VALUES are separated by commas, a UNION's branches not. */
  const char *sep = strncmp(tuple, " UNION", 6) == 0 ? "" : ",";
  *k = (struct bulk){ .b = b, .head = head, .tuple = tuple, .sep = sep, .tail = tail,
                      .cols = cols, .rows = rows };
  k->v = calloc((size_t)cols * rows, sizeof *k->v);
  k->nul = calloc((size_t)cols * rows, 1);
  k->bind = calloc((size_t)cols * rows, sizeof *k->bind);
  if (!k->v || !k->nul || !k->bind) return nerr_raise(NERR_NOMEM, "bulk rows");
  for (int i = 0; i < cols * rows; i++) {
    k->bind[i].buffer_type = MYSQL_TYPE_LONGLONG;
    k->bind[i].buffer = &k->v[i];
    k->bind[i].is_null = &k->nul[i];
  }
  return STATUS_OK;
}

static NEOERR *bulk_flush(struct bulk *k)
{
  if (!k->n) return STATUS_OK;
  NEOERR *err = STATUS_OK;
  MYSQL_STMT *st = k->n == k->rows ? k->full : NULL;
  if (!st) st = bulk_prepare(k, k->n, &err);
  if (err) return nerr_pass(err);
  if (k->n == k->rows) k->full = st;
  for (int i = 0; i < k->n * k->cols; i++) k->nul[i] = k->v[i] == NUL;
  if (mysql_stmt_bind_param(st, k->bind) || mysql_stmt_execute(st))
    err = stmt_error(st, k->head);
  else
    k->affected += mysql_stmt_affected_rows(st);
  if (st != k->full) mysql_stmt_close(st);
  k->n = 0;
  return err;
}

/* The next row's values (cols of them); flushes a full statement first. */
static NEOERR *bulk_row(struct bulk *k, long long **row)
{
  if (k->n == k->rows) {
    NEOERR *err = bulk_flush(k);
    if (err) return nerr_pass(err);
  }
  *row = k->v + (size_t)k->n++ * k->cols;
  return STATUS_OK;
}

static void bulk_free(struct bulk *k)
{
  if (k->full) mysql_stmt_close(k->full);
  free(k->v);
  free(k->nul);
  free(k->bind);
}

/* ---- customer_analysis ---- */

/* The row's columns after customer_id, in the order of row_values; each
 * with how it is read back as an integer and how its value is written.
 * run_id is left out of the comparison: a row that did not change keeps
 * the run that wrote it. */
static const struct { const char *name, *read, *write; } cols[] = {
  { "region_id", "region_id", "?" },
  { "owner_id", "COALESCE(owner_id, 0)", "NULLIF(?, 0)" },
  { "abc_class", "FIELD(abc_class, 'A', 'B', 'C')", "ELT(?, 'A', 'B', 'C')" },
  { "revenue", "revenue", "?" },
  { "revenue_rank", "revenue_rank", "?" },
  { "life_proposed", "life_proposed + 0", "?" },
  { "sleep_state", "sleep_state", "?" },
  { "interval_days", "interval_days", "?" },
  { "days_since", "days_since", "?" },
  { "first_purchase_on", "TO_DAYS(first_purchase_on) - " EPOCH, "FROM_DAYS(? + " EPOCH ")" },
  { "rfm_r", "rfm_r", "?" },
  { "rfm_f", "rfm_f", "?" },
  { "rfm_m", "rfm_m", "?" },
  { "rfm_segment", "rfm_segment", "?" },
  { "cost_of_goods", "cost_of_goods", "?" },
  { "rebates_promotions", "rebates_promotions", "?" },
  { "support", "support", "?" },
  { "compensation", "compensation", "?" },
  { "profit", "profit", "?" },
  { "profit_rank", "profit_rank", "?" },
  { "lifetime_value", "lifetime_value", "?" },
  { "watch_reasons", "watch_reasons", "?" },
  { "watch_score", "watch_score", "?" },
  { "watch_rank", "watch_rank", "?" },
  { "late_tenths_earlier", "late_tenths_earlier", "?" },
  { "late_tenths_recent", "late_tenths_recent", "?" },
  { "orders_earlier", "orders_earlier", "?" },
  { "orders_recent", "orders_recent", "?" },
  { "unanswered", "unanswered", "?" },
  { "complaints_recent", "complaints_recent", "?" },
};
#define NCOLS ((int)(sizeof cols / sizeof *cols))

static long long clamp(long long v, long long hi)
{
  return v < 0 ? 0 : v > hi ? hi : v;
}

static void row_values(const struct ar_customer *c, const struct ar_result *r, long long *v)
{
  int i = 0;
  v[i++] = c->region_id;
  v[i++] = c->owner_id;
  v[i++] = r->abc == 'A' ? 1 : r->abc == 'B' ? 2 : 3;
  v[i++] = r->revenue;
  v[i++] = r->revenue_rank;
  v[i++] = r->life_proposed + 1;
  v[i++] = r->sleep_state;
  v[i++] = clamp(r->interval_days, 65535);
  v[i++] = r->days_since;
  v[i++] = r->first_day == INT32_MIN ? NUL : r->first_day;
  v[i++] = r->rfm.r;
  v[i++] = r->rfm.f;
  v[i++] = r->rfm.m;
  v[i++] = r->rfm.segment;
  v[i++] = r->profit.cost_of_goods;
  v[i++] = r->profit.rebates_promotions;
  v[i++] = r->profit.support;
  v[i++] = r->profit.compensation;
  v[i++] = r->profit.profit;
  v[i++] = r->profit_rank;
  v[i++] = r->lifetime_value;
  v[i++] = r->watch.reasons;
  v[i++] = clamp(r->watch.score, 255);
  v[i++] = r->watch_rank;
  v[i++] = clamp(r->watch.late_tenths_earlier, INT_MAX);
  v[i++] = clamp(r->watch.late_tenths_recent, INT_MAX);
  v[i++] = r->watch.orders_earlier;
  v[i++] = r->watch.orders_recent;
  v[i++] = clamp(r->watch.unanswered, 65535);
  v[i++] = clamp(r->watch.complaints, 65535);
}

/* A fingerprint of a row's values (FNV-1a over them), to see whether the
 * stored row differs without keeping it. */
static uint64_t fingerprint(const long long *v)
{
  uint64_t h = 1469598103934665603ULL;
  for (int i = 0; i < NCOLS; i++) {
    h ^= (uint64_t)v[i];
    h *= 1099511628211ULL;
  }
  return h;
}

struct old_rows {
  struct reader r;
  uint64_t *print;              /* per customer index; 0 none stored */
};

static int on_old_row(void *ctx, const long long *v)
{
  struct old_rows *o = ctx;
  long long i = find_customer(&o->r, v[0]);
  if (i >= 0) o->print[i] = fingerprint(v + 1) | 1;
  return 1;
}

/* Rebuild the whole table when more than one row in REBUILD_SHARE changed.
 * That is every night (days_since moves for every buyer): the rows go into
 * an empty twin in one transaction with unique and foreign-key checks off,
 * so InnoDB builds its secondary indexes by sorting (bulk insert into
 * an empty table, MariaDB 10.6+) instead of updating them row by row, and
 * RENAME TABLE swaps it in whole. A second run the same day changes a few
 * rows: those are updated in place. */
#define REBUILD_SHARE 10

/* The INSERT of customer_analysis rows into table, with the upsert tail
 * when in place; the statement's fragments live in t as long as k. */
struct rows_sql {
  char head[2048], tuple[1024], tail[2048];
};

static NEOERR *rows_bulk(struct db_batch *b, const char *table, int in_place, struct rows_sql *t,
                         struct bulk *k)
{
  size_t p = (size_t)snprintf(t->head, sizeof t->head, "INSERT INTO %s (customer_id", table);
  size_t q = (size_t)snprintf(t->tuple, sizeof t->tuple, "(?");
  size_t u = 0;
  t->tail[0] = 0;
  if (in_place)
    u = (size_t)snprintf(t->tail, sizeof t->tail, " ON DUPLICATE KEY UPDATE run_id = VALUES(run_id)");
  for (int i = 0; i < NCOLS; i++) {
    p += (size_t)snprintf(t->head + p, sizeof t->head - p, ", %s", cols[i].name);
    q += (size_t)snprintf(t->tuple + q, sizeof t->tuple - q, ", %s", cols[i].write);
    if (in_place)
      u += (size_t)snprintf(t->tail + u, sizeof t->tail - u, ", %s = VALUES(%s)", cols[i].name,
                            cols[i].name);
  }
  snprintf(t->head + p, sizeof t->head - p, ", run_id) VALUES ");
  snprintf(t->tuple + q, sizeof t->tuple - q, ", ?)");
  return nerr_pass(bulk_init(k, b, t->head, t->tuple, NCOLS + 2, 500, t->tail));
}

/* The rows to write (all when rebuilding, else those marked changed). */
static NEOERR *rows_put(struct bulk *k, const struct ar_history *h, const struct ar_output *o,
                        const uint64_t *same, unsigned long long run_id,
                        unsigned long long *written)
{
  NEOERR *err = STATUS_OK;
  long long v[NCOLS];
  for (size_t i = 0; !err && i < h->customers.n; i++) {
    if (same && same[i]) continue;
    const struct ar_customer *c = &AR_AT(h->customers, struct ar_customer, i);
    row_values(c, &o->rows[i], v);
    long long *row = NULL;
    if ((err = bulk_row(k, &row))) break;
    row[0] = c->id;
    memcpy(row + 1, v, sizeof v);
    row[NCOLS + 1] = (long long)run_id;
    (*written)++;
  }
  if (!err) err = bulk_flush(k);
  return nerr_pass(err);
}

static NEOERR *rows_rebuild(struct db_batch *b, const struct ar_history *h,
                            const struct ar_output *o, unsigned long long run_id,
                            unsigned long long *written)
{
  struct bulk k;
  struct rows_sql t;
  memset(&k, 0, sizeof k);
  NEOERR *err = run(b, "DROP TABLE IF EXISTS customer_analysis_next");
  if (!err) err = run(b, "CREATE TABLE customer_analysis_next LIKE customer_analysis");
  if (!err) err = run(b, "SET SESSION unique_checks = 0, foreign_key_checks = 0");
  if (!err) err = run(b, "START TRANSACTION");
  if (!err) err = rows_bulk(b, "customer_analysis_next", 0, &t, &k);
  if (!err) err = rows_put(&k, h, o, NULL, run_id, written);
  bulk_free(&k);
  if (!err) err = run(b, "COMMIT");
  if (!err)
    err = run(b, "RENAME TABLE customer_analysis TO customer_analysis_old,"
                 " customer_analysis_next TO customer_analysis");
  if (!err) err = run(b, "DROP TABLE customer_analysis_old");
  if (err) {
    /* The live table is untouched until the RENAME; the twin goes. */
    NEOERR *undo = run(b, "ROLLBACK");
    if (!undo) undo = run(b, "DROP TABLE IF EXISTS customer_analysis_next");
    nerr_ignore(&undo);
  }
  NEOERR *checks = run(b, "SET SESSION unique_checks = 1, foreign_key_checks = 1");
  if (!err) err = checks;
  else nerr_ignore(&checks);
  return nerr_pass(err);
}

NEOERR *db_batch_write_rows(struct db_batch *b, const struct ar_history *h,
                            const struct ar_output *o, unsigned long long run_id,
                            unsigned long long *written)
{
  size_t n = h->customers.n;
  struct old_rows old = { .r = { .h = (struct ar_history *)h } };
  old.print = calloc(n ? n : 1, sizeof *old.print);
  if (!old.print) return nerr_raise(NERR_NOMEM, "row fingerprints");
  char sql[2048];
  size_t p = (size_t)snprintf(sql, sizeof sql, "SELECT customer_id");
  for (int i = 0; i < NCOLS; i++) p += (size_t)snprintf(sql + p, sizeof sql - p, ", %s", cols[i].read);
  snprintf(sql + p, sizeof sql - p, " FROM customer_analysis ORDER BY customer_id");
  NEOERR *err = stream(b, sql, NULL, 0, NCOLS + 1, on_old_row, &old);
  /* print[i] becomes 1 where the stored row is this run's, else 0 */
  size_t changed = 0;
  long long v[NCOLS];
  for (size_t i = 0; !err && i < n; i++) {
    row_values(&AR_AT(h->customers, struct ar_customer, i), &o->rows[i], v);
    old.print[i] = old.print[i] == (fingerprint(v) | 1);
    changed += !old.print[i];
  }
  *written = 0;
  if (!err && changed * REBUILD_SHARE > n) {
    err = rows_rebuild(b, h, o, run_id, written);
  } else if (!err) {
    struct bulk k;
    struct rows_sql t;
    err = rows_bulk(b, "customer_analysis", 1, &t, &k);
    if (!err) err = rows_put(&k, h, o, old.print, run_id, written);
    bulk_free(&k);
    /* Rows of customers merged away or removed since. */
    if (!err)
      err = run(b, "DELETE a FROM customer_analysis a LEFT JOIN customers c ON c.id = a.customer_id"
                   " WHERE c.id IS NULL");
  }
  free(old.print);
  return nerr_pass(err);
}

/* ---- customers.abc_class, customers.lifecycle ---- */

/* By id ranges of CLASS_CHUNK, one short transaction each. @kehu_bulk
 * skips dash_customer_update (schema/014), whose only work here would be
 * the dealer's abc_class, done after for all dealers at once. */
#define CLASS_CHUNK 5000
static const char classes_sql[] =
    "UPDATE customers c JOIN customer_analysis a ON a.customer_id = c.id"
    " LEFT JOIN customer_life_overrides o ON o.customer_id = c.id"
    " SET c.abc_class = a.abc_class, c.lifecycle = COALESCE(o.stage, a.life_proposed)"
    " WHERE c.id >= ? AND c.id < ?"
    " AND NOT (c.abc_class <=> a.abc_class AND c.lifecycle = COALESCE(o.stage, a.life_proposed))";

NEOERR *db_batch_apply_classes(struct db_batch *b, const struct ar_history *h,
                               unsigned long long *changed)
{
  *changed = 0;
  size_t n = h->customers.n;
  if (!n) return STATUS_OK;
  MYSQL_STMT *st = mysql_stmt_init(b->m);
  if (!st) return nerr_raise(NERR_NOMEM, "mysql_stmt_init");
  long long range[2];
  MYSQL_BIND par[2];
  memset(par, 0, sizeof par);
  for (int i = 0; i < 2; i++) {
    par[i].buffer_type = MYSQL_TYPE_LONGLONG;
    par[i].buffer = &range[i];
  }
  NEOERR *err = run(b, "SET @kehu_bulk = 1");
  if (!err && (mysql_stmt_prepare(st, classes_sql, strlen(classes_sql)) ||
               mysql_stmt_bind_param(st, par)))
    err = stmt_error(st, classes_sql);
  const struct ar_customer *c = h->customers.v;
  for (size_t i = 0; !err && i < n; i += CLASS_CHUNK) {
    range[0] = c[i].id;
    range[1] = i + CLASS_CHUNK < n ? (long long)c[i + CLASS_CHUNK].id : (long long)c[n - 1].id + 1;
    if (mysql_stmt_execute(st)) err = stmt_error(st, classes_sql);
    else *changed += mysql_stmt_affected_rows(st);
  }
  mysql_stmt_close(st);
  NEOERR *off = run(b, "SET @kehu_bulk = NULL");
  if (!err) err = off;
  else nerr_ignore(&off);
  /* What dash_customer_update would have copied, for every dealer. */
  if (!err)
    err = run(b, "UPDATE dash_dealers d JOIN customers c ON c.id = d.customer_id"
                 " SET d.abc_class = c.abc_class WHERE NOT (d.abc_class <=> c.abc_class)");
  return nerr_pass(err);
}

/* ---- analysis_cells ---- */

NEOERR *db_batch_write_cells(struct db_batch *b, const struct cell_map *cells)
{
  NEOERR *err = run(b, "TRUNCATE TABLE analysis_cells_next");
  struct bulk k;
  if (!err)
    err = bulk_init(&k, b,
                    "INSERT INTO analysis_cells_next (period_kind, period_start, dim, dim_key,"
                    " region_id, sales, cost_of_goods, charges, margin, customers, active_before,"
                    " lost, new_customers, conversions, lifetime_value) VALUES ",
                    "(?, FROM_DAYS(? + " EPOCH "), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", 15, 1000,
                    "");
  for (size_t i = 0; !err && i < cells->cap; i++) {
    const struct cell *c = &cells->slot[i];
    if (!c->at) continue;
    int kind, dim;
    int32_t start;
    unsigned region;
    cell_unpack(c, &kind, &start, &dim, &region);
    long long *row = NULL;
    if ((err = bulk_row(&k, &row))) break;
    long long v[15] = { kind, start, dim, c->key, region, c->v.sales, c->v.cost_of_goods,
                        c->v.charges, c->v.sales - c->v.cost_of_goods - c->v.charges,
                        c->v.customers, c->v.active_before, c->v.lost, c->v.new_customers,
                        c->v.conversions, c->v.lifetime_value };
    memcpy(row, v, sizeof v);
  }
  if (!err) err = bulk_flush(&k);
  bulk_free(&k);
  /* Readers see the old table or the new one, never a half-built one. */
  if (!err)
    err = run(b, "RENAME TABLE analysis_cells TO analysis_cells_old,"
                 " analysis_cells_next TO analysis_cells, analysis_cells_old TO analysis_cells_next");
  return nerr_pass(err);
}

/* ---- wake-up outcomes ---- */

NEOERR *db_batch_wake(struct db_batch *b, const struct ar_output *o)
{
  if (!o->n_woke) return STATUS_OK;
  struct bulk k;
  NEOERR *err = bulk_init(&k, b,
                          "UPDATE wake_decisions w JOIN (SELECT 0 AS id, 0 AS day",
                          " UNION ALL SELECT ?, ?", 2, 200,
                          ") v ON v.id = w.id SET w.outcome = 'woke',"
                          " w.outcome_on = FROM_DAYS(v.day + " EPOCH "), w.version = w.version + 1"
                          " WHERE w.outcome = 'pending'");
  for (size_t i = 0; !err && i < o->n_woke; i++) {
    long long *row = NULL;
    if ((err = bulk_row(&k, &row))) break;
    row[0] = o->woke[i].id;
    row[1] = o->woke[i].day;
  }
  if (!err) err = bulk_flush(&k);
  bulk_free(&k);
  return nerr_pass(err);
}

/* ---- runs ---- */

static DB_STMT lock_get = DB_STMT_INIT("SELECT GET_LOCK('kehu_analyse', 0)");
static DB_STMT lock_release = DB_STMT_INIT("SELECT RELEASE_LOCK('kehu_analyse')");
static DB_STMT oldest = DB_STMT_INIT(
    "SELECT id, reason FROM analysis_runs WHERE status = 'requested' ORDER BY id LIMIT 1 FOR UPDATE");
static DB_STMT take = DB_STMT_INIT(
    "UPDATE analysis_runs SET status = 'running', started_at = NOW(), as_of = ? WHERE id = ?");
static DB_STMT add = DB_STMT_INIT(
    "INSERT INTO analysis_runs (status, reason, started_at, as_of) VALUES ('running', ?, NOW(), ?)");
static DB_STMT done = DB_STMT_INIT(
    "UPDATE analysis_runs SET status = 'done', finished_at = NOW(), customers = ?,"
    " order_lines = ?, seconds = ? WHERE id = ?");
static DB_STMT failed = DB_STMT_INIT(
    "UPDATE analysis_runs SET status = 'failed', finished_at = NOW(), error = LEFT(?, 255),"
    " seconds = ? WHERE id = ?");
static DB_STMT stale = DB_STMT_INIT(
    "UPDATE analysis_runs SET status = 'failed', finished_at = NOW(),"
    " error = 'interrupted (the batch stopped during the run)' WHERE status = 'running'");
static DB_STMT since = DB_STMT_INIT(
    "SELECT COUNT(*) FROM analysis_runs WHERE started_at >= ?");

NEOERR *db_batch_lock(int *got)
{
  int more;
  *got = 0;
  NEOERR *err = db_exec(&lock_get, "");
  if (!err && !(err = db_next(&lock_get, &more)) && more) *got = db_int(&lock_get, 0) == 1;
  db_done(&lock_get);
  /* Holding the lock, no run is under way: a row still 'running' is one
   * whose batch died (killed, or the machine stopped). */
  if (!err && *got) err = db_exec_done(&stale, "");
  return nerr_pass(err);
}

void db_batch_unlock(void)
{
  NEOERR *err = db_exec(&lock_release, "");
  db_done(&lock_release);
  nerr_ignore(&err);
}

NEOERR *db_batch_run_start(int take_request, const char *reason, const char *as_of,
                           unsigned long long *id, char *taken, size_t n)
{
  *id = 0;
  snprintf(taken, n, "%s", reason);
  if (!take_request) {
    NEOERR *err = db_exec(&add, "ss", reason, as_of);
    if (!err) *id = db_insert_id(&add);
    db_done(&add);
    return nerr_pass(err);
  }
  int found;
  NEOERR *err = db_begin_row(&oldest, &found, "");
  long long rid = !err && found ? db_int(&oldest, 0) : 0;
  if (rid && db_str(&oldest, 1)) snprintf(taken, n, "%s", db_str(&oldest, 1));
  db_done(&oldest);
  if (!err && found) err = db_exec_done(&take, "si", as_of, rid);
  if ((err = db_end(err, 1))) return nerr_pass(err);
  *id = (unsigned long long)rid;
  return STATUS_OK;
}

NEOERR *db_batch_run_done(unsigned long long id, unsigned long long customers,
                          unsigned long long lines, double seconds)
{
  char s[32];
  snprintf(s, sizeof s, "%.2f", seconds);
  return nerr_pass(db_exec_done(&done, "iisi", (long long)customers, (long long)lines, s,
                                (long long)id));
}

NEOERR *db_batch_run_failed(unsigned long long id, const char *error, double seconds)
{
  char s[32];
  snprintf(s, sizeof s, "%.2f", seconds);
  return nerr_pass(db_exec_done(&failed, "ssi", error, s, (long long)id));
}

NEOERR *db_batch_ran_since(const char *when, int *ran)
{
  int more;
  *ran = 0;
  NEOERR *err = db_exec(&since, "s", when);
  if (!err && !(err = db_next(&since, &more)) && more) *ran = db_int(&since, 0) > 0;
  db_done(&since);
  return nerr_pass(err);
}
