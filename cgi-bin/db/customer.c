#include "db/customer.h"
#include "db/customer_sql.h"
#include "db/db.h"
#include "db/scope.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static DB_STMT get = DB_STMT_INIT(
    "SELECT c.*, r.name_zh AS region_zh, r.name_en AS region_en,"
    " u.display_name AS owner, cb.display_name AS created_by_name,"
    " ub.display_name AS updated_by_name"
    " FROM customers c JOIN regions r ON r.id = c.region_id"
    " LEFT JOIN users u ON u.id = c.owner_id"
    " LEFT JOIN users cb ON cb.id = c.created_by"
    " LEFT JOIN users ub ON ub.id = c.updated_by"
    " WHERE c.id = ? AND " CUSTOMER_SCOPE("c.region_id"));
/* The figures at the top of the file: this year's sales against the same
 * part of last year (growth), last year in full, the open overdue amount. */
/* The figures at the top of the file (this year's sales against the same
 * part of last year, last year in full, the open overdue amount) and how
 * many rows each tab holds ("tab_" columns), in one statement: every part
 * is an index range on customer_id. */
static DB_STMT summary = DB_STMT_INIT(
    "SELECT t.*, CASE WHEN t.sales_last_ytd > 0 THEN"
    "  ROUND((t.sales_this_year - t.sales_last_ytd) * 100 / t.sales_last_ytd, 1) END AS growth"
    " FROM (SELECT"
    " (SELECT COALESCE(SUM(total),0) FROM orders WHERE customer_id = ?"
    "  AND ordered_on >= MAKEDATE(YEAR(CURDATE()), 1)) AS sales_this_year,"
    " (SELECT COALESCE(SUM(total),0) FROM orders WHERE customer_id = ?"
    "  AND ordered_on >= MAKEDATE(YEAR(CURDATE()) - 1, 1)"
    "  AND ordered_on <= CURDATE() - INTERVAL 1 YEAR) AS sales_last_ytd,"
    " (SELECT COALESCE(SUM(total),0) FROM orders WHERE customer_id = ?"
    "  AND ordered_on >= MAKEDATE(YEAR(CURDATE()) - 1, 1)"
    "  AND ordered_on < MAKEDATE(YEAR(CURDATE()), 1)) AS sales_last_year,"
    " (SELECT COALESCE(SUM(amount),0) FROM payments WHERE customer_id = ?"
    "  AND paid_on IS NULL AND due_on < CURDATE()) AS overdue,"
    " (SELECT COUNT(*) FROM orders WHERE customer_id = ?) AS orders,"
    " (SELECT MAX(contacted_on) FROM contact_log WHERE customer_id = ?) AS last_contact,"
    " (SELECT COUNT(*) FROM customer_contacts WHERE customer_id = ?) AS tab_people,"
    " (SELECT COUNT(*) FROM customer_dynamics WHERE customer_id = ? AND kind = 'needs') AS tab_needs,"
    " (SELECT COUNT(*) FROM customer_dynamics WHERE customer_id = ? AND kind = 'strategy') AS tab_strategy,"
    " (SELECT COUNT(*) FROM contact_log WHERE customer_id = ?) AS tab_contacts,"
    " (SELECT COUNT(*) FROM payments WHERE customer_id = ? AND paid_on IS NULL"
    "  AND due_on < CURDATE()) AS tab_payments,"
    " (SELECT COUNT(*) FROM customer_incentives WHERE customer_id = ?) AS tab_incentives,"
    " (SELECT COUNT(*) FROM quotes WHERE customer_id = ?) AS tab_quotes,"
    " (SELECT COUNT(*) FROM service_records WHERE customer_id = ?) AS tab_service,"
    " (SELECT COUNT(*) FROM customer_financials WHERE customer_id = ?) AS tab_finance,"
    /* last: a complaint's region may differ from the customer's */
    " (SELECT COUNT(*) FROM complaints c WHERE c.customer_id = ?"
    "  AND " CUSTOMER_SCOPE("c.region_id") ") AS tab_complaints) t");
#define SUMMARY_IDS 16      /* the customer's id, then the scope's two values */

NEOERR *db_customer_get(const struct user *u, long long id, HDF *hdf, int *found)
{
  NEOERR *err = db_exec(&get, "iii", id, (long long)scope_limited(u), (long long)u->id);
  if (!err) err = db_row_to_hdf(&get, hdf, "Customer", found);
  if (err || !*found) return nerr_pass(err);
  struct db_arg a[SUMMARY_IDS + 2];
  for (int i = 0; i < SUMMARY_IDS; i++) a[i] = DB_INT(id);
  a[SUMMARY_IDS] = DB_INT(scope_limited(u));
  a[SUMMARY_IDS + 1] = DB_INT(u->id);
  int more;
  if ((err = db_execa(&summary, a, SUMMARY_IDS + 2)) || (err = db_next(&summary, &more)))
    return nerr_pass(err);
  char name[64];
  for (int i = 0; more && !err && i < summary.ncols; i++) {
    const char *col = summary.col_name[i], *v = db_str(&summary, i);
    if (!v) continue;
    if (strncmp(col, "tab_", 4) == 0) snprintf(name, sizeof name, "TabCount.%s", col + 4);
    else snprintf(name, sizeof name, "Summary.%s", col);
    err = hdf_set_value(hdf, name, v);
  }
  if (!err && more) err = hdf_set_value(hdf, "TabCount.orders", hdf_get_value(hdf, "Summary.orders", "0"));
  db_done(&summary);
  return nerr_pass(err);
}

