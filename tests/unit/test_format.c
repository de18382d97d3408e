/* Unit tests for format_money and the per cents (cgi-bin/core/format.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/format.h"

static const char *money(const char *in)
{
  static char out[64];
  memset(out, 'X', sizeof out);
  format_money(in, out, sizeof out);
  return out;
}

static void test_zero(void **state)
{
  (void)state;
  assert_string_equal(money("0"), "0.00");
  assert_string_equal(money("0.00"), "0.00");
  assert_string_equal(money(""), "0.00");
  assert_string_equal(money(NULL), "0.00");
}

static void test_grouping(void **state)
{
  (void)state;
  assert_string_equal(money("1234567.5"), "1,234,567.50");
  assert_string_equal(money("1"), "1.00");
  assert_string_equal(money("12.3"), "12.30");
  assert_string_equal(money("999"), "999.00");
  assert_string_equal(money("1000"), "1,000.00");
  assert_string_equal(money("100000"), "100,000.00");
  assert_string_equal(money("1000000"), "1,000,000.00");
  assert_string_equal(money("999999999999.99"), "999,999,999,999.99");
  assert_string_equal(money("0.01"), "0.01");
  assert_string_equal(money("88886666.08"), "88,886,666.08");
}

static void test_negative(void **state)
{
  (void)state;
  assert_string_equal(money("-1"), "-1.00");
  assert_string_equal(money("-1234.5"), "-1,234.50");
  assert_string_equal(money("-1234567.89"), "-1,234,567.89");
  assert_string_equal(money("-0.01"), "-0.01");
  /* Rounds to zero: no "negative zero" on screen. */
  assert_string_equal(money("-0.001"), "0.00");
}

/* A negative zero input is zero too (the code means to drop the sign of a
 * value that shows as 0.00). */
static void test_negative_zero(void **state)
{
  (void)state;
  assert_string_equal(money("-0.00"), "0.00");
  assert_string_equal(money("-0"), "0.00");
}

static void test_garbage_passthrough(void **state)
{
  (void)state;
  assert_string_equal(money("abc"), "abc");
  assert_string_equal(money("12abc"), "12abc");
  assert_string_equal(money("1,000"), "1,000");
  assert_string_equal(money("面议"), "面议");
  assert_string_equal(money("<b>"), "<b>");
  assert_string_equal(money("1.2.3"), "1.2.3");
}

/* strtod accepts "inf", "nan" and huge exponents, but they have no money
 * form: they must come out unchanged (the header's "copied as is"), never
 * as fragments of a formatted number or of "(null)". */
static void test_non_finite_passthrough(void **state)
{
  (void)state;
  assert_string_equal(money("inf"), "inf");
  assert_string_equal(money("nan"), "nan");
  const char *big = money("1e300");
  assert_null(strstr(big, "(nu"));
}

static void test_small_buffer_is_terminated(void **state)
{
  (void)state;
  char out[8];
  memset(out, 'X', sizeof out);
  format_money("1234567.5", out, sizeof out);
  assert_non_null(memchr(out, '\0', sizeof out));
  assert_true(strlen(out) < sizeof out);
}

static void test_strfunc(void **state)
{
  (void)state;
  char *out = NULL;
  NEOERR *err = format_money_strfunc("2500.5", &out);
  assert_null(err);
  assert_non_null(out);
  assert_string_equal(out, "2,500.50");
  free(out);
}

static void test_growth(void **state)
{
  (void)state;
  double p = 0;
  assert_true(pct_change(150, 100, &p));
  assert_true(p > 49.999 && p < 50.001);
  assert_true(pct_change(0, 100, &p));
  assert_true(p > -100.001 && p < -99.999);
  assert_true(pct_change(100, 100, &p));
  assert_true(p > -0.001 && p < 0.001);
  /* no last year: no growth figure (not infinity) */
  assert_false(pct_change(100, 0, &p));
  assert_false(pct_change(100, -5, &p));
}

static void test_attainment(void **state)
{
  (void)state;
  double p = 0;
  assert_true(pct_share(1700, 3400, &p));
  assert_true(p > 49.999 && p < 50.001);
  assert_true(pct_share(5000, 4000, &p));
  assert_true(p > 124.999 && p < 125.001);
  assert_false(pct_share(100, 0, &p));   /* no target */
}

static void test_pct_text(void **state)
{
  (void)state;
  char b[32];
  pct_text(50, b, sizeof b);
  assert_string_equal(b, "50.0");
  pct_text(-100, b, sizeof b);
  assert_string_equal(b, "-100.0");
  /* halves away from zero, as ROUND(x, 1) in the database */
  pct_text(12.35, b, sizeof b);
  assert_string_equal(b, "12.4");
  pct_text(-12.35, b, sizeof b);
  assert_string_equal(b, "-12.4");
  pct_text(0.04, b, sizeof b);
  assert_string_equal(b, "0.0");
  pct_text(-0.04, b, sizeof b);
  assert_string_equal(b, "0.0");
  pct_text(33.333333, b, sizeof b);
  assert_string_equal(b, "33.3");
}

