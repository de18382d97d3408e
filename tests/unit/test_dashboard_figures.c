/* Unit tests for the dealer dashboard's arithmetic
 * (cgi-bin/dashboard/figures.c, compiled in here: it belongs to the
 * dashboard program, not to the shared library). */
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

static void test_growth(void **state)
{
  (void)state;
  double p = 0;
  assert_true(dash_growth(150, 100, &p));
  assert_true(p > 49.999 && p < 50.001);
  assert_true(dash_growth(0, 100, &p));
  assert_true(p > -100.001 && p < -99.999);
  assert_true(dash_growth(100, 100, &p));
  assert_true(p > -0.001 && p < 0.001);
  /* no last year: no growth figure (not infinity) */
  assert_false(dash_growth(100, 0, &p));
  assert_false(dash_growth(100, -5, &p));
}

static void test_attainment(void **state)
{
  (void)state;
  double p = 0;
  assert_true(dash_share(1700, 3400, &p));
  assert_true(p > 49.999 && p < 50.001);
  assert_true(dash_share(5000, 4000, &p));
  assert_true(p > 124.999 && p < 125.001);
  assert_false(dash_share(100, 0, &p));   /* no target */
}

static void test_pct_text(void **state)
{
  (void)state;
  char b[32];
  dash_pct_text(50, b, sizeof b);
  assert_string_equal(b, "50.0");
  dash_pct_text(-100, b, sizeof b);
  assert_string_equal(b, "-100.0");
  /* halves away from zero, as ROUND(x, 1) in the database */
  dash_pct_text(12.35, b, sizeof b);
  assert_string_equal(b, "12.4");
  dash_pct_text(-12.35, b, sizeof b);
  assert_string_equal(b, "-12.4");
  dash_pct_text(0.04, b, sizeof b);
  assert_string_equal(b, "0.0");
  dash_pct_text(-0.04, b, sizeof b);
  assert_string_equal(b, "0.0");
  dash_pct_text(33.333333, b, sizeof b);
  assert_string_equal(b, "33.3");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_sleep_thresholds),
    cmocka_unit_test(test_growth),
    cmocka_unit_test(test_attainment),
    cmocka_unit_test(test_pct_text),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
