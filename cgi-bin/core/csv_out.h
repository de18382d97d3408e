#ifndef KEHU_CSV_OUT_H
#define KEHU_CSV_OUT_H
/* Writing spreadsheet cells for exports: CSV per RFC 4180 (fields quoted
 * when they hold a comma, quote, CR or LF; quotes doubled; rows end CRLF),
 * and the formula-injection guard shared with the XLSX writer. */
#include <ClearSilver.h>
#include <stddef.h>

/* UTF-8 byte-order mark: Excel reads the file as UTF-8 only with it. */
#define CSV_BOM "\xEF\xBB\xBF"

/* 1 when a spreadsheet would read the text as a formula (or a formula
 * smuggled behind a tab or CR): it begins with = + - @ TAB or CR. */
int cell_is_risky(const char *s);

/* The text a cell should hold: risky text gets a leading apostrophe.
 * Writes into buf (NUL-terminated, truncated to n-1 bytes on a UTF-8
 * boundary) and returns buf; returns s itself when nothing changes. */
const char *cell_safe(const char *s, char *buf, size_t n);

/* Append one field (NULL as empty), guarded and quoted as needed; `first`
 * says whether it starts the row (no comma before it). */
NEOERR *csv_field(STRING *out, const char *s, int first);
/* End the row (CRLF). */
NEOERR *csv_end_row(STRING *out);
/* A whole row of n fields. */
NEOERR *csv_row(STRING *out, const char *const *fields, int n);
#endif
