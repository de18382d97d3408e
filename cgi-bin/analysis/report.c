/* GET /analysis/report: sales, margin, customers and churn by one
 * dimension for a period, beside the period before and the same period a
 * year before. Each figure links to the customer list behind it. The rows
 * (report_read) are also what the exports write. */
#include "analysis/pages.h"
#include "analysis/report.h"
#include "core/format.h"
#include "core/i18n.h"
#include "core/page.h"
#include "core/qs.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHART_TOP 10         /* keys in the chart: the largest by sales */
/* Rows on the page (the exports have them all): a few thousand products
 * or postal codes are a file to sort, not a page to read. */
#define PAGE_ROWS 100

static const char *const sizes[] = { NULL, "large", "medium", "small", "micro" };
static const char *const classes[] = { NULL, "A", "B", "C" };

static long long num(HDF *row, const char *key)
{
  return strtoll(hdf_get_value(row, key, "0"), NULL, 10);
}

/* Cents as whole yuan with separators for the screen ("12,346"), and as
 * exact yuan for the files ("12345.67"). */
static NEOERR *set_money(HDF *row, const char *col)
{
  char key[32], yuan[32], text[48];
  long long c = num(row, col);
  long long y = (c >= 0 ? c + 50 : c - 50) / 100;
  snprintf(yuan, sizeof yuan, "%lld", y);
  format_money(yuan, text, sizeof text);
  char *dot = strchr(text, '.');
  if (dot) *dot = '\0';
  snprintf(key, sizeof key, "%s_y", col);
  NEOERR *err = hdf_set_value(row, key, text);
  cents_text(c, text, sizeof text);
  snprintf(key, sizeof key, "%s_x", col);
  if (!err) err = hdf_set_value(row, key, text);
  return nerr_pass(err);
}

static NEOERR *set_pct(HDF *row, const char *key, int ok, double pct)
{
  if (!ok) return STATUS_OK;
  char v[32];
  pct_text(pct, v, sizeof v);
  return nerr_pass(hdf_set_value(row, key, v));
}

static NEOERR *set_change(HDF *row, const char *key, const char *cur, const char *before)
{
  double pct = 0;
  int ok = pct_change((double)num(row, cur), (double)num(row, before), &pct);
  return nerr_pass(set_pct(row, key, ok, pct));
}

static NEOERR *set_churn(HDF *row, const char *key, const char *lost, const char *before)
{
  double pct = 0;
  int ok = pct_share((double)num(row, lost), (double)num(row, before), &pct);
  return nerr_pass(set_pct(row, key, ok, pct));
}

/* The key's name in the user's language. */
static NEOERR *set_label(const char *lang, int dim, HDF *row)
{
  long long k = num(row, "key");
  int en = !strcmp(lang, "en");
  char buf[160], key[48];
  const char *name = hdf_get_value(row, "name", NULL), *v = buf;
  switch (dim) {
  case RDIM_ALL:
    v = i18n_get(lang, "Analysis.Report.Total");
    break;
  case RDIM_REGION: case RDIM_CATEGORY:
    v = en && hdf_get_value(row, "name_en", NULL) ? hdf_get_value(row, "name_en", "") : name;
    break;
  case RDIM_PRODUCT: case RDIM_OWNER:
    v = name;
    if (dim == RDIM_OWNER && k == 0) v = i18n_get(lang, "Analysis.Report.NoOwner");
    break;
  case RDIM_CLASS:
    snprintf(key, sizeof key, "AbcName.%s", k >= 1 && k <= 3 ? classes[k] : "C");
    snprintf(buf, sizeof buf, "%s %s", k >= 1 && k <= 3 ? classes[k] : "?", i18n_get(lang, key));
    break;
  case RDIM_SIZE:
    snprintf(key, sizeof key, "Analysis.Size.%s", k >= 1 && k <= 4 ? sizes[k] : "none");
    v = i18n_get(lang, key);
    break;
  case RDIM_POSTAL:
    if (k < 0) v = i18n_get(lang, "Analysis.Report.NoPostal");
    else snprintf(buf, sizeof buf, "%03lld", k % 1000);
    break;
  }
  if (!v) {                  /* a key whose row is gone (a removed product) */
    snprintf(buf, sizeof buf, "#%lld", k);
    v = buf;
  }
  return nerr_pass(hdf_set_value(row, "label", v));
}

/* The customer list's filter for a key (the shared contract of issue 17):
 * "" when the list cannot select it (no size, no salesperson, no postal
 * code: those rows have no link). */
static int key_filter(int dim, long long k, STRING *s)
{
  char v[24];
  snprintf(v, sizeof v, dim == RDIM_POSTAL ? "%03lld" : "%lld", k);
  switch (dim) {
  case RDIM_ALL: return 1;
  case RDIM_REGION: return !qs_add(s, "region", v);
  case RDIM_CLASS: return k >= 1 && k <= 3 && !qs_add(s, "class", classes[k]);
  case RDIM_SIZE: return k >= 1 && k <= 4 && !qs_add(s, "size", sizes[k]);
  case RDIM_CATEGORY: return !qs_add(s, "bought_category", v);
  case RDIM_PRODUCT: return !qs_add(s, "bought_product", v);
  case RDIM_OWNER: return k > 0 && !qs_add(s, "owner", v);
  case RDIM_POSTAL: return k >= 0 && !qs_add(s, "postal", v);
  }
  return 0;
}

