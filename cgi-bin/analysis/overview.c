/* GET /analysis: the overview, the Pareto view of source 004 ("把全部客户
 * 按购买金额的多少，划分为ABC三类 … 抓好A类客户，照顾B类客户"): customers
 * sorted by revenue with the cumulative share of revenue, the share of
 * customers and revenue in each class, and the A and B lists one click
 * away. Everything comes from the latest run's standing cells. */
#include "analysis/pages.h"
#include "analysis/report.h"
#include "core/format.h"
#include "core/i18n.h"
#include "core/page.h"
#include "db/analysis_settings.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long long num(HDF *row, const char *key)
{
  return strtoll(hdf_get_value(row, key, "0"), NULL, 10);
}

static NEOERR *share(HDF *row, const char *key, long long part, long long whole)
{
  double pct;
  char v[32];
  if (!pct_share((double)part, (double)whole, &pct)) return STATUS_OK;
  pct_text(pct, v, sizeof v);
  return nerr_pass(hdf_set_value(row, key, v));
}

static NEOERR *yuan(HDF *row, const char *key, long long cents)
{
  char v[32], text[48];
  snprintf(v, sizeof v, "%lld", (cents >= 0 ? cents + 50 : cents - 50) / 100);
  format_money(v, text, sizeof text);
  char *dot = strchr(text, '.');
  if (dot) *dot = '\0';
  return nerr_pass(hdf_set_value(row, key, text));
}

static void sums(HDF *rows, long long *customers, long long *sales)
{
  *customers = *sales = 0;
  for (HDF *row = rows ? hdf_obj_child(rows) : NULL; row; row = hdf_obj_next(row)) {
    *customers += num(row, "customers");
    *sales += num(row, "sales");
  }
}

/* A bucket's lower edge in yuan (schema/047: key k >= 1 holds revenue
 * from 10^((k-1)/10) yuan), to two significant digits. */
static NEOERR *bucket_floor(HDF *row, long long k)
{
  double v = pow(10.0, (double)(k - 1) / 10.0);
  double unit = v >= 10 ? pow(10.0, floor(log10(v)) - 1) : 1;
  return nerr_pass(yuan(row, "floor", (long long)(round(v / unit) * unit) * 100));
}

/* The histogram, largest revenue first, with running shares: the curve
 * is exact at each bucket's edge. */
static NEOERR *pareto_buckets(HDF *h)
{
  HDF *rows = hdf_get_obj(h, "Pareto.Buckets");
  long long total_c, total_s, cum_c = 0, cum_s = 0;
  sums(rows, &total_c, &total_s);
  NEOERR *err = hdf_set_int_value(h, "Pareto.customers", (int)total_c);
  if (!err) err = yuan(hdf_get_obj(h, "Pareto"), "sales_y", total_s);
  for (HDF *row = rows ? hdf_obj_child(rows) : NULL; row && !err; row = hdf_obj_next(row)) {
    cum_c += num(row, "customers");
    cum_s += num(row, "sales");
    long long k = num(row, "key");
    if (k > 0) err = bucket_floor(row, k);
    if (!err) err = yuan(row, "sales_y", num(row, "sales"));
    if (!err) err = share(row, "sales_pct", num(row, "sales"), total_s);
    if (!err) err = share(row, "cum_customers", cum_c, total_c);
    if (!err) err = share(row, "cum_sales", cum_s, total_s);
  }
  return nerr_pass(err);
}

static NEOERR *pareto_classes(HDF *h)
{
  static const char *letter[] = { "", "A", "B", "C" };
  HDF *rows = hdf_get_obj(h, "Pareto.Classes");
  long long total_c, total_s;
  sums(rows, &total_c, &total_s);
  NEOERR *err = STATUS_OK;
  for (HDF *row = rows ? hdf_obj_child(rows) : NULL; row && !err; row = hdf_obj_next(row)) {
    long long k = num(row, "key");
    err = hdf_set_value(row, "class", k >= 1 && k <= 3 ? letter[k] : "C");
    if (!err) err = yuan(row, "sales_y", num(row, "sales"));
    if (!err) err = share(row, "customers_pct", num(row, "customers"), total_c);
    if (!err) err = share(row, "sales_pct", num(row, "sales"), total_s);
  }
  return nerr_pass(err);
}

NEOERR *analysis_overview(struct req *r)
{
  HDF *h = r->hdf;
  unsigned region = 0;
  int found = 0;
  struct analysis_config cfg;
  NEOERR *err;
  if ((err = report_region(r, &region)) || (err = db_analysis_config(&cfg)) ||
      (err = hdf_set_int_value(h, "Settings.period_months", cfg.period_months)) ||
      (err = hdf_set_int_value(h, "Settings.a_pct", cfg.abc.a_pct)) ||
      (err = hdf_set_int_value(h, "Settings.b_pct", cfg.abc.b_pct)) ||
      (err = db_analysis_last_run(h, "Run", &found)))
    return nerr_pass(err);
  if (found &&
      ((err = db_report_pareto(&r->user, hdf_get_value(h, "Run.as_of", ""), region, h, "Pareto")) ||
       (err = pareto_buckets(h)) || (err = pareto_classes(h))))
    return nerr_pass(err);
  if ((err = hdf_set_value(h, "Page.Section", "analysis")) ||
      (err = hdf_set_value(h, "Page.Sub", "overview")) || (err = page_charts(r)))
    return nerr_pass(err);
  r->template = "analysis/overview.cs";
  return STATUS_OK;
}