/* The regions, for every list's filter and every form: read once a minute
 * per process (seven rows that change when a region is added), which is
 * one query fewer on each list page. A regional manager gets theirs, as
 * the session read them from user_regions for this request. */
#define REGIONS_TTL 60
static DB_STMT regions_all = DB_STMT_INIT(
    "SELECT id, code, name_zh, name_en FROM regions ORDER BY sort, id");
static HDF *regions_kept;
static time_t regions_at;

NEOERR *db_region_list(const struct user *u, HDF *hdf, const char *prefix)
{
  NEOERR *err;
  time_t now = time(NULL);
  if (!regions_kept || now - regions_at >= REGIONS_TTL) {
    HDF *fresh;
    if ((err = hdf_init(&fresh))) return nerr_pass(err);
    if ((err = db_exec(&regions_all, "")) ||
        (err = db_rows_to_hdf(&regions_all, fresh, "R", NULL))) {
      hdf_destroy(&fresh);
      return nerr_pass(err);
    }
    hdf_destroy(&regions_kept);
    regions_kept = fresh;
    regions_at = now;
  }
  int n = 0;
  char name[64];
  for (HDF *r = hdf_get_child(regions_kept, "R"); r; r = hdf_obj_next(r)) {
    if (scope_limited(u) && !scope_allows(u, (unsigned)hdf_get_int_value(r, "id", 0))) continue;
    snprintf(name, sizeof name, "%s.%d", prefix, n++);
    if ((err = hdf_copy(hdf, name, r))) return nerr_pass(err);
  }
  return STATUS_OK;
}

/* Customer numbers come from customer_counts (schema/005, kept by
 * triggers): counting a million rows per page view took 200 ms. Open
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
  NEOERR *err = db_exec(&home, "iiiii", lim, id, id, lim, id);
  if (err) return nerr_pass(err);
  return nerr_pass(db_row_to_hdf(&home, hdf, "Home", NULL));
}

static DB_STMT values = DB_STMT_INIT(
    "SELECT " CUSTOMER_EDIT_COLS ", version, status"
    " FROM customers WHERE id = ? AND status <> 'merged' AND " CUSTOMER_SCOPE("region_id"));

NEOERR *db_customer_values(const struct user *u, long long id, HDF *hdf,
                           const char *prefix, int *found)
{
  NEOERR *err = db_exec(&values, "iii", id, (long long)scope_limited(u), (long long)u->id);
  if (err) return nerr_pass(err);
  return nerr_pass(db_row_to_hdf(&values, hdf, prefix, found));
}

static DB_STMT owners = DB_STMT_INIT(
    "SELECT id, display_name, role FROM users WHERE active = 1"
    " AND role IN ('staff', 'regional_manager', 'leader') ORDER BY role, display_name");

NEOERR *db_owner_list(HDF *hdf, const char *prefix)
{
  NEOERR *err = db_exec(&owners, "");
  if (err) return nerr_pass(err);
  return nerr_pass(db_rows_to_hdf(&owners, hdf, prefix, NULL));
}

static DB_STMT by_code = DB_STMT_INIT(
    "SELECT c.id, c.code, c.name, c.kind, c.city, c.phone, c.address, c.status,"
    " c.last_purchase_on, r.name_zh AS region_zh, r.name_en AS region_en,"
    " (SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id) AS orders,"
    " (SELECT COUNT(*) FROM customer_contacts k WHERE k.customer_id = c.id) AS people"
    " FROM customers c JOIN regions r ON r.id = c.region_id"
    " WHERE (c.code = ? OR c.id = ?) AND c.status <> 'merged'"
    " AND " CUSTOMER_SCOPE("c.region_id") " ORDER BY c.code = ? DESC LIMIT 1");

NEOERR *db_customer_by_code(const struct user *u, const char *code_or_id, HDF *hdf,
                            const char *prefix, int *found)
{
  long long id = strtoll(code_or_id, NULL, 10);
  NEOERR *err = db_exec(&by_code, "siiis", code_or_id, id, (long long)scope_limited(u),
                        (long long)u->id, code_or_id);
  if (err) return nerr_pass(err);
  return nerr_pass(db_row_to_hdf(&by_code, hdf, prefix, found));
}
