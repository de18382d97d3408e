/* Unit tests for the pure field checks in cgi-bin/core/validate.h. Each
 * check is probed on both sides of every boundary it documents. Last, the
 * form ending every handler shares (form_sent_back, form_again). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/validate.h"

/* A string of n copies of c (n < sizeof buf). */
static const char *rep(char *buf, size_t size, char c, size_t n)
{
  assert_true(n < size);
  memset(buf, c, n);
  buf[n] = '\0';
  return buf;
}

static void test_phone(void **state)
{
  (void)state;
  assert_true(valid_phone("13812345678"));
  assert_true(valid_phone("0571-88886666"));
  assert_true(valid_phone("+86 138 1234 5678"));
  assert_true(valid_phone("(010) 6552-1234"));
  assert_true(valid_phone("1234567"));            /* 7 digits: shortest */
  assert_true(valid_phone("123456789012345"));    /* 15 digits: longest */
  assert_false(valid_phone("123456"));            /* 6 digits */
  assert_false(valid_phone("1234567890123456"));  /* 16 digits */
  assert_false(valid_phone(""));
  assert_false(valid_phone("+"));
  assert_false(valid_phone("------"));
  assert_false(valid_phone("138-1234-567x"));
  assert_false(valid_phone("138123456789;DROP"));
  assert_false(valid_phone("86+13812345678"));    /* '+' only in front */
  assert_false(valid_phone("１３８１２３４５６７８")); /* full-width digits */
}

static void test_postal_code(void **state)
{
  (void)state;
  assert_true(valid_postal_code("100000"));
  assert_true(valid_postal_code("518057"));
  assert_true(valid_postal_code("000000"));
  assert_false(valid_postal_code("10000"));       /* 5 digits */
  assert_false(valid_postal_code("1000000"));     /* 7 digits */
  assert_false(valid_postal_code(""));
  assert_false(valid_postal_code("10000a"));
  assert_false(valid_postal_code("a00000"));
  assert_false(valid_postal_code(" 100000"));
  assert_false(valid_postal_code("100000 "));
  assert_false(valid_postal_code("-10000"));
}

static void test_email(void **state)
{
  (void)state;
  char buf[200];
  assert_true(valid_email("a@b.cn"));
  assert_true(valid_email("zhang.san+crm@example.com.cn"));
  assert_false(valid_email(""));
  assert_false(valid_email("plainaddress"));
  assert_false(valid_email("@example.com"));
  assert_false(valid_email("a@example"));        /* no dot in the domain */
  assert_false(valid_email("a@.com"));           /* dot right after @ */
  assert_false(valid_email("a@example."));       /* nothing after the dot */
  assert_false(valid_email("a@@example.com"));
  assert_false(valid_email("a@b@example.com"));
  assert_false(valid_email("a b@example.com"));
  assert_false(valid_email("a@exa mple.com"));
  assert_false(valid_email("a\t@example.com"));
  assert_false(valid_email("<a>@example.com"));
  assert_false(valid_email("a@example.com>"));
  /* Length limit: 128 characters in all is allowed, 129 is not. */
  rep(buf, sizeof buf, 'x', 122);
  memcpy(buf + 122, "@b.com", 7);                /* 122 + 6 = 128 */
  assert_int_equal(strlen(buf), 128);
  assert_true(valid_email(buf));
  rep(buf, sizeof buf, 'x', 123);
  memcpy(buf + 123, "@b.com", 7);                /* 129 */
  assert_int_equal(strlen(buf), 129);
  assert_false(valid_email(buf));
}

static void test_date_basic(void **state)
{
  (void)state;
  assert_true(valid_date("2026-01-01"));
  assert_true(valid_date("2026-12-31"));
  assert_true(valid_date("2026-04-30"));
  assert_false(valid_date("2026-04-31"));        /* April has 30 days */
  assert_false(valid_date("2026-06-31"));
  assert_true(valid_date("2026-07-31"));
  assert_false(valid_date("2026-13-01"));
  assert_false(valid_date("2026-00-10"));
  assert_false(valid_date("2026-01-00"));
  assert_false(valid_date("2026-01-32"));
  assert_false(valid_date(""));
  assert_false(valid_date("2026-1-01"));         /* not zero-padded */
  assert_false(valid_date("2026-01-1"));
  assert_false(valid_date("2026/01/01"));
  assert_false(valid_date("20260101"));
  assert_false(valid_date("2026-01-011"));
  assert_false(valid_date("2026-01-01 "));
  assert_false(valid_date(" 2026-01-01"));
  assert_false(valid_date("abcd-ef-gh"));
}

static void test_date_year_range(void **state)
{
  (void)state;
  assert_true(valid_date("1900-01-01"));
  assert_false(valid_date("1899-12-31"));
  assert_true(valid_date("2200-12-31"));
  assert_false(valid_date("2201-01-01"));
  assert_false(valid_date("0000-01-01"));
}

static void test_date_leap_years(void **state)
{
  (void)state;
  assert_true(valid_date("2024-02-29"));         /* divisible by 4 */
  assert_false(valid_date("2023-02-29"));
  assert_false(valid_date("2100-02-29"));        /* by 100, not by 400 */
  assert_false(valid_date("1900-02-29"));
  assert_true(valid_date("2000-02-29"));         /* by 400 */
  assert_true(valid_date("2023-02-28"));
  assert_false(valid_date("2024-02-30"));
}

