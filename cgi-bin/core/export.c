#include "core/clock.h"
#include "core/export.h"
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static void file_name(char *out, size_t n, const char *stem, const char *ext)
{
  struct tm tm = china_now();
  snprintf(out, n, "%s-%04d%02d%02d.%s", stem, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, ext);
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
