#ifndef KEHU_XLSX_IN_H
#define KEHU_XLSX_IN_H
/* Reads the first worksheet of an XLSX file (a zip of XML parts) held in
 * memory, streaming its XML through expat: shared strings
 * (xl/sharedStrings.xml) and inline strings, numbers as Excel stored them
 * (integral values without ".0", float noise rounded to 15 digits).
 * Formulas give their cached value. */
#include <ClearSilver.h>
#include <stddef.h>

/* 1 when the data starts like a zip file ("PK\3\4"). */
int xlsx_in_is_zip(const void *data, size_t n);

/* Called once per row that has at least one cell; `row` is the sheet's
 * row number (1-based), cells[0..ncells) the columns A, B, ... ("" for an
 * empty cell). Return an error to stop reading (it is passed on). */
typedef NEOERR *(*xlsx_row_fn)(void *ctx, long row, int ncells,
                               const char *const *cells, const size_t *lens);

/* NERR_PARSE when the data is not a readable workbook. */
NEOERR *xlsx_in_read(const void *data, size_t n, xlsx_row_fn fn, void *ctx);

/* Limits against hostile files. */
#define XLSX_MAX_COLS 256
#define XLSX_MAX_CELL (64 * 1024)
#define XLSX_MAX_SHEET (1024L * 1024 * 1024)   /* uncompressed sheet XML, streamed */
#define XLSX_MAX_STRINGS (128L * 1024 * 1024)  /* sharedStrings.xml, held in memory */
#endif
