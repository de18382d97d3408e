/* GET /dashboard.csv and .xlsx: the dealer table of the current region and
 * sort, every row, streamed. Text cells get the formula guard of
 * core/csv_out.h in both writers. */
#include "dashboard/figures.h"
#include "core/format.h"
#include "dashboard/pages.h"
#include "core/csv_out.h"
#include "core/i18n.h"
#include "core/export.h"
#include "core/xlsx_out.h"
#include "db/dashboard_settings.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Download names: 经销商看板-YYYYMMDD.csv / .xlsx. */
#define STEM "经销商看板"

enum { C_ID, C_NAME, C_CLASS, C_YTD, C_LY, C_TARGET, C_BUDGET, C_SPEND, C_COMPLAINTS,
       C_OVERDUE, C_CONTACT, C_PURCHASE, C_IDLE };
enum { X_GROWTH = 100, X_ATTAIN, X_SLEEP };

/* The exported columns: header key (under L.Dash.Col), the source (a row
 * column or a derived X_ value), and whether XLSX writes a number. */
static const struct { const char *head; int col; int number; } xcols[] = {
  { "Code", C_ID, 1 }, { "Name", C_NAME, 0 }, { "Class", C_CLASS, 0 },
  { "Ytd", C_YTD, 1 }, { "Ly", C_LY, 1 }, { "Growth", X_GROWTH, 1 },
  { "Target", C_TARGET, 1 }, { "Attain", X_ATTAIN, 1 }, { "Budget", C_BUDGET, 1 },
  { "Spend", C_SPEND, 1 }, { "Complaints", C_COMPLAINTS, 1 }, { "Overdue", C_OVERDUE, 1 },
  { "Contact", C_CONTACT, 0 }, { "Purchase", C_PURCHASE, 0 }, { "Sleep", X_SLEEP, 0 },
};
#define NX ((int)(sizeof xcols / sizeof xcols[0]))

struct export {
  struct req *r;
  struct dash_settings s;
  STRING buf;                /* CSV: bytes not yet written */
  struct xlsx_out x;
  const char *head[NX];
  char growth[32], attain[32];
};

static NEOERR *prepare(struct export *e, struct req *r, struct dash_filter *f)
{
  char key[64];
  memset(e, 0, sizeof *e);
  e->r = r;
  for (int i = 0; i < NX; i++) {
    snprintf(key, sizeof key, "Dash.Col.%s", xcols[i].head);
    e->head[i] = i18n_get(r->lang, key);
  }
  NEOERR *err = dash_filter_parse(r, f);
  if (!err) err = db_dash_settings(&e->s);
  return nerr_pass(err);
}

/* The row's cells as text, in export order. */
static void cells(struct export *e, const char *const *c, const char **out)
{
  double pct;
  const char *sleep = dash_sleep(c[C_IDLE] ? atol(c[C_IDLE]) : -1, e->s.doze_days,
                                 e->s.half_days, e->s.deep_days);
  char key[64];
  snprintf(key, sizeof key, "Dash.Sleep.%s", sleep);
  double ytd = c[C_YTD] ? strtod(c[C_YTD], NULL) : 0;
  e->growth[0] = e->attain[0] = '\0';
  if (pct_change(ytd, c[C_LY] ? strtod(c[C_LY], NULL) : 0, &pct))
    pct_text(pct, e->growth, sizeof e->growth);
  if (pct_share(ytd, c[C_TARGET] ? strtod(c[C_TARGET], NULL) : 0, &pct))
    pct_text(pct, e->attain, sizeof e->attain);
  for (int i = 0; i < NX; i++) {
    switch (xcols[i].col) {
    case X_GROWTH: out[i] = e->growth[0] ? e->growth : NULL; break;
    case X_ATTAIN: out[i] = e->attain[0] ? e->attain : NULL; break;
    case X_SLEEP: out[i] = i18n_get(e->r->lang, key); break;
    default: out[i] = c[xcols[i].col];
    }
  }
}

/* A number we computed (a whole string strtod reads) goes out as it is, so
 * a fall of -12.5% stays a number; everything else through the guarded
 * csv_field (a dealer's name can be anything). */
static int is_number(const char *s)
{
  char *end;
  if (!s || !*s) return 0;
  strtod(s, &end);
  return *end == '\0';
}

static NEOERR *csv_each(void *ctx, const char *const *c)
{
  struct export *e = ctx;
  const char *v[NX];
  cells(e, c, v);
  NEOERR *err = STATUS_OK;
  for (int i = 0; i < NX && !err; i++) {
    if (xcols[i].number && is_number(v[i]))
      err = i ? string_appendf(&e->buf, ",%s", v[i]) : string_append(&e->buf, v[i]);
    else
      err = csv_field(&e->buf, v[i], i == 0);
  }
  if (!err) err = csv_end_row(&e->buf);
  if (!err && e->buf.len >= 64 * 1024) err = export_csv_flush(e->r, &e->buf, STEM);
  return nerr_pass(err);
}

NEOERR *dash_export_csv(struct req *r)
{
  struct dash_filter f;
  struct export e;
  NEOERR *err = prepare(&e, r, &f);
  if (err) return nerr_pass(err);
  string_init(&e.buf);
  if (!(err = string_append(&e.buf, CSV_BOM)) && !(err = csv_row(&e.buf, e.head, NX)) &&
      !(err = db_dash_export(&r->user, &f, csv_each, &e)))
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

NEOERR *dash_export_xlsx(struct req *r)
{
  struct dash_filter f;
  struct export e;
  NEOERR *err = prepare(&e, r, &f);
  if (err) return nerr_pass(err);
  if ((err = export_xlsx_begin(&e.x, i18n_get(r->lang, "Dash.Title"), e.head, NX)))
    return nerr_pass(err);
  err = db_dash_export(&r->user, &f, xlsx_each, &e);
  return nerr_pass(export_xlsx_end(&e.x, err, r, STEM));
}
