/* Unit tests for the dealer dashboard's sleep status
 * (cgi-bin/dashboard/figures.c, compiled in here: it belongs to the
 * dashboard program, not to the shared library). Per cents: test_format.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "dashboard/figures.c"

static void test_sleep_thresholds(void **state)
{
  (void)state;
  assert_string_equal(dash_sleep(-1, 90, 180, 365), "never");
  assert_string_equal(dash_sleep(0, 90, 180, 365), "awake");
  assert_string_equal(dash_sleep(89, 90, 180, 365), "awake");
  /* each threshold day already counts */
  assert_string_equal(dash_sleep(90, 90, 180, 365), "doze");
  assert_string_equal(dash_sleep(179, 90, 180, 365), "doze");
  assert_string_equal(dash_sleep(180, 90, 180, 365), "half");
  assert_string_equal(dash_sleep(364, 90, 180, 365), "half");
  assert_string_equal(dash_sleep(365, 90, 180, 365), "deep");
  assert_string_equal(dash_sleep(5000, 90, 180, 365), "deep");
  /* other settings */
  assert_string_equal(dash_sleep(30, 30, 60, 120), "doze");
  assert_string_equal(dash_sleep(61, 30, 60, 120), "half");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_sleep_thresholds),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
