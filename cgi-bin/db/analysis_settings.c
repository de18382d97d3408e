/* The analysis settings (one row) and run requests (schema/047). */
#include "db/analysis_settings.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/kept.h"
#include <stdio.h>

static DB_STMT row = DB_STMT_INIT(
    "SELECT period_months, abc_a_pct, abc_b_pct, life_period_days, life_periods_n,"
    " life_periods_m, sleep_interval_days, sleep_drowsy_pct, sleep_half_pct,"
    " sleep_dormant_pct, rfm_high_from, watch_window_days, watch_late_rise_days,"
    " watch_order_drop_pct, watch_min_complaints, worst_tail_pct, discount_bp,"
    " TIME_TO_SEC(run_at) DIV 60, version FROM analysis_settings WHERE id = 1");
static DB_STMT waiting = DB_STMT_INIT(
    "SELECT id FROM analysis_runs WHERE status = 'requested' ORDER BY id LIMIT 1 FOR UPDATE");
static DB_STMT request = DB_STMT_INIT(
    "INSERT INTO analysis_runs (status, reason, requested_by) VALUES ('requested', ?, NULLIF(?, 0))");
static DB_STMT last_run = DB_STMT_INIT(
    "SELECT id, as_of, finished_at, seconds, customers FROM analysis_runs"
    " WHERE status = 'done' ORDER BY id DESC LIMIT 1");

static struct kept_map kept = KEPT_MAP(1, KEPT_TTL);
static const char key[] = "config";

NEOERR *db_analysis_config_fresh(struct analysis_config *c)
{
  int more;
  analysis_config_default(c);
  NEOERR *err = db_exec(&row, "");
  if (!err && !(err = db_next(&row, &more)) && more) {
    int i = 0;
    c->period_months = (int)db_int(&row, i++);
    c->abc.a_pct = (int)db_int(&row, i++);
    c->abc.b_pct = (int)db_int(&row, i++);
    c->life.period_days = (int)db_int(&row, i++);
    c->life.periods_n = (int)db_int(&row, i++);
    c->life.periods_m = (int)db_int(&row, i++);
    c->sleep.default_interval_days = (int)db_int(&row, i++);
    c->sleep.drowsy_pct = (int)db_int(&row, i++);
    c->sleep.half_pct = (int)db_int(&row, i++);
    c->sleep.dormant_pct = (int)db_int(&row, i++);
    c->rfm.high_from = (int)db_int(&row, i++);
    c->signal.window_days = (int32_t)db_int(&row, i++);
    c->signal.late_rise_days = (int32_t)db_int(&row, i++);
    c->signal.order_drop_percent = (unsigned)db_int(&row, i++);
    c->signal.min_complaints = (unsigned)db_int(&row, i++);
    c->signal.worst_tail_percent = (unsigned)db_int(&row, i++);
    c->discount_bp = (int)db_int(&row, i++);
    c->run_at_minutes = (int)db_int(&row, i++);
    c->version = (unsigned)db_int(&row, i++);
  }
  db_done(&row);
  if (err) return nerr_pass(err);
  kept_put(&kept, key, sizeof key - 1, 0, c, sizeof *c);
  return STATUS_OK;
}

NEOERR *db_analysis_config(struct analysis_config *c)
{
  const struct analysis_config *k = kept_get(&kept, key, sizeof key - 1, 0, NULL);
  if (k) {
    *c = *k;
    return STATUS_OK;
  }
  return nerr_pass(db_analysis_config_fresh(c));
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
