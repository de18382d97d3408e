/* The two clocks of a complaint row as the queue and the complaint page
 * show them, in business hours of the working calendar (docs/sla-clock.md):
 * the first response (answered in, hours left, overdue by) and resolution
 * (resolved in, hours left, overdue by, or paused while the handling waits
 * for the customer's agreement), each due time beside the hours as the
 * wall clock shows it. The database gives the due times and the business
 * minutes recorded (COMPLAINT_CLOCK_COLS); the hours left are counted here,
 * at the request's moment. */
#include "complaints/pages.h"
#include "core/clock.h"
#include "core/i18n.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Business minutes from now to due; negative: overdue by that many. */
static long long left(const struct workcal *cal, long long now, long long due)
{
  return due >= now ? workcal_between(cal, now, due) / 60 : -(workcal_between(cal, due, now) / 60);
}

/* One clock: state (responded/resolved, due, overdue, paused, none), text
 * and the due time "MM-DD HH:MM" under prefix. */
static NEOERR *one(HDF *row, const char *prefix, const char *state, long long minutes,
                   const char *due, const char *unit)
{
  char key[48], text[64] = "", hours[24], due_text[16] = "";
  if (minutes != LLONG_MIN) {
    workcal_hours_text(minutes, hours, sizeof hours);
    snprintf(text, sizeof text, "%s %s", hours, unit);   /* "3.5 工作小时" */
  }
  if (due && strlen(due) >= 16) snprintf(due_text, sizeof due_text, "%.11s", due + 5);
  snprintf(key, sizeof key, "%s", prefix);
  NEOERR *err = hdf_set_value(row, key, state);
  snprintf(key, sizeof key, "%s_text", prefix);
  if (!err) err = hdf_set_value(row, key, text);
  snprintf(key, sizeof key, "%s_due_text", prefix);
  if (!err) err = hdf_set_value(row, key, due_text);
  return nerr_pass(err);
}

NEOERR *complaints_clocks(HDF *row, const char *lang, const struct workcal *cal)
{
  char now_text[24];
  china_format("%Y-%m-%d %H:%M:%S", now_text, sizeof now_text);
  long long now = workcal_time(now_text);
  const char *unit = i18n_get(lang, "Complaints.WorkHours");
  const char *sla = hdf_get_value(row, "sla", "none");
  const char *due = hdf_get_value(row, "sla_due", NULL);
  const char *done = hdf_get_value(row, "sla_minutes", NULL);
  long long t = due ? workcal_time(due) : -1;
  NEOERR *err;
  if (!strcmp(sla, "responded") && done)
    err = one(row, "sla", sla, strtoll(done, NULL, 10), NULL, unit);
  else if ((!strcmp(sla, "due") || !strcmp(sla, "overdue")) && t >= 0)
    err = one(row, "sla", sla, left(cal, now, t), due, unit);
  else
    err = one(row, "sla", "none", LLONG_MIN, NULL, unit);
  if (err) return nerr_pass(err);

  const char *res_at = hdf_get_value(row, "res_at", NULL);
  const char *res_minutes = hdf_get_value(row, "res_minutes", NULL);
  const char *res_due = hdf_get_value(row, "res_due", NULL);
  long long rt = res_due ? workcal_time(res_due) : -1;
  if (res_at)
    return nerr_pass(one(row, "res", "resolved",
                         res_minutes ? strtoll(res_minutes, NULL, 10) : LLONG_MIN, NULL, unit));
  if (!strcmp(hdf_get_value(row, "clock_status", "open"), "closed") || rt < 0)
    return nerr_pass(one(row, "res", "none", LLONG_MIN, NULL, unit));
  if (hdf_get_value(row, "res_waiting", NULL))
    return nerr_pass(one(row, "res", "paused", LLONG_MIN, res_due, unit));
  long long m = left(cal, now, rt);
  return nerr_pass(one(row, "res", m < 0 ? "overdue" : "due", m, res_due, unit));
}
