/* Unit tests for cgi-bin/core/utf8.h: utf8_valid and utf8_len. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/utf8.h"

/* Validity of a NUL-terminated string (the whole string). */
static int v(const char *s) { return utf8_valid(s, strlen(s)); }

static void test_empty_is_valid(void **state)
{
  (void)state;
  assert_int_equal(utf8_valid("", 0), 1);
}

static void test_ascii(void **state)
{
  (void)state;
  assert_int_equal(v("hello, world 0123456789 ~!@#$%^&*()"), 1);
  assert_int_equal(v("tab\there"), 1);
  assert_int_equal(v("line\r\nbreak\n"), 1);
}

static void test_chinese(void **state)
{
  (void)state;
  assert_int_equal(v("客户管理"), 1);
  assert_int_equal(v("华东区 Shanghai 上海"), 1);
  assert_int_equal(v("\xe4\xb8\xad"), 1);          /* 中 */
  assert_int_equal(v("\xc2\xa9 \xc3\xa9"), 1);     /* two-byte: © é */
}

static void test_four_byte(void **state)
{
  (void)state;
  assert_int_equal(v("\xf0\x9f\x98\x80"), 1);      /* U+1F600 emoji */
  assert_int_equal(v("\xf0\xa0\x80\x80"), 1);      /* U+20000 CJK ext. B */
  assert_int_equal(v("\xf4\x8f\xbf\xbf"), 1);      /* U+10FFFF, the last */
  assert_int_equal(v("\xf0\x90\x80\x80"), 1);      /* U+10000, the first */
}

static void test_overlong_rejected(void **state)
{
  (void)state;
  assert_int_equal(v("\xc0\xaf"), 0);              /* '/' in two bytes */
  assert_int_equal(v("\xc1\xbf"), 0);
  assert_int_equal(v("\xe0\x80\xaf"), 0);          /* '/' in three bytes */
  assert_int_equal(v("\xe0\x9f\xbf"), 0);          /* U+07FF in three */
  assert_int_equal(v("\xf0\x8f\xbf\xbf"), 0);      /* U+FFFF in four */
  assert_int_equal(v("a\xc0\x80z"), 0);            /* modified-UTF-8 NUL */
}

static void test_surrogates_rejected(void **state)
{
  (void)state;
  assert_int_equal(v("\xed\xa0\x80"), 0);          /* U+D800 */
  assert_int_equal(v("\xed\xbf\xbf"), 0);          /* U+DFFF */
  assert_int_equal(v("\xed\x9f\xbf"), 1);          /* U+D7FF is fine */
  assert_int_equal(v("\xee\x80\x80"), 1);          /* U+E000 is fine */
}

static void test_above_max_rejected(void **state)
{
  (void)state;
  assert_int_equal(v("\xf4\x90\x80\x80"), 0);      /* U+110000 */
  assert_int_equal(v("\xf5\x80\x80\x80"), 0);
  assert_int_equal(v("\xf7\xbf\xbf\xbf"), 0);
  assert_int_equal(v("\xf8\x88\x80\x80\x80"), 0);  /* old 5-byte form */
  assert_int_equal(v("\xff"), 0);
  assert_int_equal(v("\xfe"), 0);
}

static void test_truncated_rejected(void **state)
{
  (void)state;
  assert_int_equal(v("\xe4\xb8"), 0);              /* 中 without last byte */
  assert_int_equal(v("\xe4"), 0);
  assert_int_equal(v("\xf0\x9f\x98"), 0);
  assert_int_equal(v("\xc3"), 0);
  assert_int_equal(v("ab\xe4\xb8" "c"), 0);        /* continuation missing */
  /* A valid sequence cut by the length argument is truncated too. */
  assert_int_equal(utf8_valid("\xe4\xb8\xad", 2), 0);
  assert_int_equal(utf8_valid("\xe4\xb8\xad", 3), 1);
}

static void test_stray_continuation_rejected(void **state)
{
  (void)state;
  assert_int_equal(v("\x80"), 0);
  assert_int_equal(v("a\xbf"), 0);
  assert_int_equal(v("\xe4\xb8\xad\xad"), 0);
}

static void test_control_chars(void **state)
{
  (void)state;
  assert_int_equal(v("a\x01" "b"), 0);
  assert_int_equal(v("\x1b[31m"), 0);              /* ESC */
  assert_int_equal(v("\x7f"), 0);                  /* DEL */
  assert_int_equal(v("\x0b"), 0);                  /* vertical tab */
  assert_int_equal(v("\x0c"), 0);                  /* form feed */
  assert_int_equal(v("\x1f"), 0);
  /* An embedded NUL inside the counted length is a control char too. */
  assert_int_equal(utf8_valid("a\0b", 3), 0);
  assert_int_equal(v("\t\r\n"), 1);
  assert_int_equal(v(" "), 1);
}

static void test_len(void **state)
{
  (void)state;
  assert_int_equal(utf8_len(""), 0);
  assert_int_equal(utf8_len("abc"), 3);
  assert_int_equal(utf8_len("客户"), 2);
  assert_int_equal(utf8_len("a客b户c"), 5);
  assert_int_equal(utf8_len("\xc3\xa9"), 1);
  assert_int_equal(utf8_len("\xf0\x9f\x98\x80x"), 2);
  assert_int_equal(strlen("客户管理"), 12);
  assert_int_equal(utf8_len("客户管理"), 4);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_empty_is_valid),
    cmocka_unit_test(test_ascii),
    cmocka_unit_test(test_chinese),
    cmocka_unit_test(test_four_byte),
    cmocka_unit_test(test_overlong_rejected),
    cmocka_unit_test(test_surrogates_rejected),
    cmocka_unit_test(test_above_max_rejected),
    cmocka_unit_test(test_truncated_rejected),
    cmocka_unit_test(test_stray_continuation_rejected),
    cmocka_unit_test(test_control_chars),
    cmocka_unit_test(test_len),
  };
  return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
