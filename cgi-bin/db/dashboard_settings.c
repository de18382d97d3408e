/* The dashboard's thresholds (schema/014 dashboard_settings): read for
 * every dashboard request, so kept a minute per process; changed by an
 * admin on /dashboard/settings. */
#include "db/dashboard.h"
#include "db/audit.h"
#include "db/dashboard_settings.h"
#include "db/db.h"
#include "db/kept.h"
#include <stddef.h>
#include <stdio.h>
#include <string.h>

static const struct { const char *name; size_t off; int def; } known[] = {
  { "sleep_doze_days", offsetof(struct dash_settings, doze_days), 90 },
  { "sleep_half_days", offsetof(struct dash_settings, half_days), 180 },
  { "sleep_deep_days", offsetof(struct dash_settings, deep_days), 365 },
  { "visit_days", offsetof(struct dash_settings, visit_days), 60 },
  { "falling_pct", offsetof(struct dash_settings, falling_pct), 30 },
  { "behind_pct", offsetof(struct dash_settings, behind_pct), 50 },
};
#define NKNOWN (sizeof known / sizeof known[0])

static DB_STMT all = DB_STMT_INIT("SELECT name, value FROM dashboard_settings");
/* The whole table locked while one admin's save compares and writes. */
static DB_STMT lock_all = DB_STMT_INIT("SELECT name, value FROM dashboard_settings FOR UPDATE");
static DB_STMT put = DB_STMT_INIT(
    "INSERT INTO dashboard_settings (name, value) VALUES (?, ?)"
    " ON DUPLICATE KEY UPDATE value = VALUES(value)");

static int *field(struct dash_settings *s, size_t i)
{
  return (int *)((char *)s + known[i].off);
}

/* The values s reads (a name missing from the table keeps its default). */
static NEOERR *read_with(DB_STMT *st, struct dash_settings *s)
{
  int more;
  for (size_t i = 0; i < NKNOWN; i++) *field(s, i) = known[i].def;
  NEOERR *err = db_exec(st, "");
  while (!err && !(err = db_next(st, &more)) && more) {
    const char *name = db_str(st, 0);
    for (size_t i = 0; name && i < NKNOWN; i++)
      if (!strcmp(name, known[i].name)) *field(s, i) = (int)db_int(st, 1);
  }
  db_done(st);
  return nerr_pass(err);
}

static NEOERR *read_all(void *out)
{
  return nerr_pass(read_with(&all, out));
}

static struct kept_row kept = KEPT_ROW(struct dash_settings, read_all);

NEOERR *db_dash_settings_fresh(struct dash_settings *s)
{
  return nerr_pass(kept_row_fresh(&kept, s));
}

NEOERR *db_dash_settings(struct dash_settings *s)
{
  return nerr_pass(kept_row_get(&kept, s));
}

NEOERR *db_dash_settings_save(const struct user *u, const char *ip,
                              const struct dash_settings *s, int *changed)
{
  struct dash_settings old, v = *s;
  char detail[512];
  size_t len = 0;
  *changed = 0;
  detail[0] = '\0';
  NEOERR *err = db_begin();
  if (err) return nerr_pass(err);
  err = read_with(&lock_all, &old);
  for (size_t i = 0; i < NKNOWN && !err; i++) {
    int was = *field(&old, i), now = *field(&v, i);
    if (was == now) continue;
    *changed = 1;
    len += (size_t)snprintf(detail + len, sizeof detail - len, "%s%s %d -> %d",
                            len ? ", " : "", known[i].name, was, now);
    err = db_exec(&put, "si", known[i].name, (long long)now);
  }
  if (!err && *changed)
    err = db_audit(u, ip, "dashboard_settings_changed", "dashboard_settings", 0, detail);
  if (err) {
    db_rollback();
    return nerr_pass(err);
  }
  if ((err = db_commit())) return nerr_pass(err);
  /* This process shows the new values at once. */
  kept_row_put(&kept, &v);
  return STATUS_OK;
}
