/* The dealer table of the dashboard, its count and export. A page
 * is an index range on dash_dealers (region_id, sort column), so sorting a
 * region of thousands of dealers by any column reads one page of rows. */
#include "db/dashboard.h"
#include "db/customer.h"
#include "db/customer_sql.h"
#include "db/db.h"
#include "db/query.h"
#include "db/region_merge.h"
#include "db/scope.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parameters: region, region, scope flag, user. */
#define D_WHERE " WHERE (? = 0 OR d.region_id = ?) AND " CUSTOMER_SCOPE("d.region_id")

#define D_COLS                                                                      \
  "SELECT d.customer_id AS id, d.name, d.abc_class, d.ytd, d.ly, d.target, d.budget," \
  " d.spend, d.open_complaints, d.overdue, d.last_contact, d.last_purchase,"         \
  " DATEDIFF(CURDATE(), d.last_purchase) AS idle_days, ca.sleep_state"
/* The sleep state of the page's rows only: one primary-key read each. */
#define D_SLEEP " LEFT JOIN customer_analysis ca ON ca.customer_id = d.customer_id"

/* The page's ids first, from the (region_id, column) index alone (it holds
 * the primary key): a deep page skips index entries, not whole rows; then
 * the fifty rows. The index is named: all fourteen of dash_dealers' sort
 * indexes begin with region_id, and MariaDB estimated the region's range
 * on each of them on every execution. Parameters: those of D_WHERE,
 * limit, offset. */
#define PAGE_BY(index, order)                                                          \
  D_COLS " FROM (SELECT d.customer_id FROM dash_dealers d FORCE INDEX (" index ")" D_WHERE \
  " ORDER BY " order " LIMIT ? OFFSET ?) k JOIN dash_dealers d ON d.customer_id = k.customer_id" \
  D_SLEEP " ORDER BY " order
#define PAGE(col, index) \
  { DB_STMT_INIT(PAGE_BY(index, "d." col ", d.customer_id")), \
    DB_STMT_INIT(PAGE_BY(index, "d." col " DESC, d.customer_id DESC")) }

/* Each sort key: its column and the (region_id, column) index. */
#define DASH_SORTS(X)                                                                     \
  X(DS_NAME, "name", "s_name") X(DS_CLASS, "abc_class", "s_class") X(DS_YTD, "ytd", "s_ytd") \
  X(DS_LY, "ly", "s_ly") X(DS_GROWTH, "growth", "s_growth") X(DS_ATTAIN, "attain", "s_attain") \
  X(DS_BUDGET, "budget", "s_budget") X(DS_SPEND, "spend", "s_spend")                       \
  X(DS_COMPLAINTS, "open_complaints", "s_complaints") X(DS_OVERDUE, "overdue", "s_overdue") \
  X(DS_CONTACT, "last_contact", "s_contact") X(DS_PURCHASE, "last_purchase", "s_purchase")
#define PAGE_OF(key, col, index) [key] = PAGE(col, index),
#define COL_OF(key, col, index) [key] = col,
#define INDEX_OF(key, col, index) [key] = index,

static DB_STMT pages[DS_COUNT][2] = { DASH_SORTS(PAGE_OF) };
static const char *const sort_col[DS_COUNT] = { DASH_SORTS(COL_OF) };
static const char *const sort_index[DS_COUNT] = { DASH_SORTS(INDEX_OF) };

static DB_STMT count = DB_STMT_INIT("SELECT COUNT(*) FROM dash_dealers d" D_WHERE);

/* Parameters: region, region, scope flag, user. */
static DB_STMT revision = DB_STMT_INIT(
    "SELECT COALESCE(s.as_of, ''), s.as_of <=> CURDATE(),"
    " (SELECT COALESCE(SUM(r.rev), 0) FROM dash_region_rev r WHERE (? = 0 OR r.region_id = ?)"
    "  AND " CUSTOMER_SCOPE("r.region_id") ")"
    " FROM dash_state s WHERE s.id = 1");

static DB_STMT role_of = DB_STMT_INIT("SELECT role FROM users WHERE id = ?");

long long dash_region_of(const struct user *u, const struct dash_filter *f)
{
  if (f->region_id) return f->region_id;
  return scope_limited(u) && u->nregions == 1 ? u->regions[0] : 0;
}

long long dash_scope_flag(const struct user *u, const struct dash_filter *f)
{
  long long reg = dash_region_of(u, f);
  return reg && scope_allows(u, (unsigned)reg) ? 0 : scope_limited(u);
}

static NEOERR *exec_where(DB_STMT *s, const struct user *u, const struct dash_filter *f,
                          long long limit, long long offset)
{
  long long reg = dash_region_of(u, f);
  return nerr_pass(db_exec(s, "iiiiii", reg, reg, dash_scope_flag(u, f),
                           (long long)u->id, limit, offset));
}

NEOERR *db_dash_revision(const struct user *u, const struct dash_filter *f, long long *rev,
                         struct dash_day *day)
{
  int more;
  long long reg = dash_region_of(u, f);
  *rev = 0;
  memset(day, 0, sizeof *day);
  NEOERR *err = db_exec(&revision, "iiii", reg, reg, dash_scope_flag(u, f), (long long)u->id);
  if (!err && !(err = db_next(&revision, &more)) && more) {
    snprintf(day->as_of, sizeof day->as_of, "%s", db_str(&revision, 0) ? db_str(&revision, 0) : "");
    day->today = db_int(&revision, 1) == 1;
    *rev = db_int(&revision, 2);
  }
  db_done(&revision);
  return nerr_pass(err);
}

