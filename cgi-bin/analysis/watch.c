/* GET /analysis/watch (and .csv, .xlsx): the hidden-dissatisfaction watch
 * list (隐性不满预警名单). Source 003: only about one unhappy customer in
 * ten says so; the others show it in what they do, paying later, ordering
 * less. The batch flags those behaviours (core/analysis_signal.c); this
 * page lists the flagged customers, highest score first, each with the
 * figures behind its reasons, and beside the filter how many customers of
 * the scope each reason flags (the batch's cells). */
#include "analysis/pages.h"
#include "analysis/rank.h"
#include "core/i18n.h"
#include "core/page.h"
#include "db/analysis_settings.h"
#include <stdio.h>
#include <string.h>

NEOERR *analysis_watch(struct req *r)
{
  struct rank_filter f;
  struct rank_at at;
  long long total = 0;
  NEOERR *err;
  if ((err = hdf_set_value(r->hdf, "Page.Section", "analysis")) ||
      (err = hdf_set_value(r->hdf, "Page.Sub", "watch")) ||
      (err = rank_filter_parse(r, RANK_WATCH, &f)) || (err = db_analysis_last_run(r->hdf, "Run", NULL)))
    return nerr_pass(err);
  f.run_id = hdf_get_int_value(r->hdf, "Run.id", 0);
  if ((err = db_watch_page(&r->user, &f, r->hdf, "Rows", &total, &at)) ||
      (err = db_watch_reason_counts(&r->user, f.region_id, r->hdf, "ReasonCounts")) ||
      (err = page_pager(r, total, at.page, f.per)) ||
      (err = page_pager_anchors(r, at.first, at.last)))
    return nerr_pass(err);
  r->template = "analysis/watch.cs";
  return STATUS_OK;
}

/* The row of db_watch_export. */
enum { C_ID, C_NAME, C_REGION_ID, C_REGION_ZH, C_REGION_EN, C_OWNER_ID, C_OWNER, C_CLASS,
       C_REVENUE, C_SCORE, C_R_LATE, C_R_ORDERS, C_R_CONTACTS, C_R_COMPLAINTS, C_LATE_EARLIER,
       C_LATE_RECENT, C_ORDERS_EARLIER, C_ORDERS_RECENT, C_UNANSWERED, C_COMPLAINTS };
enum { X_REASONS = EXPORT_DERIVED };

static const struct export_col cols[] = {
  { "Code", C_ID, 0, NULL, 1 }, { "Name", C_NAME, 0, NULL, 0 },
  { "Region", C_REGION_ZH, C_REGION_EN, NULL, 0 }, { "Owner", C_OWNER, 0, NULL, 0 },
  { "Class", C_CLASS, 0, NULL, 0 }, { "Revenue", C_REVENUE, 0, NULL, 1 },
  { "Score", C_SCORE, 0, NULL, 1 }, { "Reasons", X_REASONS, 0, NULL, 0 },
  { "LateEarlier", C_LATE_EARLIER, 0, NULL, 1 }, { "LateRecent", C_LATE_RECENT, 0, NULL, 1 },
  { "OrdersEarlier", C_ORDERS_EARLIER, 0, NULL, 1 },
  { "OrdersRecent", C_ORDERS_RECENT, 0, NULL, 1 },
  { "Unanswered", C_UNANSWERED, 0, NULL, 1 }, { "Complaints", C_COMPLAINTS, 0, NULL, 1 },
};
#define NCOLS ((int)(sizeof cols / sizeof cols[0]))

struct source {
  struct rank_filter f;
  char reasons[512];
};

static int on(const char *v) { return v && !strcmp(v, "1"); }

static const char *or0(const char *v) { return v ? v : "0"; }

/* "拖欠加剧: 3.2 → 15.0 天; 订货减少: 1200.00 → 300.00; …", the screen's
 * words with the figures behind each reason. */
static void derive(void *ctx, const char *lang, const char *const *c, const char **out)
{
  struct source *s = ctx;
  char *p = s->reasons, *end = s->reasons + sizeof s->reasons;
  const char *sep = "";
#define PUT(...) do { int k_ = snprintf(p, (size_t)(end - p), __VA_ARGS__); \
                      if (k_ > 0 && k_ < end - p) p += k_; } while (0)
  if (on(c[C_R_LATE])) {
    PUT("%s%s: %s → %s %s", sep, i18n_get(lang, "Watch.Reason.late"), or0(c[C_LATE_EARLIER]),
        or0(c[C_LATE_RECENT]), i18n_get(lang, "Watch.Days"));
    sep = "; ";
  }
  if (on(c[C_R_ORDERS])) {
    PUT("%s%s: %s → %s", sep, i18n_get(lang, "Watch.Reason.orders"), or0(c[C_ORDERS_EARLIER]),
        or0(c[C_ORDERS_RECENT]));
    sep = "; ";
  }
  if (on(c[C_R_CONTACTS])) {
    PUT("%s%s: %s %s", sep, i18n_get(lang, "Watch.Reason.contacts"), or0(c[C_UNANSWERED]),
        i18n_get(lang, "Watch.Items"));
    sep = "; ";
  }
  if (on(c[C_R_COMPLAINTS]))
    PUT("%s%s: %s %s", sep, i18n_get(lang, "Watch.Reason.complaints"), or0(c[C_COMPLAINTS]),
        i18n_get(lang, "Watch.Times"));
#undef PUT
  *p = '\0';
  for (int i = 0; i < NCOLS; i++)
    if (cols[i].col == X_REASONS) out[i] = s->reasons;
}

/* Download names: 隐性不满预警名单-YYYYMMDD.csv / .xlsx. */
static const struct export_spec spec = {
  .stem = "隐性不满预警名单", .head_prefix = "Watch.Col", .title = "Watch.Title",
  .cols = cols, .ncols = NCOLS, .csv_bare = 1, .derive = derive,
};

static NEOERR *rows(const struct user *u, void *ctx, export_each_fn each, void *each_ctx)
{
  struct source *s = ctx;
  return nerr_pass(db_watch_export(u, &s->f, each, each_ctx));
}

static NEOERR *watch_export(struct req *r, int xlsx)
{
  struct source s;
  NEOERR *err = rank_filter_parse(r, RANK_WATCH, &s.f);
  if (!err) err = export_list(r, &spec, xlsx, rows, &s);
  return nerr_pass(err);
}

NEOERR *analysis_watch_csv(struct req *r) { return watch_export(r, 0); }
NEOERR *analysis_watch_xlsx(struct req *r) { return watch_export(r, 1); }
