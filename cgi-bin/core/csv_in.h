#ifndef KEHU_CSV_IN_H
#define KEHU_CSV_IN_H
/* A small RFC 4180 reader over a buffer in memory (an uploaded file, already
 * converted to UTF-8). Quoted fields may hold separators, CR/LF and doubled
 * quotes; records end at LF, CRLF or CR; a UTF-8 byte-order mark at the start
 * is skipped. Lenient where Excel and friends are sloppy: a quote inside an
 * unquoted field is kept as it is, text after a closing quote is appended.
 * The only error is a quoted field still open at the end of the input.
 *
 * Why not Debian's libcsv: it reads on after text that follows a closing
 * quote (the rest of the file becomes one field), drops blank lines (row
 * numbers in the preview would shift), keeps a BOM, trims spaces and
 * gives no line numbers. */
#include <stddef.h>

struct csv_in {
  const char *p, *end;
  char sep;
  long line;                 /* line number where the next record starts */
  long record_line;          /* ... and where the last one returned started */
  char *buf;                 /* the fields of the last record, NUL-separated */
  size_t buf_len, buf_cap;
  size_t *starts, *lens;
  int nfields, cap_fields;
};

/* sep 0: guess from the first line (tab when it has tabs and no commas,
 * semicolon likewise, else comma). */
void csv_in_init(struct csv_in *c, const char *data, size_t n, char sep);
/* 1: a record is available (csv_in_field/csv_in_len); 0: end of input;
 * -1: unterminated quoted field, or out of memory. */
int csv_in_next(struct csv_in *c);
int csv_in_count(const struct csv_in *c);
/* Field i of the record, NUL-terminated ("" beyond the last). A field may
 * itself contain a NUL byte from the input: csv_in_len tells. */
const char *csv_in_field(const struct csv_in *c, int i);
size_t csv_in_len(const struct csv_in *c, int i);
void csv_in_free(struct csv_in *c);
#endif
