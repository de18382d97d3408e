#include "db/customer.h"
#include "core/format.h"
#include "db/customer_sql.h"
#include "db/db.h"
#include "db/kept.h"
#include "db/scope.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The customer, with the figures at the top of the file and how many rows
 * each tab holds, in one statement. Column prefixes say where a value
 * goes: "sum_" to Summary, "tab_" to TabCount, the rest to Customer.
 * The tabs' counts and the last contact come from customer_tallies, kept
 * by triggers (schema/016): as sixteen subqueries they were half of the
 * page's database time, most of it MariaDB optimizing each one on every
 * execution. What depends on the day (this year's sales against the same
 * part of last year, last year in full, the open overdue amount) and the
 * complaints a viewer may see stay index ranges on customer_id, on the
 * customer_id indexes by name (else MariaDB estimates the date ranges on
 * ordered_on, due_on and the unpaid index too, on every execution). */
static DB_STMT get = DB_STMT_INIT(
    "SELECT c.*, r.name_zh AS region_zh, r.name_en AS region_en,"
    " u.display_name AS owner, cb.display_name AS created_by_name,"
    " ub.display_name AS updated_by_name,"
    " COALESCE(t.orders, 0) AS sum_orders, t.last_contact AS sum_last_contact,"
    " COALESCE(t.people, 0) AS tab_people, COALESCE(t.needs, 0) AS tab_needs,"
    " COALESCE(t.strategy, 0) AS tab_strategy, COALESCE(t.contacts, 0) AS tab_contacts,"
    " COALESCE(t.incentives, 0) AS tab_incentives, COALESCE(t.quotes, 0) AS tab_quotes,"
    " COALESCE(t.service, 0) AS tab_service, COALESCE(t.finance, 0) AS tab_finance,"
    " COALESCE(t.orders, 0) AS tab_orders,"
    " COALESCE(cr.open_balance, 0) AS sum_open_balance, COALESCE(cr.over_limit, 0) AS sum_over_limit,"
    " (SELECT COALESCE(SUM(o.total), 0) FROM orders o FORCE INDEX (customer_id) WHERE o.customer_id = c.id"
    "  AND o.ordered_on >= MAKEDATE(YEAR(CURDATE()), 1)) AS sum_sales_this_year,"
    " (SELECT COALESCE(SUM(o.total), 0) FROM orders o FORCE INDEX (customer_id) WHERE o.customer_id = c.id"
    "  AND o.ordered_on >= MAKEDATE(YEAR(CURDATE()) - 1, 1)"
    "  AND o.ordered_on <= CURDATE() - INTERVAL 1 YEAR) AS sum_sales_last_ytd,"
    " (SELECT COALESCE(SUM(o.total), 0) FROM orders o FORCE INDEX (customer_id) WHERE o.customer_id = c.id"
    "  AND o.ordered_on >= MAKEDATE(YEAR(CURDATE()) - 1, 1)"
    "  AND o.ordered_on < MAKEDATE(YEAR(CURDATE()), 1)) AS sum_sales_last_year,"
    /* what is still owed on items not settled and past due (schema/038) */
    " (SELECT COALESCE(SUM(p.amount - p.paid_amount), 0) FROM payments p FORCE INDEX (customer_id)"
    "  WHERE p.customer_id = c.id AND p.paid_on IS NULL AND p.due_on < CURDATE()) AS sum_overdue,"
    " (SELECT COUNT(*) FROM payments p FORCE INDEX (customer_id) WHERE p.customer_id = c.id"
    "  AND p.paid_on IS NULL AND p.due_on < CURDATE()) AS sum_overdue_count,"
    " (SELECT COUNT(*) FROM payments p FORCE INDEX (customer_id)"
    "  WHERE p.customer_id = c.id) AS tab_payments,"
    " (SELECT COUNT(*) FROM audit_log a WHERE a.entity = 'customer'"
    "  AND a.entity_id = c.id) AS tab_history,"
    /* a complaint's region may differ from the customer's */
    " (SELECT COUNT(*) FROM complaints k FORCE INDEX (customer_id) WHERE k.customer_id = c.id"
    "  AND " CUSTOMER_SCOPE("k.region_id") ") AS tab_complaints,"
    /* a merged customer's survivor may lie in another region */
    " (SELECT s.region_id FROM customers s WHERE s.id = c.merged_into) AS survivor_region"
    " FROM customers c JOIN regions r ON r.id = c.region_id"
    " LEFT JOIN users u ON u.id = c.owner_id"
    " LEFT JOIN users cb ON cb.id = c.created_by"
    " LEFT JOIN users ub ON ub.id = c.updated_by"
    " LEFT JOIN customer_tallies t ON t.customer_id = c.id"
    " LEFT JOIN customer_credit cr ON cr.customer_id = c.id"
    " WHERE c.id = ? AND " CUSTOMER_SCOPE("c.region_id"));

