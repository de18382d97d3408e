/* Unit tests for encoding detection and conversion (cgi-bin/core/charset.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/charset.h"

/* 客户 in GBK: BF CD BB A7; 恒泰 in GBK: BA E3 CC A9 */
#define GBK_KEHU "\xbf\xcd\xbb\xa7"
#define GBK_HENGTAI "\xba\xe3\xcc\xa9"

static char *convert(const char *s, size_t n, const char *from)
{
  char *out;
  size_t len;
  NEOERR *err = charset_to_utf8(s, n, from, &out, &len);
  if (err) { nerr_ignore(&err); return NULL; }
  assert_int_equal(strlen(out), len);
  return out;
}

static void test_is_utf8(void **state)
{
  (void)state;
  assert_true(charset_is_utf8("", 0));
  assert_true(charset_is_utf8("abc,\x01\n", 6));
  assert_true(charset_is_utf8("客户", strlen("客户")));
  assert_true(charset_is_utf8("\xf0\x9f\x98\x80", 4));
  assert_false(charset_is_utf8(GBK_KEHU, 4));
  assert_false(charset_is_utf8("\xc0\xaf", 2));          /* overlong */
  assert_false(charset_is_utf8("\xed\xa0\x80", 3));      /* surrogate */
  assert_false(charset_is_utf8("\xf4\x90\x80\x80", 4));  /* > U+10FFFF */
  assert_false(charset_is_utf8("\xe5\xae", 2));          /* truncated */
}

static void test_detect(void **state)
{
  (void)state;
  assert_string_equal(charset_detect("a,b\n", 4), "UTF-8");
  assert_string_equal(charset_detect("\xef\xbb\xbf" "a", 4), "UTF-8");
  assert_string_equal(charset_detect("名称,编号", strlen("名称,编号")), "UTF-8");
  assert_string_equal(charset_detect(GBK_KEHU ",x", 6), "GB18030");
  assert_string_equal(charset_detect("\xff\xfe" "a\0", 4), "UTF-16LE");
  assert_string_equal(charset_detect("\xfe\xff\0a", 4), "UTF-16BE");
}

static void test_gbk(void **state)
{
  (void)state;
  char *s = convert(GBK_KEHU "," GBK_HENGTAI "\r\n", 11, "GB18030");
  assert_non_null(s);
  assert_string_equal(s, "客户,恒泰\r\n");
  free(s);
  /* a four-byte GB18030 sequence: U+20000 is 95 32 82 36 */
  s = convert("\x95\x32\x82\x36", 4, "GB18030");
  assert_non_null(s);
  assert_string_equal(s, "\xf0\xa0\x80\x80");
  free(s);
}

static void test_gbk_invalid(void **state)
{
  (void)state;
  char *out;
  size_t len;
  NEOERR *err = charset_to_utf8("ab\xff\xff", 4, "GB18030", &out, &len);
  assert_non_null(err);
  assert_true(nerr_match(err, NERR_PARSE));
  nerr_ignore(&err);
  assert_null(out);
  /* a lead byte cut off at the end */
  err = charset_to_utf8("ab\xbf", 3, "GB18030", &out, &len);
  assert_non_null(err);
  nerr_ignore(&err);
}

static void test_utf8_bom_dropped(void **state)
{
  (void)state;
  char *s = convert("\xef\xbb\xbf" "名称", 3 + strlen("名称"), "UTF-8");
  assert_non_null(s);
  assert_string_equal(s, "名称");
  free(s);
  assert_null(convert("\xef\xbb\xbf\xbf\xcd", 5, "UTF-8"));
}

static void test_utf16(void **state)
{
  (void)state;
  /* BOM, 名 (U+540D), "\t", "a" */
  static const char le[] = "\xff\xfe\x0d\x54\x09\x00\x61\x00";
  char *s = convert(le, sizeof le - 1, "UTF-16LE");
  assert_non_null(s);
  assert_string_equal(s, "名\ta");
  free(s);
  static const char be[] = "\xfe\xff\x54\x0d\x00\x61";
  s = convert(be, sizeof be - 1, "UTF-16BE");
  assert_non_null(s);
  assert_string_equal(s, "名a");
  free(s);
}

static void test_empty(void **state)
{
  (void)state;
  char *s = convert("", 0, "GB18030");
  assert_non_null(s);
  assert_string_equal(s, "");
  free(s);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_is_utf8),
    cmocka_unit_test(test_detect),
    cmocka_unit_test(test_gbk),
    cmocka_unit_test(test_gbk_invalid),
    cmocka_unit_test(test_utf8_bom_dropped),
    cmocka_unit_test(test_utf16),
    cmocka_unit_test(test_empty),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
