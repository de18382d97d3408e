/* The working calendar (schema/042): the clocks' copy, the settings form's
 * read and save. The complaint clocks themselves are in complaint_clock.c. */
#include "db/workcal.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/kept.h"
#include "db/user_admin.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static DB_STMT version_now = DB_STMT_INIT("SELECT version FROM work_calendar WHERE id = 1");
static DB_STMT calendar = DB_STMT_INIT(
    "SELECT weekdays, hours, first_response_minutes, resolution_minutes, version"
    " FROM work_calendar WHERE id = 1");
static DB_STMT days = DB_STMT_INIT(
    "SELECT day, kind, note FROM work_calendar_days ORDER BY day");

/* The calendar kept under its version. Two slots: a calendar saved in
 * the middle of a request leaves the one the request holds in place. */
static struct kept_map calendars = KEPT_MAP(2, 0);
/* The version last read, kept for the rest of the second: a request that
 * counts with the calendar several times (the public form's promise and
 * the complaint's due times) reads it once. */
static struct kept_map checked = KEPT_MAP(1, 1);
static const char version_key[] = "version";

/* The stored calendar into *c (a bad stored row keeps the defaults'
 * shape: the settings form only stores what parses). */
static NEOERR *read_calendar(struct workcal *c, long long *version)
{
  int more;
  memset(c, 0, sizeof *c);
  NEOERR *err = db_exec(&calendar, "");
  if (!err) err = db_next(&calendar, &more);
  if (err) return nerr_pass(err);
  if (more) {
    int w = workcal_parse_weekdays(db_str(&calendar, 0));
    c->weekdays = w > 0 ? (unsigned)w : 0;
    workcal_parse_hours(db_str(&calendar, 1), c);
    c->first_minutes = (int)db_int(&calendar, 2);
    c->resolve_minutes = (int)db_int(&calendar, 3);
    *version = db_int(&calendar, 4);
  }
  db_done(&calendar);
  if ((err = db_exec(&days, ""))) return nerr_pass(err);
  while (!(err = db_next(&days, &more)) && more) {
    long day;
    const char *note;
    if (!workcal_parse_day_line(db_str(&days, 0), &day, &note)) continue;
    if (!strcmp(db_str(&days, 1), "holiday")) workcal_add_day(c->holidays, &c->nholidays, day);
    else workcal_add_day(c->workdays, &c->nworkdays, day);
  }
  db_done(&days);
  return nerr_pass(err);
}

static NEOERR *stored_version(long long *v)
{
  const long long *seen = kept_get(&checked, version_key, sizeof version_key - 1, 0, NULL);
  if (seen) {
    *v = *seen;
    return STATUS_OK;
  }
  int more;
  *v = 0;
  NEOERR *err = db_exec(&version_now, "");
  if (!err) err = db_next(&version_now, &more);
  if (!err && more) *v = db_int(&version_now, 0);
  db_done(&version_now);
  if (!err) kept_put(&checked, version_key, sizeof version_key - 1, 0, v, sizeof *v);
  return nerr_pass(err);
}

NEOERR *db_workcal(const struct workcal **out)
{
  long long v;
  NEOERR *err = stored_version(&v);
  if (err) return nerr_pass(err);
  if ((*out = kept_get(&calendars, &v, sizeof v, 0, NULL))) return STATUS_OK;
  /* large (the day lists), and where *out points when keeping failed */
  static struct workcal fresh;
  long long read_v = 0;
  if ((err = read_calendar(&fresh, &read_v))) return nerr_pass(err);
  /* Kept under the version read with it (saved in between: a newer one),
   * which is the one checked from now on. A calendar already kept is not
   * replaced: a caller may hold it. */
  kept_put(&checked, version_key, sizeof version_key - 1, 0, &read_v, sizeof read_v);
  if (!kept_get(&calendars, &read_v, sizeof read_v, 0, NULL))
    kept_put(&calendars, &read_v, sizeof read_v, 0, &fresh, sizeof fresh);
  if (!(*out = kept_get(&calendars, &read_v, sizeof read_v, 0, NULL))) *out = &fresh;
  return STATUS_OK;
}

static DB_STMT settings = DB_STMT_INIT(
    "SELECT w.weekdays, w.hours, w.first_response_minutes, w.resolution_minutes, w.version,"
    " COALESCE(DATE_FORMAT(w.updated_at, '%Y-%m-%d %H:%i'), ''), COALESCE(u.display_name, '')"
    " FROM work_calendar w LEFT JOIN users u ON u.id = w.updated_by WHERE w.id = 1");

/* The day lines of one kind, each "YYYY-MM-DD note". */
static NEOERR *day_lines(const char *kind, HDF *hdf, const char *name)
{
  NEOERR *err = db_exec(&days, "");
  if (err) return nerr_pass(err);
  STRING text;
  string_init(&text);
  int more;
  while (!err && !(err = db_next(&days, &more)) && more) {
    if (strcmp(db_str(&days, 1), kind)) continue;
    const char *note = db_str(&days, 2);
    err = string_appendf(&text, "%s%s%s\n", db_str(&days, 0), *note ? " " : "", note);
  }
  db_done(&days);
  if (!err) err = hdf_set_value(hdf, name, text.buf ? text.buf : "");
  string_clear(&text);
  return nerr_pass(err);
}

