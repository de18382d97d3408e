/* The customer file's analysis header and the lifecycle override. */
#include "db/customer_analysis.h"
#include "db/audit.h"
#include "db/customer_sql.h"
#include "db/customer_write.h"
#include "db/db.h"
#include "db/scope.h"
#include <stdio.h>
#include <string.h>

/* One row whatever the batch has done: the customer_analysis columns are
 * NULL (ran = 0) for a customer it has not seen yet, e.g. created today.
 * as_of is the latest finished run's, so the page says how old the figures
 * are. */
static DB_STMT get = DB_STMT_INIT(
    "SELECT a.customer_id IS NOT NULL AS ran, a.abc_class, a.revenue, a.revenue_rank,"
    " a.life_proposed, a.sleep_state, a.interval_days, a.days_since, a.first_purchase_on,"
    " a.rfm_r, a.rfm_f, a.rfm_m, a.rfm_segment, a.cost_of_goods, a.rebates_promotions,"
    " a.support, a.compensation, a.profit, a.profit_rank, a.lifetime_value,"
    " a.watch_reasons, a.watch_score, a.late_tenths_earlier, a.late_tenths_recent,"
    " a.orders_earlier, a.orders_recent, a.unanswered, a.complaints_recent,"
    " (SELECT MAX(x.as_of) FROM analysis_runs x WHERE x.status = 'done') AS as_of,"
    " (SELECT s.period_months FROM analysis_settings s WHERE s.id = 1) AS period_months,"
    " o.customer_id IS NOT NULL AS override, o.stage AS ov_stage, o.reason AS ov_reason,"
    " o.set_at AS ov_set_at, ub.display_name AS ov_set_by, o.version AS ov_version"
    " FROM customers c"
    " LEFT JOIN customer_analysis a ON a.customer_id = c.id"
    " LEFT JOIN customer_life_overrides o ON o.customer_id = c.id"
    " LEFT JOIN users ub ON ub.id = o.set_by"
    " WHERE c.id = ? AND " CUSTOMER_SCOPE("c.region_id"));

NEOERR *db_customer_analysis_get(const struct user *u, long long id, HDF *hdf,
                                 const char *prefix, int *found)
{
  return nerr_pass(db_read_row(&get, hdf, prefix, found, "iii", id,
                               (long long)scope_limited(u), (long long)u->id));
}

static DB_STMT current = DB_STMT_INIT(
    "SELECT stage, version FROM customer_life_overrides WHERE customer_id = ? FOR UPDATE");
static DB_STMT put = DB_STMT_INIT(
    "INSERT INTO customer_life_overrides (customer_id, stage, reason, set_by, set_at)"
    " VALUES (?, ?, ?, ?, NOW())"
    " ON DUPLICATE KEY UPDATE stage = VALUES(stage), reason = VALUES(reason),"
    " set_by = VALUES(set_by), set_at = NOW(), version = version + 1");
static DB_STMT drop = DB_STMT_INIT(
    "DELETE FROM customer_life_overrides WHERE customer_id = ?");
/* The effective stage: the override's, or back to the batch's proposal. */
static DB_STMT stage_set = DB_STMT_INIT(
    "UPDATE customers SET lifecycle = ? WHERE id = ?");
static DB_STMT stage_proposed = DB_STMT_INIT(
    "UPDATE customers c JOIN customer_analysis a ON a.customer_id = c.id"
    " SET c.lifecycle = a.life_proposed WHERE c.id = ?");

static DB_STMT stage_now = DB_STMT_INIT(
    "SELECT lifecycle FROM customers WHERE id = ?");

/* The customer's effective stage into out. */
static NEOERR *effective(long long id, char *out, size_t n)
{
  int more;
  out[0] = '\0';
  NEOERR *err = db_exec(&stage_now, "i", id);
  if (!err) err = db_next(&stage_now, &more);
  if (!err && more) snprintf(out, n, "%s", db_str(&stage_now, 0));
  db_done(&stage_now);
  return nerr_pass(err);
}

/* Begins the write: the customer locked if the user may change it, its
 * override locked and compared with the form's version. Leaves the
 * transaction open when *outcome is LIFE_OK; *was gets the old stage. */
static NEOERR *begin(const struct user *u, long long id, long long version, char *was,
                     size_t n, enum life_outcome *outcome)
{
  int found, more;
  *outcome = LIFE_OK;
  was[0] = '\0';
  NEOERR *err = db_begin();
  if (!err) err = db_customer_lock(u, id, NULL, 0, &found);
  if (!err && !found) *outcome = LIFE_NOT_FOUND;
  if (err || *outcome != LIFE_OK) return nerr_pass(db_end(err, 0));
  if ((err = db_exec(&current, "i", id)) || (err = db_next(&current, &more))) {
    db_done(&current);
    return nerr_pass(db_end(err, 0));
  }
  long long now = more ? db_int(&current, 1) : 0;
  if (more) snprintf(was, n, "%s", db_str(&current, 0));
  db_done(&current);
  if (now != version) {
    *outcome = LIFE_CONFLICT;
    return nerr_pass(db_end(STATUS_OK, 0));
  }
  return STATUS_OK;
}

NEOERR *db_customer_life_set(const struct user *u, const char *ip, long long id,
                             long long version, const char *stage, const char *reason,
                             enum life_outcome *outcome)
{
  char was[16], detail[700];
  NEOERR *err = begin(u, id, version, was, sizeof was, outcome);
  if (err || *outcome != LIFE_OK) return nerr_pass(err);
  char before[16];
  if (!*was && (err = effective(id, before, sizeof before))) return nerr_pass(db_end(err, 0));
  /* The change log's form (customers/history.c): the field's change, then
   * the reason. */
  snprintf(detail, sizeof detail, "lifecycle: %s → %s\n%s", *was ? was : before, stage, reason);
  err = db_exec_done(&put, "issi", id, stage, reason, (long long)u->id);
  if (!err) err = db_exec_done(&stage_set, "si", stage, id);
  if (!err) err = db_audit(u, ip, "lifecycle_override", "customer", (unsigned long long)id, detail);
  return nerr_pass(db_end(err, 1));
}

NEOERR *db_customer_life_clear(const struct user *u, const char *ip, long long id,
                               long long version, enum life_outcome *outcome)
{
  char was[16], detail[64];
  if (version <= 0) {            /* nothing to remove is a stale form too */
    *outcome = LIFE_CONFLICT;
    return STATUS_OK;
  }
  NEOERR *err = begin(u, id, version, was, sizeof was, outcome);
  if (err || *outcome != LIFE_OK) return nerr_pass(err);
  char now[16] = "";
  err = db_exec_done(&drop, "i", id);
  if (!err) err = db_exec_done(&stage_proposed, "i", id);
  if (!err) err = effective(id, now, sizeof now);
  snprintf(detail, sizeof detail, "lifecycle: %s → %s", was, now);
  if (!err) err = db_audit(u, ip, "lifecycle_proposal", "customer", (unsigned long long)id, detail);
  return nerr_pass(db_end(err, 1));
}