/* The budget used of rows with money as text: none without a budget, the
 * over mark only above 100% and only when asked for. */
static void test_share_rows(void **state)
{
  (void)state;
  HDF *h;
  assert_null(hdf_init(&h));
  assert_null(hdf_set_value(h, "R.0.spend", "122209.00"));
  assert_null(hdf_set_value(h, "R.0.budget", "101100.00"));
  assert_null(hdf_set_value(h, "R.1.spend", "50"));
  assert_null(hdf_set_value(h, "R.1.budget", "0.00"));
  assert_null(hdf_set_value(h, "R.2.spend", "100"));
  assert_null(hdf_set_value(h, "R.2.budget", "100"));
  assert_null(pct_share_rows(hdf_get_obj(h, "R"), "spend", "budget", "used", "over"));
  assert_string_equal(hdf_get_value(h, "R.0.used", ""), "120.9");
  assert_string_equal(hdf_get_value(h, "R.0.over", ""), "1");
  assert_null(hdf_get_value(h, "R.1.used", NULL));
  assert_string_equal(hdf_get_value(h, "R.2.used", ""), "100.0");
  assert_null(hdf_get_value(h, "R.2.over", NULL));
  assert_null(pct_share_set(hdf_get_obj(h, "R.0"), "spend", "budget", "u2", NULL));
  assert_string_equal(hdf_get_value(h, "R.0.u2", ""), "120.9");
  assert_null(pct_share_rows(NULL, "spend", "budget", "used", NULL));
  hdf_destroy(&h);
}

/* The inbox's waits: the largest whole unit, rounded down. */
static void test_span_unit(void **state)
{
  (void)state;
  static const struct { long long minutes; char unit; long long n; } cases[] = {
    { 0, 'm', 0 }, { -5, 'm', 0 }, { 59, 'm', 59 }, { 60, 'h', 1 }, { 5 * 60 + 59, 'h', 5 },
    { 1439, 'h', 23 }, { 1440, 'd', 1 }, { 3 * 1440 + 1439, 'd', 3 },
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    long long n = -1;
    assert_int_equal(span_unit(cases[i].minutes, &n), cases[i].unit);
    assert_int_equal(n, cases[i].n);
  }
}

static void test_count_and_unit(void **state)
{
  (void)state;
  char b[32];
  /* English units stand apart from the number; Chinese ones do not. */
  format_count(0, "min", b, sizeof b);
  assert_string_equal(b, "0 min");
  format_count(3, "d", b, sizeof b);
  assert_string_equal(b, "3 d");
  format_count(0, "分钟", b, sizeof b);
  assert_string_equal(b, "0分钟");
  format_count(12, "小时", b, sizeof b);
  assert_string_equal(b, "12小时");
  format_count(1234567, "d", b, 6);   /* cut, still terminated */
  assert_string_equal(b, "12345");
}

static void test_money_cents(void **state)
{
  (void)state;
  assert_int_equal(money_cents("1234.5"), 123450);
  assert_int_equal(money_cents("1234.56"), 123456);
  assert_int_equal(money_cents("-3"), -300);
  assert_int_equal(money_cents("0.07"), 7);
  assert_int_equal(money_cents(""), 0);
  assert_int_equal(money_cents(NULL), 0);
  assert_int_equal(money_cents("999999999999.99"), 99999999999999LL);
  /* no text overflows (a receipt's amount is read before its field error
   * is known): digits past the fifteenth are not read */
  assert_int_equal(money_cents("99999999999999999.99"), 99999999999999999LL);
  assert_int_equal(money_cents("99999999999999999999999999999"), 99999999999999900LL);
  assert_int_equal(money_cents("0000000000000000000001.5"), 150);
}

static void test_cents_text(void **state)
{
  (void)state;
  char buf[32];
  cents_text(123450, buf, sizeof buf);
  assert_string_equal(buf, "1234.50");
  cents_text(-300, buf, sizeof buf);
  assert_string_equal(buf, "-3.00");
  cents_text(7, buf, sizeof buf);
  assert_string_equal(buf, "0.07");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_zero),
    cmocka_unit_test(test_money_cents),
    cmocka_unit_test(test_cents_text),
    cmocka_unit_test(test_grouping),
    cmocka_unit_test(test_negative),
    cmocka_unit_test(test_negative_zero),
    cmocka_unit_test(test_garbage_passthrough),
    cmocka_unit_test(test_non_finite_passthrough),
    cmocka_unit_test(test_small_buffer_is_terminated),
    cmocka_unit_test(test_strfunc),
    cmocka_unit_test(test_growth),
    cmocka_unit_test(test_attainment),
    cmocka_unit_test(test_pct_text),
    cmocka_unit_test(test_share_rows),
    cmocka_unit_test(test_span_unit),
    cmocka_unit_test(test_count_and_unit),
  };
  return cmocka_run_group_tests_name("format", tests, NULL, NULL);
}
