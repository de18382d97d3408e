/* Support plans as the pages show them. */
#include "db/plan.h"
#include "core/months.h"
#include "db/customer.h"
#include "db/db.h"
#include "db/stored_file.h"
#include "db/plan_sql.h"
#include "db/scope.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static DB_STMT categories = DB_STMT_INIT(
    "SELECT id, code, name_zh, name_en FROM support_categories ORDER BY sort");
static DB_STMT measures = DB_STMT_INIT(
    "SELECT m.id, m.category_id, m.code, m.name_zh, m.name_en, m.develops_people, m.retired,"
    " (SELECT COUNT(DISTINCT r.plan_id) FROM support_plan_items i"
    "  JOIN support_plan_revisions r ON r.id = i.revision_id WHERE i.measure_id = m.id) AS in_use"
    " FROM support_measures m ORDER BY m.category_id, m.sort, m.id");

NEOERR *db_plan_catalogue(HDF *hdf)
{
  NEOERR *err = db_read_rows(&categories, hdf, "Categories", "");
  if (!err) err = db_read_rows(&measures, hdf, "Measures", "");
  return nerr_pass(err);
}

/* The list: optional filters as "(? = 0 OR ...)" pairs, one statement. */
#define LIST_FROM \
  " FROM support_plans p JOIN customers c ON c.id = p.customer_id" \
  " LEFT JOIN support_plan_revisions o ON o.id = p.open_rev_id"
#define LIST_COND \
  " WHERE " PLAN_SCOPE " AND (? = 0 OR p.year = ?) AND (? = 0 OR c.region_id = ?)" \
  " AND (? = '' OR p.status = ?) AND (? = 0 OR p.created_by = ?)" \
  " AND (? = 0 OR (o.status = 'submitted' AND o.submitted_by <> ?))"
static DB_STMT list = DB_STMT_INIT(
    "SELECT t.*, t.actual > t.budget AS overspent FROM (SELECT p.id, p.year, p.status,"
    " p.customer_id, c.code AS customer_code, c.name AS customer_name,"
    " r.name_zh AS region_zh, r.name_en AS region_en, a.rev AS rev_in_force,"
    " o.status AS open_status, o.rev AS open_rev, u.display_name AS created_by_name,"
    " " PLAN_REV_BUDGET("COALESCE(p.approved_rev_id, p.open_rev_id)") " AS budget,"
    " " PLAN_ACTUAL " AS actual"
    LIST_FROM " JOIN regions r ON r.id = c.region_id JOIN users u ON u.id = p.created_by"
    " LEFT JOIN support_plan_revisions a ON a.id = p.approved_rev_id"
    LIST_COND " ORDER BY p.year DESC, c.code, p.id LIMIT ? OFFSET ?) t"
    " ORDER BY t.year DESC, t.customer_code, t.id");
static DB_STMT count = DB_STMT_INIT("SELECT COUNT(*)" LIST_FROM LIST_COND);

static int list_args(const struct user *u, const struct plan_filter *f, struct db_arg *a)
{
  int n = 0;
  a[n++] = DB_INT(scope_limited(u));
  a[n++] = DB_INT(u->id);
  a[n++] = DB_INT(f->year);
  a[n++] = DB_INT(f->year);
  a[n++] = DB_INT(f->region_id);
  a[n++] = DB_INT(f->region_id);
  a[n++] = DB_STR(f->status ? f->status : "");
  a[n++] = DB_STR(f->status ? f->status : "");
  a[n++] = DB_INT(f->created_by);
  a[n++] = DB_INT(f->created_by);
  a[n++] = DB_INT(f->needs_decision);
  a[n++] = DB_INT(u->id);
  return n;
}

NEOERR *db_plan_list(const struct user *u, const struct plan_filter *f, HDF *hdf,
                     long long *total)
{
  struct db_arg a[16];
  int n = list_args(u, f, a);
  int more;
  NEOERR *err = db_execa(&count, a, n);
  if (!err) err = db_next(&count, &more);
  if (err) return nerr_pass(err);
  *total = more ? db_int(&count, 0) : 0;
  db_done(&count);
  a[n++] = DB_INT(f->per);
  a[n++] = DB_INT((long long)(f->page - 1) * f->per);
  if ((err = db_execa(&list, a, n))) return nerr_pass(err);
  return nerr_pass(db_rows_to_hdf(&list, hdf, "Plans", NULL));
}

