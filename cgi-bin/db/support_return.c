/* The stored support-plan return as the plan page, the customer file and
 * the dashboard show it. Scope: the dealer's region (customers c). */
#include "db/support_return.h"
#include "db/customer_sql.h"
#include "db/db.h"
#include "db/scope.h"

#define YUAN(col) "CAST(r." col " / 100 AS DECIMAL(16,2)) AS " col
#define PCT(col, as) "ROUND(r." col " / 100, 1) AS " as

#define ROW_COLS                                                                          \
  "SELECT r.plan_id, r.year, r.category_id, k.name_zh, k.name_en,"                       \
  " DATE_FORMAT(r.support_month, '%Y-%m') AS support_month, " YUAN("cost") ","             \
  " " YUAN("sales_before") ", " YUAN("sales_after") ", " YUAN("margin_before") ","          \
  " " YUAN("margin_after") ", r.peers, " YUAN("peer_sales_before") ","                      \
  " " YUAN("peer_sales_after") ", " PCT("change_bp", "`change`") ","                       \
  " " PCT("peer_change_bp", "peer_change") ", " PCT("uplift_bp", "uplift") ","              \
  " " PCT("margin_change_bp", "margin_change") ", " YUAN("extra_margin") ", r.pays,"       \
  " r.status, r.as_of"                                                                     \
  " FROM support_returns r JOIN support_categories k ON k.id = r.category_id"              \
  " JOIN customers c ON c.id = r.customer_id"

/* Parameters: id, scope flag, user. */
static DB_STMT of_plan = DB_STMT_INIT(
    ROW_COLS " WHERE r.plan_id = ? AND " CUSTOMER_SCOPE("c.region_id") " ORDER BY k.sort");
static DB_STMT of_customer = DB_STMT_INIT(
    ROW_COLS " WHERE r.customer_id = ? AND " CUSTOMER_SCOPE("c.region_id")
    " ORDER BY r.year DESC, k.sort");

NEOERR *db_support_return_plan(const struct user *u, long long plan_id, HDF *hdf,
                               const char *prefix)
{
  return nerr_pass(db_read_rows(&of_plan, hdf, prefix, "iii", plan_id,
                                (long long)scope_limited(u), (long long)u->id));
}

NEOERR *db_support_return_customer(const struct user *u, long long customer_id, HDF *hdf,
                                   const char *prefix)
{
  return nerr_pass(db_read_rows(&of_customer, hdf, prefix, "iii", customer_id,
                                (long long)scope_limited(u), (long long)u->id));
}

/* Parameters: region, region, scope flag, user. */
static DB_STMT panel = DB_STMT_INIT(
    "SELECT k.id AS category_id, k.name_zh, k.name_en, COALESCE(SUM(x.supported), 0) AS supported,"
    " COALESCE(SUM(x.done), 0) AS done, COALESCE(SUM(x.too_early), 0) AS too_early,"
    " COALESCE(SUM(x.paid), 0) AS paid,"
    " ROUND(SUM(x.uplift_bp_sum) / NULLIF(SUM(x.done), 0) / 100, 1) AS uplift,"
    " ROUND(100 * SUM(x.paid) / NULLIF(SUM(x.done), 0)) AS paid_share,"
    " CAST(COALESCE(SUM(x.cost), 0) / 100 AS DECIMAL(16,2)) AS cost,"
    " CAST(COALESCE(SUM(x.extra_margin), 0) / 100 AS DECIMAL(16,2)) AS extra_margin"
    " FROM support_categories k LEFT JOIN support_return_cells x ON x.category_id = k.id"
    " AND x.year >= YEAR(CURDATE()) - 1 AND (? = 0 OR x.region_id = ?)"
    " AND " CUSTOMER_SCOPE("x.region_id")
    " GROUP BY k.id, k.name_zh, k.name_en, k.sort ORDER BY k.sort");

NEOERR *db_dash_support_returns(const struct user *u, const struct dash_filter *f, HDF *hdf,
                                const char *prefix)
{
  long long reg = dash_region_of(u, f);
  return nerr_pass(db_read_rows(&panel, hdf, prefix, "iiii", reg, reg, dash_scope_flag(u, f),
                                (long long)u->id));
}
