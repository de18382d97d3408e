/* GET /analysis/report.csv and .xlsx: the report's table as on the page
 * (report_read's rows, then the whole), with exact yuan, through
 * core/export.c. */
#include "analysis/pages.h"
#include "analysis/report.h"
#include "core/export.h"

/* The row nodes' names, in export order. */
static const char *const fields[] = {
  "label", "sales_x", "p_sales_x", "y_sales_x", "sales_pp", "sales_py", "margin_x",
  "p_margin_x", "y_margin_x", "margin_pp", "margin_py", "customers", "p_customers",
  "y_customers", "churn", "y_churn", "new_customers", "conversions",
};
#define NFIELDS ((int)(sizeof fields / sizeof fields[0]))

static const struct export_col cols[] = {
  { "Key", 0, 0, NULL, 0 }, { "Sales", 1, 0, NULL, 1 }, { "SalesPrev", 2, 0, NULL, 1 },
  { "SalesYear", 3, 0, NULL, 1 }, { "SalesVsPrev", 4, 0, NULL, 1 },
  { "SalesVsYear", 5, 0, NULL, 1 }, { "Margin", 6, 0, NULL, 1 },
  { "MarginPrev", 7, 0, NULL, 1 }, { "MarginYear", 8, 0, NULL, 1 },
  { "MarginVsPrev", 9, 0, NULL, 1 }, { "MarginVsYear", 10, 0, NULL, 1 },
  { "Customers", 11, 0, NULL, 1 }, { "CustomersPrev", 12, 0, NULL, 1 },
  { "CustomersYear", 13, 0, NULL, 1 }, { "Churn", 14, 0, NULL, 1 },
  { "ChurnYear", 15, 0, NULL, 1 }, { "New", 16, 0, NULL, 1 },
  { "Conversions", 17, 0, NULL, 1 },
};

/* Download names: 分析报表-YYYYMMDD.csv / .xlsx. */
static const struct export_spec spec = {
  .stem = "分析报表", .head_prefix = "Analysis.Report.Col", .title = "Analysis.Report.Title",
  .cols = cols, .ncols = (int)(sizeof cols / sizeof cols[0]), .csv_bare = 1,
};

static NEOERR *each_node(HDF *row, export_each_fn each, void *each_ctx)
{
  const char *v[NFIELDS];
  for (int i = 0; i < NFIELDS; i++) v[i] = hdf_get_value(row, fields[i], NULL);
  return nerr_pass(each(each_ctx, v));
}

/* ctx is the request's HDF, filled by report_read. */
static NEOERR *rows(const struct user *u, void *ctx, export_each_fn each, void *each_ctx)
{
  (void)u;
  HDF *h = ctx, *list = hdf_get_obj(h, "Report.Rows"), *whole = hdf_get_obj(h, "Report.Whole.0");
  NEOERR *err = STATUS_OK;
  for (HDF *row = list ? hdf_obj_child(list) : NULL; row && !err; row = hdf_obj_next(row))
    err = each_node(row, each, each_ctx);
  if (!err && whole) err = each_node(whole, each, each_ctx);
  return nerr_pass(err);
}

static NEOERR *report_export(struct req *r, int xlsx)
{
  struct report_filter f;
  NEOERR *err = report_filter_parse(r, &f);
  /* Before the first run: the header row alone, as for an empty list. */
  if (!err && f.have_run) err = report_read(r, &f, 0);
  if (!err) err = export_list(r, &spec, xlsx, rows, r->hdf);
  return nerr_pass(err);
}

NEOERR *analysis_report_csv(struct req *r) { return report_export(r, 0); }
NEOERR *analysis_report_xlsx(struct req *r) { return report_export(r, 1); }
