/* The watch list, profitability, churn and lifetime value (db/analysis_rank.h).
 *
 * Ranked lists: each is in the order of a rank the batch stores (watch_rank,
 * profit_rank; 1 first, unique), and a page is read from a rank on (seek),
 * never by skipping the rows before it; only its rows are joined to names:
 *   SELECT … FROM (SELECT ca.* FROM customer_analysis ca WHERE <scope, filter>
 *                  AND ca.<rank> > ? ORDER BY ca.<rank> LIMIT ?) x
 *   JOIN customers c … LEFT JOIN regions r … LEFT JOIN users u … ORDER BY x.<rank>
 * The rank the page starts after comes from the link's anchor (after=, the
 * previous page's last rank) or is found by one small statement
 * (seek_at). The indexes of schema/054 carry the filter's columns, so the
 * count and those statements read the index alone (docs/analysis.md).
 * Report cells are summed over the user's regions (a customer is in one
 * region, so the sum is the figure of the scope), or read from region 0,
 * the batch's sum of all regions (db/cell_scope.h). */
#include "db/analysis_rank.h"
#include "db/analysis_tenths.h"
#include "db/cell_scope.h"
#include "core/format.h"
#include "db/db.h"
#include "db/kept.h"
#include "db/query.h"
#include "db/scope.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXPORT_CHUNK 1000

/* Money columns in cents, as yuan with two decimals. */
#define YUAN(col) "CAST(" col " / 100 AS DECIMAL(20,2))"

/* A regional manager's regions (as the session read them) on column col;
 * a region asked for, on the same column. */
static void region_conds(const struct user *u, unsigned region_id, const char *col,
                         struct query *q)
{
  scope_regions_cond(q, u, col);
  if (region_id) {
    query_cond(q, "%s = ?", col);
    query_arg(q, DB_INT(region_id));
  }
}

enum rank_list { WATCH, PROFIT };

static void rank_where(const struct user *u, const struct rank_filter *f, enum rank_list list,
                       int with_tail, struct query *q)
{
  region_conds(u, f->region_id, "ca.region_id", q);
  if (f->owner_id) {
    query_cond(q, "ca.owner_id = ?");
    query_arg(q, DB_INT(f->owner_id));
  }
  /* the handler passes only A, B or C */
  if (f->abc == 'A' || f->abc == 'B' || f->abc == 'C') query_cond(q, "ca.abc_class = '%c'", f->abc);
  if (list == WATCH) {
    query_cond(q, "ca.watch_rank > 0");
    if (f->reason) query_cond(q, "(ca.watch_reasons & %u) <> 0", f->reason & 0xffu);
  } else {
    query_cond(q, "ca.profit_rank > 0");
    if (with_tail && f->tail) {
      query_cond(q, "ca.profit_rank > ?");
      query_arg(q, DB_INT(f->tail_after));
    }
  }
}

static const char *const rank_of[] = { [WATCH] = "watch_rank", [PROFIT] = "profit_rank" };

#define NAMED_COLS                                                                      \
  "x.customer_id AS id, c.name, x.region_id, r.name_zh AS region_zh,"                   \
  " r.name_en AS region_en, x.owner_id, u.display_name AS owner, x.abc_class, "

static const char *const cols_of[] = {
  [WATCH] = NAMED_COLS YUAN("x.revenue") " AS revenue, x.watch_score,"
            " (x.watch_reasons & 1) <> 0 AS r_late, (x.watch_reasons & 2) <> 0 AS r_orders,"
            " (x.watch_reasons & 4) <> 0 AS r_contacts, (x.watch_reasons & 8) <> 0 AS r_complaints,"
            " CAST(x.late_tenths_earlier / 10 AS DECIMAL(12,1)) AS late_earlier,"
            " CAST(x.late_tenths_recent / 10 AS DECIMAL(12,1)) AS late_recent, "
            YUAN("x.orders_earlier") " AS orders_earlier, "
            YUAN("x.orders_recent") " AS orders_recent, x.unanswered, x.complaints_recent,"
            " x.watch_rank AS seek",
  [PROFIT] = NAMED_COLS YUAN("x.revenue") " AS revenue, " YUAN("x.cost_of_goods")
             " AS cost_of_goods, " YUAN("x.rebates_promotions") " AS rebates_promotions, "
             YUAN("x.support") " AS support, " YUAN("x.compensation") " AS compensation, "
             YUAN("x.profit") " AS profit,"
             " CASE WHEN x.revenue > 0 THEN ROUND(x.profit * 100 / x.revenue, 1) END AS margin_pct,"
             " x.profit_rank, x.profit_rank > ? AS tail, x.profit_rank AS seek",
};

