/* 工作日历 (/admin/calendar): the working calendar the complaint clocks
 * count in (schema/042, docs/sla-clock.md): worked weekdays, the working
 * spans of a day, the two promises in business hours, holidays and 调休
 * days. One form, version-locked like the other admin forms. */
#include "admin/pages.h"
#include "core/err.h"
#include "core/utf8.h"
#include "core/validate.h"
#include "core/workcal.h"
#include "db/workcal.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DAYS_TEXT_MAX 16000  /* characters of a day list: a year of lines and notes */
#define NOTE_MAX 32          /* work_calendar_days.note */

/* Form.wd.1 ... Form.wd.7: a checkbox each, from the digits of weekdays. */
static NEOERR *weekday_boxes(HDF *hdf, const char *weekdays)
{
  NEOERR *err = STATUS_OK;
  for (int d = 1; d <= 7 && !err; d++) {
    char key[24];
    snprintf(key, sizeof key, "Form.wd.%d", d);
    err = hdf_set_int_value(hdf, key, strchr(weekdays, '0' + d) != NULL);
  }
  return nerr_pass(err);
}

NEOERR *admin_calendar(struct req *r)
{
  NEOERR *err = db_workcal_settings(&r->user, r->hdf, "Form");
  if (!err) err = db_workcal_settings(&r->user, r->hdf, "Current");
  if (!err) err = weekday_boxes(r->hdf, hdf_get_value(r->hdf, "Form.weekdays", ""));
  if (err) return nerr_pass(err);
  return nerr_pass(admin_show(r, "admin/calendar.cs"));
}

/* Business hours typed as "8", "7.5" or "0.25": minutes, or -1 when the
 * shape is wrong or it is not between a quarter hour and 9999 h. */
static long long hours_minutes(const char *s)
{
  long long whole = 0, frac = 0, scale = 1;
  const char *p = s;
  if (*p < '0' || *p > '9') return -1;
  for (; *p >= '0' && *p <= '9'; p++) {
    whole = whole * 10 + (*p - '0');
    if (whole > 9999) return -1;
  }
  if (*p == '.') {
    for (p++; *p >= '0' && *p <= '9' && scale < 100; p++) {
      frac = frac * 10 + (*p - '0');
      scale *= 10;
    }
    if (scale == 1) return -1;
  }
  if (*p) return -1;
  long long minutes = whole * 60 + (frac * 60 + scale / 2) / scale;
  return minutes >= 15 ? minutes : -1;
}

/* Each non-empty line a day ("YYYY-MM-DD 国庆节"); the days into *days. */
static void check_days(struct form *fm, const char *name, const char *text, long *days, int *n)
{
  *n = 0;
  for (const char *p = text; *p;) {
    size_t len = strcspn(p, "\r\n");
    char line[200];
    int too_long = len >= sizeof line;
    snprintf(line, sizeof line, "%.*s", (int)(too_long ? sizeof line - 1 : len), p);
    p += len;
    while (*p == '\r' || *p == '\n') p++;
    char *end = line + strlen(line);
    while (end > line && (end[-1] == ' ' || end[-1] == '\t')) *--end = '\0';
    if (!*line) continue;
    long day;
    const char *note;
    if (too_long || !workcal_parse_day_line(line, &day, &note)) {
      form_error(fm, name, "Admin.Valid.DayLine");
      return;
    }
    if (utf8_len(note) > NOTE_MAX) {
      form_error(fm, name, "Admin.Valid.DayNote");
      return;
    }
    if (!workcal_add_day(days, n, day)) {
      form_error(fm, name, "Admin.Valid.DaysTooMany");
      return;
    }
  }
}

/* The form's fields into *s; field errors on fm. The day texts live in
 * holidays and workdays (DAYS_TEXT_MAX characters of UTF-8 each). */
