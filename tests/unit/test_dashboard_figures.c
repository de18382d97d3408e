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

/* The stored state on the customer's own rhythm wins over the days; no
 * stored state (the batch has not seen the dealer): the fixed days. */
static void test_sleep_stored_state(void **state)
{
  (void)state;
  /* 400 idle days would be "deep" by days; a yearly buyer's state says 瞌睡 */
  assert_string_equal(dash_sleep_of("2", 400, 90, 180, 365), "doze");
  assert_string_equal(dash_sleep_of("0", -1, 90, 180, 365), "never");
  assert_string_equal(dash_sleep_of("1", 200, 90, 180, 365), "awake");
  assert_string_equal(dash_sleep_of("3", 10, 90, 180, 365), "half");
  assert_string_equal(dash_sleep_of("4", 10, 90, 180, 365), "deep");
  assert_string_equal(dash_sleep_of(NULL, 200, 90, 180, 365), "half");
  /* anything else is not a state: the days decide */
  assert_string_equal(dash_sleep_of("5", 10, 90, 180, 365), "awake");
  assert_string_equal(dash_sleep_of("22", 100, 90, 180, 365), "doze");
  assert_string_equal(dash_sleep_of("", -1, 90, 180, 365), "never");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_sleep_thresholds),
    cmocka_unit_test(test_sleep_stored_state),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
