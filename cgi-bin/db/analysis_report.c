/* Every statement reads analysis_cells through its primary key
 * (period_kind, period_start, dim, region_id, dim_key): the report's three
 * periods are three ranges of it, each as long as the dimension's keys
 * times the regions, so a page sums a few thousand rows at most. Names
 * are joined to the grouped keys, not to the cells. */
#include "db/analysis_report.h"
#include "db/customer_sql.h"
#include "db/db.h"
#include "db/scope.h"

/* One row a cell: w0, w1, w2 say which of the three periods it belongs
 * to (two of them are the same day for yearly reports). Parameters: the
 * three first days, kind, the three again, dim, region, region, scope
 * flag, user. */
#define CELLS                                                                  \
  "SELECT c.dim_key AS k, c.period_start = ? AS w0, c.period_start = ? AS w1," \
  " c.period_start = ? AS w2, c.sales, c.margin, c.customers, c.active_before," \
  " c.lost, c.new_customers, c.conversions FROM analysis_cells c"              \
  " WHERE c.period_kind = ? AND c.period_start IN (?, ?, ?) AND c.dim = ?"     \
  " AND (? = 0 OR c.region_id = ?) AND " CUSTOMER_SCOPE("c.region_id")

#define SUM3(col) \
  " SUM(x.w0 * x." col ") AS " col ", SUM(x.w1 * x." col ") AS p_" col \
  ", SUM(x.w2 * x." col ") AS y_" col

#define GROUPED                                                               \
  "(SELECT x.k," SUM3("sales") "," SUM3("margin") "," SUM3("customers") ","   \
  SUM3("active_before") "," SUM3("lost") ","                                  \
  " SUM(x.w0 * x.new_customers) AS new_customers,"                            \
  " SUM(x.w0 * x.conversions) AS conversions FROM (" CELLS ") x GROUP BY x.k) g"

#define REPORT(names, join)                                                   \
  "SELECT g.k AS `key`" names ", g.sales, g.p_sales, g.y_sales, g.margin,"     \
  " g.p_margin, g.y_margin, g.customers, g.p_customers, g.y_customers,"        \
  " g.active_before, g.p_active_before, g.y_active_before, g.lost, g.p_lost,"  \
  " g.y_lost, g.new_customers, g.conversions FROM " GROUPED join               \
  " ORDER BY g.sales DESC, g.y_sales DESC, g.k"

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
  long long reg = q->region_id;
  return nerr_pass(db_read_rows(s, hdf, prefix, "sssisssiiiii", q->start, q->prev, q->year_ago,
                                (long long)q->kind, q->start, q->prev, q->year_ago,
                                (long long)q->dim, reg, reg, (long long)scope_limited(u),
                                (long long)u->id));
}

/* Periods come from the whole-company row (dim 0): the same list for
 * everyone, read from the index's first columns. */
static DB_STMT periods = DB_STMT_INIT(
    "SELECT DISTINCT DATE_FORMAT(c.period_start, '%Y-%m-%d') AS start FROM analysis_cells c"
    " WHERE c.period_kind = ? ORDER BY c.period_start DESC");

NEOERR *db_report_periods(int kind, HDF *hdf, const char *prefix)
{
  return nerr_pass(db_read_rows(&periods, hdf, prefix, "i", (long long)kind));
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
