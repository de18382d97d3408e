/* The analysis settings (one row) and run requests (schema/047). */
#include "db/analysis_settings.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/kept.h"
#include "db/user_admin.h"
#include <stdio.h>

#define SETTINGS_COLS \
  "SELECT period_months, abc_a_pct, abc_b_pct, life_period_days, life_periods_n," \
  " life_periods_m, sleep_interval_days, sleep_drowsy_pct, sleep_half_pct," \
  " sleep_dormant_pct, rfm_high_from, watch_window_days, watch_late_rise_days," \
  " watch_order_drop_pct, watch_min_complaints, worst_tail_pct, discount_bp," \
  " TIME_TO_SEC(run_at) DIV 60, version FROM analysis_settings WHERE id = 1"
static DB_STMT row = DB_STMT_INIT(SETTINGS_COLS);
static DB_STMT row_lock = DB_STMT_INIT(SETTINGS_COLS " FOR UPDATE");
static DB_STMT update = DB_STMT_INIT(
    "UPDATE analysis_settings SET period_months = ?, abc_a_pct = ?, abc_b_pct = ?,"
    " life_period_days = ?, life_periods_n = ?, life_periods_m = ?, sleep_interval_days = ?,"
    " sleep_drowsy_pct = ?, sleep_half_pct = ?, sleep_dormant_pct = ?, rfm_high_from = ?,"
    " watch_window_days = ?, watch_late_rise_days = ?, watch_order_drop_pct = ?,"
    " watch_min_complaints = ?, worst_tail_pct = ?, discount_bp = ?, run_at = SEC_TO_TIME(? * 60),"
    " version = version + 1, updated_by = ?, updated_at = NOW() WHERE id = 1");
static DB_STMT runs = DB_STMT_INIT(
    "SELECT r.id, r.status, r.reason, r.requested_at, r.started_at, r.finished_at, r.as_of,"
    " r.customers, r.order_lines, r.seconds, r.error, u.display_name AS requested_by"
    " FROM analysis_runs r LEFT JOIN users u ON u.id = r.requested_by"
    " ORDER BY r.id DESC LIMIT ?");
static DB_STMT waiting = DB_STMT_INIT(
    "SELECT id FROM analysis_runs WHERE status = 'requested' ORDER BY id LIMIT 1 FOR UPDATE");
static DB_STMT request = DB_STMT_INIT(
    "INSERT INTO analysis_runs (status, reason, requested_by) VALUES ('requested', ?, NULLIF(?, 0))");
static DB_STMT last_run = DB_STMT_INIT(
    "SELECT id, as_of, finished_at, seconds, customers FROM analysis_runs"
    " WHERE status = 'done' ORDER BY id DESC LIMIT 1");

/* The row's columns, in analysis_config_names' order, then the version. */
static void read_config(DB_STMT *s, struct analysis_config *c)
{
  for (int i = 0; i < ANALYSIS_CONFIG_FIELDS; i++) analysis_config_set(c, i, (long)db_int(s, i));
  c->version = (unsigned)db_int(s, ANALYSIS_CONFIG_FIELDS);
}

static NEOERR *read_row(void *out)
{
  int more;
  struct analysis_config *c = out;
  analysis_config_default(c);
  NEOERR *err = db_exec(&row, "");
  if (!err && !(err = db_next(&row, &more)) && more) read_config(&row, c);
  db_done(&row);
  return nerr_pass(err);
}

static struct kept_row kept = KEPT_ROW(struct analysis_config, read_row);

NEOERR *db_analysis_config_fresh(struct analysis_config *c)
{
  return nerr_pass(kept_row_fresh(&kept, c));
}

NEOERR *db_analysis_config(struct analysis_config *c)
{
  return nerr_pass(kept_row_get(&kept, c));
}

NEOERR *db_analysis_request(const struct user *u, const char *ip, const char *reason,
                            unsigned long long *run_id)
{
  int found;
  unsigned long long id = 0;
  NEOERR *err = db_begin_row(&waiting, &found, "");
  if (!err && found) id = (unsigned long long)db_int(&waiting, 0);
  db_done(&waiting);
  if (!err && !found && !(err = db_exec(&request, "si", reason, u ? (long long)u->id : 0LL)))
    id = db_insert_id(&request);
  if (!err && !found) db_done(&request);
  if (!err && u) {
    char detail[64];
    snprintf(detail, sizeof detail, "reason %s", reason);
    err = db_audit(u, ip, "analysis_requested", "analysis_run", id, detail);
  }
  if ((err = db_end(err, 1))) return nerr_pass(err);
  if (run_id) *run_id = id;
  return STATUS_OK;
}

NEOERR *db_analysis_last_run(HDF *hdf, const char *prefix, int *found)
{
  return nerr_pass(db_read_row(&last_run, hdf, prefix, found, ""));
}

NEOERR *db_analysis_config_save(const struct user *u, const char *ip,
                                const struct analysis_config *c, unsigned version,
                                struct analysis_config *current, int *saved)
{
  int found;
  *saved = 0;
  analysis_config_default(current);
  NEOERR *err = db_admin_only(u);
  if (!err) err = db_begin_row(&row_lock, &found, "");
  if (!err && found) read_config(&row_lock, current);
  db_done(&row_lock);
  if (err || !found || current->version != version) return nerr_pass(db_end(err, 0));
  /* What changed, "column old>new" each, for the audit row. */
  char detail[512];
  size_t len = 0;
  struct db_arg a[ANALYSIS_CONFIG_FIELDS + 1];
  detail[0] = 0;
  for (int i = 0; i < ANALYSIS_CONFIG_FIELDS; i++) {
    long was = analysis_config_get(current, i), now = analysis_config_get(c, i);
    a[i] = DB_INT(now);
    if (was != now && len < sizeof detail)
      len += (size_t)snprintf(detail + len, sizeof detail - len, "%s%s %ld>%ld", len ? "; " : "",
                              analysis_config_names[i], was, now);
  }
  a[ANALYSIS_CONFIG_FIELDS] = DB_INT(u->id);
  *saved = 1;
  /* The same values again: nothing to write, audit or recompute. */
  if (!len) return nerr_pass(db_end(STATUS_OK, 0));
  if (!(err = db_execa(&update, a, ANALYSIS_CONFIG_FIELDS + 1))) {
    db_done(&update);
    err = db_audit(u, ip, "update", "analysis_settings", 1, detail);
  }
  if ((err = db_end(err, 1))) return nerr_pass(err);
  *current = *c;
  current->version = version + 1;
  kept_row_put(&kept, current);
  /* The classes follow the new settings at the next run: ask for it now. */
  return nerr_pass(db_analysis_request(u, ip, "settings", NULL));
}

NEOERR *db_analysis_runs(HDF *hdf, const char *prefix, int limit)
{
  return nerr_pass(db_read_rows(&runs, hdf, prefix, "i", (long long)limit));
}
