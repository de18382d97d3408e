/* Every statement reads analysis_cells through its primary key
 * (period_kind, period_start, dim, region_id, dim_key): the report's three
 * periods are three ranges of it, each as long as the dimension's keys
 * times the regions read (one, region 0, for a user who sees them all:
 * db/cell_scope.h), so a page sums a few thousand rows at most. Names
 * are joined to the grouped keys, not to the cells. */
#include "db/analysis_report.h"
#include "db/cell_scope.h"
#include "db/db.h"
#include <stdio.h>

/* Sums per key of the three periods side by side, each figure summed
 * where period_start is that period's first day (two of them are the same
 * day for yearly reports). Straight from the index range: a derived table
 * of the cells first cost three times as much. Parameters: the three
 * first days for each of the five figures, the first day twice more,
 * then kind, the three first days, dim, the regions (cell_scope); and
 * the limit. */
#define SUM3(col)                                                           \
  " SUM(IF(c.period_start = ?, c." col ", 0)) AS " col ","                   \
  " SUM(IF(c.period_start = ?, c." col ", 0)) AS p_" col ","                 \
  " SUM(IF(c.period_start = ?, c." col ", 0)) AS y_" col ","
#define GROUPED                                                              \
  "(SELECT c.dim_key AS k," SUM3("sales") SUM3("margin") SUM3("customers")   \
  SUM3("active_before") SUM3("lost")                                         \
  " SUM(IF(c.period_start = ?, c.new_customers, 0)) AS new_customers,"       \
  " SUM(IF(c.period_start = ?, c.conversions, 0)) AS conversions"            \
  " FROM analysis_cells c"
#define SUMMED 5             /* figures summed per period by SUM3 */

#define REPORT_COLS                                                            \
  ", g.sales, g.p_sales, g.y_sales, g.margin,"                                 \
  " g.p_margin, g.y_margin, g.customers, g.p_customers, g.y_customers,"        \
  " g.active_before, g.p_active_before, g.y_active_before, g.lost, g.p_lost,"  \
  " g.y_lost, g.new_customers, g.conversions FROM "

/* The names of each dimension's keys: columns, and the join to the
 * grouped keys. */
static const char *const names[][2] = {
  [RDIM_REGION] = { ", r.name_zh AS name, r.name_en", " LEFT JOIN regions r ON r.id = g.k" },
  [RDIM_CATEGORY] = { ", pc.name_zh AS name, pc.name_en",
                      " LEFT JOIN product_categories pc ON pc.id = g.k" },
  [RDIM_PRODUCT] = { ", p.name, p.code", " LEFT JOIN products p ON p.id = g.k" },
  [RDIM_OWNER] = { ", u.display_name AS name", " LEFT JOIN users u ON u.id = g.k" },
  [RDIM_POSTAL] = { "", "" },
};

NEOERR *db_report_rows(const struct user *u, const struct report_query *q, HDF *hdf,
                       const char *prefix)
{
  if (q->dim < 0 || q->dim > RDIM_POSTAL) return nerr_raise(NERR_ASSERT, "report dim %d", q->dim);
  const char *cols = names[q->dim][0] ? names[q->dim][0] : "";
  const char *join = names[q->dim][1] ? names[q->dim][1] : "";
  struct query b;
  DB_STMT *s;
  query_init(&b);
  query_add(&b, "SELECT g.k AS `key`%s" REPORT_COLS GROUPED, cols);
  for (int i = 0; i < SUMMED; i++) {
    query_arg(&b, DB_STR(q->start));
    query_arg(&b, DB_STR(q->prev));
    query_arg(&b, DB_STR(q->year_ago));
  }
  query_arg(&b, DB_STR(q->start));
  query_arg(&b, DB_STR(q->start));
  query_cond(&b, "c.period_kind = ?");
  query_arg(&b, DB_INT(q->kind));
  query_cond(&b, "c.period_start IN (?, ?, ?)");
  query_arg(&b, DB_STR(q->start));
  query_arg(&b, DB_STR(q->prev));
  query_arg(&b, DB_STR(q->year_ago));
  query_cond(&b, "c.dim = ?");
  query_arg(&b, DB_INT(q->dim));
  cell_scope(&b, u, q->region_id, "c.region_id", 0);
  query_add(&b, " GROUP BY c.dim_key) g%s ORDER BY g.sales DESC, g.y_sales DESC, g.k LIMIT ?",
            join);
  query_arg(&b, DB_INT(q->limit > 0 ? q->limit : 0x7fffffff));
  NEOERR *err = query_run(&b, &s);
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

/* The standing cells of one dimension summed per key over the regions
 * read (cell_scope). */
static NEOERR *standing(const struct user *u, const char *as_of, int dim, unsigned region_id,
                        const char *order, HDF *hdf, const char *prefix)
{
  struct query q;
  DB_STMT *s;
  query_init(&q);
  query_add(&q, "SELECT c.dim_key AS `key`, SUM(c.customers) AS customers, SUM(c.sales) AS sales,"
                " SUM(c.margin) AS margin FROM analysis_cells c");
  query_cond(&q, "c.period_kind = 0");
  query_cond(&q, "c.period_start = ?");
  query_arg(&q, DB_STR(as_of));
  query_cond(&q, "c.dim = %d", dim);
  cell_scope(&q, u, region_id, "c.region_id", 0);
  query_add(&q, " GROUP BY c.dim_key ORDER BY c.dim_key %s", order);
  NEOERR *err = query_run(&q, &s);
  if (!err) err = db_rows_to_hdf(s, hdf, prefix, NULL);
  return nerr_pass(err);
}

NEOERR *db_report_pareto(const struct user *u, const char *as_of, unsigned region_id,
                         HDF *hdf, const char *prefix)
{
  char key[96];
  snprintf(key, sizeof key, "%s.Classes", prefix);
  NEOERR *err = standing(u, as_of, RDIM_CLASS, region_id, "ASC", hdf, key);
  if (err) return nerr_pass(err);
  snprintf(key, sizeof key, "%s.Buckets", prefix);
  return nerr_pass(standing(u, as_of, RDIM_HISTOGRAM, region_id, "DESC", hdf, key));
}
