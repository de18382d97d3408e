/* Unit tests for hist_percentile (cgi-bin/db/complaint_stats.h): the
 * overview's median and 90th percentile from a histogram. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>

#include "db/complaint_stats.h"

#define N(a) ((int)(sizeof a / sizeof a[0]))

static void test_empty(void **state)
{
  (void)state;
  struct hist_bin zero[] = { { 5, 0 }, { 7, 0 } };
  assert_true(hist_percentile(NULL, 0, 0.5) < 0);
  assert_true(hist_percentile(zero, N(zero), 0.5) < 0);
}

static void test_single_value(void **state)
{
  (void)state;
  struct hist_bin one[] = { { 42, 1 } };
  struct hist_bin many[] = { { 42, 9 } };
  assert_true(fabs(hist_percentile(one, 1, 0.5) - 42) < 1e-9);
  assert_true(fabs(hist_percentile(one, 1, 0.9) - 42) < 1e-9);
  assert_true(fabs(hist_percentile(many, 1, 0.0) - 42) < 1e-9);
  assert_true(fabs(hist_percentile(many, 1, 1.0) - 42) < 1e-9);
}

/* As PERCENTILE_CONT: rank p * (N - 1), interpolated. */
static void test_interpolation(void **state)
{
  (void)state;
  struct hist_bin odd[] = { { 10, 1 }, { 20, 1 }, { 30, 1 }, { 50, 1 }, { 300, 1 } };
  struct hist_bin even[] = { { 1, 1 }, { 2, 1 }, { 3, 1 }, { 4, 1 } };
  assert_true(fabs(hist_percentile(odd, N(odd), 0.5) - 30) < 1e-9);
  /* rank 3.6: 50 + 0.6 * (300 - 50) */
  assert_true(fabs(hist_percentile(odd, N(odd), 0.9) - 200) < 1e-9);
  assert_true(fabs(hist_percentile(even, N(even), 0.5) - 2.5) < 1e-9);
  assert_true(fabs(hist_percentile(even, N(even), 0.0) - 1) < 1e-9);
  assert_true(fabs(hist_percentile(even, N(even), 1.0) - 4) < 1e-9);
}

/* Counts weigh like repeated values: {1 x3, 10 x1} is 1, 1, 1, 10. */
static void test_counts_are_repeats(void **state)
{
  (void)state;
  struct hist_bin bins[] = { { 1, 3 }, { 10, 1 } };
  assert_true(fabs(hist_percentile(bins, N(bins), 0.5) - 1) < 1e-9);
  /* rank 2.7 of 1, 1, 1, 10: 1 + 0.7 * 9 */
  assert_true(fabs(hist_percentile(bins, N(bins), 0.9) - 7.3) < 1e-9);
  /* the two ranks straddle a bin boundary: rank 1.5 of 0, 0, 4, 4 */
  struct hist_bin split[] = { { 0, 2 }, { 4, 2 } };
  assert_true(fabs(hist_percentile(split, N(split), 0.5) - 2) < 1e-9);
}

/* Empty bins are skipped; p outside [0, 1] is clamped. */
static void test_empty_bins_and_clamping(void **state)
{
  (void)state;
  struct hist_bin bins[] = { { 1, 0 }, { 2, 1 }, { 5, 0 }, { 8, 1 }, { 9, 0 } };
  assert_true(fabs(hist_percentile(bins, N(bins), 0.5) - 5) < 1e-9);
  assert_true(fabs(hist_percentile(bins, N(bins), -1) - 2) < 1e-9);
  assert_true(fabs(hist_percentile(bins, N(bins), 7) - 8) < 1e-9);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_empty),
    cmocka_unit_test(test_single_value),
    cmocka_unit_test(test_interpolation),
    cmocka_unit_test(test_counts_are_repeats),
    cmocka_unit_test(test_empty_bins_and_clamping),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
