/* GET/POST /dashboard/settings (admins): the dashboard's six thresholds.
 * Saved values reach this process at once and the other dashboard
 * processes within a minute (db_dash_settings keeps them that long); the
 * page says so. */
#include "dashboard/pages.h"
#include "core/validate.h"
#include "db/dashboard_settings.h"
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

/* The form's fields (named as in dashboard_settings) and their ranges. */
static const struct { const char *name; size_t off; int hi; const char *msg; } fields[] = {
  { "sleep_doze_days", offsetof(struct dash_settings, doze_days), 3650, "DashSet.Valid.Days" },
  { "sleep_half_days", offsetof(struct dash_settings, half_days), 3650, "DashSet.Valid.Days" },
  { "sleep_deep_days", offsetof(struct dash_settings, deep_days), 3650, "DashSet.Valid.Days" },
  { "visit_days", offsetof(struct dash_settings, visit_days), 3650, "DashSet.Valid.Days" },
  { "falling_pct", offsetof(struct dash_settings, falling_pct), 100, "DashSet.Valid.Pct" },
  { "behind_pct", offsetof(struct dash_settings, behind_pct), 100, "DashSet.Valid.Pct" },
};
#define NFIELDS (sizeof fields / sizeof fields[0])

static int *value_of(struct dash_settings *s, size_t i)
{
  return (int *)((char *)s + fields[i].off);
}

static NEOERR *show(struct req *r)
{
  NEOERR *err = hdf_set_value(r->hdf, "Page.Section", "dashboard");
  r->template = "dashboard/settings.cs";
  return nerr_pass(err);
}

NEOERR *dash_settings_form(struct req *r)
{
  struct dash_settings s;
  char key[64];
  NEOERR *err = db_dash_settings_fresh(&s);
  for (size_t i = 0; i < NFIELDS && !err; i++) {
    snprintf(key, sizeof key, "Form.%s", fields[i].name);
    err = hdf_set_int_value(r->hdf, key, *value_of(&s, i));
  }
  if (err) return nerr_pass(err);
  return nerr_pass(show(r));
}

/* A whole number from 1 to hi typed in field i, or 0 (message set). */
static int whole(struct form *f, size_t i)
{
  char buf[64];
  int before = f->errors;
  form_text(f, fields[i].name, 1, 12, buf, sizeof buf);
  if (f->errors != before) return 0;
  long v = valid_count(buf) ? strtol(buf, NULL, 10) : 0;
  if (v < 1 || v > fields[i].hi) {
    form_error(f, fields[i].name, fields[i].msg);
    return 0;
  }
  return (int)v;
}

NEOERR *dash_settings_save(struct req *r)
{
  struct form f = { .r = r };
  struct dash_settings s;
  for (size_t i = 0; i < NFIELDS; i++) *value_of(&s, i) = whole(&f, i);
  /* The sleep stages follow each other: doze, then half, then deep. */
  if (s.doze_days && s.half_days && s.half_days <= s.doze_days)
    form_error(&f, "sleep_half_days", "DashSet.Valid.HalfAfterDoze");
  if (s.half_days && s.deep_days && s.deep_days <= s.half_days)
    form_error(&f, "sleep_deep_days", "DashSet.Valid.DeepAfterHalf");
  NEOERR *err;
  if (form_sent_back(&f, show, &err)) return nerr_pass(err);
  int changed;
  if ((err = db_dash_settings_save(&r->user, r->ip, &s, &changed)) ||
      (err = req_flash(r, changed ? "DashSettingsSaved" : "DashSettingsSame")))
    return nerr_pass(err);
  return nerr_pass(req_redirect(r, "/dashboard/settings"));
}