/* The statement of the filter's first `limit` rows ranked after `from`. */
static NEOERR *rank_run(const struct user *u, const struct rank_filter *f, enum rank_list list,
                        long long limit, long long from, DB_STMT **s)
{
  struct query q;
  const char *rank = rank_of[list];
  query_init(&q);
  query_add(&q, "SELECT %s FROM (SELECT ca.* FROM customer_analysis ca", cols_of[list]);
  if (list == PROFIT) query_arg(&q, DB_INT(f->tail_after));
  rank_where(u, f, list, 1, &q);
  query_cond(&q, "ca.%s > ?", rank);
  query_arg(&q, DB_INT(from));
  query_add(&q, " ORDER BY ca.%s LIMIT ?) x JOIN customers c ON c.id = x.customer_id"
                " LEFT JOIN regions r ON r.id = x.region_id LEFT JOIN users u ON u.id = x.owner_id"
                " ORDER BY x.%s", rank, rank);
  query_arg(&q, DB_INT(limit));
  return nerr_pass(query_run(&q, s));
}

/* The filter's count and, with an anchor (cmp "<=" or "<" X), how many of
 * its rows rank up to it: one pass over the filter's index range, the
 * pass the first page makes for its count. */
/* A scoped or filtered list's count reads every index entry of its rows
 * (180,000 for a manager of two regions at 1,000,000 customers, 30 ms):
 * the first page's is kept per worker until the next run. */
static struct kept_map counts_kept = KEPT_MAP(64, 0);

static NEOERR *rank_count(const struct user *u, const struct rank_filter *f, enum rank_list list,
                          const char *cmp, long long x, long long *total, long long *upto)
{
  struct query q;
  DB_STMT *s = NULL;
  int row = 0;
  query_init(&q);
  query_add(&q, "SELECT COUNT(*), COALESCE(SUM(ca.%s %s ?), 0) FROM customer_analysis ca",
            rank_of[list], cmp ? cmp : "<");
  query_arg(&q, DB_INT(cmp ? x : 0));
  rank_where(u, f, list, 1, &q);
  char key[QUERY_KEY_MAX];
  size_t keylen = !cmp && f->run_id ? query_key(&q, key, sizeof key) : 0;
  const long long *kept = keylen ? kept_get(&counts_kept, key, keylen, f->run_id, NULL) : NULL;
  if (kept) {
    *total = *kept;
    *upto = 0;
    return STATUS_OK;
  }
  NEOERR *err = query_run(&q, &s);
  if (!err) err = db_next(s, &row);
  *total = !err && row ? db_int(s, 0) : 0;
  *upto = !err && row ? db_int(s, 1) : 0;
  if (s) db_done(s);
  if (!err && keylen) kept_put(&counts_kept, key, keylen, f->run_id, total, sizeof *total);
  return nerr_pass(err);
}

/* The rank `skip` rows on in the filter: from the start up (cmp NULL), or
 * down from X (ranks cmp X, highest first). 0 when there is none. */
