/* Unit tests for the planned-months bit set of support plans
 * (cgi-bin/core/months.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/months.h"

static void test_parse(void **state)
{
  (void)state;
  unsigned m = 99;
  assert_true(months_parse("", &m));
  assert_int_equal(m, 0);
  assert_true(months_parse("1", &m));
  assert_int_equal(m, 1);
  assert_true(months_parse("3,4, 9", &m));
  assert_int_equal(m, (1u << 2) | (1u << 3) | (1u << 8));
  assert_true(months_parse("3-5, 12", &m));
  assert_int_equal(m, 0x1cu | 0x800u);
  assert_true(months_parse("1-12", &m));
  assert_int_equal(m, MONTHS_ALL);
  assert_true(months_parse("2\xEF\xBC\x8C" "2", &m));   /* full-width comma, repeat */
  assert_int_equal(m, 2);
  m = 7;
  assert_false(months_parse("0", &m));
  assert_false(months_parse("13", &m));
  assert_false(months_parse("5-3", &m));
  assert_false(months_parse("3-", &m));
  assert_false(months_parse("a", &m));
  assert_false(months_parse("1;2", &m));
  assert_false(months_parse("-1", &m));
  assert_false(months_parse("0012", &m));
  assert_int_equal(m, 7);                                /* untouched on failure */
}

static void test_flags(void **state)
{
  (void)state;
  const char *none[12] = { 0 };
  const char *some[12] = { "1", "", NULL, "1", 0, 0, 0, 0, 0, 0, 0, "1" };
  const char *bad[12] = { "1", "on" };
  unsigned m = 99;
  assert_true(months_from_flags(none, &m));
  assert_int_equal(m, 0);
  assert_true(months_from_flags(some, &m));
  assert_int_equal(m, 1u | 8u | 0x800u);
  assert_false(months_from_flags(bad, &m));
  assert_int_equal(m, 1u | 8u | 0x800u);
}

static void test_format(void **state)
{
  (void)state;
  char buf[64];
  months_format(0, buf, sizeof buf);
  assert_string_equal(buf, "");
  months_format(1, buf, sizeof buf);
  assert_string_equal(buf, "1");
  months_format(0x1cu | 0x800u, buf, sizeof buf);
  assert_string_equal(buf, "3-5, 12");
  months_format(MONTHS_ALL, buf, sizeof buf);
  assert_string_equal(buf, "1-12");
  months_format(0x555u, buf, sizeof buf);
  assert_string_equal(buf, "1, 3, 5, 7, 9, 11");
  months_format(0x555u, buf, 6);                         /* truncated, still terminated */
  assert_true(buf[5] == '\0' || buf[0] == '\0' || buf[4] != '\0');
  unsigned back;
  for (unsigned m = 0; m <= MONTHS_ALL; m += 37) {
    months_format(m, buf, sizeof buf);
    assert_true(months_parse(buf, &back));
    assert_int_equal(back, m);                           /* round trip */
  }
}

static void test_next_count(void **state)
{
  (void)state;
  assert_int_equal(months_next(0, 1), 0);
  assert_int_equal(months_next(0x1cu, 1), 3);
  assert_int_equal(months_next(0x1cu, 4), 4);
  assert_int_equal(months_next(0x1cu, 6), 0);
  assert_int_equal(months_next(0x800u, 12), 12);
  assert_int_equal(months_next(1, 0), 1);
  assert_int_equal(months_count(0), 0);
  assert_int_equal(months_count(MONTHS_ALL), 12);
  assert_int_equal(months_count(0x1cu | 0x800u), 4);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_parse),
    cmocka_unit_test(test_flags),
    cmocka_unit_test(test_format),
    cmocka_unit_test(test_next_count),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
