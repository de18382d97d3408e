/* GET /analysis/profit (and .csv, .xlsx): customer profitability (客户盈利
 * 能力), customers best to worst by profit over the period (revenue − cost
 * of goods − rebates and promotions − support − compensation), the worst
 * tail marked: source 001, a study of a bank's customers found 20 % of
 * them brought 90 % of the profit. The chart: the filter's customers in
 * ten equal groups, each group's profit and the running share of the
 * whole (the same numbers in the table below it). */
#include "analysis/pages.h"
#include "analysis/rank.h"
#include "core/analysis_signal.h"
#include "core/format.h"
#include "core/i18n.h"
#include "core/page.h"
#include "db/analysis_settings.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* profit_rank above tail_after is the worst tail, company-wide: ranks are
 * over every customer, whatever the user's scope. */
static NEOERR *tail_settings(struct req *r, struct rank_filter *f)
{
  struct analysis_config c;
  long long ranked;
  NEOERR *err;
  if ((err = db_analysis_config(&c)) || (err = db_profit_ranked(&ranked))) return nerr_pass(err);
  f->tail_after = ranked - (long long)signal_worst_tail((size_t)ranked, c.signal.worst_tail_percent);
  HDF *h = r->hdf;
  if ((err = hdf_set_int_value(h, "Settings.worst_tail_pct", (int)c.signal.worst_tail_percent)))
    return nerr_pass(err);
  return nerr_pass(hdf_set_int_value(h, "Settings.period_months", c.period_months));
}

/* Each group's share of the filter's whole profit, and the running share
 * (when the whole is above zero: a share of a loss says nothing). */
static NEOERR *decile_shares(HDF *rows)
{
  long long whole = 0, run = 0;
  HDF *row;
  for (row = rows ? hdf_obj_child(rows) : NULL; row; row = hdf_obj_next(row))
    whole += strtoll(hdf_get_value(row, "profit_cents", "0"), NULL, 10);
  NEOERR *err = STATUS_OK;
  char buf[32];
  for (row = rows ? hdf_obj_child(rows) : NULL; row && !err; row = hdf_obj_next(row)) {
    long long p = strtoll(hdf_get_value(row, "profit_cents", "0"), NULL, 10);
    run += p;
    if (whole <= 0) continue;
    pct_text((double)p * 100.0 / (double)whole, buf, sizeof buf);
    if (!(err = hdf_set_value(row, "share", buf))) {
      pct_text((double)run * 100.0 / (double)whole, buf, sizeof buf);
      err = hdf_set_value(row, "cumulative", buf);
    }
  }
  return nerr_pass(err);
}

/* The position of each row within the filter (the company-wide rank is
 * profit_rank). */
static NEOERR *positions(HDF *rows, long long first)
{
  NEOERR *err = STATUS_OK;
  for (HDF *row = rows ? hdf_obj_child(rows) : NULL; row && !err; row = hdf_obj_next(row))
    err = hdf_set_int_value(row, "position", (int)first++);
  return nerr_pass(err);
}

/* What the chart shows, for the note under it (Profit.DecileHow.*). */
static const char *const how_word[] = {
  [TENTHS_LIVE] = "live", [TENTHS_EXACT] = "exact", [TENTHS_MERGED] = "merged",
};

NEOERR *analysis_profit(struct req *r)
{
  enum tenths_how how = TENTHS_LIVE;
  struct rank_filter f;
  struct rank_at at;
  long long total = 0;
  HDF *h = r->hdf;
  NEOERR *err;
  if ((err = hdf_set_value(h, "Page.Section", "analysis")) ||
      (err = hdf_set_value(h, "Page.Sub", "profit")) ||
      (err = rank_filter_parse(r, RANK_PROFIT, &f)) || (err = tail_settings(r, &f)) ||
      (err = db_analysis_last_run(h, "Run", NULL)))
    return nerr_pass(err);
  f.run_id = hdf_get_int_value(h, "Run.id", 0);
  if ((err = db_profit_page(&r->user, &f, h, "Rows", &total, &at)) ||
      (err = positions(hdf_get_obj(h, "Rows"), (long long)(at.page - 1) * f.per + 1)) ||
      (err = db_profit_deciles(&r->user, &f, f.run_id, h, "Deciles", &how)) ||
      (err = hdf_set_value(h, "DecileHow", how_word[how])) ||
      (err = decile_shares(hdf_get_obj(h, "Deciles"))) ||
      (err = page_pager(r, total, at.page, f.per)) ||
      (err = page_pager_anchors(r, at.first, at.last)) || (err = page_charts(r)))
    return nerr_pass(err);
  r->template = "analysis/profit.cs";
  return STATUS_OK;
}