static NEOERR *seek_at(const struct user *u, const struct rank_filter *f, enum rank_list list,
                       const char *cmp, long long x, long long skip, long long *rank)
{
  struct query q;
  DB_STMT *s = NULL;
  int row = 0;
  query_init(&q);
  query_add(&q, "SELECT ca.%s FROM customer_analysis ca", rank_of[list]);
  rank_where(u, f, list, 1, &q);
  if (cmp) {
    query_cond(&q, "ca.%s %s ?", rank_of[list], cmp);
    query_arg(&q, DB_INT(x));
  }
  query_add(&q, " ORDER BY ca.%s%s LIMIT 1 OFFSET ?", rank_of[list], cmp ? " DESC" : "");
  query_arg(&q, DB_INT(skip));
  NEOERR *err = query_run(&q, &s);
  if (!err) err = db_next(s, &row);
  *rank = !err && row ? db_int(s, 0) : 0;
  if (s) db_done(s);
  return nerr_pass(err);
}

/* The list of every ranked customer (no scope, no filter but the tail):
 * the batch numbers them 1..n without a gap, so a position is a rank from
 * `base` on and the count is the top rank less base, read off the index. */
static int dense(const struct user *u, const struct rank_filter *f)
{
  return !scope_limited(u) && !f->region_id && !f->owner_id && !f->abc && !f->reason;
}

static NEOERR *dense_count(const struct rank_filter *f, enum rank_list list, const char *cmp,
                           long long x, long long *total, long long *upto)
{
  struct query q;
  DB_STMT *s = NULL;
  int row = 0;
  long long base = list == PROFIT && f->tail ? f->tail_after : 0;
  query_init(&q);
  query_add(&q, "SELECT COALESCE(MAX(%s), 0) FROM customer_analysis", rank_of[list]);
  NEOERR *err = query_run(&q, &s);
  if (!err) err = db_next(s, &row);
  long long top = !err && row ? db_int(s, 0) : 0;
  if (s) db_done(s);
  *total = top > base ? top - base : 0;
  *upto = !cmp ? 0 : (cmp[1] ? x : x - 1) - base;   /* "<=" X, or "<" X */
  if (*upto < 0) *upto = 0;
  if (*upto > *total) *upto = *total;
  return nerr_pass(err);
}

/* The page: its first row's position s (a multiple of per) from the anchor
 * or the page number, the rank before that row, and a page of rows after
 * it. after=X: the k rows up to X end at position k; before=X: the k rows
 * below X, and the page holding the k-th. */
static NEOERR *rank_page(const struct user *u, const struct rank_filter *f, enum rank_list list,
                         HDF *hdf, const char *prefix, long long *total, struct rank_at *at)
{
  long long per = f->per > 0 ? f->per : 50, k = 0, x = f->after ? f->after : f->before;
  const char *cmp = f->after ? "<=" : f->before ? "<" : NULL;
  int flat = dense(u, f);
  memset(at, 0, sizeof *at);
  at->page = 1;
  NEOERR *err = flat ? dense_count(f, list, cmp, x, total, &k)
                     : rank_count(u, f, list, cmp, x, total, &k);
  if (err || *total == 0) return nerr_pass(err);
  long long s = !cmp ? (long long)(f->page > 1 ? f->page - 1 : 0) * per
              : f->after ? k - k % per : k ? (k - 1) / per * per : 0;
  if (s > (*total - 1) / per * per) s = (*total - 1) / per * per;
  long long from = 0;
  if (s > 0 && flat) from = (list == PROFIT && f->tail ? f->tail_after : 0) + s;
  else if (s > 0 && cmp && k == s) from = x;   /* Next from a page's last row: no look-up */
  else if (s > 0) err = seek_at(u, f, list, cmp, x, cmp ? k - s : s - 1, &from);
  if (!err && !from) s = 0;
  DB_STMT *st = NULL;
  if (err || (err = rank_run(u, f, list, per, from, &st)) ||
      (err = db_rows_to_hdf(st, hdf, prefix, NULL)))
    return nerr_pass(err);
  at->page = (int)(s / per) + 1;
  for (HDF *row = hdf_obj_child(hdf_get_obj(hdf, prefix)); row; row = hdf_obj_next(row)) {
    at->last = strtoll(hdf_get_value(row, "seek", "0"), NULL, 10);
    if (!at->first) at->first = at->last;
  }
  return STATUS_OK;
}

