/* Creating, changing, archiving and merging customers. Each write is one
 * transaction together with its audit row. */
#include "db/audit.h"
#include "db/customer.h"
#include "db/customer_list.h"
#include "db/customer_sql.h"
#include "db/customer_write.h"
#include "db/db.h"
#include "db/scope.h"
#include "core/err.h"
#include "core/log.h"
#include <stdio.h>
#include <string.h>

/* The editable columns, in the order of the statements below. */
static const char *const cols[] = {
  "code", "name", "kind", "region_id", "owner_id", "size_class", "loyalty",
  "non_customer", "address", "city", "postal_code", "phone", "fax", "email",
  "founded_year", "sales_force", "delivery_capacity", "warehouse_capacity",
  "credit_limit", "payment_terms", "history", "org_structure", "business_goals",
};
#define NCOLS (sizeof cols / sizeof cols[0])

#define VALUES_SQL \
  "?, ?, ?, NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''), ?, ?, ?, ?, ?, ?," \
  " NULLIF(?, ''), NULLIF(?, ''), ?, ?, COALESCE(NULLIF(?, ''), 0)," \
  " COALESCE(NULLIF(?, ''), 30)," \
  " NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, '')"

/* A code left empty is given C + the id; until then the row holds a
 * unique placeholder. */
static DB_STMT insert = DB_STMT_INIT(
    "INSERT INTO customers (" CUSTOMER_EDIT_COLS ","
    " created_by, created_at, updated_by, updated_at)"
    " VALUES (COALESCE(NULLIF(?, ''), CONCAT('~', LEFT(MD5(UUID()), 16))), " VALUES_SQL
    ", ?, NOW(), ?, NOW())");
static DB_STMT set_code = DB_STMT_INIT(
    "UPDATE customers SET code = CONCAT('C', LPAD(id, 7, '0'))"
    " WHERE id = ? AND code LIKE '~%'");
static DB_STMT code_owner = DB_STMT_INIT(
    "SELECT id FROM customers WHERE code = ?");
static DB_STMT owner_ok = DB_STMT_INIT(
    "SELECT 1 FROM users WHERE id = ? AND active = 1");
static DB_STMT current = DB_STMT_INIT(
    "SELECT " CUSTOMER_EDIT_COLS ", version, status"
    " FROM customers WHERE id = ? AND status <> 'merged' AND " CUSTOMER_SCOPE("region_id")
    " FOR UPDATE");
static DB_STMT update = DB_STMT_INIT(
    "UPDATE customers SET code = COALESCE(NULLIF(?, ''), code), name = ?, kind = ?,"
    " region_id = ?, owner_id = NULLIF(?, ''), size_class = NULLIF(?, ''),"
    " loyalty = NULLIF(?, ''), non_customer = NULLIF(?, ''), address = ?, city = ?,"
    " postal_code = ?, phone = ?, fax = ?, email = ?,"
    " founded_year = NULLIF(?, ''), sales_force = NULLIF(?, ''),"
    " delivery_capacity = ?, warehouse_capacity = ?,"
    " credit_limit = COALESCE(NULLIF(?, ''), 0), payment_terms = COALESCE(NULLIF(?, ''), 30),"
    " history = NULLIF(?, ''),"
    " org_structure = NULLIF(?, ''), business_goals = NULLIF(?, ''),"
    " version = version + 1, updated_by = ?, updated_at = NOW()"
    " WHERE id = ? AND version = ?");

static NEOERR *fail(NEOERR *err)
{
  return nerr_pass(db_end(err, 0));
}

/* The parameters for cols[], from the values node. */
static int col_args(HDF *v, struct db_arg *a)
{
  for (size_t i = 0; i < NCOLS; i++) a[i] = DB_STR(hdf_get_value(v, cols[i], ""));
  return (int)NCOLS;
}

