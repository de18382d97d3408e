/* The report's period, dimension and region. Periods are whole months,
 * quarters or years (the batch's period_kind 1, 2, 3); the default is the
 * latest one that ended by the run's as_of, because a period still running
 * compares badly with whole ones (it can still be chosen). */
#include "analysis/report.h"
#include "core/err.h"
#include "core/list_filter.h"
#include "db/analysis_settings.h"
#include "db/customer.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* In the order of enum report_dim from RDIM_REGION, and of the kinds 1..3. */
static const char *const dims[] = { "region", "class", "size", "category", "product", "owner",
                                    "postal", NULL };
static const char *const kinds[] = { "month", "quarter", "year", NULL };
static const int months_of[] = { 0, 1, 3, 12 };

/* region=0 is every region (the menu's 全部); not a number is a 400, not
 * one of the user's regions a 404. */
#define REGION_FIELD                                                                   \
  { .name = "region", .kind = LF_ID, .min = 0, .max = 65535, .dflt = "0",                \
    .opts = LF_STRICT, .listed = "Regions", .missing = "ReportRegion" }
static const struct lf_field region_only[] = { REGION_FIELD };

/* The period, its kind and the dimension are what the report is of, not a
 * narrowing: they do not open the fold. A malformed one is a 400. */
static const struct lf_field fields[] = {
  { .name = "p", .kind = LF_TEXT, .max = 16, .opts = LF_STRICT | LF_NOFOLD,
    .missing = "ReportPeriod" },
  { .name = "kind", .kind = LF_CHOICE, .choices = kinds, .opts = LF_STRICT | LF_NOFOLD,
    .missing = "ReportPeriod" },
  { .name = "dim", .kind = LF_CHOICE, .choices = dims, .dflt = "region",
    .opts = LF_STRICT | LF_NOFOLD, .missing = "ReportDim" },
  REGION_FIELD,
};

/* The word's place in words, from 1; 0 when unset. */
static int pick(const char *v, const char *const *words)
{
  for (int i = 0; v && words[i]; i++)
    if (!strcmp(v, words[i])) return i + 1;
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
  struct list_filter lf;
  NEOERR *err = db_region_list(&r->user, r->hdf, "Regions");
  if (!err) err = list_filter_parse(r, &lf, region_only, 1);
  if (err) return nerr_pass(err);
  *id = (unsigned)lf_num(&lf, "region");
  return nerr_pass(list_filter_write(r, &lf));
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
  struct list_filter lf;
  int asked = -1, kind = 1, found = 0;
  memset(f, 0, sizeof *f);
  NEOERR *err = db_region_list(&r->user, h, "Regions");
  if (!err) err = list_filter_parse(r, &lf, fields, (int)(sizeof fields / sizeof fields[0]));
  if (err) return nerr_pass(err);
  const char *p = lf_word(&lf, "p");
  if (p && !(kind = period_parse(p, &asked)))
    return nerr_pass(app_fail(r, KERR_BAD_REQUEST, "ReportPeriod"));
  int want = pick(lf_word(&lf, "kind"), kinds);
  /* The form sends the period menu of the kind it showed: a new kind
   * starts from that kind's latest complete period. */
  if (want && want != kind) {
    asked = -1;
    kind = want;
  }
  int dim = pick(lf_word(&lf, "dim"), dims);
  char first[11], last[11];
  if ((err = db_analysis_last_run(h, "Run", &found)) ||
      (err = db_report_span(kind, first, last)))
    return nerr_pass(err);
  int oldest = start_month(first), newest = start_month(last);
  if ((err = set_menu(h, kind, oldest, newest))) return nerr_pass(err);
  f->q.region_id = (unsigned)lf_num(&lf, "region");
  f->q.kind = kind;
  f->q.dim = dim;
  f->q.start = f->start;
  f->q.prev = f->prev;
  f->q.year_ago = f->year_ago;
  lf_set(&lf, "kind", kinds[kind - 1]);
  int m = found ? period_choose(kind, oldest, newest, asked, hdf_get_value(h, "Run.as_of", "")) : -1;
  if (m < 0 && asked >= 0 && found)
    return nerr_pass(app_fail(r, KERR_NOT_FOUND, "ReportNoPeriod"));
  if (m >= 0) {
    f->have_run = 1;
    int step = months_of[kind];
    period_days(kind, m, f->start, f->end);
    period_days(kind, m - step, f->prev, f->prev_end);
    period_days(kind, m - 12, f->year_ago, f->year_end);
    period_label(kind, m, f->label, sizeof f->label);
    period_label(kind, m - step, f->prev_label, sizeof f->prev_label);
    period_label(kind, m - 12, f->year_label, sizeof f->year_label);
  }
  /* Nothing stored yet: no period, and the page says so. */
  lf_set(&lf, "p", f->have_run ? f->label : NULL);
  if ((err = list_filter_write(r, &lf)) || !f->have_run) return nerr_pass(err);
  if ((err = hdf_set_value(h, "Filter.prev", f->prev_label)) ||
      (err = hdf_set_value(h, "Filter.year", f->year_label)) ||
      (err = hdf_set_value(h, "Filter.start", f->start)) ||
      (err = hdf_set_value(h, "Filter.end", f->end)))
    return nerr_pass(err);
  return STATUS_OK;
}
