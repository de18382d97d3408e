#include "core/clock.h"
#include "core/csv_out.h"
#include "core/export.h"
#include "core/i18n.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* CSV bytes held before they are written. */
#define CSV_CHUNK (64 * 1024)

struct export {
  struct req *r;
  const struct export_spec *s;
  void *ctx;
  int en;
  STRING buf;                /* CSV: bytes not yet written */
  struct xlsx_out x;
  char keys[EXPORT_MAX_COLS][64];   /* i18n_get answers with the key when missing */
  const char *head[EXPORT_MAX_COLS];
};

static void file_name(char *out, size_t n, const char *stem, const char *ext)
{
  struct tm tm = china_now();
  snprintf(out, n, "%s-%04d%02d%02d.%s", stem, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, ext);
}

static NEOERR *prepare(struct export *e, struct req *r, const struct export_spec *s, void *ctx)
{
  if (s->ncols > EXPORT_MAX_COLS)
    return nerr_raise(NERR_ASSERT, "export %s: %d columns", s->stem, s->ncols);
  memset(e, 0, sizeof *e);
  e->r = r;
  e->s = s;
  e->ctx = ctx;
  e->en = strcmp(r->lang, "en") == 0;
  for (int i = 0; i < s->ncols; i++) {
    snprintf(e->keys[i], sizeof e->keys[i], "%s.%s", s->head_prefix, s->cols[i].head);
    e->head[i] = i18n_get(r->lang, e->keys[i]);
  }
  return STATUS_OK;
}

static const char *label(const char *lang, const char *group, const char *v)
{
  if (!group || !v) return v;
  char key[96];
  snprintf(key, sizeof key, "%s.%s", group, v);
  const char *s = i18n_get(lang, key);
  return s == key ? v : s;   /* i18n_get answers with the key when missing */
}

/* The row's cells as text, in export order. */
static void cells(struct export *e, const char *const *row, const char **out)
{
  const struct export_col *c = e->s->cols;
  for (int i = 0; i < e->s->ncols; i++) {
    int k = e->en && c[i].en_col ? c[i].en_col : c[i].col;
    out[i] = k < EXPORT_DERIVED ? label(e->r->lang, c[i].group, row[k]) : NULL;
  }
  if (e->s->derive) e->s->derive(e->ctx, e->r->lang, row, out);
}

/* A whole string strtod reads. */
static int is_number(const char *s)
{
  char *end;
  if (!s || !*s) return 0;
  strtod(s, &end);
  return *end == '\0';
}

NEOERR *export_csv_flush(struct req *r, STRING *buf, const char *stem)
{
  NEOERR *err;
  if (!r->streamed) {
    char name[128];
    file_name(name, sizeof name, stem, "csv");
    if ((err = req_stream(r, "text/csv; charset=utf-8", name))) return nerr_pass(err);
  }
  err = buf->len ? req_write(r, buf->buf, (size_t)buf->len) : STATUS_OK;
  buf->len = 0;
  if (buf->buf) buf->buf[0] = '\0';
  return nerr_pass(err);
}

/* Numbers go out bare when the spec says so, everything else through the
 * guarded csv_field (a name can be anything). */
static NEOERR *csv_each(void *ctx, const char *const *row)
{
  struct export *e = ctx;
  const char *v[EXPORT_MAX_COLS];
  cells(e, row, v);
  NEOERR *err = STATUS_OK;
  for (int i = 0; i < e->s->ncols && !err; i++) {
    if (e->s->csv_bare && e->s->cols[i].number && is_number(v[i]))
      err = i ? string_appendf(&e->buf, ",%s", v[i]) : string_append(&e->buf, v[i]);
    else
      err = csv_field(&e->buf, v[i], i == 0);
  }
  if (!err) err = csv_end_row(&e->buf);
  if (!err && e->buf.len >= CSV_CHUNK) err = export_csv_flush(e->r, &e->buf, e->s->stem);
  return nerr_pass(err);
}

NEOERR *export_csv(struct req *r, const struct export_spec *s, export_rows_fn rows, void *ctx)
{
  struct export e;
  NEOERR *err = prepare(&e, r, s, ctx);
  if (err) return nerr_pass(err);
  string_init(&e.buf);
  if (!(err = string_append(&e.buf, CSV_BOM)) && !(err = csv_row(&e.buf, e.head, s->ncols)) &&
      !(err = rows(&r->user, ctx, csv_each, &e)))
    err = export_csv_flush(r, &e.buf, s->stem);   /* no rows: the header alone */
  string_clear(&e.buf);
  return nerr_pass(err);
}

NEOERR *export_xlsx_begin(struct xlsx_out *x, const char *sheet, const char *const *head, int n)
{
  const char *var = getenv("KEHU_VAR");
  char dir[400];
  snprintf(dir, sizeof dir, "%s/tmp", var && *var ? var : "var");
  NEOERR *err = xlsx_open(x, dir, sheet);
  for (int i = 0; i < n && !err; i++) err = xlsx_text(x, i, head[i], 1);
  if (err) { xlsx_abort(x); return nerr_pass(err); }
  xlsx_next_row(x);
  return STATUS_OK;
}

NEOERR *export_xlsx_end(struct xlsx_out *x, NEOERR *err, struct req *r, const char *stem)
{
  if (err) { xlsx_abort(x); return nerr_pass(err); }
  char name[128];
  file_name(name, sizeof name, stem, "xlsx");
  return nerr_pass(xlsx_send(x, r, name));
}

static NEOERR *xlsx_each(void *ctx, const char *const *row)
{
  struct export *e = ctx;
  NEOERR *err = STATUS_OK;
  const char *v[EXPORT_MAX_COLS];
  cells(e, row, v);
  for (int i = 0; i < e->s->ncols && !err; i++) {
    if (e->s->cols[i].number && v[i]) err = xlsx_number(&e->x, i, strtod(v[i], NULL));
    else err = xlsx_text(&e->x, i, v[i], 0);
  }
  xlsx_next_row(&e->x);
  return nerr_pass(err);
}

NEOERR *export_xlsx(struct req *r, const struct export_spec *s, export_rows_fn rows, void *ctx)
{
  struct export e;
  NEOERR *err = prepare(&e, r, s, ctx);
  if (err) return nerr_pass(err);
  if ((err = export_xlsx_begin(&e.x, i18n_get(r->lang, s->title), e.head, s->ncols)))
    return nerr_pass(err);
  err = rows(&r->user, ctx, xlsx_each, &e);
  return nerr_pass(export_xlsx_end(&e.x, err, r, s->stem));
}

NEOERR *export_list(struct req *r, const struct export_spec *s, int xlsx, export_rows_fn rows,
                    void *ctx)
{
  return nerr_pass(xlsx ? export_xlsx(r, s, rows, ctx) : export_csv(r, s, rows, ctx));
}