NEOERR *db_workcal_settings(const struct user *who, HDF *hdf, const char *prefix)
{
  int more;
  char name[96], first[24] = "", res[24] = "";
  NEOERR *err = db_admin_only(who);
  if (!err) err = db_exec(&settings, "");
  if (!err) err = db_next(&settings, &more);
  if (!err && more) {
    workcal_hours_text(db_int(&settings, 2), first, sizeof first);
    workcal_hours_text(db_int(&settings, 3), res, sizeof res);
    static const char *const cols[] = { "weekdays", "hours", NULL, NULL, "version", "updated_at",
                                        "updated_by_name" };
    for (int i = 0; i < 7 && !err; i++) {
      if (!cols[i]) continue;
      snprintf(name, sizeof name, "%s.%s", prefix, cols[i]);
      err = hdf_set_value(hdf, name, db_str(&settings, i));
    }
    snprintf(name, sizeof name, "%s.first_hours", prefix);
    if (!err) err = hdf_set_value(hdf, name, first);
    snprintf(name, sizeof name, "%s.resolution_hours", prefix);
    if (!err) err = hdf_set_value(hdf, name, res);
  }
  db_done(&settings);
  snprintf(name, sizeof name, "%s.holidays", prefix);
  if (!err) err = day_lines("holiday", hdf, name);
  snprintf(name, sizeof name, "%s.workdays", prefix);
  if (!err) err = day_lines("workday", hdf, name);
  return nerr_pass(err);
}

static DB_STMT lock = DB_STMT_INIT(
    "SELECT version, weekdays, hours, first_response_minutes, resolution_minutes,"
    " (SELECT COUNT(*) FROM work_calendar_days WHERE kind = 'holiday'),"
    " (SELECT COUNT(*) FROM work_calendar_days WHERE kind = 'workday')"
    " FROM work_calendar WHERE id = 1 FOR UPDATE");
static DB_STMT update = DB_STMT_INIT(
    "UPDATE work_calendar SET weekdays = ?, hours = ?, first_response_minutes = ?,"
    " resolution_minutes = ?, version = version + 1, updated_by = ?, updated_at = NOW()"
    " WHERE id = 1");
static DB_STMT clear_days = DB_STMT_INIT("DELETE FROM work_calendar_days");
/* A date on both lists stays a holiday (workcal_is_workday reads it so). */
static DB_STMT add_day = DB_STMT_INIT(
    "INSERT INTO work_calendar_days (day, kind, note) VALUES (?, ?, ?)"
    " ON DUPLICATE KEY UPDATE kind = IF(VALUES(kind) = 'holiday', 'holiday', kind)");

/* Each line of text that names a day; *n counts them. */
static NEOERR *save_days(const char *text, const char *kind, int *n)
{
  NEOERR *err = STATUS_OK;
  *n = 0;
  for (const char *p = text ? text : ""; *p && !err;) {
    size_t len = strcspn(p, "\r\n");
    char line[160];
    snprintf(line, sizeof line, "%.*s", (int)(len < sizeof line ? len : sizeof line - 1), p);
    p += len;
    while (*p == '\r' || *p == '\n') p++;
    long day;
    const char *note;
    if (!workcal_parse_day_line(line, &day, &note)) continue;
    char date[11];
    snprintf(date, sizeof date, "%.10s", line);
    err = db_exec(&add_day, "sss", date, kind, note);
    (*n)++;
  }
  return nerr_pass(err);
}

NEOERR *db_workcal_save(const struct user *who, const char *ip, long long version,
                        const struct workcal_settings *s, enum catalog_outcome *outcome)
{
  *outcome = CATALOG_SAVED;
  int more, nh = 0, nw = 0;
  NEOERR *err = db_admin_only(who);
  if (!err) err = db_begin();
  if (err) return nerr_pass(err);
  char detail[600];
  if ((err = db_exec(&lock, "")) || (err = db_next(&lock, &more))) goto done;
  if (!more) *outcome = CATALOG_MISSING;
  else if (db_int(&lock, 0) != version) *outcome = CATALOG_STALE;
  if (*outcome != CATALOG_SAVED) goto done;
  int at = snprintf(detail, sizeof detail,
                    "from weekdays=%s hours=%s first=%s resolution=%s holidays=%s workdays=%s;",
                    db_str(&lock, 1), db_str(&lock, 2), db_str(&lock, 3), db_str(&lock, 4),
                    db_str(&lock, 5), db_str(&lock, 6));
  db_done(&lock);
  if (at < 0 || (size_t)at >= sizeof detail) at = (int)sizeof detail - 1;
  if ((err = db_exec(&update, "ssiii", s->weekdays, s->hours, s->first_minutes,
                     s->resolution_minutes, (long long)who->id)) ||
      (err = db_exec(&clear_days, "")) || (err = save_days(s->holidays, "holiday", &nh)) ||
      (err = save_days(s->workdays, "workday", &nw)))
    goto done;
  snprintf(detail + at, sizeof detail - (size_t)at,
           " to weekdays=%s hours=%s first=%lld resolution=%lld holidays=%d workdays=%d",
           s->weekdays, s->hours, s->first_minutes, s->resolution_minutes, nh, nw);
  err = db_audit(who, ip, "update", "work_calendar", 1, detail);
done:
  db_done(&lock);
  if (!err && *outcome == CATALOG_SAVED) return nerr_pass(db_commit());
  db_rollback();
  return nerr_pass(err);
}
