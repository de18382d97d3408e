/* The report's period, dimension and region. Periods are whole months,
 * quarters or years (the batch's period_kind 1, 2, 3); the default is the
 * latest one that ended by the run's as_of, because a period still running
 * compares badly with whole ones (it can still be chosen). */
#include "analysis/report.h"
#include "core/err.h"
#include "core/listed.h"
#include "db/analysis_settings.h"
#include "db/customer.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const dims[] = { NULL, "region", "class", "size", "category", "product",
                                    "owner", "postal" };
static const char *const kinds[] = { NULL, "month", "quarter", "year" };
static const int months_of[] = { 0, 1, 3, 12 };

static int pick(const char *v, const char *const *names, int n)
{
  for (int i = 1; v && i < n; i++)
    if (!strcmp(v, names[i])) return i;
  return 0;
}

static int digits(const char *s, int n)
{
  for (int i = 0; i < n; i++)
    if (!isdigit((unsigned char)s[i])) return 0;
  return 1;
}

/* "2026-11", "2026-Q3" or "2026" as its kind and first month (y * 12 +
 * m - 1); 0 when it is none of them. */
static int period_parse(const char *s, int *month)
{
  size_t n = s ? strlen(s) : 0;
  if (n < 4 || !digits(s, 4)) return 0;
  int y = atoi(s);
  if (y < 2000 || y > 2099) return 0;
  if (n == 4) { *month = y * 12; return 3; }
  if (n == 7 && s[4] == '-' && s[5] == 'Q' && s[6] >= '1' && s[6] <= '4') {
    *month = y * 12 + (s[6] - '1') * 3;
    return 2;
  }
  if (n == 7 && s[4] == '-' && digits(s + 5, 2)) {
    int m = atoi(s + 5);
    if (m < 1 || m > 12) return 0;
    *month = y * 12 + m - 1;
    return 1;
  }
  return 0;
}

static void period_label(int kind, int month, char *out, size_t n)
{
  unsigned y = (unsigned)(month / 12) % 10000u, m = (unsigned)(month % 12) % 12u;
  if (kind == 3) snprintf(out, n, "%04u", y);
  else if (kind == 2) snprintf(out, n, "%04u-Q%u", y, m / 3 + 1);
  else snprintf(out, n, "%04u-%02u", y, m + 1);
}

static int month_days(int month)
{
  static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int y = month / 12, m = month % 12;
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d[m] + (m == 1 && leap);
}

/* First and last day of the period of `kind` starting at `month`. */
static void period_days(int kind, int month, char *first, char *last)
{
  int lm = month + months_of[kind] - 1;
  snprintf(first, 11, "%04u-%02u-01", (unsigned)(month / 12) % 10000u,
           (unsigned)(month % 12) % 12u + 1);
  snprintf(last, 11, "%04u-%02u-%02u", (unsigned)(lm / 12) % 10000u,
           (unsigned)(lm % 12) % 12u + 1, (unsigned)month_days(lm) % 100u);
}

/* A stored first day "YYYY-MM-DD" as a month number, or -1. */
static int start_month(const char *s)
{
  if (strlen(s) != 10 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2)) return -1;
  return atoi(s) * 12 + atoi(s + 5) - 1;
}

/* The period's choice among those with stored results, the periods of
 * the kind from the oldest (`oldest`) to the newest (`newest`) stored
 * start: the asked one must be among them; without one, the newest that
 * ended by as_of, else the newest. -1: none. */
static int period_choose(int kind, int oldest, int newest, int asked, const char *as_of)
{
  int step = months_of[kind];
  char first[11], last[11];
  if (oldest < 0 || newest < oldest) return -1;
  if (asked >= 0)
    return asked >= oldest && asked <= newest && (asked - oldest) % step == 0 ? asked : -1;
  for (int m = newest; m >= oldest; m -= step) {
    period_days(kind, m, first, last);
    if (strcmp(last, as_of) <= 0) return m;
  }
  return newest;
}