/* Every character of YYYY-MM-DD must be a digit or one of the two dashes:
 * signs or blanks inside a field are not a calendar date. */
static void test_date_strict_digits(void **state)
{
  (void)state;
  assert_false(valid_date("2026-+1-01"));
  assert_false(valid_date("2026- 1-01"));
  assert_false(valid_date("2026-01-+1"));
  assert_false(valid_date("2026-01- 1"));
}

static void test_amount(void **state)
{
  (void)state;
  assert_true(valid_amount("0"));
  assert_true(valid_amount("0.00"));
  assert_true(valid_amount("12.5"));
  assert_true(valid_amount("12.50"));
  assert_true(valid_amount("999999999999.99"));  /* 12 integer digits */
  assert_false(valid_amount("1000000000000"));   /* 13 integer digits */
  assert_false(valid_amount("12.345"));          /* 3 decimals */
  assert_false(valid_amount("-1"));
  assert_false(valid_amount("-0.01"));
  assert_false(valid_amount("1."));
  assert_false(valid_amount(".5"));
  assert_false(valid_amount(""));
  assert_false(valid_amount("."));
  assert_false(valid_amount("1.2.3"));
  assert_false(valid_amount("1e5"));
  assert_false(valid_amount("1,000"));
  assert_false(valid_amount(" 1"));
  assert_false(valid_amount("+1"));
  assert_false(valid_amount("NaN"));
}

static void test_username(void **state)
{
  (void)state;
  char buf[80];
  assert_true(valid_username("a"));
  assert_true(valid_username("staff01"));
  assert_true(valid_username("rm_huadong"));
  assert_true(valid_username("a.b-c_d9"));
  assert_true(valid_username(rep(buf, sizeof buf, 'a', 64)));
  assert_false(valid_username(rep(buf, sizeof buf, 'a', 65)));
  assert_false(valid_username(""));
  assert_false(valid_username("Admin"));         /* upper case */
  assert_false(valid_username("a b"));
  assert_false(valid_username("a@b"));
  assert_false(valid_username("张三"));
  assert_false(valid_username("admin'--"));
  assert_false(valid_username("a/b"));
}

static void test_id_and_count(void **state)
{
  (void)state;
  assert_true(valid_id("1"));
  assert_true(valid_id("123456789"));
  assert_false(valid_id("0"));
  assert_false(valid_id("012"));
  assert_false(valid_id("1234567890"));
  assert_false(valid_id(""));
  assert_false(valid_id("-1"));
  assert_false(valid_id("1a"));
  assert_true(valid_count("0"));
  assert_true(valid_count("1234567"));
  assert_false(valid_count("12345678"));
  assert_false(valid_count("007"));
  assert_false(valid_count(""));
  assert_false(valid_count(" 1"));
}

static int pages_drawn;
static NEOERR *count_page(struct req *r)
{
  pages_drawn++;
  return nerr_pass(hdf_set_value(r->hdf, "Drawn", "1"));
}

/* A request as a handler sees it, with form_sent_back's answer for a form
 * with `bad` fields. */
struct sent { HDF *hdf; struct req r; struct form f; int back; NEOERR *err; };
static void send(struct sent *t, int bad)
{
  assert_null(hdf_init(&t->hdf));
  t->r = (struct req){ .hdf = t->hdf, .lang = "en", .status = 200 };
  t->f = (struct form){ .r = &t->r };
  if (bad) form_error(&t->f, "name", "Valid.Required");
  pages_drawn = 0;
  t->err = (NEOERR *)1;
  t->back = form_sent_back(&t->f, count_page, &t->err);
  assert_null(t->err);
}

/* Good fields: the handler goes on. A bad one: the page again (422) with
 * its message, and so for a refusal found later. */
static void test_form_ending(void **state)
{
  (void)state;
  struct sent good, bad;
  send(&good, 0);
  send(&bad, 1);
  assert_int_equal(good.back, 0);
  assert_int_equal(good.r.status, 200);
  assert_int_equal(bad.back, 1);
  assert_int_equal(bad.r.status, 422);
  assert_int_equal(pages_drawn, 1);
  assert_non_null(hdf_get_value(bad.hdf, "Form.Errors.name", NULL));
  form_error(&bad.f, "code", "Valid.Choice");
  assert_null(form_again(&bad.f, count_page));
  assert_int_equal(pages_drawn, 2);
  assert_non_null(hdf_get_value(bad.hdf, "Form.Errors.code", NULL));
  hdf_destroy(&good.hdf);
  hdf_destroy(&bad.hdf);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_phone),
    cmocka_unit_test(test_postal_code),
    cmocka_unit_test(test_email),
    cmocka_unit_test(test_date_basic),
    cmocka_unit_test(test_date_year_range),
    cmocka_unit_test(test_date_leap_years),
    cmocka_unit_test(test_date_strict_digits),
    cmocka_unit_test(test_amount),
    cmocka_unit_test(test_username),
    cmocka_unit_test(test_id_and_count),
    cmocka_unit_test(test_form_ending),
  };
  return cmocka_run_group_tests_name("validate", tests, NULL, NULL);
}
