/* The dashboard's charts and warnings. Region figures are sums over
 * dash_region_sales / dash_region_support (a few hundred rows a region);
 * the top and bottom ten and the warning lists are index ranges on
 * dash_dealers (region_id, column). complaint_month_stats is schema/010's. */
#include "db/dashboard.h"
#include "db/customer_sql.h"
#include "db/dashboard_charts.h"
#include "db/db.h"
#include "db/scope.h"
#include <stdio.h>
#include <string.h>

/* Parameters: region, region, scope flag, user. */
#define S_WHERE(t, col) " AND (? = 0 OR " t "." col " = ?) AND " CUSTOMER_SCOPE(t "." col)

#define THIS_YEAR "MAKEDATE(YEAR(CURDATE()), 1)"
#define LAST_YEAR "MAKEDATE(YEAR(CURDATE()) - 1, 1)"

static DB_STMT months = DB_STMT_INIT(
    "SELECT MONTH(s.month) AS month, IF(s.month >= " THIS_YEAR ", 'this', 'last') AS year,"
    " SUM(s.amount) AS amount FROM dash_region_sales s"
    " WHERE s.month >= " LAST_YEAR " AND s.month < " THIS_YEAR " + INTERVAL 1 YEAR"
    S_WHERE("s", "region_id") " GROUP BY s.month ORDER BY s.month");

/* This year by category, and last year from January to this month. */
static DB_STMT categories = DB_STMT_INIT(
    "SELECT g.cat AS category_id, c.name_zh, c.name_en, g.ty, g.ly FROM ("
    " SELECT s.category_id AS cat, SUM(IF(s.month >= " THIS_YEAR ", s.amount, 0)) AS ty,"
    " SUM(IF(s.month < " THIS_YEAR " AND s.month <= CURDATE() - INTERVAL 1 YEAR, s.amount, 0)) AS ly"
    " FROM dash_region_sales s WHERE s.month >= " LAST_YEAR " AND s.month < " THIS_YEAR
    " + INTERVAL 1 YEAR" S_WHERE("s", "region_id") " GROUP BY s.category_id) g"
    " LEFT JOIN product_categories c ON c.id = g.cat WHERE g.ty <> 0 OR g.ly <> 0"
    " ORDER BY g.ty DESC, g.cat");

static DB_STMT support = DB_STMT_INIT(
    "SELECT g.cat AS category_id, c.name_zh, c.name_en, g.budget, g.spend FROM ("
    " SELECT s.category_id AS cat, SUM(s.budget) AS budget, SUM(s.spend) AS spend"
    " FROM dash_region_support s WHERE 1 = 1" S_WHERE("s", "region_id")
    " GROUP BY s.category_id) g LEFT JOIN support_categories c ON c.id = g.cat"
    " WHERE g.budget <> 0 OR g.spend <> 0 ORDER BY g.cat");

static DB_STMT reasons = DB_STMT_INIT(
    "SELECT s.reason, SUM(s.n) AS n FROM complaint_month_stats s"
    " WHERE s.month >= " THIS_YEAR S_WHERE("s", "region_key")
    " GROUP BY s.reason HAVING n > 0 ORDER BY n DESC, s.reason");

#define D_FROM "FROM dash_dealers d WHERE 1 = 1" S_WHERE("d", "region_id")

/* Growth lists (issue 14): the fastest are dealers that grew (growth > 0),
 * the slowest the lowest growth, declines first. Both read the s_growth
 * index, the fastest backwards; a dealer without last year's sales has no
 * growth (NULL) and is only counted. The two orders are each other's
 * reverse, so the slowest can meet the fastest only when the region has
 * fewer than twenty dealers with a growth: then every dealer the fastest
 * list lacks is among the slowest ten, and dropping the fastest from it
 * (drop_listed) leaves exactly "the slowest ten of the rest". */
static DB_STMT top = DB_STMT_INIT(
    "SELECT d.customer_id AS id, d.name, d.growth " D_FROM
    " AND d.growth > 0 ORDER BY d.growth DESC, d.customer_id DESC LIMIT 10");
static DB_STMT bottom = DB_STMT_INIT(
    "SELECT d.customer_id AS id, d.name, d.growth " D_FROM
    " AND d.growth IS NOT NULL ORDER BY d.growth, d.customer_id LIMIT 10");
static DB_STMT no_base = DB_STMT_INIT(
    "SELECT COUNT(*) AS n " D_FROM " AND d.growth IS NULL");

/* Warnings: the scope parameters, then the threshold. */
#define W_FALLING " AND d.trend3 <= -?"
#define W_LATE " AND d.overdue > ? "
#define W_UNVISITED " AND (d.last_contact IS NULL OR d.last_contact < CURDATE() - INTERVAL ? DAY)"
#define W_BEHIND " AND d.sched < ?"

static DB_STMT falling = DB_STMT_INIT(
    "SELECT d.customer_id AS id, d.name, d.trend3 AS v " D_FROM W_FALLING
    " ORDER BY d.trend3, d.customer_id LIMIT 10");
