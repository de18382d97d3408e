/* Unit tests for the conversions the complaint pages show
 * (cgi-bin/db/complaint_rules.h): a typed date and time, a clock's minutes
 * as days, hours and minutes, a phone number masked for lists. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "db/complaint_rules.h"

static void test_datetime(void **state)
{
  (void)state;
  char out[32];
  assert_true(complaint_datetime("2026-11-20T10:30", out, sizeof out));
  assert_string_equal(out, "2026-11-20 10:30:00");
  assert_true(complaint_datetime("2024-02-29 23:59", out, sizeof out));
  assert_string_equal(out, "2024-02-29 23:59:00");
  assert_false(complaint_datetime("2025-02-29T10:00", out, sizeof out));
  assert_false(complaint_datetime("2026-11-20T24:00", out, sizeof out));
  assert_false(complaint_datetime("2026-11-20T10:60", out, sizeof out));
  assert_false(complaint_datetime("2026-11-20", out, sizeof out));
  assert_false(complaint_datetime("2026-11-20T1a:00", out, sizeof out));
  assert_false(complaint_datetime("2026-11-20X10:00", out, sizeof out));
  assert_false(complaint_datetime("", out, sizeof out));
}

static void test_span(void **state)
{
  (void)state;
  long long d;
  int h, m;
  complaint_span(0, &d, &h, &m);
  assert_true(d == 0 && h == 0 && m == 0);
  complaint_span(59, &d, &h, &m);
  assert_true(d == 0 && h == 0 && m == 59);
  complaint_span(61, &d, &h, &m);
  assert_true(d == 0 && h == 1 && m == 1);
  complaint_span(1440 * 3 + 125, &d, &h, &m);
  assert_true(d == 3 && h == 2 && m == 5);
  complaint_span(-90, &d, &h, &m);   /* overdue clocks count backwards */
  assert_true(d == 0 && h == 1 && m == 30);
}

static void test_mask_phone(void **state)
{
  (void)state;
  char out[64];
  complaint_mask_phone("13812345678", out, sizeof out);
  assert_string_equal(out, "138****5678");
  complaint_mask_phone("0571-88886666", out, sizeof out);
  assert_string_equal(out, "057*-****6666");
  complaint_mask_phone("1234567", out, sizeof out);
  assert_string_equal(out, "****67");
  complaint_mask_phone("", out, sizeof out);
  assert_string_equal(out, "****");
  char tiny[6];
  complaint_mask_phone("13812345678", tiny, sizeof tiny);
  assert_string_equal(tiny, "138**");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_datetime),
    cmocka_unit_test(test_span),
    cmocka_unit_test(test_mask_phone),
  };
  return cmocka_run_group_tests_name("complaint_conversions", tests, NULL, NULL);
}