static DB_STMT get = DB_STMT_INIT(
    "SELECT p.*, c.code AS customer_code, c.name AS customer_name, c.region_id,"
    " r.name_zh AS region_zh, r.name_en AS region_en, u.display_name AS created_by_name,"
    " a.rev AS rev_in_force, a.decided_at AS approved_at, ad.display_name AS approved_by,"
    " o.rev AS open_rev, o.status AS open_status, o.submitted_by AS open_submitted_by,"
    " cp.year AS copied_year,"
    " " PLAN_REV_BUDGET("p.approved_rev_id") " AS budget, " PLAN_ACTUAL " AS actual,"
    " " PLAN_REV_BUDGET("p.open_rev_id") " AS open_budget,"
    " " PLAN_ACTUAL " > " PLAN_REV_BUDGET("p.approved_rev_id") " AS overspent"
    " FROM support_plans p JOIN customers c ON c.id = p.customer_id"
    " JOIN regions r ON r.id = c.region_id JOIN users u ON u.id = p.created_by"
    " LEFT JOIN support_plan_revisions a ON a.id = p.approved_rev_id"
    " LEFT JOIN users ad ON ad.id = a.decided_by"
    " LEFT JOIN support_plan_revisions o ON o.id = p.open_rev_id"
    " LEFT JOIN support_plans cp ON cp.id = p.copied_from"
    " WHERE p.id = ? AND " PLAN_SCOPE);
static DB_STMT revisions = DB_STMT_INIT(
    "SELECT v.id, v.rev, v.status, v.sales_target, v.growth_target, v.focus, v.change_note,"
    " v.created_at, v.submitted_at, v.decided_at, v.decision_comment, v.submitted_by,"
    " cu.display_name AS created_by_name, su.display_name AS submitted_by_name,"
    " du.display_name AS decided_by_name, " PLAN_REV_BUDGET("v.id") " AS budget,"
    " (SELECT COUNT(*) FROM support_plan_items ci WHERE ci.revision_id = v.id) AS measures"
    " FROM support_plan_revisions v JOIN users cu ON cu.id = v.created_by"
    " LEFT JOIN users su ON su.id = v.submitted_by LEFT JOIN users du ON du.id = v.decided_by"
    " WHERE v.plan_id = ? ORDER BY v.rev DESC");
static DB_STMT items = DB_STMT_INIT(
    "SELECT t.*, t.actual > t.budget AS overspent FROM (SELECT i.id, i.line_key, i.category_id,"
    " i.measure_id, i.custom_name, i.description, i.budget, i.months, i.owner_id,"
    " i.expected_effect, m.code AS measure_code, m.name_zh AS measure_zh, m.name_en AS measure_en,"
    " m.develops_people, ou.display_name AS owner, " PLAN_ITEM_ACTUAL " AS actual,"
    " (SELECT COUNT(*) FROM support_executions e WHERE e.plan_id = p.id"
    "  AND e.line_key = i.line_key) AS executions"
    " FROM support_plans p JOIN support_plan_items i ON i.revision_id = ?"
    " LEFT JOIN support_measures m ON m.id = i.measure_id"
    " LEFT JOIN users ou ON ou.id = i.owner_id WHERE p.id = ?"
    " ORDER BY i.category_id, i.sort, i.id) t");
static DB_STMT category_totals = DB_STMT_INIT(
    "SELECT t.*, t.actual > t.budget AS overspent FROM (SELECT k.id, k.name_zh, k.name_en,"
    " COUNT(i.id) AS measures, COALESCE(SUM(i.budget), 0) AS budget,"
    " COALESCE(SUM(" PLAN_ITEM_ACTUAL "), 0) AS actual"
    " FROM support_categories k JOIN support_plans p ON p.id = ?"
    " LEFT JOIN support_plan_items i ON i.revision_id = p.approved_rev_id AND i.category_id = k.id"
    " GROUP BY k.id ORDER BY k.sort) t");