static NEOERR *set_link(const struct report_filter *f, HDF *row, const char *key,
                        const char *from, const char *to)
{
  STRING s;
  string_init(&s);
  NEOERR *err = STATUS_OK;
  char reg[16];
  snprintf(reg, sizeof reg, "%u", f->q.region_id);
  if (key_filter(f->q.dim, num(row, "key"), &s)) {
    if (f->q.region_id && f->q.dim != RDIM_REGION) err = qs_add(&s, "region", reg);
    if (!err) err = qs_add(&s, "bought_from", from);
    if (!err) err = qs_add(&s, "bought_to", to);
    if (!err) err = hdf_set_value(row, key, s.buf);
  }
  string_clear(&s);
  return nerr_pass(err);
}

static NEOERR *derive_row(struct req *r, const struct report_filter *f, int dim, HDF *row)
{
  static const char *money[] = { "sales", "p_sales", "y_sales", "margin", "p_margin", "y_margin" };
  struct report_filter g = *f;
  g.q.dim = dim;
  NEOERR *err = set_label(r->lang, dim, row);
  for (size_t i = 0; i < sizeof money / sizeof money[0] && !err; i++) err = set_money(row, money[i]);
  if (!err) err = set_change(row, "sales_pp", "sales", "p_sales");
  if (!err) err = set_change(row, "sales_py", "sales", "y_sales");
  if (!err) err = set_change(row, "margin_pp", "margin", "p_margin");
  if (!err) err = set_change(row, "margin_py", "margin", "y_margin");
  /* Churn is a customer's, not a product's (schema/047). */
  if (!err && dim != RDIM_CATEGORY && dim != RDIM_PRODUCT) {
    err = set_churn(row, "churn", "lost", "active_before");
    if (!err) err = set_churn(row, "y_churn", "y_lost", "y_active_before");
  }
  if (!err) err = set_link(&g, row, "href", f->start, f->end);
  if (!err) err = set_link(&g, row, "p_href", f->prev, f->prev_end);
  if (!err) err = set_link(&g, row, "y_href", f->year_ago, f->year_end);
  return nerr_pass(err);
}

NEOERR *report_read(struct req *r, const struct report_filter *f, int limit)
{
  HDF *h = r->hdf;
  struct report_query q = f->q, all = f->q;
  all.dim = RDIM_ALL;
  all.limit = 0;
  q.limit = limit ? limit + 1 : 0;     /* one more: are there more? */
  NEOERR *err = db_report_rows(&r->user, &q, h, "Report.Rows");
  char key[32];
  snprintf(key, sizeof key, "Report.Rows.%d", limit);
  if (!err && limit && hdf_get_obj(h, key)) {
    err = hdf_remove_tree(h, key);
    if (!err) err = hdf_set_int_value(h, "Report.More", limit);
  }
  if (!err) err = db_report_rows(&r->user, &all, h, "Report.Whole");
  if (err) return nerr_pass(err);
  HDF *rows = hdf_get_obj(h, "Report.Rows");
  for (HDF *row = rows ? hdf_obj_child(rows) : NULL; row && !err; row = hdf_obj_next(row))
    err = derive_row(r, f, f->q.dim, row);
  /* Dimension 0 has one key: the whole, as the table's last line. */
  HDF *whole = hdf_get_obj(h, "Report.Whole.0");
  if (!err && whole) err = derive_row(r, f, RDIM_ALL, whole);
  return nerr_pass(err);
}

/* The chart's table: the largest keys, this period beside a year before,
 * in whole yuan (the chart reads the cells). */
static NEOERR *chart_rows(HDF *h)
{
  HDF *rows = hdf_get_obj(h, "Report.Rows");
  char key[48];
  int i = 0;
  NEOERR *err = STATUS_OK;
  for (HDF *row = rows ? hdf_obj_child(rows) : NULL; row && i < CHART_TOP && !err;
       row = hdf_obj_next(row)) {
    if (num(row, "sales") <= 0 && num(row, "y_sales") <= 0) continue;
    snprintf(key, sizeof key, "Report.Chart.%d", i++);
    err = hdf_copy(h, key, row);
  }
  return nerr_pass(err);
}

NEOERR *analysis_report(struct req *r)
{
  struct report_filter f;
  NEOERR *err;
  if ((err = report_filter_parse(r, &f))) return nerr_pass(err);
  if (f.have_run && ((err = report_read(r, &f, PAGE_ROWS)) || (err = chart_rows(r->hdf))))
    return nerr_pass(err);
  if ((err = hdf_set_value(r->hdf, "Page.Section", "analysis")) ||
      (err = hdf_set_value(r->hdf, "Page.Sub", "report")) || (err = page_charts(r)))
    return nerr_pass(err);
  r->template = "analysis/report.cs";
  return STATUS_OK;
}
