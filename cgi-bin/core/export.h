#ifndef KEHU_EXPORT_H
#define KEHU_EXPORT_H
/* What every list export (customers, complaints, dashboard) does the same
 * way around its own rows: a download named "<stem>-YYYYMMDD.<ext>" (the
 * day in China), CSV streamed from a buffer, XLSX built in $KEHU_VAR/tmp
 * with a bold header row.
 *
 * A list export describes its columns (struct export_spec) and hands over
 * a function that walks its rows (the db_*_export call with its filter);
 * export_csv and export_xlsx do the rest. Text cells get the formula guard
 * of core/csv_out.h in both writers. */
#include "core/req.h"
#include "core/xlsx_out.h"
#include <ClearSilver.h>

#define EXPORT_MAX_COLS 32
/* Columns at or above this number are not in the row: the spec's derive
 * fills them. */
#define EXPORT_DERIVED 100

struct export_col {
  const char *head;    /* header key, under the spec's head_prefix */
  int col;             /* the row's column (or a derived one, >= EXPORT_DERIVED) */
  int en_col;          /* the row's column for English when it differs (0: none) */
  const char *group;   /* enum values as screen words: L.<group>.<value>, else the value */
  int number;          /* a number: an XLSX number (in CSV see the spec's csv_bare) */
};

struct export_spec {
  const char *stem;         /* the download's name before the date */
  const char *head_prefix;  /* e.g. "Stats.Col": headers are L.<prefix>.<head> */
  const char *title;        /* the key of the XLSX sheet's name */
  const struct export_col *cols;
  int ncols;                /* at most EXPORT_MAX_COLS */
  /* CSV: a number column whose cell strtod reads whole goes out bare, so
   * a fall of -12.5 stays a number; unset, it is guarded like text. */
  int csv_bare;
  /* Called once a row after the plain cells are in out[] (in export
   * order), to set the derived ones; NULL when there are none. */
  void (*derive)(void *ctx, const char *lang, const char *const *row, const char **out);
};

/* Walks the rows the user may see (the db_*_export call), calling
 * each(each_ctx, row) for every one (NULL cells for SQL NULL); a non-OK
 * return from each stops it. */
typedef NEOERR *(*export_each_fn)(void *each_ctx, const char *const *row);
typedef NEOERR *(*export_rows_fn)(const struct user *u, void *ctx, export_each_fn each,
                                  void *each_ctx);

/* The whole download: header row, then every row rows() gives. ctx (the
 * filter) goes to rows() and to the spec's derive. */
NEOERR *export_csv(struct req *r, const struct export_spec *s, export_rows_fn rows, void *ctx);
NEOERR *export_xlsx(struct req *r, const struct export_spec *s, export_rows_fn rows, void *ctx);
/* export_xlsx when xlsx is set, else export_csv. */
NEOERR *export_list(struct req *r, const struct export_spec *s, int xlsx, export_rows_fn rows,
                    void *ctx);

/* The pieces, for a download that is not a list (the statement). */
/* Writes buf and empties it; the first call starts the download, so that
 * an error before any row (the database away) still gets the error page. */
NEOERR *export_csv_flush(struct req *r, STRING *buf, const char *stem);
/* The workbook with its header row. */
NEOERR *export_xlsx_begin(struct xlsx_out *x, const char *sheet, const char *const *head, int n);
/* Sends the workbook, or abandons it when err is set (and passes err on). */
NEOERR *export_xlsx_end(struct xlsx_out *x, NEOERR *err, struct req *r, const char *stem);
#endif
