/* Unit tests for the XLSX reader (cgi-bin/core/xlsx_in.h): a workbook
 * written by libxlsxwriter (shared strings, numbers) and hand-made ones
 * (inline strings, rich text, phonetic runs, prefixes, missing cell refs). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "core/xlsx_in.h"

/* The rows read, as "row:cell|cell|...\n" lines. */
static char got[4096];

static NEOERR *collect(void *ctx, long row, int ncells, const char *const *cells,
                       const size_t *lens)
{
  (void)ctx;
  size_t n = strlen(got);
  n += snprintf(got + n, sizeof got - n, "%ld:", row);
  for (int i = 0; i < ncells; i++) {
    assert_int_equal(strlen(cells[i]), lens[i]);
    n += snprintf(got + n, sizeof got - n, "%s%s", i ? "|" : "", cells[i]);
  }
  snprintf(got + n, sizeof got - n, "\n");
  return STATUS_OK;
}

static char *slurp(const char *path, size_t *n)
{
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  char *buf = malloc(1 << 20);
  assert_non_null(buf);
  *n = fread(buf, 1, 1 << 20, f);
  fclose(f);
  return buf;
}

static NEOERR *read_file(const char *path)
{
  size_t n;
  char *data = slurp(path, &n);
  got[0] = '\0';
  NEOERR *err = xlsx_in_read(data, n, collect, NULL);
  free(data);
  return err;
}

static void test_xlsxwriter_workbook(void **state)
{
  (void)state;
  char path[] = "/tmp/kehu-xlsx-XXXXXX.xlsx";
  int fd = mkstemps(path, 5);
  assert_true(fd >= 0);
  close(fd);
  lxw_workbook *wb = workbook_new(path);
  lxw_worksheet *ws = workbook_add_worksheet(wb, "客户");
  worksheet_write_string(ws, 0, 0, "名称", NULL);
  worksheet_write_string(ws, 0, 1, "电话", NULL);
  worksheet_write_string(ws, 0, 3, "成立年份", NULL);
  worksheet_write_string(ws, 1, 0, "恒泰商贸 & <Co>", NULL);
  worksheet_write_number(ws, 1, 1, 13812345678.0, NULL);
  worksheet_write_number(ws, 1, 2, 0.1 + 0.2, NULL);
  worksheet_write_number(ws, 1, 3, 2005, NULL);
  /* row 3 empty, row 4 with one cell in column C */
  worksheet_write_string(ws, 3, 2, "名称", NULL);
  assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
  NEOERR *err = read_file(path);
  unlink(path);
  assert_null(err);
  assert_string_equal(got, "1:名称|电话||成立年份\n"
                           "2:恒泰商贸 & <Co>|13812345678|0.3|2005\n"
                           "4:||名称\n");
}

/* A zip with the given parts (name, text pairs, NULL-terminated). */
static char *make_zip(size_t *n, ...)
{
  char path[] = "/tmp/kehu-zip-XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  close(fd);
  int ze;
  zip_t *z = zip_open(path, ZIP_TRUNCATE, &ze);
  assert_non_null(z);
  va_list ap;
  va_start(ap, n);
  const char *name;
  while ((name = va_arg(ap, const char *))) {
    const char *text = va_arg(ap, const char *);
    zip_source_t *src = zip_source_buffer(z, text, strlen(text), 0);
    assert_non_null(src);
    assert_true(zip_file_add(z, name, src, ZIP_FL_ENC_UTF_8) >= 0);
  }
  va_end(ap);
  assert_int_equal(zip_close(z), 0);
  char *data = slurp(path, n);
  unlink(path);
  return data;
}

