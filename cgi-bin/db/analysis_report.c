/* Every statement reads analysis_cells through its primary key
 * (period_kind, period_start, dim, region_id, dim_key): the report's three
 * periods are three ranges of it, each as long as the dimension's keys
 * times the regions, so a page sums a few thousand rows at most. Names
 * are joined to the grouped keys, not to the cells. */
#include "db/analysis_report.h"
#include "db/customer_sql.h"
#include "db/db.h"
#include "db/scope.h"
#include <stdio.h>

/* Sums per key of the three periods side by side, each figure summed
 * where period_start is that period's first day (two of them are the same
 * day for yearly reports). Straight from the index range: a derived table
 * of the cells first cost three times as much. Parameters: the three
 * first days for each of the five figures, the first day twice more,
 * then kind, the three first days, dim, region, region, scope flag,
 * user; and the limit. */
#define SUM3(col)                                                           \
  " SUM(IF(c.period_start = ?, c." col ", 0)) AS " col ","                   \
  " SUM(IF(c.period_start = ?, c." col ", 0)) AS p_" col ","                 \
  " SUM(IF(c.period_start = ?, c." col ", 0)) AS y_" col ","
#define GROUPED                                                              \
  "(SELECT c.dim_key AS k," SUM3("sales") SUM3("margin") SUM3("customers")   \
  SUM3("active_before") SUM3("lost")                                         \
  " SUM(IF(c.period_start = ?, c.new_customers, 0)) AS new_customers,"       \
  " SUM(IF(c.period_start = ?, c.conversions, 0)) AS conversions"            \
  " FROM analysis_cells c"                                                   \
  " WHERE c.period_kind = ? AND c.period_start IN (?, ?, ?) AND c.dim = ?"   \
  " AND (? = 0 OR c.region_id = ?) AND " CUSTOMER_SCOPE("c.region_id")       \
  " GROUP BY c.dim_key) g"
#define SUMMED 5             /* figures summed per period by SUM3 */

#define REPORT(names, join)                                                   \
  "SELECT g.k AS `key`" names ", g.sales, g.p_sales, g.y_sales, g.margin,"     \
  " g.p_margin, g.y_margin, g.customers, g.p_customers, g.y_customers,"        \
  " g.active_before, g.p_active_before, g.y_active_before, g.lost, g.p_lost,"  \
  " g.y_lost, g.new_customers, g.conversions FROM " GROUPED join               \
  " ORDER BY g.sales DESC, g.y_sales DESC, g.k LIMIT ?"

static DB_STMT plain = DB_STMT_INIT(REPORT("", ""));
static DB_STMT by_region = DB_STMT_INIT(
    REPORT(", r.name_zh AS name, r.name_en", " LEFT JOIN regions r ON r.id = g.k"));
static DB_STMT by_category = DB_STMT_INIT(
    REPORT(", pc.name_zh AS name, pc.name_en", " LEFT JOIN product_categories pc ON pc.id = g.k"));
static DB_STMT by_product = DB_STMT_INIT(
    REPORT(", p.name, p.code", " LEFT JOIN products p ON p.id = g.k"));
static DB_STMT by_owner = DB_STMT_INIT(
    REPORT(", u.display_name AS name", " LEFT JOIN users u ON u.id = g.k"));

NEOERR *db_report_rows(const struct user *u, const struct report_query *q, HDF *hdf,
                       const char *prefix)
{
  DB_STMT *s = q->dim == RDIM_REGION ? &by_region : q->dim == RDIM_CATEGORY ? &by_category
             : q->dim == RDIM_PRODUCT ? &by_product : q->dim == RDIM_OWNER ? &by_owner : &plain;
  struct db_arg a[SUMMED * 3 + 2 + 11];
  int n = 0;
  for (int i = 0; i < SUMMED; i++) {
    a[n++] = DB_STR(q->start);
    a[n++] = DB_STR(q->prev);
    a[n++] = DB_STR(q->year_ago);
  }
  a[n++] = DB_STR(q->start);
  a[n++] = DB_STR(q->start);
  a[n++] = DB_INT(q->kind);
  a[n++] = DB_STR(q->start);
  a[n++] = DB_STR(q->prev);
  a[n++] = DB_STR(q->year_ago);
  a[n++] = DB_INT(q->dim);
  a[n++] = DB_INT(q->region_id);
  a[n++] = DB_INT(q->region_id);
  a[n++] = DB_INT(scope_limited(u));
  a[n++] = DB_INT(u->id);
  a[n++] = DB_INT(q->limit > 0 ? q->limit : 0x7fffffff);
  NEOERR *err = db_execa(s, a, n);
  if (!err) err = db_rows_to_hdf(s, hdf, prefix, NULL);
  return nerr_pass(err);
}

static DB_STMT span = DB_STMT_INIT(
    "SELECT DATE_FORMAT(MIN(c.period_start), '%Y-%m-%d'), DATE_FORMAT(MAX(c.period_start), '%Y-%m-%d')"
    " FROM analysis_cells c WHERE c.period_kind = ?");

NEOERR *db_report_span(int kind, char first[11], char last[11])
{
  int more = 0;
  first[0] = last[0] = '\0';
  NEOERR *err = db_exec(&span, "i", (long long)kind);
  if (!err) err = db_next(&span, &more);
  if (!err && more && db_str(&span, 0) && db_str(&span, 1)) {
    snprintf(first, 11, "%s", db_str(&span, 0));
    snprintf(last, 11, "%s", db_str(&span, 1));
  }
  db_done(&span);
  return nerr_pass(err);
}

/* Parameters: as_of, dim, region, region, scope flag, user. */
#define STANDING(order)                                                        \
  "SELECT c.dim_key AS `key`, SUM(c.customers) AS customers, SUM(c.sales) AS sales," \
  " SUM(c.margin) AS margin FROM analysis_cells c"                             \
  " WHERE c.period_kind = 0 AND c.period_start = ? AND c.dim = ?"              \
  " AND (? = 0 OR c.region_id = ?) AND " CUSTOMER_SCOPE("c.region_id")         \
  " GROUP BY c.dim_key ORDER BY c.dim_key " order

static DB_STMT classes = DB_STMT_INIT(STANDING("ASC"));
static DB_STMT buckets = DB_STMT_INIT(STANDING("DESC"));

NEOERR *db_report_pareto(const struct user *u, const char *as_of, unsigned region_id,
                         HDF *hdf, const char *prefix)
{
  char key[96];
  long long reg = region_id, lim = scope_limited(u), id = u->id;
  snprintf(key, sizeof key, "%s.Classes", prefix);
  NEOERR *err = db_read_rows(&classes, hdf, key, "siiiii", as_of, (long long)RDIM_CLASS, reg,
                             reg, lim, id);
  if (err) return nerr_pass(err);
  snprintf(key, sizeof key, "%s.Buckets", prefix);
  return nerr_pass(db_read_rows(&buckets, hdf, key, "siiiii", as_of,
                                (long long)RDIM_HISTOGRAM, reg, reg, lim, id));
}
