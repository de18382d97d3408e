/* Unit tests for the export writers' cell handling (cgi-bin/core/csv_out.h):
 * RFC 4180 quoting and the formula-injection guard; the Mroonga query
 * escaping of the list's search (cgi-bin/db/customer_list.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv_out.h"
#include "db/customer_list.h"

/* One field as a whole row, without its CRLF. */
static char *field(const char *in)
{
  static char out[256];
  STRING s;
  string_init(&s);
  NEOERR *err = csv_field(&s, in, 1);
  assert_null(err);
  snprintf(out, sizeof out, "%s", s.buf ? s.buf : "");
  string_clear(&s);
  return out;
}

static void test_plain_fields_unquoted(void **state)
{
  (void)state;
  assert_string_equal(field("C0000001"), "C0000001");
  assert_string_equal(field("长沙兴发电子科技有限公司"), "长沙兴发电子科技有限公司");
  assert_string_equal(field(""), "");
  assert_string_equal(field(NULL), "");
  assert_string_equal(field("0731-25604280"), "0731-25604280");   /* '-' not first */
}

static void test_quoting(void **state)
{
  (void)state;
  assert_string_equal(field("a,b"), "\"a,b\"");
  assert_string_equal(field("say \"hi\""), "\"say \"\"hi\"\"\"");
  assert_string_equal(field("\""), "\"\"\"\"");
  assert_string_equal(field("line1\nline2"), "\"line1\nline2\"");
  assert_string_equal(field("cr\rhere"), "\"cr\rhere\"");
  assert_string_equal(field("北京,朝阳区"), "\"北京,朝阳区\"");
}

static void test_formula_guard(void **state)
{
  (void)state;
  assert_string_equal(field("=1+1"), "'=1+1");
  assert_string_equal(field("+86 138"), "'+86 138");
  assert_string_equal(field("-5"), "'-5");
  assert_string_equal(field("@SUM(A1)"), "'@SUM(A1)");
  assert_string_equal(field("\t=cmd"), "'\t=cmd");
  /* guarded and quoted: the apostrophe goes inside the quotes */
  assert_string_equal(field("=HYPERLINK(\"x\",\"y\")"), "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
  assert_string_equal(field("\r=1"), "\"'\r=1\"");
  /* only the first character counts */
  assert_string_equal(field("a=1"), "a=1");
  assert_string_equal(field(" =1"), " =1");
}

static void test_cell_is_risky(void **state)
{
  (void)state;
  assert_true(cell_is_risky("="));
  assert_true(cell_is_risky("+"));
  assert_true(cell_is_risky("-"));
  assert_true(cell_is_risky("@"));
  assert_true(cell_is_risky("\t"));
  assert_true(cell_is_risky("\r"));
  assert_false(cell_is_risky(""));
  assert_false(cell_is_risky(NULL));
  assert_false(cell_is_risky("华东=1"));
  assert_false(cell_is_risky("'=1"));
}

static void test_cell_safe(void **state)
{
  (void)state;
  char buf[16];
  const char *plain = "abc";
  assert_ptr_equal(cell_safe(plain, buf, sizeof buf), plain);
  assert_string_equal(cell_safe("=1+1", buf, sizeof buf), "'=1+1");
  assert_string_equal(cell_safe(NULL, buf, sizeof buf), "");
  /* truncated on a character boundary: "=" + five 3-byte characters
   * needs 17 bytes; 16 leaves room for "'=" and four characters */
  assert_string_equal(cell_safe("=华东华东华", buf, sizeof buf), "'=华东华东");
}

static void test_row(void **state)
{
  (void)state;
  const char *f[] = { "C1", "=2*3", NULL, "a\"b", "x,y" };
  STRING s;
  string_init(&s);
  assert_null(csv_row(&s, f, 5));
  assert_string_equal(s.buf, "C1,'=2*3,,\"a\"\"b\",\"x,y\"\r\n");
  string_clear(&s);
  assert_int_equal(strlen(CSV_BOM), 3);
}

static void test_search_query(void **state)
{
  (void)state;
  char out[32];
  assert_true(customer_search_query(out, sizeof out, "华东"));
  assert_string_equal(out, "+\"华东\"");
  assert_true(customer_search_query(out, sizeof out, "a\"b\\c"));
  assert_string_equal(out, "+\"a\\\"b\\\\c\"");
  /* operators inside the phrase are just text */
  assert_true(customer_search_query(out, sizeof out, "-x +y *"));
  assert_string_equal(out, "+\"-x +y *\"");
  char tiny[6];
  assert_false(customer_search_query(tiny, sizeof tiny, "abcd"));
  assert_true(customer_search_query(tiny, sizeof tiny, "ab"));
  assert_string_equal(tiny, "+\"ab\"");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_plain_fields_unquoted),
    cmocka_unit_test(test_quoting),
    cmocka_unit_test(test_formula_guard),
    cmocka_unit_test(test_cell_is_risky),
    cmocka_unit_test(test_cell_safe),
    cmocka_unit_test(test_row),
    cmocka_unit_test(test_search_query),
  };
  return cmocka_run_group_tests_name("csv_out", tests, NULL, NULL);
}
