/* Unit tests for the list pages' query strings (cgi-bin/core/qs.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/qs.h"

static void test_parameters_joined_and_escaped(void **state)
{
  (void)state;
  STRING s;
  string_init(&s);
  assert_null(qs_add(&s, "region", "2"));
  assert_null(qs_add(&s, "city", "长沙 & 岳阳"));
  assert_null(qs_add(&s, "q", "a=b"));
  assert_string_equal(s.buf, "region=2&city=%E9%95%BF%E6%B2%99+%26+%E5%B2%B3%E9%98%B3&q=a%3Db");
  string_clear(&s);
}

static void test_empty_values_add_nothing(void **state)
{
  (void)state;
  STRING s;
  string_init(&s);
  assert_null(qs_add(&s, "kind", NULL));
  assert_null(qs_add(&s, "kind", ""));
  assert_int_equal(s.len, 0);
  assert_null(qs_add(&s, "stage", "lead"));
  assert_string_equal(s.buf, "stage=lead");   /* no '&' before the first */
  string_clear(&s);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_parameters_joined_and_escaped),
    cmocka_unit_test(test_empty_values_add_nothing),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
