#ifndef KEHU_XLSX_OUT_H
#define KEHU_XLSX_OUT_H
/* An XLSX export written with libxlsxwriter in constant-memory mode: rows
 * go to a temporary file as they are written (memory stays flat whatever
 * the row count); xlsx_finish closes the workbook and hands back the file,
 * already unlinked, for streaming. Text cells get the formula-injection
 * guard of core/csv_out.h. One sheet, rows written in order. */
#include <ClearSilver.h>
#include <stdio.h>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

struct xlsx_out {
  struct lxw_workbook *wb;
  struct lxw_worksheet *ws;
  struct lxw_format *bold;
  char path[512];
  unsigned row;              /* the next row to write */
};

/* Creates the workbook in dir (created if missing) with one sheet. */
NEOERR *xlsx_open(struct xlsx_out *x, const char *dir, const char *sheet);
/* Cells of the current row; `bold` for a header row. */
NEOERR *xlsx_text(struct xlsx_out *x, int col, const char *s, int bold);
NEOERR *xlsx_number(struct xlsx_out *x, int col, double v);
void xlsx_next_row(struct xlsx_out *x);
/* Writes the file and opens it for reading (*f, at its start; the name is
 * already unlinked, so closing *f removes it); *size its length. */
NEOERR *xlsx_finish(struct xlsx_out *x, FILE **f, long *size);
/* Gives up: frees the workbook and removes the file (safe after finish). */
void xlsx_abort(struct xlsx_out *x);
/* Finishes the workbook and sends it as the response, a download named
 * filename (req_stream); on an error before the headers the workbook is
 * abandoned and the error page follows. */
struct req;
NEOERR *xlsx_send(struct xlsx_out *x, struct req *r, const char *filename);
#endif