/* Checks that need the database; *outcome stays CUSTOMER_OK when all pass. */
static NEOERR *check_refs(const struct user *u, HDF *v, long long self,
                          enum customer_outcome *outcome)
{
  int more;
  NEOERR *err;
  if (!scope_allows(u, (unsigned)hdf_get_int_value(v, "region_id", 0))) {
    *outcome = CUSTOMER_REGION_DENIED;
    return STATUS_OK;
  }
  const char *owner = hdf_get_value(v, "owner_id", "");
  if (*owner) {
    if ((err = db_exec(&owner_ok, "s", owner)) || (err = db_next(&owner_ok, &more)))
      return nerr_pass(err);
    db_done(&owner_ok);
    if (!more) { *outcome = CUSTOMER_BAD_OWNER; return STATUS_OK; }
  }
  const char *code = hdf_get_value(v, "code", "");
  if (*code) {
    if ((err = db_exec(&code_owner, "s", code)) || (err = db_next(&code_owner, &more)))
      return nerr_pass(err);
    long long other = more ? db_int(&code_owner, 0) : 0;
    db_done(&code_owner);
    if (more && other != self) { *outcome = CUSTOMER_CODE_TAKEN; return STATUS_OK; }
  }
  return STATUS_OK;
}

NEOERR *db_customer_create(const struct user *u, const char *ip, HDF *v,
                           unsigned long long *id, enum customer_outcome *outcome)
{
  *outcome = CUSTOMER_OK;
  *id = 0;
  NEOERR *err = db_begin();
  if (err) return nerr_pass(err);
  if ((err = check_refs(u, v, 0, outcome)) || *outcome != CUSTOMER_OK) return fail(err);
  struct db_arg a[NCOLS + 2];
  int n = col_args(v, a);
  a[n++] = DB_INT(u->id);
  a[n++] = DB_INT(u->id);
  if ((err = db_execa(&insert, a, n))) {
    if (nerr_handle(&err, KERR_CONFLICT)) *outcome = CUSTOMER_CODE_TAKEN;
    return fail(err);
  }
  *id = db_insert_id(&insert);
  char detail[300];
  snprintf(detail, sizeof detail, "name=%s", hdf_get_value(v, "name", ""));
  if ((err = db_exec(&set_code, "i", (long long)*id)) ||
      (err = db_customer_bigrams_put(*id, hdf_get_value(v, "name", ""))) ||
      (err = db_audit(u, ip, "create", "customer", *id, detail)) ||
      (err = db_commit()))
    return fail(err);
  /* Mroonga is not transactional: the index follows the commit. */
  err = db_customer_search_put(*id, hdf_get_value(v, "name", ""));
  if (err) log_error(&err, "search index (scripts/reindex.sql repairs it)");
  return STATUS_OK;
}

/* "field: old → new" for each changed column, for the history tab. */
static NEOERR *diff(DB_STMT *s, HDF *v, STRING *out)
{
  for (size_t i = 0; i < NCOLS; i++) {
    const char *before = db_str(s, (int)i), *after = hdf_get_value(v, cols[i], "");
    if (!before) before = "";
    if (strcmp(cols[i], "code") == 0 && !*after) continue;
    if (strcmp(cols[i], "credit_limit") == 0 && !*after) after = "0.00";
    if (strcmp(cols[i], "payment_terms") == 0 && !*after) after = "30";
    if (strcmp(before, after) == 0) continue;
    NEOERR *err = string_appendf(out, "%s%s: %.200s → %.200s", out->len ? "\n" : "",
                                 cols[i], before, after);
    if (err) return nerr_pass(err);
  }
  return STATUS_OK;
}

