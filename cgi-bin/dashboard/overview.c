/* GET /dashboard: the dealer table of a region (or of every region the user
 * may see), the charts with their numbers in tables (static/charts.js
 * draws them; without JavaScript the tables are the page) and the
 * warnings. Every figure comes from the summaries of schema/014. */
#include "dashboard/figures.h"
#include "core/format.h"
#include "dashboard/pages.h"
#include "core/i18n.h"
#include "core/page.h"
#include "core/render.h"
#include "db/dashboard_charts.h"
#include "db/kept.h"
#include "db/support_return.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double num(HDF *h, const char *key)
{
  const char *v = hdf_get_value(h, key, NULL);
  return v ? strtod(v, NULL) : 0;
}

static NEOERR *set_pct(HDF *h, const char *key, int ok, double pct)
{
  if (!ok) return STATUS_OK;
  char buf[32];
  pct_text(pct, buf, sizeof buf);
  return nerr_pass(hdf_set_value(h, key, buf));
}

/* Growth, attainment, sleep status and overspend of each table row. */
static NEOERR *decorate(HDF *rows, const struct dash_settings *s)
{
  NEOERR *err = STATUS_OK;
  for (HDF *row = rows ? hdf_obj_child(rows) : NULL; row && !err; row = hdf_obj_next(row)) {
    double pct, ytd = num(row, "ytd");
    const char *idle = hdf_get_value(row, "idle_days", NULL);
    int ok = pct_change(ytd, num(row, "ly"), &pct);
    if ((err = set_pct(row, "growth", ok, pct))) break;
    ok = pct_share(ytd, num(row, "target"), &pct);
    if ((err = set_pct(row, "attain", ok, pct))) break;
    err = hdf_set_value(row, "sleep",
                        dash_sleep_of(hdf_get_value(row, "sleep_state", NULL), idle ? atol(idle) : -1,
                                      s->doze_days, s->half_days, s->deep_days));
    if (!err && hdf_get_value(row, "budget", NULL) && num(row, "spend") > num(row, "budget"))
      err = hdf_set_value(row, "over", "1");
  }
  return nerr_pass(err);
}

/* Chart.Months (month, year, amount) as twelve rows with last year's and
 * this year's amount; this year's months still to come stay empty. */
static NEOERR *pivot_months(HDF *h)
{
  HDF *rows = hdf_get_obj(h, "Chart.Months");
  char key[64];
  NEOERR *err = STATUS_OK;
  for (int m = 1; m <= 12 && !err; m++) {
    snprintf(key, sizeof key, "Chart.Monthly.%d.month", m - 1);
    err = hdf_set_int_value(h, key, m);
    for (HDF *row = rows ? hdf_obj_child(rows) : NULL; row && !err; row = hdf_obj_next(row)) {
      if (hdf_get_int_value(row, "month", 0) != m) continue;
      snprintf(key, sizeof key, "Chart.Monthly.%d.%s", m - 1, hdf_get_value(row, "year", "x"));
      err = hdf_set_value(h, key, hdf_get_value(row, "amount", "0"));
    }
  }
  return nerr_pass(err);
}

/* A region's charts, warnings and dealer count change only when its
 * revision does (schema/014 dash_region_rev): each worker keeps the last
 * few it computed, under whose scope (a regional manager's own, or the
 * office's), region, settings and language, for the region's revision, as
 * the HTML of the page's two parts that show them (templates/dashboard/
 * warnings.cs and charts.cs) and the count: kept as data, they would be
 * copied into every request's HDF and rendered again. */
static struct kept_map parts = KEPT_MAP(8, 0);

struct parts_key {
  unsigned who;
  long long region;
  struct dash_settings s;
  char lang[8];
};

/* The value: the count, then the two parts' text, each ending in '\0'. */
struct parts_head {
  long long total;
  size_t warnings_len;
};

/* The region's figures (Chart.*, Warn.*) into the request's data, and the
 * dealer count. */
static NEOERR *region_figures(struct req *r, const struct dash_filter *f,
                              const struct dash_settings *s, long long *total)
{
  HDF *h = r->hdf;
  NEOERR *err;
  /* Budget used, per category of the support chart. */
  if ((err = db_dash_count(&r->user, f, total)) || (err = db_dash_charts(&r->user, f, h, "Chart")) ||
      (err = pivot_months(h)) ||
      (err = pct_share_rows(hdf_get_obj(h, "Chart.Support"), "spend", "budget", "used", "over")))
    return nerr_pass(err);
  return nerr_pass(db_dash_warnings(&r->user, f, s, h, "Warn"));
}

static NEOERR *render_part(struct req *r, const char *name, char **out)
{
  /* page_fill sets it for the page itself, after the handler */
  NEOERR *err = hdf_set_value(r->hdf, "Page.Lang", r->lang);
  if (!err) err = render_dup(name, r->hdf, i18n_hdf(r->lang), out);
  return nerr_pass(err);
}