static DB_STMT late = DB_STMT_INIT(
    "SELECT d.customer_id AS id, d.name, d.overdue AS v " D_FROM W_LATE
    " ORDER BY d.overdue DESC, d.customer_id DESC LIMIT 10");
static DB_STMT unvisited = DB_STMT_INIT(
    "SELECT d.customer_id AS id, d.name, d.last_contact AS v " D_FROM W_UNVISITED
    " ORDER BY d.last_contact, d.customer_id LIMIT 10");
static DB_STMT behind = DB_STMT_INIT(
    "SELECT d.customer_id AS id, d.name, d.sched AS v " D_FROM W_BEHIND
    " ORDER BY d.sched, d.customer_id LIMIT 10");
static DB_STMT counts = DB_STMT_INIT(
    "SELECT (SELECT COUNT(*) " D_FROM W_FALLING ") AS falling,"
    " (SELECT COUNT(*) " D_FROM W_LATE ") AS late,"
    " (SELECT COUNT(*) " D_FROM W_UNVISITED ") AS unvisited,"
    " (SELECT COUNT(*) " D_FROM W_BEHIND ") AS behind");

/* Rows of s under prefix.name; s takes the scope parameters and, when
 * nthreshold is 1, a threshold after them. */
static NEOERR *rows_at(DB_STMT *s, const struct user *u, const struct dash_filter *f,
                       int nthreshold, long long threshold, HDF *hdf, const char *prefix,
                       const char *name)
{
  char key[128];
  long long reg = dash_region_of(u, f);
  snprintf(key, sizeof key, "%s.%s", prefix, name);
  NEOERR *err = db_exec(s, nthreshold ? "iiiii" : "iiii", reg, reg, dash_scope_flag(u, f),
                        (long long)u->id, threshold);
  if (!err) err = db_rows_to_hdf(s, hdf, key, NULL);
  return nerr_pass(err);
}

static NEOERR *rows(DB_STMT *s, const struct user *u, const struct dash_filter *f, HDF *hdf,
                    const char *prefix, const char *name)
{
  return nerr_pass(rows_at(s, u, f, 0, 0, hdf, prefix, name));
}

/* Removes from list the rows whose id is also in listed. */
static NEOERR *drop_listed(HDF *list, HDF *listed)
{
  HDF *row = list ? hdf_obj_child(list) : NULL;
  while (row) {
    HDF *next = hdf_obj_next(row);
    const char *id = hdf_get_value(row, "id", "");
    for (HDF *x = listed ? hdf_obj_child(listed) : NULL; x; x = hdf_obj_next(x)) {
      if (strcmp(id, hdf_get_value(x, "id", "")) != 0) continue;
      NEOERR *err = hdf_remove_tree(list, hdf_obj_name(row));
      if (err) return nerr_pass(err);
      break;
    }
    row = next;
  }
  return STATUS_OK;
}

NEOERR *db_dash_charts(const struct user *u, const struct dash_filter *f, HDF *hdf,
                       const char *prefix)
{
  char key[128], topkey[128];
  NEOERR *err;
  if ((err = rows(&months, u, f, hdf, prefix, "Months")) ||
      (err = rows(&categories, u, f, hdf, prefix, "Categories")) ||
      (err = rows(&support, u, f, hdf, prefix, "Support")) ||
      (err = rows(&reasons, u, f, hdf, prefix, "Reasons")) ||
      (err = rows(&top, u, f, hdf, prefix, "Top")) ||
      (err = rows(&bottom, u, f, hdf, prefix, "Bottom")))
    return nerr_pass(err);
  snprintf(key, sizeof key, "%s.Bottom", prefix);
  snprintf(topkey, sizeof topkey, "%s.Top", prefix);
  if ((err = drop_listed(hdf_get_obj(hdf, key), hdf_get_obj(hdf, topkey))))
    return nerr_pass(err);
  return nerr_pass(rows(&no_base, u, f, hdf, prefix, "NoGrowth"));
}

NEOERR *db_dash_warnings(const struct user *u, const struct dash_filter *f,
                         const struct dash_settings *st, HDF *hdf, const char *prefix)
{
  long long reg = dash_region_of(u, f), lim = dash_scope_flag(u, f), uid = u->id;
  char key[128];
  NEOERR *err;
  if ((err = rows_at(&falling, u, f, 1, st->falling_pct, hdf, prefix, "Falling")) ||
      (err = rows_at(&late, u, f, 1, 0, hdf, prefix, "Late")) ||
      (err = rows_at(&unvisited, u, f, 1, st->visit_days, hdf, prefix, "Unvisited")) ||
      (err = rows_at(&behind, u, f, 1, st->behind_pct, hdf, prefix, "Behind")))
    return nerr_pass(err);
  snprintf(key, sizeof key, "%s.Counts", prefix);
  err = db_exec(&counts, "iiiiiiiiiiiiiiiiiiii",
                reg, reg, lim, uid, (long long)st->falling_pct,
                reg, reg, lim, uid, 0LL,
                reg, reg, lim, uid, (long long)st->visit_days,
                reg, reg, lim, uid, (long long)st->behind_pct);
  if (!err) err = db_row_to_hdf(&counts, hdf, key, NULL);
  return nerr_pass(err);
}
