/* Profit by tenth of customers from the stored cells (db/analysis_tenths.h).
 * One region's (or the company's, or a salesperson's within either)
 * tenths are ten rows of the primary key;
 * a manager of several regions adds up their histograms, a few hundred
 * rows a region, and core/analysis_tenths.c cuts the tenths out of them. */
#include "db/analysis_tenths.h"
#include "core/analysis_cells.h"
#include "core/analysis_tenths.h"
#include "db/cell_scope.h"
#include "db/db.h"
#include "db/scope.h"

#define MAX_BUCKETS 4096        /* keys run from −1600 to 1600 at most */

/* The latest run's cells of dim: keys base + [lo, hi], summed over the
 * scope's regions, best first (the tenths ascending, the buckets
 * descending). */
static void stored(struct query *q, const struct user *u, const struct rank_filter *f, int dim,
                   long long base, int lo, int hi)
{
  query_init(q);
  query_add(q, "SELECT c.dim_key - %lld, SUM(c.customers), SUM(c.margin) FROM analysis_cells c",
            base);
  query_cond(q, "c.period_kind = 0");
  query_cond(q, "c.period_start = (SELECT MAX(x.period_start) FROM analysis_cells x"
                " WHERE x.period_kind = 0)");
  query_cond(q, "c.dim = %d", dim);
  cell_scope(q, u, f->region_id, "c.region_id", 0);
  query_cond(q, "c.dim_key BETWEEN %lld AND %lld", base + lo, base + hi);
  query_add(q, " GROUP BY c.dim_key HAVING SUM(c.customers) > 0 ORDER BY c.dim_key %s",
            dim == DIM_PROFIT_BUCKET ? "DESC" : "ASC");
}

/* Whether the latest run stored cells of dim at all (a run before they
 * were kept did not): one dive into the primary key. The histograms have
 * no region 0; the tenths of the same run stand for them. */
static NEOERR *any_stored(int dim, int *yes)
{
  static DB_STMT any = DB_STMT_INIT(
      "SELECT 1 FROM analysis_cells WHERE period_kind = 0 AND period_start ="
      " (SELECT MAX(x.period_start) FROM analysis_cells x WHERE x.period_kind = 0)"
      " AND dim = ? AND region_id = 0 LIMIT 1");
  int more = 0;
  NEOERR *err = db_exec(&any, "i", (long long)(dim == DIM_PROFIT_BUCKET ? DIM_PROFIT_TENTH : dim));
  if (!err) err = db_next(&any, &more);
  db_done(&any);
  *yes = more;
  return nerr_pass(err);
}

NEOERR *db_profit_tenths(const struct user *u, const struct rank_filter *f,
                         struct profit_tenth out[10], int *n, enum tenths_how *how)
{
  *n = -1;
  *how = TENTHS_LIVE;
  long long cls = f->abc ? f->abc - 'A' + 1 : 0;
  int merged = !f->region_id && scope_limited(u) && u->nregions > 1;
  /* A salesperson's customers across several regions: ranked at the view. */
  if (f->owner_id && (merged || f->owner_id > TENTH_OWNER_MAX)) return STATUS_OK;
  struct query q;
  DB_STMT *s;
  int more, rows = 0;
  int dim = f->owner_id ? DIM_OWNER_TENTH : merged ? DIM_PROFIT_BUCKET : DIM_PROFIT_TENTH;
  if (f->owner_id)
    stored(&q, u, f, DIM_OWNER_TENTH,
           (long long)f->owner_id * TENTH_OWNER_STEP + cls * TENTH_OWNER_CLASS, 1, 10);
  else if (merged)
    stored(&q, u, f, DIM_PROFIT_BUCKET, cls * TENTH_CLASS_STEP, -MAX_BUCKETS / 2, MAX_BUCKETS / 2);
  else
    stored(&q, u, f, DIM_PROFIT_TENTH, cls * TENTH_CLASS_STEP, 1, 10);
  NEOERR *err = query_run(&q, &s);
  if (err) return nerr_pass(err);
  struct tenth_sum bucket[MAX_BUCKETS];
  while (!(err = db_next(s, &more)) && more && rows < MAX_BUCKETS) {
    if (merged) {
      bucket[rows++] = (struct tenth_sum){ db_int(s, 1), db_int(s, 2) };
    } else if (rows < 10) {
      out[rows++] = (struct profit_tenth){ db_int(s, 0), db_int(s, 1), db_int(s, 2) };
    }
  }
  db_done(s);
  if (err) return nerr_pass(err);
  if (!rows) {
    int yes;
    if ((err = any_stored(dim, &yes)) || !yes) return nerr_pass(err);
    *n = 0;
    *how = merged ? TENTHS_MERGED : TENTHS_EXACT;
    return STATUS_OK;
  }
  *how = merged ? TENTHS_MERGED : TENTHS_EXACT;
  if (!merged) {
    *n = rows;
    return STATUS_OK;
  }
  struct tenth_sum t[10];
  *n = 0;
  if (!tenths_from_buckets(bucket, (size_t)rows, t)) return STATUS_OK;
  for (int d = 0; d < 10; d++)
    if (t[d].customers > 0) out[(*n)++] = (struct profit_tenth){ d + 1, t[d].customers, t[d].profit };
  return STATUS_OK;
}