static NEOERR *read_form(struct req *r, struct form *fm, struct workcal_settings *s,
                         char *holidays, char *workdays, size_t n)
{
  static struct workcal cal;      /* large: the day lists */
  char key[16], first[16], res[16];
  size_t w = 0;
  for (int d = 1; d <= 7; d++) {
    snprintf(key, sizeof key, "wd%d", d);
    const char *v = req_param(r, key);
    if (v && !strcmp(v, "1")) s->weekdays[w++] = (char)('0' + d);
  }
  s->weekdays[w] = '\0';
  NEOERR *err = weekday_boxes(r->hdf, s->weekdays);
  if (err) return nerr_pass(err);
  if (!w) form_error(fm, "weekdays", "Admin.Valid.Weekdays");
  form_text(fm, "hours", 1, WORKCAL_HOURS_MAX, s->hours, sizeof s->hours);
  memset(&cal, 0, sizeof cal);
  if (*s->hours) {
    enum workcal_bad bad = workcal_parse_hours(s->hours, &cal);
    if (bad == WORKCAL_ORDER) form_error(fm, "hours", "Admin.Valid.HoursOrder");
    else if (bad == WORKCAL_TOO_MANY) form_error(fm, "hours", "Admin.Valid.HoursMany");
    else if (bad) form_error(fm, "hours", "Admin.Valid.Hours");
    else workcal_format_hours(&cal, s->hours, sizeof s->hours);
  }
  form_text(fm, "first_hours", 1, 8, first, sizeof first);
  form_text(fm, "resolution_hours", 1, 8, res, sizeof res);
  s->first_minutes = *first ? hours_minutes(first) : 0;
  s->resolution_minutes = *res ? hours_minutes(res) : 0;
  if (*first && s->first_minutes < 0) form_error(fm, "first_hours", "Admin.Valid.Promise");
  if (*res && s->resolution_minutes < 0) form_error(fm, "resolution_hours", "Admin.Valid.Promise");
  else if (*res && s->first_minutes > 0 && s->resolution_minutes < s->first_minutes)
    form_error(fm, "resolution_hours", "Admin.Valid.PromiseOrder");
  form_text(fm, "holidays", 0, DAYS_TEXT_MAX, holidays, n);
  form_text(fm, "workdays", 0, DAYS_TEXT_MAX, workdays, n);
  check_days(fm, "holidays", holidays, cal.holidays, &cal.nholidays);
  check_days(fm, "workdays", workdays, cal.workdays, &cal.nworkdays);
  for (int i = 0; i < cal.nworkdays; i++)
    if (!workcal_is_workday(&cal, cal.workdays[i])) {
      form_error(fm, "workdays", "Admin.Valid.DayBoth");
      break;
    }
  s->holidays = holidays;
  s->workdays = workdays;
  return STATUS_OK;
}

NEOERR *admin_calendar_save(struct req *r)
{
  NEOERR *err = db_workcal_settings(&r->user, r->hdf, "Current");
  if (err) return nerr_pass(err);
  struct form fm = { .r = r };
  struct workcal_settings s;
  memset(&s, 0, sizeof s);
  size_t n = DAYS_TEXT_MAX * 4 + 1;
  char *holidays = malloc(n), *workdays = malloc(n);
  if (!holidays || !workdays) {
    free(holidays);
    free(workdays);
    return nerr_raise(NERR_NOMEM, "calendar form");
  }
  err = read_form(r, &fm, &s, holidays, workdays, n);
  const char *version = req_param(r, "version");
  long long v = version && valid_count(version) ? atoll(version) : 0;
  enum catalog_outcome outcome = CATALOG_SAVED;
  if (!err && !(err = form_finish(&fm)) && !(err = hdf_set_int_value(r->hdf, "Form.version", (int)v)) &&
      !fm.errors)
    err = db_workcal_save(&r->user, r->ip, v, &s, &outcome);
  free(holidays);
  free(workdays);
  if (err) return nerr_pass(err);
  if (outcome == CATALOG_MISSING) return app_fail(r, KERR_NOT_FOUND, "AdminNotFound");
  if (outcome == CATALOG_STALE &&
      ((err = hdf_set_int_value(r->hdf, "Form.Conflict", 1)) ||
       (err = hdf_set_value(r->hdf, "Form.version",
                            hdf_get_value(r->hdf, "Current.version", "0")))))
    return nerr_pass(err);
  if (fm.errors || outcome != CATALOG_SAVED) {
    r->status = outcome == CATALOG_STALE ? 409 : 422;
    return nerr_pass(admin_show(r, "admin/calendar.cs"));
  }
  if ((err = req_flash(r, "CalendarSaved"))) return nerr_pass(err);
  return nerr_pass(req_redirect(r, "/admin/calendar"));
}
