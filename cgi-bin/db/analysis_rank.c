/* The watch list, profitability, churn and lifetime value (db/analysis_rank.h).
 *
 * Ranked lists: the page's rows are chosen on customer_analysis alone
 * (scope, filter, order, LIMIT), and only those are joined to the names:
 *   SELECT … FROM (SELECT ca.* FROM customer_analysis ca WHERE <scope, filter>
 *                  ORDER BY <order> LIMIT ? OFFSET ?) x
 *   JOIN customers c … LEFT JOIN regions r … LEFT JOIN users u … ORDER BY <order>
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
#include <string.h>

#define EXPORT_CHUNK 1000

/* Money columns in cents, as yuan with two decimals. */
#define YUAN(col) "CAST(" col " / 100 AS DECIMAL(20,2))"

/* A regional manager's regions (as the session read them) on column col;
 * a region asked for, on the same column. */
static void region_conds(const struct user *u, unsigned region_id, const char *col,
                         struct query *q)
{
  if (scope_limited(u)) {
    if (u->nregions == 0) {
      query_cond(q, "0 = 1");
    } else {
      long long ids[USER_MAX_REGIONS];
      for (int i = 0; i < u->nregions; i++) ids[i] = u->regions[i];
      query_cond(q, "%s IN (", col);
      query_int_list(q, ids, u->nregions);
      query_add(q, ")");
    }
  }
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
    query_cond(q, "ca.watch_score > 0");
    if (f->reason) query_cond(q, "(ca.watch_reasons & %u) <> 0", f->reason & 0xffu);
  } else {
    query_cond(q, "ca.profit_rank > 0");
    if (with_tail && f->tail) {
      query_cond(q, "ca.profit_rank > ?");
      query_arg(q, DB_INT(f->tail_after));
    }
  }
}

static const char *const order_of[] = {
  [WATCH] = " ORDER BY %s.watch_score DESC, %s.revenue DESC, %s.customer_id",
  [PROFIT] = " ORDER BY %s.profit_rank, %s.customer_id",
};

static void rank_order(enum rank_list list, const char *t, struct query *q)
{
  if (list == WATCH) query_add(q, order_of[WATCH], t, t, t);
  else query_add(q, order_of[PROFIT], t, t);
}

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
            YUAN("x.orders_recent") " AS orders_recent, x.unanswered, x.complaints_recent",
  [PROFIT] = NAMED_COLS YUAN("x.revenue") " AS revenue, " YUAN("x.cost_of_goods")
             " AS cost_of_goods, " YUAN("x.rebates_promotions") " AS rebates_promotions, "
             YUAN("x.support") " AS support, " YUAN("x.compensation") " AS compensation, "
             YUAN("x.profit") " AS profit,"
             " CASE WHEN x.revenue > 0 THEN ROUND(x.profit * 100 / x.revenue, 1) END AS margin_pct,"
             " x.profit_rank, x.profit_rank > ? AS tail",
};

/* The statement of rows [offset, offset + limit) of the filter. */
static NEOERR *rank_run(const struct user *u, const struct rank_filter *f, enum rank_list list,
                        long long limit, long long offset, DB_STMT **s)
{
  struct query q;
  query_init(&q);
  query_add(&q, "SELECT %s FROM (SELECT ca.* FROM customer_analysis ca", cols_of[list]);
  if (list == PROFIT) query_arg(&q, DB_INT(f->tail_after));
  rank_where(u, f, list, 1, &q);
  rank_order(list, "ca", &q);
  query_add(&q, " LIMIT ? OFFSET ?) x JOIN customers c ON c.id = x.customer_id"
                " LEFT JOIN regions r ON r.id = x.region_id LEFT JOIN users u ON u.id = x.owner_id");
  query_arg(&q, DB_INT(limit));
  query_arg(&q, DB_INT(offset));
  rank_order(list, "x", &q);
  return nerr_pass(query_run(&q, s));
}

static NEOERR *rank_count(const struct user *u, const struct rank_filter *f, enum rank_list list,
                          long long *total)
{
  struct query q;
  DB_STMT *s = NULL;
  int row = 0;
  query_init(&q);
  query_add(&q, "SELECT COUNT(*) FROM customer_analysis ca");
  rank_where(u, f, list, 1, &q);
  NEOERR *err = query_run(&q, &s);
  if (!err) err = db_next(s, &row);
  *total = !err && row ? db_int(s, 0) : 0;
  if (s) db_done(s);
  return nerr_pass(err);
}

static NEOERR *rank_page(const struct user *u, const struct rank_filter *f, enum rank_list list,
                         HDF *hdf, const char *prefix, long long *total)
{
  DB_STMT *s = NULL;
  NEOERR *err = rank_count(u, f, list, total);
  if (err || *total == 0) return nerr_pass(err);
  long long offset = (long long)(f->page > 0 ? f->page - 1 : 0) * f->per;
  if ((err = rank_run(u, f, list, f->per, offset, &s))) return nerr_pass(err);
  return nerr_pass(db_rows_to_hdf(s, hdf, prefix, NULL));
}

static NEOERR *rank_export(const struct user *u, const struct rank_filter *f,
                           enum rank_list list, int ncols, export_each_fn each, void *ctx)
{
  NEOERR *err = STATUS_OK;
  const char *cols[PROFIT_COLS > WATCH_COLS ? PROFIT_COLS : WATCH_COLS];
  for (long long offset = 0;; offset += EXPORT_CHUNK) {
    DB_STMT *s;
    int n = 0, more;
    if ((err = rank_run(u, f, list, EXPORT_CHUNK, offset, &s))) break;
    while (!(err = db_next(s, &more)) && more) {
      for (int i = 0; i < ncols; i++) cols[i] = db_str(s, i);
      if ((err = each(ctx, cols))) break;
      n++;
    }
    db_done(s);
    if (err || n < EXPORT_CHUNK) break;
  }
  return nerr_pass(err);
}

NEOERR *db_watch_page(const struct user *u, const struct rank_filter *f, HDF *hdf,
                      const char *prefix, long long *total)
{
  return nerr_pass(rank_page(u, f, WATCH, hdf, prefix, total));
}

NEOERR *db_watch_export(const struct user *u, const struct rank_filter *f, export_each_fn each,
                        void *ctx)
{
  return nerr_pass(rank_export(u, f, WATCH, WATCH_COLS, each, ctx));
}

NEOERR *db_profit_page(const struct user *u, const struct rank_filter *f, HDF *hdf,
                       const char *prefix, long long *total)
{
  return nerr_pass(rank_page(u, f, PROFIT, hdf, prefix, total));
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