/* Growth against the same part of last year, in per cent to one decimal
 * (rounded as the database's ROUND, which computed it before). */
static NEOERR *set_growth(HDF *summary)
{
  double pct;
  char v[32];
  if (!pct_change(strtod(hdf_get_value(summary, "sales_this_year", "0"), NULL),
                  strtod(hdf_get_value(summary, "sales_last_ytd", "0"), NULL), &pct))
    return STATUS_OK;
  pct_text(pct, v, sizeof v);
  return nerr_pass(hdf_set_value(summary, "growth", v));
}

NEOERR *db_customer_get(const struct user *u, long long id, HDF *hdf, int *found)
{
  long long lim = scope_limited(u), uid = u->id;
  int more;
  *found = 0;
  NEOERR *err = db_exec(&get, "iiiii", lim, uid, id, lim, uid);
  if (!err) err = db_next(&get, &more);
  if (err || !more) {
    db_done(&get);
    return nerr_pass(err);
  }
  HDF *customer, *summary, *tabs;
  if (!(err = hdf_get_node(hdf, "Customer", &customer)) &&
      !(err = hdf_get_node(hdf, "Summary", &summary)))
    err = hdf_get_node(hdf, "TabCount", &tabs);
  long long survivor_region = 0;
  for (int i = 0; !err && i < get.ncols; i++) {
    const char *col = get.col_name[i], *v = db_str(&get, i);
    if (!v) continue;
    if (!strcmp(col, "survivor_region")) survivor_region = atoll(v);
    else if (!strncmp(col, "sum_", 4)) err = hdf_set_value(summary, col + 4, v);
    else if (!strncmp(col, "tab_", 4)) err = hdf_set_value(tabs, col + 4, v);
    else err = hdf_set_value(customer, col, v);
  }
  db_done(&get);
  /* A merged customer whose survivor is outside the viewer's regions
   * says so, without the survivor's id. */
  if (!err && survivor_region && !scope_allows(u, (unsigned)survivor_region) &&
      !(err = hdf_remove_tree(customer, "merged_into")))
    err = hdf_set_value(customer, "merged_elsewhere", "1");
  if (!err) err = set_growth(summary);
  *found = !err;
  return nerr_pass(err);
}

/* The regions, for every list's filter and every form: read once a minute
 * per process (seven rows that change when a region is added), which is
 * one query fewer on each list page. A regional manager gets theirs, as
 * the session read them from user_regions for this request. */
static DB_STMT regions_all = DB_STMT_INIT(
    "SELECT id, code, name_zh, name_en FROM regions ORDER BY sort, id");
static struct kept_rows regions_rows = { &regions_all, "R" };
static struct db_kept regions = { .fill = db_kept_rows, .arg = &regions_rows };

NEOERR *db_region_ids(unsigned *ids, int max, int *n)
{
  *n = 0;
  NEOERR *err = db_kept_fresh(&regions);
  if (err) return nerr_pass(err);
  for (HDF *r = hdf_get_child(regions.hdf, "R"); r && *n < max; r = hdf_obj_next(r))
    ids[(*n)++] = (unsigned)hdf_get_int_value(r, "id", 0);
  return STATUS_OK;
}

NEOERR *db_region_visible(const struct user *u, unsigned region_id, int *visible)
{
  unsigned ids[256];
  int n;
  *visible = 0;
  NEOERR *err = db_region_ids(ids, 256, &n);
  if (err) return nerr_pass(err);
  for (int i = 0; i < n; i++)
    if (ids[i] == region_id) *visible = scope_allows(u, region_id);
  return STATUS_OK;
}

