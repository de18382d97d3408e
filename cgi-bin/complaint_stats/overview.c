/* GET /complaints/overview: the figures of the period and region, each
 * chart's numbers in a table beside it (static/charts.js draws the charts
 * from those tables; without JavaScript the tables are the page). */
#include "complaint_stats/pages.h"
#include "core/page.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOP_PRODUCTS 10

static NEOERR *set_num(HDF *h, const char *key, long long v)
{
  char buf[24];
  snprintf(buf, sizeof buf, "%lld", v);
  return nerr_pass(hdf_set_value(h, key, buf));
}

static NEOERR *set_ratio(HDF *h, const char *key, long long num, long long den, double scale)
{
  if (den <= 0) return STATUS_OK;
  char buf[32];
  snprintf(buf, sizeof buf, "%.1f", (double)num * scale / (double)den);
  return nerr_pass(hdf_set_value(h, key, buf));
}

static long long num(HDF *h, const char *key)
{
  const char *v = hdf_get_value(h, key, NULL);
  return v ? strtoll(v, NULL, 10) : 0;
}

/* Stats.Months (month, kind, n) as one row per month of the period with a
 * column per kind, under Chart.Months. */
static NEOERR *pivot_months(HDF *h)
{
  static const char *kinds[] = { "complaint", "return", "exchange", "suggestion" };
  enum { NKINDS = sizeof kinds / sizeof kinds[0] };
  HDF *period = hdf_get_obj(h, "Period"), *rows = hdf_get_obj(h, "Stats.Months");
  char key[96];
  NEOERR *err = STATUS_OK;
  int i = 0;
  for (HDF *p = period ? hdf_obj_child(period) : NULL; p && !err; p = hdf_obj_next(p), i++) {
    const char *month = hdf_obj_value(p);
    long long by[NKINDS] = { 0 }, total = 0;
    for (HDF *row = rows ? hdf_obj_child(rows) : NULL; row; row = hdf_obj_next(row)) {
      if (strcmp(hdf_get_value(row, "month", ""), month) != 0) continue;
      for (int k = 0; k < NKINDS; k++)
        if (!strcmp(hdf_get_value(row, "kind", ""), kinds[k])) by[k] += num(row, "n");
    }
    snprintf(key, sizeof key, "Chart.Months.%d.month", i);
    err = hdf_set_value(h, key, month);
    for (int k = 0; k < NKINDS && !err; k++) {
      snprintf(key, sizeof key, "Chart.Months.%d.%s", i, kinds[k]);
      err = set_num(h, key, by[k]);
      total += by[k];
    }
    snprintf(key, sizeof key, "Chart.Months.%d.total", i);
    if (!err) err = set_num(h, key, total);
  }
  return nerr_pass(err);
}

static NEOERR *product_row(HDF *h, int i, const char *name, const char *label, long long n)
{
  char key[64];
  NEOERR *err = STATUS_OK;
  if (name) {
    snprintf(key, sizeof key, "Chart.Products.%d.name", i);
    err = hdf_set_value(h, key, name);
  } else {
    snprintf(key, sizeof key, "Chart.Products.%d.label", i);
    err = hdf_set_value(h, key, label);
  }
  snprintf(key, sizeof key, "Chart.Products.%d.n", i);
  if (!err) err = set_num(h, key, n);
  return nerr_pass(err);
}

/* The ten listed products complained about most, then the rest of the
 * listed ones together, the products customers typed (not in the list),
 * and complaints naming no product. Stats.Products is most first. */
static NEOERR *fold_products(HDF *h)
{
  HDF *rows = hdf_get_obj(h, "Stats.Products");
  long long others = 0, typed = 0, none = 0;
  int i = 0, listed = 0;
  NEOERR *err = STATUS_OK;
  for (HDF *row = rows ? hdf_obj_child(rows) : NULL; row && !err; row = hdf_obj_next(row)) {
    long long key = num(row, "key"), n = num(row, "n");
    if (key == -1) typed += n;
    else if (key <= 0) none += n;
    else if (listed++ < TOP_PRODUCTS) err = product_row(h, i++, hdf_get_value(row, "name", "?"), NULL, n);
    else others += n;
  }
  if (!err && others) err = product_row(h, i++, NULL, "OtherProducts", others);
  if (!err && typed) err = product_row(h, i++, NULL, "Unlisted", typed);
  if (!err && none) err = product_row(h, i++, NULL, "NoProduct", none);
  return nerr_pass(err);
}

/* Shares, averages and the open complaints by step. */
static NEOERR *derive(HDF *h)
{
  HDF *t = hdf_get_obj(h, "Stats.Totals");
  if (!t) return STATUS_OK;
  long long total = num(t, "n");
  NEOERR *err;
  /* Inside the SLA: of the complaints whose first response is due or
   * given, those answered by the due time. */
  if ((err = set_ratio(h, "Stats.Totals.sla_pct", num(t, "in_sla"),
                       num(t, "responded") + num(t, "late"), 100)) ||
      (err = set_ratio(h, "Stats.Totals.sat_avg", num(t, "sat_sum"), num(t, "rated"), 1)))
    return nerr_pass(err);
  char key[64], col[16];
  for (int s = 1; s <= 7; s++) {
    snprintf(col, sizeof col, "open%d", s);
    snprintf(key, sizeof key, "Chart.Steps.%d.step", s - 1);
    if ((err = hdf_set_int_value(h, key, s))) return nerr_pass(err);
    snprintf(key, sizeof key, "Chart.Steps.%d.n", s - 1);
    if ((err = set_num(h, key, num(t, col)))) return nerr_pass(err);
  }
  HDF *rows = hdf_get_obj(h, "Stats.Reasons");
  for (HDF *row = rows ? hdf_obj_child(rows) : NULL; row; row = hdf_obj_next(row))
    if ((err = set_ratio(row, "pct", num(row, "n"), total, 100))) return nerr_pass(err);
  return STATUS_OK;
}

NEOERR *stats_overview(struct req *r)
{
  HDF *h = r->hdf;
  struct stats_filter f;
  NEOERR *err;
  if ((err = stats_filter_parse(r, &f)) ||
      (err = db_complaint_stats(&r->user, &f, h, "Stats")) ||
      (err = db_complaint_hours(&r->user, &f, h, "Stats.Hours")) ||
      (err = pivot_months(h)) || (err = fold_products(h)) || (err = derive(h)) ||
      (err = hdf_set_value(h, "Page.Section", "complaints")) ||
      (err = page_charts(r)))
    return nerr_pass(err);
  r->template = "complaint_stats/overview.cs";
  return STATUS_OK;
}