static void test_inline_rich_phonetic(void **state)
{
  (void)state;
  size_t n;
  char *data = make_zip(&n,
      "xl/sharedStrings.xml",
      "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      "<si><t>编号</t></si>"
      "<si><r><t>华</t></r><r><rPr><b/></rPr><t>东</t></r><rPh sb=\"0\" eb=\"1\"><t>huadong</t></rPh></si>"
      "</sst>",
      "xl/worksheets/sheet1.xml",
      "<?xml version=\"1.0\"?><x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      "<x:sheetData>"
      "<x:row r=\"1\"><x:c t=\"s\"><x:v>0</x:v></x:c><x:c t=\"inlineStr\"><x:is><x:t>区域</x:t></x:is></x:c></x:row>"
      "<x:row><x:c r=\"A2\" t=\"inlineStr\"><x:is><x:t xml:space=\"preserve\"> C1 </x:t></x:is></x:c>"
      "<x:c r=\"B2\" t=\"s\"><x:v>1</x:v></x:c><x:c r=\"C2\" t=\"str\"><x:f>A1</x:f><x:v>x&amp;y</x:v></x:c>"
      "<x:c r=\"D2\" t=\"s\"><x:v>99</x:v></x:c><x:c r=\"E2\" t=\"b\"><x:v>1</x:v></x:c></x:row>"
      "</x:sheetData></x:worksheet>",
      NULL);
  got[0] = '\0';
  NEOERR *err = xlsx_in_read(data, n, collect, NULL);
  free(data);
  assert_null(err);
  assert_string_equal(got, "1:编号|区域\n2: C1 |华东|x&y||1\n");
}

static void test_other_sheet_name(void **state)
{
  (void)state;
  size_t n;
  char *data = make_zip(&n, "xl/worksheets/客户.xml",
                        "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>a</t></is></c>"
                        "</row></sheetData></worksheet>", NULL);
  got[0] = '\0';
  NEOERR *err = xlsx_in_read(data, n, collect, NULL);
  free(data);
  assert_null(err);
  assert_string_equal(got, "1:a\n");
}

static void test_not_a_workbook(void **state)
{
  (void)state;
  NEOERR *err = xlsx_in_read("a,b\n", 4, collect, NULL);
  assert_non_null(err);
  assert_true(nerr_match(err, NERR_PARSE));
  nerr_ignore(&err);
  /* a zip without a worksheet */
  size_t n;
  char *data = make_zip(&n, "hello.txt", "hi", NULL);
  err = xlsx_in_read(data, n, collect, NULL);
  free(data);
  assert_non_null(err);
  assert_true(nerr_match(err, NERR_PARSE));
  nerr_ignore(&err);
  /* broken XML */
  data = make_zip(&n, "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row>", NULL);
  err = xlsx_in_read(data, n, collect, NULL);
  free(data);
  assert_non_null(err);
  assert_true(nerr_match(err, NERR_PARSE));
  nerr_ignore(&err);
  /* the zip magic, then garbage */
  static const char junk[] = "PK\3\4 this is not really a zip file at all";
  assert_true(xlsx_in_is_zip(junk, sizeof junk - 1));
  err = xlsx_in_read(junk, sizeof junk - 1, collect, NULL);
  assert_non_null(err);
  assert_true(nerr_match(err, NERR_PARSE));
  nerr_ignore(&err);
}

static NEOERR *stop_at_two(void *ctx, long row, int ncells, const char *const *cells,
                           const size_t *lens)
{
  (void)cells; (void)lens; (void)ncells;
  int *count = ctx;
  if (++*count == 2) return nerr_raise(NERR_ASSERT, "stop at row %ld", row);
  return STATUS_OK;
}

static void test_callback_error_stops(void **state)
{
  (void)state;
  size_t n;
  char *data = make_zip(&n, "xl/worksheets/sheet1.xml",
                        "<worksheet><sheetData>"
                        "<row r=\"1\"><c><v>1</v></c></row><row r=\"2\"><c><v>2</v></c></row>"
                        "<row r=\"3\"><c><v>3</v></c></row></sheetData></worksheet>", NULL);
  int count = 0;
  NEOERR *err = xlsx_in_read(data, n, stop_at_two, &count);
  free(data);
  assert_non_null(err);
  assert_true(nerr_match(err, NERR_ASSERT));
  nerr_ignore(&err);
  assert_int_equal(count, 2);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_xlsxwriter_workbook),
    cmocka_unit_test(test_inline_rich_phonetic),
    cmocka_unit_test(test_other_sheet_name),
    cmocka_unit_test(test_not_a_workbook),
    cmocka_unit_test(test_callback_error_stops),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