/* Every row, a chunk at a time, each chunk sought from the last one's rank. */
static NEOERR *rank_export(const struct user *u, const struct rank_filter *f,
                           enum rank_list list, int ncols, export_each_fn each, void *ctx)
{
  NEOERR *err = STATUS_OK;
  const char *cols[PROFIT_COLS > WATCH_COLS ? PROFIT_COLS : WATCH_COLS];
  for (long long from = 0;;) {
    DB_STMT *s;
    int n = 0, more;
    if ((err = rank_run(u, f, list, EXPORT_CHUNK, from, &s))) break;
    while (!(err = db_next(s, &more)) && more) {
      for (int i = 0; i < ncols; i++) cols[i] = db_str(s, i);
      from = db_int(s, ncols);   /* seek, after the columns */
      if ((err = each(ctx, cols))) break;
      n++;
    }
    db_done(s);
    if (err || n < EXPORT_CHUNK) break;
  }
  return nerr_pass(err);
}

NEOERR *db_watch_page(const struct user *u, const struct rank_filter *f, HDF *hdf,
                      const char *prefix, long long *total, struct rank_at *at)
{
  return nerr_pass(rank_page(u, f, WATCH, hdf, prefix, total, at));
}

NEOERR *db_watch_export(const struct user *u, const struct rank_filter *f, export_each_fn each,
                        void *ctx)
{
  return nerr_pass(rank_export(u, f, WATCH, WATCH_COLS, each, ctx));
}

NEOERR *db_profit_page(const struct user *u, const struct rank_filter *f, HDF *hdf,
                       const char *prefix, long long *total, struct rank_at *at)
{
  return nerr_pass(rank_page(u, f, PROFIT, hdf, prefix, total, at));
}

NEOERR *db_profit_export(const struct user *u, const struct rank_filter *f,
                         export_each_fn each, void *ctx)
{
  return nerr_pass(rank_export(u, f, PROFIT, PROFIT_COLS, each, ctx));
}

/* A salesperson's tenths for a manager of several regions are ranked at
 * the view (that salesperson's customers, on the index owner_sleep); the
 * deciles change only with a run, so each worker keeps the groups of the
 * filters it was asked for, under the run's id. Every other filter reads
 * the batch's stored tenths (db/analysis_tenths.h). */
static struct kept_map deciles_kept = KEPT_MAP(16, 0);

static NEOERR *deciles_to_hdf(const struct profit_tenth *d, int n, HDF *hdf, const char *prefix)
{
  NEOERR *err = STATUS_OK;
  char key[64], cents[32];
  for (int i = 0; i < n && !err; i++) {
    cents_text(d[i].cents, cents, sizeof cents);
    snprintf(key, sizeof key, "%s.%d.decile", prefix, i);
    if ((err = hdf_set_int_value(hdf, key, (int)d[i].tenth))) break;
    snprintf(key, sizeof key, "%s.%d.customers", prefix, i);
    if ((err = hdf_set_int_value(hdf, key, (int)d[i].customers))) break;
    snprintf(key, sizeof key, "%s.%d.profit", prefix, i);
    if ((err = hdf_set_value(hdf, key, cents))) break;
    snprintf(key, sizeof key, "%s.%d.profit_cents", prefix, i);
    snprintf(cents, sizeof cents, "%lld", d[i].cents);
    err = hdf_set_value(hdf, key, cents);
  }
  return nerr_pass(err);
}

