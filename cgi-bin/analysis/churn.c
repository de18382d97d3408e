/* GET /analysis/churn: customer churn (客户流失率) per month, quarter or
 * year, over the last periods and by segment, and customer lifetime value
 * (客户终身价值) by segment. Both are sums of the batch's report cells
 * (analysis_cells) over the user's regions: churn = customers who bought
 * in the period before and not in this one / customers who bought in the
 * period before; lifetime value as docs/analysis.md computes it. The
 * period still running is marked: its churn is not final. */
#include "analysis/pages.h"
#include "core/format.h"
#include "core/listed.h"
#include "core/page.h"
#include "db/analysis_rank.h"
#include "db/analysis_settings.h"
#include "db/customer.h"
#include <stdio.h>
#include <string.h>

struct choice { const char *word; int value; };

static const struct choice periods[] = {
  { "month", 1 }, { "quarter", 2 }, { "year", 3 }, { NULL, 0 },
};
/* How many periods the chart shows. */
static const int shown[] = { 0, 12, 8, 5 };
static const struct choice churn_dims[] = {
  { "class", DIM_ABC }, { "region", DIM_REGION }, { "size", DIM_SIZE },
  { "owner", DIM_OWNER }, { NULL, 0 },
};
static const struct choice clv_dims[] = {
  { "class", DIM_ABC }, { "rfm", DIM_RFM }, { "size", DIM_SIZE }, { "region", DIM_REGION },
  { NULL, 0 },
};

/* The choice named by parameter `name`, else the first. */
static const struct choice *pick(struct req *r, const char *name, const struct choice *c)
{
  const char *v = req_param(r, name);
  for (const struct choice *i = c; v && i->word; i++)
    if (!strcmp(v, i->word)) return i;
  return c;
}

/* The period of the segment table: the one asked for when the chart
 * shows it, else the latest. */
static const char *pick_period(struct req *r)
{
  HDF *rows = hdf_get_obj(r->hdf, "Series");
  const char *at = req_param(r, "at"), *last = NULL;
  for (HDF *row = rows ? hdf_obj_child(rows) : NULL; row; row = hdf_obj_next(row)) {
    const char *p = hdf_get_value(row, "period", NULL);
    if (at && p && !strcmp(at, p)) return p;
    last = p;
  }
  return last;
}

/* Marks the series' row of the period that holds as_of (YYYY-MM-DD, the
 * run's day) when as_of is not its last day: the batch counts that period
 * to as_of, so its lost customers are those who have not bought yet. */
static NEOERR *mark_unfinished(HDF *h, int kind, const char *as_of)
{
  int y, m, d;
  if (!as_of || sscanf(as_of, "%4d-%2d-%2d", &y, &m, &d) != 3) return STATUS_OK;
  int32_t day = cell_day(y, m, d);
  int period = cell_period_of(kind, day);
  if (cell_period_of(kind, day + 1) != period) return STATUS_OK;
  char start[16];
  cell_ymd(cell_period_start(kind, period), &y, &m, &d);
  snprintf(start, sizeof start, "%04d-%02d-%02d", y, m, d);
  HDF *rows = hdf_get_obj(h, "Series");
  for (HDF *row = rows ? hdf_obj_child(rows) : NULL; row; row = hdf_obj_next(row))
    if (!strcmp(hdf_get_value(row, "period", ""), start)) {
      NEOERR *err = hdf_set_value(row, "unfinished", "1");
      if (!err) err = hdf_set_value(h, "Filter.unfinished", "1");
      return nerr_pass(err);
    }
  return STATUS_OK;
}

/* The discount rate a year as a per cent with one decimal. */
static NEOERR *set_discount(HDF *h, unsigned bp)
{
  char buf[32];
  pct_text(bp / 100.0, buf, sizeof buf);
  return nerr_pass(hdf_set_value(h, "Settings.discount_pct", buf));
}

NEOERR *analysis_churn(struct req *r)
{
  HDF *h = r->hdf;
  NEOERR *err;
  unsigned region = (unsigned)req_param_int(r, "region", 0, 0, 65535);
  const struct choice *period = pick(r, "period", periods), *seg = pick(r, "seg", churn_dims),
                      *clv = pick(r, "clv", clv_dims);
  if ((err = hdf_set_value(h, "Page.Section", "analysis")) ||
      (err = hdf_set_value(h, "Page.Sub", "churn")) ||
      (err = db_region_list(&r->user, h, "Regions")) ||
      (err = listed_check(r, "Regions", region, "AnalysisRegion")) ||
      (err = db_analysis_last_run(h, "Run", NULL)) ||
      (err = db_churn_series(&r->user, region, period->value, shown[period->value], h,
                             "Series")) ||
      (err = mark_unfinished(h, period->value, hdf_get_value(h, "Run.as_of", NULL))))
    return nerr_pass(err);
  const char *at = pick_period(r);
  if (at) {
    if ((err = hdf_set_value(h, "Filter.at", at))) return nerr_pass(err);
    at = hdf_get_value(h, "Filter.at", "");
    if ((err = db_churn_segments(&r->user, region, period->value, at,
                                 (enum cell_dim)seg->value, h, "Segments")))
      return nerr_pass(err);
  }
  struct analysis_config c;
  if ((err = db_clv_segments(&r->user, region, (enum cell_dim)clv->value, h, "Clv")) ||
      (err = db_analysis_config(&c)) || (err = set_discount(h, (unsigned)c.discount_bp)) ||
      (err = hdf_set_int_value(h, "Filter.region", (int)region)) ||
      (err = hdf_set_value(h, "Filter.period", period->word)) ||
      (err = hdf_set_value(h, "Filter.seg", seg->word)) ||
      (err = hdf_set_value(h, "Filter.clv", clv->word)) ||
      (err = hdf_set_int_value(h, "Filter.active", region != 0)) || (err = page_charts(r)))
    return nerr_pass(err);
  r->template = "analysis/churn.cs";
  return STATUS_OK;
}
