/* Unit tests for dates as files give them (cgi-bin/core/date_in.h): the
 * forms people type, Excel serial days, and what is no date. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/date_in.h"

struct date_case { const char *in, *out; };   /* out NULL: not a date */

static void check(const struct date_case *cases, size_t n)
{
  for (size_t i = 0; i < n; i++) {
    char out[11];
    memset(out, 'X', sizeof out);
    int ok = date_in(cases[i].in, out);
    if (!cases[i].out) {
      if (ok) fail_msg("%s read as %s", cases[i].in, out);
      assert_string_equal(out, "");
      continue;
    }
    if (!ok) fail_msg("%s not read", cases[i].in);
    assert_string_equal(out, cases[i].out);
  }
}

static void test_typed_forms(void **state)
{
  (void)state;
  static const struct date_case cases[] = {
    { "2026-03-05", "2026-03-05" }, { "2026-3-5", "2026-03-05" },
    { "2026/03/05", "2026-03-05" }, { "2024/1/5", "2024-01-05" },
    { "2026.3.5", "2026-03-05" },   { "2026年3月5日", "2026-03-05" },
    { "2026年12月31日", "2026-12-31" }, { "2026年3月5", "2026-03-05" },
    { "2026-3-5日", "2026-03-05" },
  };
  check(cases, sizeof cases / sizeof cases[0]);
}

static void test_excel_serial(void **state)
{
  (void)state;
  /* days since 1899-12-30, from 20000 to 80000 */
  static const struct date_case cases[] = {
    { "46000", "2025-12-09" }, { "25569", "1970-01-01" }, { "45351", "2024-02-29" },
    { "45352", "2024-03-01" }, { "20000", "1954-10-03" }, { "80000", "2119-01-11" },
    { "19999", NULL },         { "80001", NULL },         { "1234", NULL },
  };
  check(cases, sizeof cases / sizeof cases[0]);
}

static void test_not_dates(void **state)
{
  (void)state;
  static const struct date_case cases[] = {
    { "", NULL },           { "2026-02-30", NULL }, { "2025-02-29", NULL },
    { "2026-13-01", NULL }, { "2026-00-10", NULL }, { "2026-1-32", NULL },
    { "1899-12-31", NULL }, { "3000-01-01", NULL }, { "2026-3-5x", NULL },
    { "2026-3", NULL },     { "5.3.2026", NULL },   { "March 5, 2026", NULL },
    { "20260-1-1", NULL },
  };
  check(cases, sizeof cases / sizeof cases[0]);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_typed_forms),
    cmocka_unit_test(test_excel_serial),
    cmocka_unit_test(test_not_dates),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
