/* GET /dashboard.csv and .xlsx: the dealer table of the current region and
 * sort, every row, streamed through core/export.c. */
#include "dashboard/figures.h"
#include "core/format.h"
#include "dashboard/pages.h"
#include "core/export.h"
#include "db/dashboard_settings.h"
#include "core/i18n.h"
#include <stdio.h>
#include <stdlib.h>

enum { C_ID, C_NAME, C_CLASS, C_YTD, C_LY, C_TARGET, C_BUDGET, C_SPEND, C_COMPLAINTS,
       C_OVERDUE, C_CONTACT, C_PURCHASE, C_IDLE, C_SLEEP };
enum { X_GROWTH = EXPORT_DERIVED, X_ATTAIN, X_SLEEP };

static const struct export_col cols[] = {
  { "Code", C_ID, 0, NULL, 1 }, { "Name", C_NAME, 0, NULL, 0 },
  { "Class", C_CLASS, 0, NULL, 0 }, { "Ytd", C_YTD, 0, NULL, 1 }, { "Ly", C_LY, 0, NULL, 1 },
  { "Growth", X_GROWTH, 0, NULL, 1 }, { "Target", C_TARGET, 0, NULL, 1 },
  { "Attain", X_ATTAIN, 0, NULL, 1 }, { "Budget", C_BUDGET, 0, NULL, 1 },
  { "Spend", C_SPEND, 0, NULL, 1 }, { "Complaints", C_COMPLAINTS, 0, NULL, 1 },
  { "Overdue", C_OVERDUE, 0, NULL, 1 }, { "Contact", C_CONTACT, 0, NULL, 0 },
  { "Purchase", C_PURCHASE, 0, NULL, 0 }, { "Sleep", X_SLEEP, 0, NULL, 0 },
};
#define NCOLS ((int)(sizeof cols / sizeof cols[0]))

struct source {
  struct dash_filter f;
  struct dash_settings s;
  char growth[32], attain[32], sleep[64];
};

/* Growth, attainment and the sleep word, from the row's figures. */
static void derive(void *ctx, const char *lang, const char *const *c, const char **out)
{
  struct source *s = ctx;
  double pct;
  snprintf(s->sleep, sizeof s->sleep, "Dash.Sleep.%s",
           dash_sleep_of(c[C_SLEEP], c[C_IDLE] ? atol(c[C_IDLE]) : -1, s->s.doze_days,
                         s->s.half_days, s->s.deep_days));
  double ytd = c[C_YTD] ? strtod(c[C_YTD], NULL) : 0;
  s->growth[0] = s->attain[0] = '\0';
  if (pct_change(ytd, c[C_LY] ? strtod(c[C_LY], NULL) : 0, &pct))
    pct_text(pct, s->growth, sizeof s->growth);
  if (pct_share(ytd, c[C_TARGET] ? strtod(c[C_TARGET], NULL) : 0, &pct))
    pct_text(pct, s->attain, sizeof s->attain);
  for (int i = 0; i < NCOLS; i++) {
    switch (cols[i].col) {
    case X_GROWTH: out[i] = s->growth[0] ? s->growth : NULL; break;
    case X_ATTAIN: out[i] = s->attain[0] ? s->attain : NULL; break;
    case X_SLEEP: out[i] = i18n_get(lang, s->sleep); break;
    }
  }
}

/* Download names: 经销商看板-YYYYMMDD.csv / .xlsx. */
static const struct export_spec spec = {
  .stem = "经销商看板", .head_prefix = "Dash.Col", .title = "Dash.Title",
  .cols = cols, .ncols = NCOLS, .csv_bare = 1, .derive = derive,
};

static NEOERR *rows(const struct user *u, void *ctx, export_each_fn each, void *each_ctx)
{
  struct source *s = ctx;
  return nerr_pass(db_dash_export(u, &s->f, each, each_ctx));
}

static NEOERR *dash_export(struct req *r, int xlsx)
{
  struct source s;
  NEOERR *err = dash_filter_parse(r, &s.f);
  if (!err) err = db_dash_settings(&s.s);
  if (!err) err = export_list(r, &spec, xlsx, rows, &s);
  return nerr_pass(err);
}

NEOERR *dash_export_csv(struct req *r) { return dash_export(r, 0); }
NEOERR *dash_export_xlsx(struct req *r) { return dash_export(r, 1); }
