/* Unit tests for the CSV reader (cgi-bin/core/csv_in.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/csv_in.h"

static struct csv_in c;

static void open_csv(const char *s)
{
  csv_in_init(&c, s, strlen(s), 0);
}

static void expect(int n, ...)
{
  assert_int_equal(csv_in_next(&c), 1);
  assert_int_equal(csv_in_count(&c), n);
  va_list ap;
  va_start(ap, n);
  for (int i = 0; i < n; i++) assert_string_equal(csv_in_field(&c, i), va_arg(ap, const char *));
  va_end(ap);
}

static void expect_end(void)
{
  assert_int_equal(csv_in_next(&c), 0);
  csv_in_free(&c);
}

static void test_plain(void **state)
{
  (void)state;
  open_csv("名称,编号\n恒泰商贸,C1\n");
  expect(2, "名称", "编号");
  expect(2, "恒泰商贸", "C1");
  expect_end();
}

static void test_no_trailing_newline(void **state)
{
  (void)state;
  open_csv("a,b\nc,d");
  expect(2, "a", "b");
  expect(2, "c", "d");
  expect_end();
}

static void test_crlf_and_cr(void **state)
{
  (void)state;
  open_csv("a,b\r\nc,d\r\ne,f\rg,h\r\n");
  expect(2, "a", "b");
  expect(2, "c", "d");
  expect(2, "e", "f");
  expect(2, "g", "h");
  expect_end();
}

static void test_quotes(void **state)
{
  (void)state;
  open_csv("\"a,b\",\"say \"\"hi\"\"\",\"\"\n\"x\ny\",\"r\r\nn\",z\n");
  expect(3, "a,b", "say \"hi\"", "");
  assert_int_equal(c.record_line, 1);
  expect(3, "x\ny", "r\r\nn", "z");
  assert_int_equal(c.record_line, 2);
  /* the quoted newlines count: the next record would start on line 5 */
  assert_int_equal(c.line, 5);
  expect_end();
}

static void test_empty_fields(void **state)
{
  (void)state;
  open_csv(",,\na,,b\n\n,\n");
  expect(3, "", "", "");
  expect(3, "a", "", "b");
  expect(1, "");
  expect(2, "", "");
  expect_end();
}

static void test_bom(void **state)
{
  (void)state;
  open_csv("\xef\xbb\xbf名称,编号\nx,y\n");
  expect(2, "名称", "编号");
  expect(2, "x", "y");
  expect_end();
}

static void test_lenient_quotes(void **state)
{
  (void)state;
  /* A quote inside an unquoted field stays; text after a closing quote
   * is appended. */
  open_csv("5\" pipe,\"ab\"cd,x\n");
  expect(3, "5\" pipe", "abcd", "x");
  expect_end();
}

static void test_unterminated(void **state)
{
  (void)state;
  open_csv("a,\"bc\nd\n");
  assert_int_equal(csv_in_next(&c), -1);
  csv_in_free(&c);
}

static void test_separator_guess(void **state)
{
  (void)state;
  open_csv("名称\t编号\nx,1\ty\n");
  assert_int_equal(c.sep, '\t');
  expect(2, "名称", "编号");
  expect(2, "x,1", "y");
  expect_end();
  open_csv("a;b\n");
  assert_int_equal(c.sep, ';');
  expect(2, "a", "b");
  expect_end();
  open_csv("\"a;b\",c\n");
  assert_int_equal(c.sep, ',');
  expect(2, "a;b", "c");
  expect_end();
}

static void test_nul_byte_length(void **state)
{
  (void)state;
  static const char data[] = "a\0b,c\n";
  csv_in_init(&c, data, sizeof data - 1, ',');
  assert_int_equal(csv_in_next(&c), 1);
  assert_int_equal(csv_in_len(&c, 0), 3);
  assert_int_equal(csv_in_len(&c, 1), 1);
  assert_string_equal(csv_in_field(&c, 5), "");
  expect_end();
}

static void test_empty_input(void **state)
{
  (void)state;
  open_csv("");
  expect_end();
  open_csv("\xef\xbb\xbf");
  expect_end();
}

static void test_many_fields(void **state)
{
  (void)state;
  char buf[4000] = "";
  for (int i = 0; i < 100; i++) strcat(buf, i ? ",f" : "f");
  strcat(buf, "\n");
  open_csv(buf);
  assert_int_equal(csv_in_next(&c), 1);
  assert_int_equal(csv_in_count(&c), 100);
  assert_string_equal(csv_in_field(&c, 99), "f");
  expect_end();
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_plain),
    cmocka_unit_test(test_no_trailing_newline),
    cmocka_unit_test(test_crlf_and_cr),
    cmocka_unit_test(test_quotes),
    cmocka_unit_test(test_empty_fields),
    cmocka_unit_test(test_bom),
    cmocka_unit_test(test_lenient_quotes),
    cmocka_unit_test(test_unterminated),
    cmocka_unit_test(test_separator_guess),
    cmocka_unit_test(test_nul_byte_length),
    cmocka_unit_test(test_empty_input),
    cmocka_unit_test(test_many_fields),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