static DB_STMT executions = DB_STMT_INIT(
    "SELECT e.id, e.line_key, e.done_on, e.what_done, e.actual_cost, e.result, e.rating,"
    " e.recorded_at, u.display_name AS recorded_by_name"
    " FROM support_executions e JOIN users u ON u.id = e.recorded_by"
    " WHERE e.plan_id = ? ORDER BY e.done_on DESC, e.id DESC LIMIT 500");
static DB_STMT files = DB_STMT_INIT(
    "SELECT f.id, f.execution_id, f.file_name, f.content_type, f.size"
    " FROM support_attachments f JOIN support_executions e ON e.id = f.execution_id"
    " WHERE e.plan_id = ? ORDER BY f.id");

/* Every change to the plan, newest first: a return's comment stays here
 * after the revision is submitted again. The audit detail is shown only
 * where it is a person's words (a decision's or revision's comment); the
 * rest of it is the audit trail's own shorthand. */
static DB_STMT events = DB_STMT_INIT(
    "SELECT DATE_FORMAT(a.at, '%Y-%m-%d %H:%i') AS at, a.action,"
    " CASE WHEN a.detail LIKE 'comment: %' THEN SUBSTRING(a.detail, 10) END AS detail,"
    " u.display_name AS who FROM audit_log a"
    " LEFT JOIN users u ON u.id = a.user_id"
    " WHERE a.entity = 'support_plan' AND a.entity_id = ? ORDER BY a.id DESC LIMIT 200");

/* Each measure's planned months as Months (text) and M.1..M.12 (the strip). */
static NEOERR *month_marks(HDF *rows)
{
  for (HDF *i = hdf_obj_child(rows); i; i = hdf_obj_next(i)) {
    unsigned mask = (unsigned)strtoul(hdf_get_value(i, "months", "0"), NULL, 10);
    char text[64], name[16];
    months_format(mask, text, sizeof text);
    NEOERR *err = hdf_set_value(i, "Months", text);
    for (int m = 1; !err && m <= 12; m++) {
      snprintf(name, sizeof name, "M.%d", m);
      err = hdf_set_int_value(i, name, (mask >> (m - 1)) & 1);
    }
    if (err) return nerr_pass(err);
  }
  return STATUS_OK;
}

static NEOERR *item_rows(long long rev, long long id, HDF *hdf, const char *prefix)
{
  NEOERR *err = db_read_rows(&items, hdf, prefix, "ii", rev, id);
  if (!err) err = month_marks(hdf_get_obj(hdf, prefix));
  return nerr_pass(err);
}

NEOERR *db_plan_get(const struct user *u, long long id, HDF *hdf, int *found)
{
  NEOERR *err = db_read_row(&get, hdf, "Plan", found, "iii", id, (long long)scope_limited(u),
                            (long long)u->id);
  if (err || !*found) return nerr_pass(err);
  long long in_force = hdf_get_int_value(hdf, "Plan.approved_rev_id", 0);
  long long open = hdf_get_int_value(hdf, "Plan.open_rev_id", 0);
  if ((err = db_read_rows(&revisions, hdf, "Revisions", "i", id)) ||
      (in_force && (err = item_rows(in_force, id, hdf, "Items"))) ||
      (open && (err = item_rows(open, id, hdf, "OpenItems"))) ||
      (err = db_read_rows(&category_totals, hdf, "CategoryTotals", "i", id)) ||
      (err = db_read_rows(&executions, hdf, "Executions", "i", id)) ||
      (err = db_read_rows(&files, hdf, "Files", "i", id)))
    return nerr_pass(err);
  return nerr_pass(db_read_rows(&events, hdf, "Events", "i", id));
}

/* One year's revisions in force, measure by measure, in the user's scope. */
#define BUDGET_ITEMS \
  " FROM support_plans p JOIN customers c ON c.id = p.customer_id" \
  " JOIN support_plan_items i ON i.revision_id = p.approved_rev_id" \
  " WHERE p.year = ? AND (? = 0 OR c.region_id = ?) AND " PLAN_SCOPE
