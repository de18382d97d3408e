/* The overview's filter: a period of whole months (the summary tables are
 * monthly) and a region. Quick choices name periods that end this month. */
#include "complaint_stats/pages.h"
#include "core/clock.h"
#include "core/err.h"
#include "core/listed.h"
#include "db/customer.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_MONTHS 120       /* ten years: the chart and table stay readable */

/* Months count from year 0: y * 12 + (m - 1). */
static int month_now(void)
{
  struct tm tm = china_now();
  return (tm.tm_year + 1900) * 12 + tm.tm_mon;
}

/* "YYYY-MM" (2000..2099) as a month number, or -1. */
static int month_parse(const char *s)
{
  if (!s || strlen(s) != 7 || s[4] != '-') return -1;
  for (int i = 0; i < 7; i++)
    if (i != 4 && !isdigit((unsigned char)s[i])) return -1;
  int y = atoi(s), m = atoi(s + 5);
  if (y < 2000 || y > 2099 || m < 1 || m > 12) return -1;
  return y * 12 + m - 1;
}

static void month_fmt(int mo, char *out, size_t n, int day)
{
  unsigned y = (unsigned)(mo / 12) % 10000u, m = (unsigned)(mo % 12) % 12u + 1;
  snprintf(out, n, day ? "%04u-%02u-01" : "%04u-%02u", y, m);
}

NEOERR *stats_filter_parse(struct req *r, struct stats_filter *f)
{
  static const char *quick[] = { "month", "3m", "12m", "year" };
  HDF *h = r->hdf;
  NEOERR *err;
  int now = month_now(), from = -1, to = -1;
  const char *q = req_param(r, "quick"), *chosen = NULL;
  for (size_t i = 0; q && i < sizeof quick / sizeof quick[0]; i++)
    if (strcmp(q, quick[i]) == 0) chosen = quick[i];
  if (!chosen) {
    from = month_parse(req_param(r, "from"));
    to = month_parse(req_param(r, "to"));
    if (from < 0 && to < 0) chosen = "12m";   /* the default view */
    else if (from < 0) from = to - 11;
    else if (to < 0) {
      to = from + 11;
      if (to > now) to = now > from ? now : from;
    }
  }
  if (chosen) {
    to = now;
    from = !strcmp(chosen, "month") ? now : !strcmp(chosen, "3m") ? now - 2
         : !strcmp(chosen, "year") ? now - now % 12 : now - 11;
  }
  if (from > to) { int t = from; from = to; to = t; }
  if (to - from >= MAX_MONTHS) from = to - MAX_MONTHS + 1;
  memset(f, 0, sizeof *f);
  month_fmt(from, f->from, sizeof f->from, 1);
  month_fmt(to, f->to, sizeof f->to, 1);
  month_fmt(to + 1, f->end, sizeof f->end, 1);
  f->region_id = (unsigned)req_param_int(r, "region", 0, 0, 65535);

  if ((err = db_region_list(&r->user, h, "Regions")) ||
      (err = listed_check(r, "Regions", f->region_id, "StatsRegion")))
    return nerr_pass(err);
  char a[8], b[8], qs[64];
  month_fmt(from, a, sizeof a, 0);
  month_fmt(to, b, sizeof b, 0);
  snprintf(qs, sizeof qs, "from=%s&to=%s&region=%u", a, b, f->region_id);
  if ((err = hdf_set_value(h, "Filter.from", a)) || (err = hdf_set_value(h, "Filter.to", b)) ||
      (err = hdf_set_value(h, "Filter.quick", chosen ? chosen : "")) ||
      (err = hdf_set_int_value(h, "Filter.region", (int)f->region_id)) ||
      (err = hdf_set_value(h, "Filter.Query", qs)))
    return nerr_pass(err);
  /* Every month of the period, for the by-month table (months without
   * complaints show as zeros). */
  char key[48];
  for (int m = from, i = 0; m <= to; m++, i++) {
    snprintf(key, sizeof key, "Period.%d", i);
    month_fmt(m, a, sizeof a, 0);
    if ((err = hdf_set_value(h, key, a))) return nerr_pass(err);
  }
  return STATUS_OK;
}
