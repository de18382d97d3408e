#ifndef KEHU_DB_WORKCAL_H
#define KEHU_DB_WORKCAL_H
/* The working calendar of the complaint clocks (schema/042): read for the
 * clocks, shown and saved on /admin/calendar (admins only, audited,
 * version-locked). docs/sla-clock.md. */
#include "core/req.h"
#include "core/workcal.h"
#include "db/catalog_admin.h"

/* The calendar as the clocks use it. Kept per process and read again when
 * the calendar's version moved; the version is read at most once a second
 * (a primary-key read), so a saved calendar counts within a second in
 * every program. *out stays valid for the request. */
NEOERR *db_workcal(const struct workcal **out);

/* What the settings form shows under prefix: weekdays ("12345"), hours,
 * first_hours and resolution_hours (business hours, "8" or "7.5"),
 * holidays and workdays (one "YYYY-MM-DD note" a line), version,
 * updated_at, updated_by_name. */
NEOERR *db_workcal_settings(const struct user *who, HDF *hdf, const char *prefix);

/* A checked form (cgi-bin/admin/calendar.c): the day lists are texts of
 * lines that workcal_parse_day_line accepts, or empty lines. */
struct workcal_settings {
  char weekdays[8];
  char hours[WORKCAL_HOURS_MAX + 1];
  long long first_minutes, resolution_minutes;
  const char *holidays, *workdays;
};
/* Saves it when version is the stored one (CATALOG_STALE when not). */
NEOERR *db_workcal_save(const struct user *who, const char *ip, long long version,
                        const struct workcal_settings *s, enum catalog_outcome *outcome);
#endif
