/* Budget vs actual (预算与实际) of one year's plans in force, by the five
 * categories and by region (only the regions the user may see), overspend
 * flagged, budget used in per cent; each table has its grouped bar chart
 * (static/charts.js draws it from the table's cells); ?format=csv gives
 * the same figures as a spreadsheet. */
#include "plans/pages.h"
#include "core/csv_out.h"
#include "core/err.h"
#include "core/format.h"
#include "core/page.h"
#include "core/i18n.h"
#include "db/customer.h"
#include "db/plan.h"
#include <limits.h>
#include <stdio.h>
#include <string.h>

static NEOERR *csv_rows(STRING *out, HDF *rows, const char *lang, const char *kind)
{
  NEOERR *err = STATUS_OK;
  for (HDF *row = hdf_obj_child(rows); row && !err; row = hdf_obj_next(row)) {
    const char *name = hdf_get_value(row, strcmp(lang, "en") == 0 ? "name_en" : "name_zh", "");
    const char *over = hdf_get_int_value(row, "overspent", 0) ? i18n_get(lang, "Plans.Overspent") : "";
    const char *f[] = { i18n_get(lang, kind), name, hdf_get_value(row, "budget", "0"),
                        hdf_get_value(row, "actual", "0"), over };
    err = csv_row(out, f, 5);
  }
  return nerr_pass(err);
}

static NEOERR *send_csv(struct req *r, int year)
{
  HDF *h = r->hdf;
  STRING out;
  string_init(&out);
  const char *head[] = { i18n_get(r->lang, "Plans.GroupBy"), i18n_get(r->lang, "Plans.Name"),
                         i18n_get(r->lang, "Plans.Budget"), i18n_get(r->lang, "Plans.Actual"),
                         i18n_get(r->lang, "Plans.Overspend") };
  NEOERR *err = string_append(&out, CSV_BOM);
  if (!err) err = csv_row(&out, head, 5);
  if (!err) err = csv_rows(&out, hdf_get_obj(h, "ByCategory"), r->lang, "Plans.Category");
  if (!err) err = csv_rows(&out, hdf_get_obj(h, "ByRegion"), r->lang, "Plans.Region");
  char name[48];
  snprintf(name, sizeof name, "support-budget-%d.csv", year);
  if (!err) err = req_stream(r, "text/csv; charset=utf-8", name);
  if (!err) err = req_write(r, out.buf, out.len);
  string_clear(&out);
  return nerr_pass(err);
}

NEOERR *plans_budget(struct req *r)
{
  HDF *h = r->hdf;
  int year = (int)req_param_int(r, "year", plans_this_year(), 2000, 2100);
  /* A region that is not a number names no region: the same 404 as one
   * the data-access layer finds unknown or out of scope. */
  const char *rv = req_param(r, "region");
  long long region_arg = req_param_int(r, "region", rv && *rv ? -1 : 0, 1, UINT_MAX);
  if (region_arg < 0) return app_fail(r, KERR_NOT_FOUND, "PlansRegion");
  unsigned region = (unsigned)region_arg;
  int found;
  NEOERR *err;
  if ((err = hdf_set_value(h, "Page.Section", "plans")) ||
      (err = hdf_set_int_value(h, "Filter.year", year)) ||
      (err = hdf_set_int_value(h, "Filter.region", (int)region)) ||
      (err = db_region_list(&r->user, h, "Regions")) ||
      (err = db_plan_budget(&r->user, year, region, h, &found)))
    return nerr_pass(err);
  if (!found) return app_fail(r, KERR_NOT_FOUND, "PlansRegion");
  /* Budget used (actual per cent of budget), in the tables beside the charts. */
  if ((err = pct_share_rows(hdf_get_obj(h, "ByCategory"), "actual", "budget", "used", NULL)) ||
      (err = pct_share_rows(hdf_get_obj(h, "ByRegion"), "actual", "budget", "used", NULL)) ||
      (err = pct_share_set(hdf_get_obj(h, "Total"), "actual", "budget", "used", NULL)))
    return nerr_pass(err);
  const char *format = req_param(r, "format");
  if (format && strcmp(format, "csv") == 0) return nerr_pass(send_csv(r, year));
  if ((err = page_charts(r)))
    return nerr_pass(err);
  r->template = "plans/budget.cs";
  return STATUS_OK;
}
