/* Unit tests for the programs' security headers (cgi-bin/core/headers.c):
 * Strict-Transport-Security only with KEHU_HSTS=1. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/headers.h"

#define HSTS "Strict-Transport-Security: max-age=31536000\r\n"

static void configure(const char *value)
{
  if (value) setenv("KEHU_HSTS", value, 1);
  else unsetenv("KEHU_HSTS");
  headers_config();
}

static void test_policy_always(void **state)
{
  (void)state;
  configure(NULL);
  const char *h = headers_page();
  assert_non_null(strstr(h, "X-Content-Type-Options: nosniff\r\n"));
  assert_non_null(strstr(h, "X-Frame-Options: DENY\r\n"));
  assert_non_null(strstr(h, "Content-Security-Policy: default-src 'self';"));
  assert_non_null(strstr(h, "frame-ancestors 'none'"));
  assert_int_equal(h[strlen(h) - 1], '\n');
}

static void test_hsts_off_by_default(void **state)
{
  (void)state;
  const char *off[] = { NULL, "", "0", "yes", "11" };
  for (size_t i = 0; i < sizeof off / sizeof *off; i++) {
    configure(off[i]);
    assert_null(strstr(headers_page(), "Strict-Transport-Security"));
    assert_string_equal(headers_hsts(), "");
  }
}

static void test_hsts_when_enabled(void **state)
{
  (void)state;
  configure("1");
  assert_non_null(strstr(headers_page(), HSTS));
  assert_string_equal(headers_hsts(), HSTS);
  configure("0");
  assert_null(strstr(headers_page(), "Strict-Transport-Security"));
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_policy_always),
    cmocka_unit_test(test_hsts_off_by_default),
    cmocka_unit_test(test_hsts_when_enabled),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
