/* Unit tests for the sign-in slowing rule (cgi-bin/core/throttle.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/throttle.h"

static void test_delay_grows_and_is_capped(void **state)
{
  (void)state;
  assert_int_equal(throttle_delay(0), 0);
  assert_int_equal(throttle_delay(THROTTLE_FREE), 0);
  int last = 0;
  for (int level = THROTTLE_FREE + 1; level < 40; level++) {
    int d = throttle_delay(level);
    assert_true(d >= last);
    assert_true(d <= THROTTLE_MAX_WAIT);
    last = d;
  }
  assert_int_equal(throttle_delay(THROTTLE_FREE + 1), 2);
  assert_int_equal(throttle_delay(THROTTLE_FREE + 2), 4);
  assert_int_equal(throttle_delay(1000000), THROTTLE_MAX_WAIT);
  assert_int_equal(throttle_delay(-5), 0);
}

static void test_clean_pair_always_goes(void **state)
{
  (void)state;
  /* Thousands of failures on the name and from the address, none of them
   * by this pair: the owner's correct password is checked at once. */
  struct signin_failures f = { .pair = 0, .since_last = 0,
                               .name = THROTTLE_COUNT_CAP, .address = THROTTLE_COUNT_CAP };
  assert_int_equal(throttle_wait(&f), 0);
}

static void test_pair_wait_counts_down(void **state)
{
  (void)state;
  struct signin_failures f = { .pair = THROTTLE_FREE, .since_last = 0 };
  assert_int_equal(throttle_wait(&f), 0);
  f.pair = THROTTLE_FREE + 3;
  assert_int_equal(throttle_wait(&f), 8);
  f.since_last = 5;
  assert_int_equal(throttle_wait(&f), 3);
  f.since_last = 8;
  assert_int_equal(throttle_wait(&f), 0);
  f.since_last = 100000;
  assert_int_equal(throttle_wait(&f), 0);
  f.pair = 30;
  f.since_last = 0;
  assert_int_equal(throttle_wait(&f), THROTTLE_MAX_WAIT);
}

static void test_spread_failures_slow_failing_pairs(void **state)
{
  (void)state;
  /* A pair's first failure: free alone, slowed when the name is under
   * attack from elsewhere or the address has failed on many names. */
  struct signin_failures f = { .pair = 1, .since_last = 0 };
  assert_int_equal(throttle_wait(&f), 0);
  f.name = 100;
  assert_true(throttle_wait(&f) >= 256);
  f.name = 0;
  f.address = 100;
  assert_true(throttle_wait(&f) >= 256);
  f.address = THROTTLE_SPREAD - 1;   /* an office's few typing errors */
  assert_int_equal(throttle_wait(&f), 0);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_delay_grows_and_is_capped),
    cmocka_unit_test(test_clean_pair_always_goes),
    cmocka_unit_test(test_pair_wait_counts_down),
    cmocka_unit_test(test_spread_failures_slow_failing_pairs),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