static DB_STMT by_category = DB_STMT_INIT(
    "SELECT k.id, k.name_zh, k.name_en, COALESCE(t.measures, 0) AS measures,"
    " COALESCE(t.budget, 0) AS budget, COALESCE(t.actual, 0) AS actual,"
    " COALESCE(t.actual > t.budget, 0) AS overspent FROM support_categories k LEFT JOIN"
    " (SELECT i.category_id, COUNT(*) AS measures, SUM(i.budget) AS budget,"
    "  SUM(" PLAN_ITEM_ACTUAL ") AS actual" BUDGET_ITEMS " GROUP BY i.category_id) t"
    " ON t.category_id = k.id ORDER BY k.sort");
static DB_STMT by_region = DB_STMT_INIT(
    "SELECT r.id, r.name_zh, r.name_en, t.plans, t.measures, t.budget, t.actual,"
    " t.actual > t.budget AS overspent FROM (SELECT c.region_id, COUNT(DISTINCT p.id) AS plans,"
    "  COUNT(*) AS measures, SUM(i.budget) AS budget, SUM(" PLAN_ITEM_ACTUAL ") AS actual"
    BUDGET_ITEMS " GROUP BY c.region_id) t JOIN regions r ON r.id = t.region_id ORDER BY r.sort, r.id");
static DB_STMT total = DB_STMT_INIT(
    "SELECT t.*, t.actual > t.budget AS overspent FROM (SELECT COUNT(DISTINCT p.id) AS plans,"
    " COUNT(*) AS measures, COALESCE(SUM(i.budget), 0) AS budget,"
    " COALESCE(SUM(" PLAN_ITEM_ACTUAL "), 0) AS actual," 
    " COALESCE(SUM(" PLAN_ITEM_ACTUAL " > i.budget), 0) AS over_measures" BUDGET_ITEMS ") t");

NEOERR *db_plan_budget(const struct user *u, int year, unsigned region_id, HDF *hdf,
                       int *found)
{
  *found = 1;
  if (region_id) {
    NEOERR *err = db_region_visible(u, region_id, found);
    if (err || !*found) return nerr_pass(err);
  }
  struct { DB_STMT *s; const char *prefix; int one; } q[] = {
    { &by_category, "ByCategory", 0 }, { &by_region, "ByRegion", 0 }, { &total, "Total", 1 },
  };
  for (size_t k = 0; k < sizeof q / sizeof q[0]; k++) {
    NEOERR *err = db_exec(q[k].s, "iiiii", (long long)year, (long long)region_id,
                          (long long)region_id, (long long)scope_limited(u), (long long)u->id);
    if (!err) err = q[k].one ? db_row_to_hdf(q[k].s, hdf, q[k].prefix, NULL)
                             : db_rows_to_hdf(q[k].s, hdf, q[k].prefix, NULL);
    if (err) return nerr_pass(err);
  }
  return STATUS_OK;
}

static DB_STMT attachment = DB_STMT_INIT(
    "SELECT f.file_name, f.content_type, f.stored_name FROM support_attachments f"
    " JOIN support_executions e ON e.id = f.execution_id JOIN support_plans p ON p.id = e.plan_id"
    " JOIN customers c ON c.id = p.customer_id WHERE f.id = ? AND " PLAN_SCOPE);

NEOERR *db_plan_attachment(const struct user *u, long long id, struct stored_file *f, int *found)
{
  static const int cols[3] = { 2, 1, 0 };   /* stored, type, name */
  NEOERR *err = db_exec(&attachment, "iii", id, (long long)scope_limited(u), (long long)u->id);
  if (err) return nerr_pass(err);
  return nerr_pass(db_stored_file_read(&attachment, cols, f, found));
}

