#include "core/xlsx_out.h"
#include "core/csv_out.h"
#include "core/req.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#define CELL_MAX 32767           /* Excel's longest text cell, in bytes here */

NEOERR *xlsx_open(struct xlsx_out *x, const char *dir, const char *sheet)
{
  memset(x, 0, sizeof *x);
  if (mkdir(dir, 0700) != 0 && errno != EEXIST)
    return nerr_raise_errno(NERR_SYSTEM, "mkdir %s", dir);
  if (snprintf(x->path, sizeof x->path, "%s/export-XXXXXX", dir) >= (int)sizeof x->path)
    return nerr_raise(NERR_ASSERT, "temp path too long");
  int fd = mkstemp(x->path);   /* reserves a unique name; the workbook rewrites it */
  if (fd < 0) {
    x->path[0] = '\0';
    return nerr_raise_errno(NERR_SYSTEM, "mkstemp in %s", dir);
  }
  close(fd);
  lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = (char *)dir };
  x->wb = workbook_new_opt(x->path, &opt);
  if (!x->wb) { xlsx_abort(x); return nerr_raise(NERR_SYSTEM, "workbook_new_opt failed"); }
  x->ws = workbook_add_worksheet(x->wb, sheet);
  x->bold = workbook_add_format(x->wb);
  if (!x->ws || !x->bold) { xlsx_abort(x); return nerr_raise(NERR_SYSTEM, "workbook setup failed"); }
  format_set_bold(x->bold);
  return STATUS_OK;
}

NEOERR *xlsx_text(struct xlsx_out *x, int col, const char *s, int bold)
{
  if (!s || !*s) return STATUS_OK;
  char buf[CELL_MAX + 1];
  const char *v = cell_safe(s, buf, sizeof buf);
  lxw_error e = worksheet_write_string(x->ws, x->row, (lxw_col_t)col, v, bold ? x->bold : NULL);
  if (e) return nerr_raise(NERR_SYSTEM, "xlsx cell: %s", lxw_strerror(e));
  return STATUS_OK;
}

NEOERR *xlsx_number(struct xlsx_out *x, int col, double v)
{
  lxw_error e = worksheet_write_number(x->ws, x->row, (lxw_col_t)col, v, NULL);
  if (e) return nerr_raise(NERR_SYSTEM, "xlsx cell: %s", lxw_strerror(e));
  return STATUS_OK;
}

void xlsx_next_row(struct xlsx_out *x)
{
  x->row++;
}

NEOERR *xlsx_finish(struct xlsx_out *x, FILE **f, long *size)
{
  *f = NULL;
  lxw_error e = workbook_close(x->wb);
  x->wb = NULL;
  if (e) { xlsx_abort(x); return nerr_raise(NERR_SYSTEM, "workbook_close: %s", lxw_strerror(e)); }
  FILE *in = fopen(x->path, "rb");
  if (!in) { NEOERR *err = nerr_raise_errno(NERR_IO, "open %s", x->path); xlsx_abort(x); return err; }
  unlink(x->path);
  x->path[0] = '\0';
  if (fseek(in, 0, SEEK_END) != 0 || (*size = ftell(in)) < 0 || fseek(in, 0, SEEK_SET) != 0) {
    fclose(in);
    return nerr_raise_errno(NERR_IO, "size of the workbook");
  }
  *f = in;
  return STATUS_OK;
}

void xlsx_abort(struct xlsx_out *x)
{
  if (x->wb) workbook_close(x->wb);   /* frees it; writes a file we remove */
  x->wb = NULL;
  if (x->path[0]) unlink(x->path);
  x->path[0] = '\0';
}

NEOERR *xlsx_send(struct xlsx_out *x, struct req *r, const char *filename)
{
  FILE *in = NULL;
  long size = 0;
  NEOERR *err = xlsx_finish(x, &in, &size);
  if (err) { xlsx_abort(x); return nerr_pass(err); }
  err = req_stream(r, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename);
  char chunk[64 * 1024];
  size_t got;
  while (!err && (got = fread(chunk, 1, sizeof chunk, in)) > 0) err = req_write(r, chunk, got);
  if (!err && ferror(in)) err = nerr_raise(NERR_IO, "reading the workbook");
  fclose(in);
  return nerr_pass(err);
}