NEOERR *db_customer_update(const struct user *u, const char *ip, long long id,
                           long long version, HDF *v, enum customer_outcome *outcome)
{
  *outcome = CUSTOMER_OK;
  int more;
  NEOERR *err = db_begin();
  if (err) return nerr_pass(err);
  if ((err = db_exec(&current, "iii", id, (long long)scope_limited(u), (long long)u->id)) ||
      (err = db_next(&current, &more)))
    return fail(err);
  if (!more) { db_done(&current); *outcome = CUSTOMER_NOT_FOUND; return fail(STATUS_OK); }
  if (db_int(&current, (int)NCOLS) != version) {
    db_done(&current);
    *outcome = CUSTOMER_CONFLICT;
    return fail(STATUS_OK);
  }
  STRING detail;
  string_init(&detail);
  int renamed = strcmp(db_str(&current, 1), hdf_get_value(v, "name", "")) != 0;
  err = diff(&current, v, &detail);
  db_done(&current);
  if (!err) err = check_refs(u, v, id, outcome);
  if (err || *outcome != CUSTOMER_OK) { string_clear(&detail); return fail(err); }
  struct db_arg a[NCOLS + 3];
  int n = col_args(v, a);
  a[n++] = DB_INT(u->id);
  a[n++] = DB_INT(id);
  a[n++] = DB_INT(version);
  if (!(err = db_execa(&update, a, n)) && db_affected(&update) == 0)
    *outcome = CUSTOMER_CONFLICT;
  if (!err && *outcome == CUSTOMER_OK && renamed)
    err = db_customer_bigrams_put((unsigned long long)id, hdf_get_value(v, "name", ""));
  if (!err && *outcome == CUSTOMER_OK && detail.len)
    err = db_audit(u, ip, "update", "customer", id, detail.buf);
  string_clear(&detail);
  if (err && nerr_handle(&err, KERR_CONFLICT)) *outcome = CUSTOMER_CODE_TAKEN;
  if (err || *outcome != CUSTOMER_OK) return fail(err);
  if ((err = db_commit())) return nerr_pass(err);
  if (renamed && (err = db_customer_search_put(id, hdf_get_value(v, "name", ""))))
    log_error(&err, "search index (scripts/reindex.sql repairs it)");
  return STATUS_OK;
}

static DB_STMT visible = DB_STMT_INIT(
    "SELECT status FROM customers WHERE id = ? AND status <> 'merged' AND "
    CUSTOMER_SCOPE("region_id") " FOR UPDATE");

NEOERR *db_customer_lock(const struct user *u, long long id, char *status, size_t n,
                         int *found)
{
  int more;
  NEOERR *err = db_exec(&visible, "iii", id, (long long)scope_limited(u), (long long)u->id);
  if (!err) err = db_next(&visible, &more);
  *found = !err && more;
  if (*found && status) snprintf(status, n, "%s", db_str(&visible, 0));
  db_done(&visible);
  return nerr_pass(err);
}

static DB_STMT set_status = DB_STMT_INIT(
    "UPDATE customers SET status = ?, version = version + 1, updated_by = ?,"
    " updated_at = NOW() WHERE id = ?");

NEOERR *db_customer_set_status(const struct user *u, const char *ip, long long id,
                               const char *status, enum customer_outcome *outcome)
{
  *outcome = CUSTOMER_OK;
  char was[16];
  int found;
  NEOERR *err = db_begin();
  if (err) return nerr_pass(err);
  if ((err = db_customer_lock(u, id, was, sizeof was, &found))) return fail(err);
  if (!found) { *outcome = CUSTOMER_NOT_FOUND; return fail(STATUS_OK); }
  if (strcmp(was, status) == 0) return fail(STATUS_OK);   /* nothing to do */
  if ((err = db_exec(&set_status, "sii", status, (long long)u->id, id)) ||
      (err = db_audit(u, ip, strcmp(status, "archived") == 0 ? "archive" : "restore",
                      "customer", id, NULL)) ||
      (err = db_commit()))
    return fail(err);
  return STATUS_OK;
}