NEOERR *report_region(struct req *r, unsigned *id)
{
  /* A region parameter that is there but not a number is a bad request,
   * not "every region". */
  const char *v = req_param(r, "region");
  long long n = req_param_int(r, "region", -1, 0, 65535);
  if (v && *v && n < 0) return nerr_pass(app_fail(r, KERR_BAD_REQUEST, "ReportRegion"));
  *id = n < 0 ? 0 : (unsigned)n;
  NEOERR *err = db_region_list(&r->user, r->hdf, "Regions");
  if (!err) err = listed_check(r, "Regions", *id, "ReportRegion");
  if (!err) err = hdf_set_int_value(r->hdf, "Filter.region", (int)*id);
  return nerr_pass(err);
}

/* The period menu, newest first (at most MENU_MAX of them). */
#define MENU_MAX 240
static NEOERR *set_menu(HDF *h, int kind, int oldest, int newest)
{
  char key[48], label[12];
  int i = 0;
  for (int m = newest; oldest >= 0 && m >= oldest && i < MENU_MAX; m -= months_of[kind], i++) {
    period_label(kind, m, label, sizeof label);
    snprintf(key, sizeof key, "Periods.%d.label", i);
    NEOERR *err = hdf_set_value(h, key, label);
    if (err) return nerr_pass(err);
  }
  return STATUS_OK;
}

NEOERR *report_filter_parse(struct req *r, struct report_filter *f)
{
  HDF *h = r->hdf;
  const char *p = req_param(r, "p"), *k = req_param(r, "kind"), *d = req_param(r, "dim");
  int asked = -1, kind = 1, dim = RDIM_REGION, found = 0;
  memset(f, 0, sizeof *f);
  if (p && *p && !(kind = period_parse(p, &asked)))
    return nerr_pass(app_fail(r, KERR_BAD_REQUEST, "ReportPeriod"));
  if (k && *k) {
    int want = pick(k, kinds, 4);
    if (!want) return nerr_pass(app_fail(r, KERR_BAD_REQUEST, "ReportPeriod"));
    /* The form sends the period menu of the kind it showed: a new kind
     * starts from that kind's latest complete period. */
    if (want != kind) asked = -1;
    kind = want;
  }
  if (d && *d && !(dim = pick(d, dims, 8)))
    return nerr_pass(app_fail(r, KERR_BAD_REQUEST, "ReportDim"));
  NEOERR *err;
  char first[11], last[11];
  if ((err = report_region(r, &f->q.region_id)) ||
      (err = db_analysis_last_run(h, "Run", &found)) ||
      (err = db_report_span(kind, first, last)))
    return nerr_pass(err);
  int oldest = start_month(first), newest = start_month(last);
  if ((err = set_menu(h, kind, oldest, newest))) return nerr_pass(err);
  f->q.kind = kind;
  f->q.dim = dim;
  f->q.start = f->start;
  f->q.prev = f->prev;
  f->q.year_ago = f->year_ago;
  if ((err = hdf_set_value(h, "Filter.kind", kinds[kind])) ||
      (err = hdf_set_value(h, "Filter.dim", dims[dim])))
    return nerr_pass(err);
  int m = found ? period_choose(kind, oldest, newest, asked, hdf_get_value(h, "Run.as_of", "")) : -1;
  if (m < 0) {
    if (asked >= 0 && found) return nerr_pass(app_fail(r, KERR_NOT_FOUND, "ReportNoPeriod"));
    return STATUS_OK;          /* nothing stored yet: the page says so */
  }
  f->have_run = 1;
  int step = months_of[kind];
  period_days(kind, m, f->start, f->end);
  period_days(kind, m - step, f->prev, f->prev_end);
  period_days(kind, m - 12, f->year_ago, f->year_end);
  period_label(kind, m, f->label, sizeof f->label);
  period_label(kind, m - step, f->prev_label, sizeof f->prev_label);
  period_label(kind, m - 12, f->year_label, sizeof f->year_label);
  char qs[96];
  snprintf(qs, sizeof qs, "p=%s&dim=%s&region=%u", f->label, dims[dim], f->q.region_id);
  if ((err = hdf_set_value(h, "Filter.p", f->label)) ||
      (err = hdf_set_value(h, "Filter.prev", f->prev_label)) ||
      (err = hdf_set_value(h, "Filter.year", f->year_label)) ||
      (err = hdf_set_value(h, "Filter.start", f->start)) ||
      (err = hdf_set_value(h, "Filter.end", f->end)) ||
      (err = hdf_set_value(h, "Filter.Query", qs)))
    return nerr_pass(err);
  return STATUS_OK;
}
