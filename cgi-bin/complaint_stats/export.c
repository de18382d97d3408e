/* GET /complaints/overview.csv and .xlsx: the complaints the overview
 * counts (same period, region and scope), one row each, streamed through
 * core/export.c. */
#include "complaint_stats/pages.h"
#include "core/export.h"

enum { C_TRACKING, C_RECEIVED, C_KIND, C_REASON, C_PRODUCT, C_REGION_ZH, C_REGION_EN, C_STEP,
       C_STATUS, C_FIRST_H, C_CLOSE_H, C_SATISFACTION };

static const struct export_col cols[] = {
  { "Tracking", C_TRACKING, 0, NULL, 0 }, { "Received", C_RECEIVED, 0, NULL, 0 },
  { "Kind", C_KIND, 0, "Stats.Kind", 0 }, { "Reason", C_REASON, 0, "Stats.Reason", 0 },
  { "Product", C_PRODUCT, 0, NULL, 0 }, { "Region", C_REGION_ZH, C_REGION_EN, NULL, 0 },
  { "Step", C_STEP, 0, NULL, 1 }, { "Status", C_STATUS, 0, "Stats.Status", 0 },
  { "FirstHours", C_FIRST_H, 0, NULL, 1 }, { "CloseHours", C_CLOSE_H, 0, NULL, 1 },
  { "Satisfaction", C_SATISFACTION, 0, NULL, 1 },
};

/* Download names: 投诉统计-YYYYMMDD.csv / .xlsx. */
static const struct export_spec spec = {
  .stem = "投诉统计", .head_prefix = "Stats.Col", .title = "Stats.Title",
  .cols = cols, .ncols = (int)(sizeof cols / sizeof cols[0]),
};

static NEOERR *rows(const struct user *u, void *f, export_each_fn each, void *each_ctx)
{
  return nerr_pass(db_complaint_export(u, f, each, each_ctx));
}

static NEOERR *stats_export(struct req *r, int xlsx)
{
  struct stats_filter f;
  NEOERR *err = stats_filter_parse(r, &f);
  if (!err) err = export_list(r, &spec, xlsx, rows, &f);
  return nerr_pass(err);
}

NEOERR *stats_export_csv(struct req *r) { return stats_export(r, 0); }
NEOERR *stats_export_xlsx(struct req *r) { return stats_export(r, 1); }