/* Every table that records something about a customer, moved on merge. */
static DB_STMT move[] = {
  DB_STMT_INIT("UPDATE customer_contacts SET customer_id = ? WHERE customer_id = ?"),
  DB_STMT_INIT("UPDATE orders SET customer_id = ? WHERE customer_id = ?"),
  DB_STMT_INIT("UPDATE payments SET customer_id = ? WHERE customer_id = ?"),
  DB_STMT_INIT("UPDATE payment_receipts SET customer_id = ? WHERE customer_id = ?"),
  DB_STMT_INIT("UPDATE complaints SET customer_id = ? WHERE customer_id = ?"),
  DB_STMT_INIT("UPDATE customer_dynamics SET customer_id = ? WHERE customer_id = ?"),
  DB_STMT_INIT("UPDATE contact_log SET customer_id = ? WHERE customer_id = ?"),
  DB_STMT_INIT("UPDATE quotes SET customer_id = ? WHERE customer_id = ?"),
  DB_STMT_INIT("UPDATE service_records SET customer_id = ? WHERE customer_id = ?"),
  DB_STMT_INIT("UPDATE customer_incentives SET customer_id = ? WHERE customer_id = ?"),
  /* A year both have keeps the survivor's figures. */
  DB_STMT_INIT("UPDATE IGNORE customer_financials SET customer_id = ? WHERE customer_id = ?"),
};
static DB_STMT drop_financials = DB_STMT_INIT(
    "DELETE FROM customer_financials WHERE customer_id = ?");
static DB_STMT merged = DB_STMT_INIT(
    "UPDATE customers SET status = 'merged', merged_into = ?, version = version + 1,"
    " updated_by = ?, updated_at = NOW() WHERE id = ?");
static DB_STMT survivor = DB_STMT_INIT(
    "UPDATE customers SET last_purchase_on = (SELECT MAX(ordered_on) FROM orders"
    " WHERE customer_id = ?), version = version + 1, updated_by = ?, updated_at = NOW()"
    " WHERE id = ?");

NEOERR *db_customer_merge(const struct user *u, const char *ip, long long keep,
                          long long gone, enum customer_outcome *outcome)
{
  *outcome = CUSTOMER_OK;
  if (keep == gone) { *outcome = CUSTOMER_SAME; return STATUS_OK; }
  char status[16];
  int found_keep, found_gone;
  NEOERR *err = db_begin();
  if (err) return nerr_pass(err);
  /* Lock in id order so two merges of the same pair cannot deadlock. */
  long long first = keep < gone ? keep : gone, second = keep < gone ? gone : keep;
  int found_first, found_second;
  if ((err = db_customer_lock(u, first, status, sizeof status, &found_first)) ||
      (err = db_customer_lock(u, second, status, sizeof status, &found_second)))
    return fail(err);
  found_keep = keep == first ? found_first : found_second;
  found_gone = gone == first ? found_first : found_second;
  if (!found_keep || !found_gone) { *outcome = CUSTOMER_NOT_FOUND; return fail(STATUS_OK); }
  for (size_t i = 0; i < sizeof move / sizeof move[0]; i++)
    if ((err = db_exec(&move[i], "ii", keep, gone))) return fail(err);
  char detail[64];
  snprintf(detail, sizeof detail, "merged_into=%lld", keep);
  if ((err = db_exec(&drop_financials, "i", gone)) ||
      (err = db_exec(&merged, "iii", keep, (long long)u->id, gone)) ||
      (err = db_customer_bigrams_drop((unsigned long long)gone)) ||
      (err = db_exec(&survivor, "iii", keep, (long long)u->id, keep)) ||
      (err = db_audit(u, ip, "merge", "customer", gone, detail)))
    return fail(err);
  snprintf(detail, sizeof detail, "merged_from=%lld", gone);
  if ((err = db_audit(u, ip, "merge", "customer", keep, detail)) || (err = db_commit()))
    return fail(err);
  if ((err = db_customer_search_drop(gone)))
    log_error(&err, "search index (scripts/reindex.sql repairs it)");
  return STATUS_OK;
}