NEOERR *db_profit_deciles(const struct user *u, const struct rank_filter *f, long long run_id,
                          HDF *hdf, const char *prefix, enum tenths_how *how)
{
  struct profit_tenth d[10];
  int n;
  NEOERR *err = db_profit_tenths(u, f, d, &n, how);
  if (err || n >= 0) return nerr_pass(err ? err : deciles_to_hdf(d, n, hdf, prefix));
  struct query q;
  DB_STMT *s;
  query_init(&q);
  query_add(&q, "SELECT d, COUNT(*), SUM(p) FROM (SELECT ca.profit AS p,"
                " FLOOR((ROW_NUMBER() OVER (ORDER BY ca.profit_rank, ca.customer_id) - 1) * 10"
                " / COUNT(*) OVER ()) + 1 AS d FROM customer_analysis ca");
  rank_where(u, f, PROFIT, 0, &q);
  query_add(&q, ") t GROUP BY d ORDER BY d");
  char key[QUERY_KEY_MAX];
  size_t keylen = run_id ? query_key(&q, key, sizeof key) : 0;
  size_t len;
  const struct profit_tenth *kept = keylen ? kept_get(&deciles_kept, key, keylen, run_id, &len) : NULL;
  if (kept) return nerr_pass(deciles_to_hdf(kept, (int)(len / sizeof *kept), hdf, prefix));
  int more;
  n = 0;
  if ((err = query_run(&q, &s))) return nerr_pass(err);
  while (!(err = db_next(s, &more)) && more && n < 10)
    d[n++] = (struct profit_tenth){ db_int(s, 0), db_int(s, 1), db_int(s, 2) };
  db_done(s);
  if (err) return nerr_pass(err);
  if (keylen) kept_put(&deciles_kept, key, keylen, run_id, d, n * sizeof *d);
  return nerr_pass(deciles_to_hdf(d, n, hdf, prefix));
}

static DB_STMT ranked = DB_STMT_INIT(
    "SELECT COALESCE(MAX(profit_rank), 0) FROM customer_analysis");

NEOERR *db_profit_ranked(long long *n)
{
  int more = 0;
  NEOERR *err = db_exec(&ranked, "");
  if (!err) err = db_next(&ranked, &more);
  *n = !err && more ? db_int(&ranked, 0) : 0;
  db_done(&ranked);
  return nerr_pass(err);
}

static const char *const label_of[] = {
  [1] = "DATE_FORMAT(period_start, '%Y-%m')",
  [2] = "CONCAT(YEAR(period_start), ' Q', QUARTER(period_start))",
  [3] = "CAST(YEAR(period_start) AS CHAR)",
};

#define CHURN_SUMS                                                                      \
  "SUM(active_before) AS active_before, SUM(lost) AS lost,"                             \
  " CASE WHEN SUM(active_before) > 0 THEN ROUND(SUM(lost) * 100 / SUM(active_before), 1)" \
  " END AS churn_pct"

NEOERR *db_churn_series(const struct user *u, unsigned region_id, int kind, int n, HDF *hdf,
                        const char *prefix)
{
  if (kind < 1 || kind > 3) return nerr_raise(NERR_ASSERT, "churn period kind %d", kind);
  struct query q;
  DB_STMT *s;
  query_init(&q);
  query_add(&q, "SELECT * FROM (SELECT period_start AS period, %s AS label, " CHURN_SUMS
                " FROM analysis_cells", label_of[kind]);
  query_cond(&q, "period_kind = %d", kind);
  query_cond(&q, "dim = 0");
  cell_scope(&q, u, region_id, "region_id", 0);
  query_add(&q, " GROUP BY period_start ORDER BY period_start DESC LIMIT ?) t ORDER BY period");
  query_arg(&q, DB_INT(n));
  NEOERR *err = query_run(&q, &s);
  if (err) return nerr_pass(err);
  return nerr_pass(db_rows_to_hdf(s, hdf, prefix, NULL));
}

/* Names of the region and salesperson keys, from the small tables. */
static const char *const key_names[] = {
  [DIM_REGION] = " LEFT JOIN regions n ON n.id = t.`key`",
  [DIM_OWNER] = " LEFT JOIN users n ON n.id = t.`key`",
};
static const char *const key_cols[] = {
  [DIM_REGION] = ", n.name_zh, n.name_en",
  [DIM_OWNER] = ", n.display_name AS name_zh, n.display_name AS name_en",
};

/* The end of a segment statement: the cells of dimension `from`, grouped
 * by `key` (dim_key, or region_id), the regions, the names of `dim`'s
 * keys, the order; run, its rows under prefix. */
