/* Unit tests for the public complaint form's pure rules
 * (cgi-bin/complaint_public/rules.c, compiled in here: it belongs to the
 * public form's program, not to the shared library): the 7-day return
 * window, the status lookup's phone proof, the tracking number's shape. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "complaint_public/rules.c"

static void test_days(void **state)
{
  (void)state;
  assert_int_equal(days_of_date("1970-01-01"), 0);
  assert_int_equal(days_of_date("1970-01-02"), 1);
  assert_int_equal(days_of_date("2000-03-01") - days_of_date("2000-02-28"), 2);
  assert_int_equal(days_of_date("2100-03-01") - days_of_date("2100-02-28"), 1);
  assert_int_equal(days_of_date("2027-01-01") - days_of_date("2026-12-31"), 1);
}

static void test_return_window_inside(void **state)
{
  (void)state;
  assert_int_equal(return_window("2026-11-27", "2026-11-27", 1), RW_INSIDE);
  /* the seventh day after the purchase day is still inside */
  assert_int_equal(return_window("2026-11-20", "2026-11-27", 1), RW_INSIDE);
  /* across a month and a year end */
  assert_int_equal(return_window("2026-12-28", "2027-01-04", 1), RW_INSIDE);
}

static void test_return_window_each_condition(void **state)
{
  (void)state;
  assert_int_equal(return_window("2026-11-19", "2026-11-27", 1), RW_TOO_LATE);
  assert_int_equal(return_window("2026-11-27", "2026-11-27", 0), RW_OPENED);
  assert_int_equal(return_window("2026-01-01", "2026-11-27", 0), RW_TOO_LATE | RW_OPENED);
  assert_int_equal(return_window("", "2026-11-27", 1), RW_UNKNOWN);
  assert_int_equal(return_window(NULL, "2026-11-27", 1), RW_UNKNOWN);
  assert_int_equal(return_window("2026-11-26", "2026-11-27", -1), RW_UNKNOWN);
  assert_int_equal(return_window("2026-10-01", "2026-11-27", -1), RW_UNKNOWN | RW_TOO_LATE);
  /* leap day: 2028-02-22 + 7 days = 2028-02-29 */
  assert_int_equal(return_window("2028-02-22", "2028-02-29", 1), RW_INSIDE);
  assert_int_equal(return_window("2028-02-22", "2028-03-01", 1), RW_TOO_LATE);
}

static void test_phone_matches(void **state)
{
  (void)state;
  assert_true(phone_matches("13812345678", "13812345678"));
  assert_true(phone_matches("138-1234-5678", "138 1234 5678"));
  assert_true(phone_matches("0571-8888 66 66 ", "057188886666"));
  assert_true(phone_matches("(010) 6552-12 34", "010-6552-1234"));
  assert_false(phone_matches("13812345678", "13812345679"));
  /* the last four digits (the old proof) are not the number */
  assert_false(phone_matches("13812345678", "5678"));
  assert_false(phone_matches("13812345678", "1381234567"));
  assert_false(phone_matches("13812345678", "138123456789"));
  assert_false(phone_matches("13812345678", ""));
  /* too short to be anybody's phone, even when equal */
  assert_false(phone_matches("123456", "123456"));
  assert_false(phone_matches("", ""));
  assert_false(phone_matches(NULL, "13812345678"));
  assert_false(phone_matches("13812345678", NULL));
}

static void test_tracking_no(void **state)
{
  (void)state;
  char s[64];
  strcpy(s, "  ts20261127-0042 ");
  assert_true(tracking_no_normalise(s));
  assert_string_equal(s, "TS20261127-0042");
  strcpy(s, "TS20261127-12345");
  assert_true(tracking_no_normalise(s));
  strcpy(s, "TS20261127-042");
  assert_false(tracking_no_normalise(s));
  strcpy(s, "TS2026112-00042");
  assert_false(tracking_no_normalise(s));
  strcpy(s, "XX20261127-0042");
  assert_false(tracking_no_normalise(s));
  strcpy(s, "TS20261127-00a2");
  assert_false(tracking_no_normalise(s));
  strcpy(s, "TS20261127-00421234");
  assert_false(tracking_no_normalise(s));
  strcpy(s, "");
  assert_false(tracking_no_normalise(s));
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_days),
    cmocka_unit_test(test_return_window_inside),
    cmocka_unit_test(test_return_window_each_condition),
    cmocka_unit_test(test_phone_matches),
    cmocka_unit_test(test_tracking_no),
  };
  return cmocka_run_group_tests_name("complaint_public_rules", tests, NULL, NULL);
}
