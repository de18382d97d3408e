#ifndef KEHU_DB_DASHBOARD_SETTINGS_H
#define KEHU_DB_DASHBOARD_SETTINGS_H
/* The dealer dashboard's thresholds (schema/014 dashboard_settings),
 * changed by admins on /dashboard/settings. */
#include "core/req.h"

struct dash_settings {
  int doze_days, half_days, deep_days;   /* sleep status thresholds */
  int visit_days;                        /* "not visited" warning */
  int falling_pct;                       /* "orders falling" warning */
  int behind_pct;                        /* "plan behind" warning */
};
/* Kept for a minute per process (read on every dashboard request). */
NEOERR *db_dash_settings(struct dash_settings *s);
/* Read now, for the settings form (the process that shows it after a
 * save may not be the one that saved). */
NEOERR *db_dash_settings_fresh(struct dash_settings *s);
/* Stores s (checked by the caller), audits what changed and puts s in
 * this process's cache; *changed says whether anything did. Other
 * processes take the new values within a minute. */
NEOERR *db_dash_settings_save(const struct user *u, const char *ip,
                              const struct dash_settings *s, int *changed);
#endif