static NEOERR *segments_run(const struct user *u, unsigned region_id, enum cell_dim dim,
                            enum cell_dim from, const char *key, struct query *q, HDF *hdf,
                            const char *prefix)
{
  DB_STMT *s;
  query_cond(q, "dim = %d", (int)from);
  /* grouped by region: the regions' own cells, not their sum */
  cell_scope(q, u, region_id, "region_id", !strcmp(key, "region_id"));
  query_add(q, " GROUP BY %s) t", key);
  if (dim == DIM_REGION || dim == DIM_OWNER) query_add(q, "%s", key_names[dim]);
  query_add(q, " ORDER BY t.`key`");
  NEOERR *err = query_run(q, &s);
  if (err) return nerr_pass(err);
  return nerr_pass(db_rows_to_hdf(s, hdf, prefix, NULL));
}

static const char *names_of(enum cell_dim dim)
{
  return dim == DIM_REGION || dim == DIM_OWNER ? key_cols[dim] : "";
}

NEOERR *db_churn_segments(const struct user *u, unsigned region_id, int kind,
                          const char *period, enum cell_dim dim, HDF *hdf, const char *prefix)
{
  struct query q;
  query_init(&q);
  query_add(&q, "SELECT t.*%s FROM (SELECT dim_key AS `key`, " CHURN_SUMS " FROM analysis_cells",
            names_of(dim));
  query_cond(&q, "period_kind = %d", kind);
  query_cond(&q, "period_start = ?");
  query_arg(&q, DB_STR(period));
  return nerr_pass(segments_run(u, region_id, dim, dim, "dim_key", &q, hdf, prefix));
}

NEOERR *db_clv_segments(const struct user *u, unsigned region_id, enum cell_dim dim, HDF *hdf,
                        const char *prefix)
{
  struct query q;
  /* The batch keeps no region dimension of the counts as they stand;
   * every customer is in one ABC cell of its region, so the ABC cells
   * summed by region are the regions' figures. */
  int by_region = dim == DIM_REGION;
  const char *key = by_region ? "region_id" : "dim_key";
  query_init(&q);
  query_add(&q, "SELECT t.*%s FROM (SELECT %s AS `key`, SUM(customers) AS customers, "
                YUAN("SUM(lifetime_value)") " AS total, CASE WHEN SUM(customers) > 0 THEN "
                YUAN("SUM(lifetime_value) / SUM(customers)") " END AS average"
                " FROM analysis_cells", names_of(dim), key);
  query_cond(&q, "period_kind = 0");
  query_cond(&q, "period_start = (SELECT MAX(period_start) FROM analysis_cells"
                 " WHERE period_kind = 0)");
  return nerr_pass(segments_run(u, region_id, dim, by_region ? DIM_ABC : dim, key, &q, hdf,
                                prefix));
}

NEOERR *db_watch_reason_counts(const struct user *u, unsigned region_id, HDF *hdf,
                               const char *prefix)
{
  struct query q;
  DB_STMT *s;
  int more;
  query_init(&q);
  query_add(&q, "SELECT dim_key, SUM(customers) FROM analysis_cells");
  query_cond(&q, "period_kind = 0");
  query_cond(&q, "period_start = (SELECT MAX(period_start) FROM analysis_cells"
                 " WHERE period_kind = 0)");
  query_cond(&q, "dim = %d", (int)DIM_WATCH_REASON);
  cell_scope(&q, u, region_id, "region_id", 0);
  query_add(&q, " GROUP BY dim_key");
  NEOERR *err = query_run(&q, &s);
  if (err) return nerr_pass(err);
  char key[64];
  while (!(err = db_next(s, &more)) && more) {
    snprintf(key, sizeof key, "%s.%lld", prefix, db_int(s, 0));
    if ((err = hdf_set_int_value(hdf, key, (int)db_int(s, 1)))) break;
  }
  db_done(s);
  return nerr_pass(err);
}