static DB_STMT support_plans = DB_STMT_INIT(
    "SELECT t.*, t.actual > t.budget AS overspent FROM (SELECT p.id, p.year, p.status,"
    " a.rev AS rev_in_force, o.status AS open_status,"
    " " PLAN_REV_BUDGET("COALESCE(p.approved_rev_id, p.open_rev_id)") " AS budget,"
    " " PLAN_ACTUAL " AS actual,"
    " (SELECT COUNT(*) FROM support_executions e WHERE e.plan_id = p.id) AS executions,"
    " (SELECT ROUND(AVG(e.rating), 1) FROM support_executions e WHERE e.plan_id = p.id) AS rating"
    " FROM support_plans p JOIN customers c ON c.id = p.customer_id"
    " LEFT JOIN support_plan_revisions a ON a.id = p.approved_rev_id"
    " LEFT JOIN support_plan_revisions o ON o.id = p.open_rev_id"
    " WHERE p.customer_id = ? AND " PLAN_SCOPE " ORDER BY p.year DESC LIMIT 20) t");
static DB_STMT support_results = DB_STMT_INIT(
    "SELECT e.done_on, e.what_done, e.actual_cost, e.result, e.rating, p.year, p.id AS plan_id,"
    " COALESCE(m.name_zh, i.custom_name) AS measure_zh, COALESCE(m.name_en, i.custom_name) AS measure_en"
    " FROM support_executions e JOIN support_plans p ON p.id = e.plan_id"
    " JOIN customers c ON c.id = p.customer_id"
    " LEFT JOIN support_plan_items i ON i.revision_id = p.approved_rev_id AND i.line_key = e.line_key"
    " LEFT JOIN support_measures m ON m.id = i.measure_id"
    " WHERE p.customer_id = ? AND " PLAN_SCOPE " ORDER BY e.done_on DESC, e.id DESC LIMIT 20");
/* The current year's measures still planned from this month on. */
static DB_STMT support_next = DB_STMT_INIT(
    "SELECT p.id AS plan_id, i.months, i.budget, COALESCE(m.name_zh, i.custom_name) AS measure_zh,"
    " COALESCE(m.name_en, i.custom_name) AS measure_en, ou.display_name AS owner"
    " FROM support_plans p JOIN customers c ON c.id = p.customer_id"
    " JOIN support_plan_items i ON i.revision_id = p.approved_rev_id"
    " LEFT JOIN support_measures m ON m.id = i.measure_id LEFT JOIN users ou ON ou.id = i.owner_id"
    " WHERE p.customer_id = ? AND p.year = YEAR(CURDATE()) AND p.status <> 'closed'"
    " AND (i.months >> (MONTH(CURDATE()) - 1)) <> 0 AND " PLAN_SCOPE
    " ORDER BY i.category_id, i.sort, i.id LIMIT 50");

NEOERR *db_customer_support(const struct user *u, long long customer_id, HDF *hdf,
                            const char *prefix)
{
  struct { DB_STMT *s; const char *name; } q[] = {
    { &support_plans, "Plans" }, { &support_results, "Results" }, { &support_next, "Next" },
  };
  char name[64];
  for (size_t k = 0; k < sizeof q / sizeof q[0]; k++) {
    snprintf(name, sizeof name, "%s.%s", prefix, q[k].name);
    NEOERR *err = db_read_rows(q[k].s, hdf, name, "iii", customer_id,
                               (long long)scope_limited(u), (long long)u->id);
    if (err) return nerr_pass(err);
  }
  /* The next planned month of each measure still to come. */
  time_t now = time(NULL);
  struct tm tm;
  localtime_r(&now, &tm);
  snprintf(name, sizeof name, "%s.Next", prefix);
  for (HDF *i = hdf_obj_child(hdf_get_obj(hdf, name)); i; i = hdf_obj_next(i)) {
    unsigned mask = (unsigned)strtoul(hdf_get_value(i, "months", "0"), NULL, 10);
    NEOERR *err = hdf_set_int_value(i, "next_month", months_next(mask, tm.tm_mon + 1));
    if (err) return nerr_pass(err);
  }
  return nerr_pass(month_marks(hdf_get_obj(hdf, name)));
}

static DB_STMT owners = DB_STMT_INIT(
    "SELECT id, display_name AS name FROM users WHERE active = 1 ORDER BY role = 'admin', display_name");

NEOERR *db_plan_owners(HDF *hdf, const char *prefix)
{
  return nerr_pass(db_read_rows(&owners, hdf, prefix, ""));
}
