/* GET /analysis/settings: every setting of the analysis rules with a hint
 * each, and the batch's recent runs; admins edit (POST), the others read
 * what the pages they use are computed with. POST /analysis/settings/run:
 * 立即重新计算, a run asked for by hand. */
#include "analysis/pages.h"
#include "core/err.h"
#include "core/validate.h"
#include "db/analysis_settings.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RECENT_RUNS 15

/* The form shows two settings in the units people use: the nightly time
 * as HH:MM and the discount rate as a percentage. */
static void shown(const struct analysis_config *c, int i, char *out, size_t n)
{
  long v = analysis_config_get(c, i);
  const char *name = analysis_config_names[i];
  if (!strcmp(name, "run_at")) snprintf(out, n, "%02ld:%02ld", v / 60, v % 60);
  else if (!strcmp(name, "discount_bp") && v % 100) snprintf(out, n, "%ld.%02ld", v / 100, v % 100);
  else if (!strcmp(name, "discount_bp")) snprintf(out, n, "%ld", v / 100);
  else snprintf(out, n, "%ld", v);
}

static NEOERR *put_config(HDF *h, const char *prefix, const struct analysis_config *c)
{
  char v[32];
  NEOERR *err = STATUS_OK;
  for (int i = 0; i < ANALYSIS_CONFIG_FIELDS && !err; i++) {
    shown(c, i, v, sizeof v);
    err = hdf_set_valuef(h, "%s.%s=%s", prefix, analysis_config_names[i], v);
  }
  if (!err) err = hdf_set_valuef(h, "%s.version=%u", prefix, c->version);
  return nerr_pass(err);
}

static NEOERR *settings_page(struct req *r)
{
  NEOERR *err;
  if ((err = hdf_set_value(r->hdf, "Page.Section", "analysis")) ||
      (err = hdf_set_value(r->hdf, "Page.Sub", "settings")) ||
      (err = hdf_set_int_value(r->hdf, "Settings.CanEdit", r->user.role == ROLE_ADMIN)) ||
      (err = db_analysis_runs(r->hdf, "Runs", RECENT_RUNS)))
    return nerr_pass(err);
  r->template = "analysis/settings.cs";
  return STATUS_OK;
}

NEOERR *analysis_settings(struct req *r)
{
  struct analysis_config c;
  NEOERR *err = db_analysis_config_fresh(&c);
  if (!err) err = put_config(r->hdf, "Form", &c);
  if (err) return nerr_pass(err);
  return nerr_pass(settings_page(r));
}

/* "HH:MM" (or H:MM) in minutes; whether it is within the day is the
 * rules' check (24:00 is out of range, not malformed). */
static int minutes_of(const char *s, long *out)
{
  int h, m, used = 0;
  if (sscanf(s, "%2d:%2d%n", &h, &m, &used) != 2 || s[used] || h < 0 || m < 0 || m > 59)
    return 0;
  *out = h * 60 + m;
  return 1;
}

/* One field into its unit; 0 when it is not a number of that kind. */
static int field_value(const char *name, const char *text, long *v)
{
  if (!strcmp(name, "run_at")) return minutes_of(text, v);
  if (!strcmp(name, "discount_bp")) {
    if (!valid_amount(text) || strlen(text) > 6) return 0;
    *v = (long)(strtod(text, NULL) * 100 + 0.5);
    return 1;
  }
  if (!valid_count(text)) return 0;
  *v = atol(text);
  return 1;
}

NEOERR *analysis_settings_save(struct req *r)
{
  struct form fm = { .r = r };
  struct analysis_config c, current;
  char text[32];
  analysis_config_default(&c);
  for (int i = 0; i < ANALYSIS_CONFIG_FIELDS; i++) {
    const char *name = analysis_config_names[i];
    long v;
    form_text(&fm, name, 1, 8, text, sizeof text);
    if (!*text) continue;
    if (field_value(name, text, &v)) analysis_config_set(&c, i, v);
    else form_error(&fm, name, "AnaSettings.Valid.Number");
  }
  /* The ranges and the settings that bound each other: the first one out
   * is marked (the rules' own check). */
  const char *bad = fm.errors ? NULL : analysis_config_invalid(&c);
  if (bad) form_error(&fm, bad, "AnaSettings.Valid.Range");
  const char *version = req_param(r, "version");
  long long v = version && valid_count(version) ? atoll(version) : 0;
  NEOERR *err = hdf_set_int_value(r->hdf, "Form.version", (int)v);
  if (err) {
    nerr_ignore(&fm.err);
    return nerr_pass(err);
  }
  if (form_sent_back(&fm, settings_page, &err)) return nerr_pass(err);
  int saved;
  if ((err = db_analysis_config_save(&r->user, r->ip, &c, (unsigned)v, &current, &saved)))
    return nerr_pass(err);
  if (!saved) {
    /* Someone saved first: theirs beside what was typed, and their
     * version, so that saving again overwrites knowingly. */
    if ((err = put_config(r->hdf, "Current", &current)) ||
        (err = hdf_set_int_value(r->hdf, "Form.version", (int)current.version)) ||
        (err = hdf_set_int_value(r->hdf, "Form.Conflict", 1)))
      return nerr_pass(err);
    r->status = 409;
    return nerr_pass(settings_page(r));
  }
  if ((err = req_flash(r, "AnaSettingsSaved"))) return nerr_pass(err);
  return nerr_pass(req_redirect(r, "/analysis/settings"));
}

NEOERR *analysis_settings_run(struct req *r)
{
  /* The button says what it asks for; anything else is not this form. */
  const char *reason = req_param(r, "reason");
  if (!reason || strcmp(reason, "manual")) return app_fail(r, KERR_BAD_REQUEST, "AnaRunBad");
  unsigned long long id;
  NEOERR *err = db_analysis_request(&r->user, r->ip, "manual", &id);
  if (!err) err = req_flash(r, "AnaRunRequested");
  if (!err) err = req_redirect(r, "/analysis/settings");
  return nerr_pass(err);
}
