#ifndef KEHU_EXPORT_H
#define KEHU_EXPORT_H
/* What every list export (customers, complaints, dashboard) does the same
 * way around its own rows: a download named "<stem>-YYYYMMDD.<ext>" (the
 * day in China), CSV streamed from a buffer, XLSX built in $KEHU_VAR/tmp
 * with a bold header row. */
#include "core/req.h"
#include "core/xlsx_out.h"
#include <ClearSilver.h>

/* Writes buf and empties it; the first call starts the download, so that
 * an error before any row (the database away) still gets the error page. */
NEOERR *export_csv_flush(struct req *r, STRING *buf, const char *stem);
/* The workbook with its header row. */
NEOERR *export_xlsx_begin(struct xlsx_out *x, const char *sheet, const char *const *head, int n);
/* Sends the workbook, or abandons it when err is set (and passes err on). */
NEOERR *export_xlsx_end(struct xlsx_out *x, NEOERR *err, struct req *r, const char *stem);
#endif
