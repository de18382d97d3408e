/* Unit tests for the language strings (cgi-bin/core/i18n.c), read from the
 * repository's conf/lang. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/i18n.h"

static int setup(void **state)
{
  (void)state;
  const char *root = getenv("KEHU_ROOT");
  char dir[1024];
  snprintf(dir, sizeof dir, "%s/conf/lang", root && *root ? root : ".");
  NEOERR *err = i18n_init(dir);
  if (err) { nerr_log_error(err); nerr_ignore(&err); return -1; }
  return 0;
}

static int teardown(void **state)
{
  (void)state;
  i18n_destroy();
  return 0;
}

static void test_each_language(void **state)
{
  (void)state;
  assert_string_equal(i18n_get("en", "Span.D"), "d");
  assert_string_equal(i18n_get("zh-CN", "Span.D"), "天");
  assert_string_equal(i18n_get("zh-CN", "Span.M"), "分钟");
}

static void test_fallbacks(void **state)
{
  (void)state;
  /* An unknown or missing language is the default one. */
  assert_string_equal(i18n_get("fr", "Span.H"), "小时");
  assert_string_equal(i18n_get(NULL, "Span.H"), "小时");
  /* A missing key answers with the key itself. */
  assert_string_equal(i18n_get("en", "No.Such.Key"), "No.Such.Key");
  /* The lookup is relative to the strings: "L." is not part of a key. */
  assert_string_equal(i18n_get("en", "L.Span.D"), "L.Span.D");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_each_language),
    cmocka_unit_test(test_fallbacks),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
