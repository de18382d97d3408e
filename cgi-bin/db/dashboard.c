/* The dealer table of the dashboard, its count and export. A page
 * is an index range on dash_dealers (region_id, sort column), so sorting a
 * region of thousands of dealers by any column reads one page of rows. */
#include "db/dashboard.h"
#include "db/customer_sql.h"
#include "db/db.h"
#include "db/scope.h"
#include <stdio.h>
#include <string.h>

/* Parameters: region, region, scope flag, user. */
#define D_WHERE " WHERE (? = 0 OR d.region_id = ?) AND " CUSTOMER_SCOPE("d.region_id")

#define D_COLS                                                                      \
  "SELECT d.customer_id AS id, d.name, d.abc_class, d.ytd, d.ly, d.target, d.budget," \
  " d.spend, d.open_complaints, d.overdue, d.last_contact, d.last_purchase,"         \
  " DATEDIFF(CURDATE(), d.last_purchase) AS idle_days"

/* The page's ids first, from the (region_id, column) index alone (it holds
 * the primary key): a deep page skips index entries, not whole rows; then
 * the fifty rows. Parameters: those of D_WHERE, limit, offset. */
#define PAGE_BY(order)                                                               \
  D_COLS " FROM (SELECT d.customer_id FROM dash_dealers d" D_WHERE " ORDER BY " order \
  " LIMIT ? OFFSET ?) k JOIN dash_dealers d ON d.customer_id = k.customer_id ORDER BY " order
#define PAGE(col) \
  { DB_STMT_INIT(PAGE_BY(col ", d.customer_id")), \
    DB_STMT_INIT(PAGE_BY(col " DESC, d.customer_id DESC")) }

static DB_STMT pages[DS_COUNT][2] = {
  [DS_NAME] = PAGE("d.name"), [DS_CLASS] = PAGE("d.abc_class"), [DS_YTD] = PAGE("d.ytd"),
  [DS_LY] = PAGE("d.ly"), [DS_GROWTH] = PAGE("d.growth"), [DS_ATTAIN] = PAGE("d.attain"),
  [DS_BUDGET] = PAGE("d.budget"), [DS_SPEND] = PAGE("d.spend"),
  [DS_COMPLAINTS] = PAGE("d.open_complaints"), [DS_OVERDUE] = PAGE("d.overdue"),
  [DS_CONTACT] = PAGE("d.last_contact"), [DS_PURCHASE] = PAGE("d.last_purchase"),
};

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

NEOERR *db_dash_dealers(const struct user *u, const struct dash_filter *f, HDF *hdf,
                        const char *prefix)
{
  DB_STMT *s = &pages[f->sort][f->desc ? 1 : 0];
  NEOERR *err = exec_where(s, u, f, f->per, (long long)(f->page - 1) * f->per);
  if (!err) err = db_rows_to_hdf(s, hdf, prefix, NULL);
  return nerr_pass(err);
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