NEOERR *db_region_list(const struct user *u, HDF *hdf, const char *prefix)
{
  NEOERR *err = db_kept_fresh(&regions);
  if (err) return nerr_pass(err);
  int n = 0;
  char name[64];
  for (HDF *r = hdf_get_child(regions.hdf, "R"); r; r = hdf_obj_next(r)) {
    if (scope_limited(u) && !scope_allows(u, (unsigned)hdf_get_int_value(r, "id", 0))) continue;
    snprintf(name, sizeof name, "%s.%d", prefix, n++);
    if ((err = hdf_copy(hdf, name, r))) return nerr_pass(err);
  }
  return STATUS_OK;
}

/* Customer numbers come from customer_counts (schema/005, maintained by
 * triggers): a count over customers would read every row per page view. Open
 * complaints likewise from the overview's monthly figures (schema/010;
 * region_key 0, no region, is outside every manager's scope). */
static DB_STMT home = DB_STMT_INIT(
    "SELECT"
    " (SELECT COALESCE(SUM(n), 0) FROM customer_counts k WHERE k.status = 'active'"
    "  AND " CUSTOMER_SCOPE("k.region_id") ") AS customers,"
    " (SELECT COALESCE(SUM(n), 0) FROM customer_counts k WHERE k.status = 'active'"
    "  AND k.owner_id = ?) AS mine,"
    " (SELECT COALESCE(SUM(open1 + open2 + open3 + open4 + open5 + open6 + open7), 0)"
    "  FROM complaint_month_stats k WHERE " CUSTOMER_SCOPE("k.region_key") ") AS open_complaints");

NEOERR *db_home_counts(const struct user *u, HDF *hdf)
{
  long long lim = scope_limited(u), id = u->id;
  return nerr_pass(db_read_row(&home, hdf, "Home", NULL, "iiiii", lim, id, id, lim, id));
}

static DB_STMT values = DB_STMT_INIT(
    "SELECT " CUSTOMER_EDIT_COLS ", version, status"
    " FROM customers WHERE id = ? AND status <> 'merged' AND " CUSTOMER_SCOPE("region_id"));

NEOERR *db_customer_values(const struct user *u, long long id, HDF *hdf,
                           const char *prefix, int *found)
{
  return nerr_pass(db_read_row(&values, hdf, prefix, found, "iii", id,
                               (long long)scope_limited(u), (long long)u->id));
}

static DB_STMT owners = DB_STMT_INIT(
    "SELECT id, display_name, role FROM users WHERE active = 1"
    " AND role IN ('staff', 'regional_manager', 'leader') ORDER BY role, display_name");

NEOERR *db_owner_list(HDF *hdf, const char *prefix)
{
  return nerr_pass(db_read_rows(&owners, hdf, prefix, ""));
}

static DB_STMT by_code = DB_STMT_INIT(
    "SELECT c.id, c.code, c.name, c.kind, c.city, c.phone, c.address, c.status,"
    " c.last_purchase_on, r.name_zh AS region_zh, r.name_en AS region_en,"
    " (SELECT COUNT(*) FROM orders o FORCE INDEX (customer_id) WHERE o.customer_id = c.id) AS orders,"
    " (SELECT COUNT(*) FROM customer_contacts k WHERE k.customer_id = c.id) AS people"
    " FROM customers c JOIN regions r ON r.id = c.region_id"
    " WHERE (c.code = ? OR c.id = ?) AND c.status <> 'merged'"
    " AND " CUSTOMER_SCOPE("c.region_id") " ORDER BY c.code = ? DESC LIMIT 1");

NEOERR *db_customer_by_code(const struct user *u, const char *code_or_id, HDF *hdf,
                            const char *prefix, int *found)
{
  long long id = strtoll(code_or_id, NULL, 10);
  return nerr_pass(db_read_row(&by_code, hdf, prefix, found, "siiis", code_or_id, id,
                               (long long)scope_limited(u), (long long)u->id, code_or_id));
}