NEOERR *db_dash_count(const struct user *u, const struct dash_filter *f, long long *n)
{
  int more;
  *n = 0;
  long long reg = dash_region_of(u, f);
  NEOERR *err = db_exec(&count, "iiii", reg, reg, dash_scope_flag(u, f), (long long)u->id);
  if (!err && !(err = db_next(&count, &more)) && more) *n = db_int(&count, 0);
  db_done(&count);
  return nerr_pass(err);
}

/* One statement for the filter's scope (one region; or, past the merge's
 * limit, all the scope's regions sorted together). */
static NEOERR *dealers_one(const struct user *u, const struct dash_filter *f, HDF *hdf,
                           const char *prefix)
{
  DB_STMT *s = &pages[f->sort][f->desc ? 1 : 0];
  NEOERR *err = exec_where(s, u, f, f->per, (long long)(f->page - 1) * f->per);
  if (!err) err = db_rows_to_hdf(s, hdf, prefix, NULL);
  return nerr_pass(err);
}

/* A page over several regions (a manager's, or every region for the
 * office): no index holds several regions in another column's order, so
 * MariaDB sorted all their dealers for fifty. Each region is read on its
 * own (region_id, column) index up to the page's last row
 * (db/region_merge.c), the branches' ids and sort values are merged, and
 * only the page's fifty rows are read. The regions are the session's own
 * (a manager) or all. */
struct dealer_branch { const char *col, *index; };

static void dealer_branch(struct query *q, unsigned region, void *arg)
{
  const struct dealer_branch *d = arg;
  query_add(q, "SELECT d.customer_id, d.%s AS v FROM dash_dealers d FORCE INDEX (%s)", d->col,
            d->index);
  query_cond(q, "d.region_id = ?");
  query_arg(q, DB_INT(region));
}

static NEOERR *dealers_merged(const struct user *u, const struct dash_filter *f, HDF *hdf,
                              const char *prefix)
{
  unsigned ids[64];
  int n = 0;
  NEOERR *err;
  if (scope_limited(u)) {
    for (int i = 0; i < u->nregions && i < 64; i++) ids[n++] = u->regions[i];
  } else if ((err = db_region_ids(ids, 64, &n))) {
    return nerr_pass(err);
  }
  if (n > (DB_MAX_PARAMS - 2) / 2) return nerr_pass(dealers_one(u, f, hdf, prefix));
  const char *dir = f->desc ? " DESC" : "";
  struct dealer_branch branch = { sort_col[f->sort], sort_index[f->sort] };
  char order[96], korder[96];
  snprintf(order, sizeof order, "d.%s%s, d.customer_id%s", branch.col, dir, dir);
  snprintf(korder, sizeof korder, "k.v%s, k.customer_id%s", dir, dir);
  long long offset = (long long)(f->page - 1) * f->per;
  struct query *q = calloc(1, sizeof *q);
  if (!q) return nerr_raise(NERR_NOMEM, "dashboard page statement");
  query_init(q);
  query_add(q, D_COLS " FROM (SELECT k.customer_id FROM (");
  struct region_merge m = { .regions = ids, .n = n, .branch = dealer_branch, .ctx = &branch,
                            .order = order, .limit = offset + f->per };
  region_merge(q, &m);
  if (n == 0)   /* no region at all: an empty page, same columns */
    query_add(q, "SELECT 0 AS customer_id, 0 AS v FROM DUAL WHERE 0");
  query_add(q, ") k ORDER BY %s LIMIT ? OFFSET ?) p"
               " JOIN dash_dealers d ON d.customer_id = p.customer_id" D_SLEEP " ORDER BY %s", korder,
            order);
  query_arg(q, DB_INT(f->per));
  query_arg(q, DB_INT(offset));
  DB_STMT *s;
  err = query_run(q, &s);
  free(q);
  if (err) return nerr_pass(err);
  return nerr_pass(db_rows_to_hdf(s, hdf, prefix, NULL));
}

NEOERR *db_dash_dealers(const struct user *u, const struct dash_filter *f, HDF *hdf,
                        const char *prefix)
{
  if (!dash_region_of(u, f)) return nerr_pass(dealers_merged(u, f, hdf, prefix));
  return nerr_pass(dealers_one(u, f, hdf, prefix));
}

#define EXPORT_CHUNK 1000

NEOERR *db_dash_export(const struct user *u, const struct dash_filter *f, dash_row_fn row,
                       void *ctx)
{
  DB_STMT *s = &pages[f->sort][f->desc ? 1 : 0];
  NEOERR *err = STATUS_OK;
  for (long long offset = 0;; offset += EXPORT_CHUNK) {
    int n = 0, more;
    const char *cols[DASH_COLS];
    if ((err = exec_where(s, u, f, EXPORT_CHUNK, offset))) break;
    while (!(err = db_next(s, &more)) && more) {
      for (int i = 0; i < DASH_COLS; i++) cols[i] = db_str(s, i);
      if ((err = row(ctx, cols))) break;
      n++;
    }
    db_done(s);
    if (err || n < EXPORT_CHUNK) break;
  }
  return nerr_pass(err);
}

NEOERR *db_dash_landing(unsigned user_id, const char **path)
{
  int more;
  *path = "/";
  NEOERR *err = db_exec(&role_of, "i", (long long)user_id);
  if (!err && !(err = db_next(&role_of, &more)) && more) {
    const char *role = db_str(&role_of, 0);
    if (role && !strcmp(role, "regional_manager")) *path = "/dashboard";
  }
  db_done(&role_of);
  return nerr_pass(err);
}
