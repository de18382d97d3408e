/* The overview's filter: a period of whole months (the summary tables are
 * monthly) and a region. Quick choices name periods that end this month. */
#include "complaint_stats/pages.h"
#include "core/clock.h"
#include "core/err.h"
#include "core/list_filter.h"
#include "db/customer.h"
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

static void month_fmt(int mo, char *out, size_t n, int day)
{
  unsigned y = (unsigned)(mo / 12) % 10000u, m = (unsigned)(mo % 12) % 12u + 1;
  snprintf(out, n, day ? "%04u-%02u-01" : "%04u-%02u", y, m);
}

static const char *const quick[] = { "month", "3m", "12m", "year", NULL };

/* The period's links spell out from and to, so quick is not in them. */
static const struct lf_field fields[] = {
  { .name = "quick", .kind = LF_CHOICE, .choices = quick, .opts = LF_NOQS | LF_NOFOLD },
  { .name = "from", .kind = LF_MONTH, .opts = LF_NOFOLD },
  { .name = "to", .kind = LF_MONTH, .opts = LF_NOFOLD },
  { .name = "region", .kind = LF_ID, .min = 1, .max = 65535, .listed = "Regions",
    .missing = "StatsRegion" },
};

NEOERR *stats_filter_parse(struct req *r, struct stats_filter *f)
{
  HDF *h = r->hdf;
  struct list_filter lf;
  NEOERR *err;
  if ((err = db_region_list(&r->user, h, "Regions")) ||
      (err = list_filter_parse(r, &lf, fields, (int)(sizeof fields / sizeof fields[0]))))
    return nerr_pass(err);
  int now = month_now(), from = -1, to = -1;
  const char *chosen = lf_word(&lf, "quick");
  if (!chosen) {
    if (lf_word(&lf, "from")) from = (int)lf_num(&lf, "from");
    if (lf_word(&lf, "to")) to = (int)lf_num(&lf, "to");
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
    lf_set(&lf, "quick", chosen);
  }
  if (from > to) { int t = from; from = to; to = t; }
  if (to - from >= MAX_MONTHS) from = to - MAX_MONTHS + 1;
  memset(f, 0, sizeof *f);
  month_fmt(from, f->from, sizeof f->from, 1);
  month_fmt(to, f->to, sizeof f->to, 1);
  month_fmt(to + 1, f->end, sizeof f->end, 1);
  f->region_id = (unsigned)lf_num(&lf, "region");
  char a[8];
  month_fmt(from, a, sizeof a, 0);
  lf_set(&lf, "from", a);
  month_fmt(to, a, sizeof a, 0);
  lf_set(&lf, "to", a);
  if ((err = list_filter_write(r, &lf))) return nerr_pass(err);
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
