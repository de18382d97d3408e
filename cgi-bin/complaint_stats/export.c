/* GET /complaints/overview.csv and .xlsx: the complaints the overview
 * counts (same period, region and scope), one row each, streamed. Text
 * cells get the formula guard of core/csv_out.h in both writers. */
#include "complaint_stats/pages.h"
#include "core/csv_out.h"
#include "core/i18n.h"
#include "core/export.h"
#include "core/xlsx_out.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Download names: 投诉统计-YYYYMMDD.csv / .xlsx. */
#define STEM "投诉统计"

enum { C_TRACKING, C_RECEIVED, C_KIND, C_REASON, C_PRODUCT, C_REGION_ZH, C_REGION_EN, C_STEP,
       C_STATUS, C_FIRST_H, C_CLOSE_H, C_SATISFACTION };

/* The exported columns: header key (under L.Stats.Col), the row column,
 * the label group for enum values, and whether XLSX writes a number. */
static const struct { const char *head; int col; const char *group; int number; } xcols[] = {
  { "Tracking", C_TRACKING, NULL, 0 }, { "Received", C_RECEIVED, NULL, 0 },
  { "Kind", C_KIND, "Stats.Kind", 0 }, { "Reason", C_REASON, "Stats.Reason", 0 },
  { "Product", C_PRODUCT, NULL, 0 }, { "Region", C_REGION_ZH, NULL, 0 },
  { "Step", C_STEP, NULL, 1 }, { "Status", C_STATUS, "Stats.Status", 0 },
  { "FirstHours", C_FIRST_H, NULL, 1 }, { "CloseHours", C_CLOSE_H, NULL, 1 },
  { "Satisfaction", C_SATISFACTION, NULL, 1 },
};
#define NX ((int)(sizeof xcols / sizeof xcols[0]))

struct export {
  struct req *r;
  int en;
  STRING buf;                /* CSV: bytes not yet written */
  struct xlsx_out x;
  const char *head[NX];
};

static void prepare(struct export *e, struct req *r)
{
  char key[64];
  memset(e, 0, sizeof *e);
  e->r = r;
  e->en = strcmp(r->lang, "en") == 0;
  for (int i = 0; i < NX; i++) {
    snprintf(key, sizeof key, "Stats.Col.%s", xcols[i].head);
    e->head[i] = i18n_get(r->lang, key);
  }
}

/* The row's cells as text, in export order, enum values as screen words. */
static void cells(struct export *e, const char *const *c, const char **out)
{
  char key[96];
  for (int i = 0; i < NX; i++) {
    int k = xcols[i].col;
    if (k == C_REGION_ZH && e->en) k = C_REGION_EN;
    out[i] = c[k];
    if (xcols[i].group && c[k]) {
      snprintf(key, sizeof key, "%s.%s", xcols[i].group, c[k]);
      const char *s = i18n_get(e->r->lang, key);
      if (s != key) out[i] = s;   /* i18n_get answers with the key when missing */
    }
  }
}

static NEOERR *csv_each(void *ctx, const char *const *c)
{
  struct export *e = ctx;
  const char *v[NX];
  cells(e, c, v);
  NEOERR *err = csv_row(&e->buf, v, NX);
  if (!err && e->buf.len >= 64 * 1024) err = export_csv_flush(e->r, &e->buf, STEM);
  return nerr_pass(err);
}

NEOERR *stats_export_csv(struct req *r)
{
  struct stats_filter f;
  struct export e;
  prepare(&e, r);
  NEOERR *err = stats_filter_parse(r, &f);
  if (err) return nerr_pass(err);
  string_init(&e.buf);
  if (!(err = string_append(&e.buf, CSV_BOM)) && !(err = csv_row(&e.buf, e.head, NX)) &&
      !(err = db_complaint_export(&r->user, &f, csv_each, &e)))
    err = export_csv_flush(r, &e.buf, STEM);
  string_clear(&e.buf);
  return nerr_pass(err);
}

static NEOERR *xlsx_each(void *ctx, const char *const *c)
{
  struct export *e = ctx;
  NEOERR *err = STATUS_OK;
  const char *v[NX];
  cells(e, c, v);
  for (int i = 0; i < NX && !err; i++) {
    if (xcols[i].number && v[i]) err = xlsx_number(&e->x, i, strtod(v[i], NULL));
    else err = xlsx_text(&e->x, i, v[i], 0);
  }
  xlsx_next_row(&e->x);
  return nerr_pass(err);
}

NEOERR *stats_export_xlsx(struct req *r)
{
  struct stats_filter f;
  struct export e;
  prepare(&e, r);
  NEOERR *err = stats_filter_parse(r, &f);
  if (err) return nerr_pass(err);
  if ((err = export_xlsx_begin(&e.x, i18n_get(r->lang, "Stats.Title"), e.head, NX)))
    return nerr_pass(err);
  err = db_complaint_export(&r->user, &f, xlsx_each, &e);
  return nerr_pass(export_xlsx_end(&e.x, err, r, STEM));
}