/* The parts from a kept (or just made) value, into the request. */
static NEOERR *use_parts(struct req *r, const char *value, long long *total)
{
  struct parts_head head;
  memcpy(&head, value, sizeof head);
  const char *warnings = value + sizeof head;
  *total = head.total;
  NEOERR *err = hdf_set_value(r->hdf, "Kept.Warnings", warnings);
  if (!err) err = hdf_set_value(r->hdf, "Kept.Charts", warnings + head.warnings_len + 1);
  return nerr_pass(err);
}

/* Computes and renders the parts as one value (*value, the caller frees it). */
static NEOERR *make_parts(struct req *r, const struct dash_filter *f,
                          const struct dash_settings *s, char **value, size_t *len)
{
  struct parts_head head = { 0 };
  char *warnings = NULL, *charts = NULL;
  NEOERR *err;
  if (!(err = region_figures(r, f, s, &head.total)) &&
      !(err = render_part(r, "dashboard/warnings.cs", &warnings)) &&
      !(err = render_part(r, "dashboard/charts.cs", &charts))) {
    head.warnings_len = strlen(warnings);
    size_t charts_len = strlen(charts);
    *len = sizeof head + head.warnings_len + 1 + charts_len + 1;
    if (!(*value = malloc(*len))) {
      err = nerr_raise(NERR_NOMEM, "dashboard parts");
    } else {
      memcpy(*value, &head, sizeof head);
      memcpy(*value + sizeof head, warnings, head.warnings_len + 1);
      memcpy(*value + sizeof head + head.warnings_len + 1, charts, charts_len + 1);
    }
  }
  free(warnings);
  free(charts);
  return nerr_pass(err);
}

static NEOERR *use_region_figures(struct req *r, const struct dash_filter *f,
                                  const struct dash_settings *s, long long rev, long long *total)
{
  struct parts_key key;
  memset(&key, 0, sizeof key);   /* padding too: the key is bytes */
  key.who = r->user.role == ROLE_RM ? r->user.id : 0;
  key.region = f->region_id;
  key.s = *s;
  snprintf(key.lang, sizeof key.lang, "%s", r->lang);
  const char *kept = kept_get(&parts, &key, sizeof key, rev, NULL);
  if (kept) return nerr_pass(use_parts(r, kept, total));
  char *fresh = NULL;
  size_t len = 0;
  NEOERR *err = make_parts(r, f, s, &fresh, &len);
  if (!err) {
    kept_put(&parts, &key, sizeof key, rev, fresh, len);
    err = use_parts(r, fresh, total);
  }
  free(fresh);
  return nerr_pass(err);
}

/* The thresholds the page names (the warnings' hints, the sleep legend). */
static NEOERR *set_settings(HDF *h, const struct dash_settings *s)
{
  NEOERR *err;
  if ((err = hdf_set_int_value(h, "Settings.visit_days", s->visit_days)) ||
      (err = hdf_set_int_value(h, "Settings.falling_pct", s->falling_pct)) ||
      (err = hdf_set_int_value(h, "Settings.behind_pct", s->behind_pct)) ||
      (err = hdf_set_int_value(h, "Settings.doze_days", s->doze_days)) ||
      (err = hdf_set_int_value(h, "Settings.half_days", s->half_days)))
    return nerr_pass(err);
  return nerr_pass(hdf_set_int_value(h, "Settings.deep_days", s->deep_days));
}

NEOERR *dash_overview(struct req *r)
{
  HDF *h = r->hdf;
  struct dash_filter f;
  struct dash_settings s;
  struct dash_day day;
  long long total = 0, rev = 0;
  NEOERR *err;
  if ((err = dash_filter_parse(r, &f)) || (err = db_dash_revision(&r->user, &f, &rev, &day)) ||
      (err = db_dash_settings(&s)) || (err = set_settings(h, &s)) ||
      (err = use_region_figures(r, &f, &s, rev, &total)))
    return nerr_pass(err);
  /* The figures are as the timer left them (schema/015): say for which day. */
  if ((err = hdf_set_value(h, "AsOf.day", day.as_of)) ||
      (err = hdf_set_int_value(h, "AsOf.today", day.today)))
    return nerr_pass(err);
  long long pages = total ? (total + f.per - 1) / f.per : 1;
  if (f.page > pages) f.page = (int)pages;
  if ((err = page_pager(r, total, f.page, f.per)) ||
      (err = db_dash_dealers(&r->user, &f, h, "Dealers")) ||
      (err = decorate(hdf_get_obj(h, "Dealers"), &s)) ||
      (err = db_dash_support_returns(&r->user, &f, h, "SupportReturn")) ||
      (err = hdf_set_value(h, "Page.Section", "dashboard")) ||
      (err = page_charts(r)))
    return nerr_pass(err);
  r->template = "dashboard/overview.cs";
  return STATUS_OK;
}