/* The row of db_profit_export. */
enum { C_ID, C_NAME, C_REGION_ID, C_REGION_ZH, C_REGION_EN, C_OWNER_ID, C_OWNER, C_CLASS,
       C_REVENUE, C_COGS, C_REBATES, C_SUPPORT, C_COMPENSATION, C_PROFIT, C_MARGIN, C_RANK,
       C_TAIL };
enum { X_POSITION = EXPORT_DERIVED, X_TAIL };

static const struct export_col cols[] = {
  { "Position", X_POSITION, 0, NULL, 1 }, { "Rank", C_RANK, 0, NULL, 1 },
  { "Code", C_ID, 0, NULL, 1 }, { "Name", C_NAME, 0, NULL, 0 },
  { "Region", C_REGION_ZH, C_REGION_EN, NULL, 0 }, { "Owner", C_OWNER, 0, NULL, 0 },
  { "Class", C_CLASS, 0, NULL, 0 }, { "Revenue", C_REVENUE, 0, NULL, 1 },
  { "Cogs", C_COGS, 0, NULL, 1 }, { "Rebates", C_REBATES, 0, NULL, 1 },
  { "Support", C_SUPPORT, 0, NULL, 1 }, { "Compensation", C_COMPENSATION, 0, NULL, 1 },
  { "Profit", C_PROFIT, 0, NULL, 1 }, { "Margin", C_MARGIN, 0, NULL, 1 },
  { "Tail", X_TAIL, 0, NULL, 0 },
};
#define NCOLS ((int)(sizeof cols / sizeof cols[0]))

struct source {
  struct rank_filter f;
  long long n;
  char position[24];
};

static void derive(void *ctx, const char *lang, const char *const *c, const char **out)
{
  struct source *s = ctx;
  snprintf(s->position, sizeof s->position, "%lld", ++s->n);
  int tail = c[C_TAIL] && !strcmp(c[C_TAIL], "1");
  for (int i = 0; i < NCOLS; i++) {
    if (cols[i].col == X_POSITION) out[i] = s->position;
    else if (cols[i].col == X_TAIL) out[i] = tail ? i18n_get(lang, "Profit.TailMark") : "";
  }
}

/* Download names: 客户盈利能力-YYYYMMDD.csv / .xlsx. */
static const struct export_spec spec = {
  .stem = "客户盈利能力", .head_prefix = "Profit.Col", .title = "Profit.Title",
  .cols = cols, .ncols = NCOLS, .csv_bare = 1, .derive = derive,
};

static NEOERR *rows(const struct user *u, void *ctx, export_each_fn each, void *each_ctx)
{
  struct source *s = ctx;
  return nerr_pass(db_profit_export(u, &s->f, each, each_ctx));
}

static NEOERR *profit_export(struct req *r, int xlsx)
{
  struct source s = { .n = 0 };
  NEOERR *err = rank_filter_parse(r, RANK_PROFIT, &s.f);
  if (!err) err = tail_settings(r, &s.f);
  if (!err) err = export_list(r, &spec, xlsx, rows, &s);
  return nerr_pass(err);
}

NEOERR *analysis_profit_csv(struct req *r) { return profit_export(r, 0); }
NEOERR *analysis_profit_xlsx(struct req *r) { return profit_export(r, 1); }
