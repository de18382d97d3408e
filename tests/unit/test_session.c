/* Unit tests for the token helpers in cgi-bin/core/session.h. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <sodium.h>
#include <string.h>

#include "core/session.h"

static const char A[] =
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

static int setup(void **state)
{
  (void)state;
  return sodium_init() < 0 ? -1 : 0;
}

static void test_equal(void **state)
{
  (void)state;
  char copy[sizeof A];
  memcpy(copy, A, sizeof A);               /* equal content, other pointer */
  assert_int_equal(token_equal(A, copy), 1);
  assert_int_equal(token_equal("x", "x"), 1);
}

static void test_different(void **state)
{
  (void)state;
  char b[sizeof A];
  memcpy(b, A, sizeof A);
  b[63] = '0';                             /* last character differs */
  assert_int_equal(token_equal(A, b), 0);
  memcpy(b, A, sizeof A);
  b[0] = 'f';                              /* first character differs */
  assert_int_equal(token_equal(A, b), 0);
  memcpy(b, A, sizeof A);
  b[10] = 'A';                             /* case matters */
  assert_int_equal(token_equal(A, b), 0);
}

static void test_different_lengths(void **state)
{
  (void)state;
  char prefix[sizeof A];
  memcpy(prefix, A, sizeof A);
  prefix[63] = '\0';                       /* A without its last char */
  assert_int_equal(token_equal(A, prefix), 0);
  assert_int_equal(token_equal(prefix, A), 0);
  assert_int_equal(token_equal("abc", "abcd"), 0);
  assert_int_equal(token_equal("abcd", "abc"), 0);
}

static void test_null(void **state)
{
  (void)state;
  assert_int_equal(token_equal(NULL, A), 0);
  assert_int_equal(token_equal(A, NULL), 0);
  assert_int_equal(token_equal(NULL, NULL), 0);
}

static void test_empty(void **state)
{
  (void)state;
  /* An empty token never matches, not even another empty one: a form
   * without _csrf must not pass against a missing cookie. */
  assert_int_equal(token_equal("", ""), 0);
  assert_int_equal(token_equal("", A), 0);
  assert_int_equal(token_equal(A, ""), 0);
}

static void assert_lower_hex(const char *s, size_t len)
{
  assert_int_equal(strlen(s), len);
  for (size_t i = 0; i < len; i++)
    assert_true((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f'));
}

static void test_random_format(void **state)
{
  (void)state;
  char t[65];
  memset(t, 'Z', sizeof t);
  token_random(t, 32);
  assert_lower_hex(t, 64);
  assert_int_equal(t[64], '\0');
}

static void test_random_differs(void **state)
{
  (void)state;
  char a[65], b[65];
  token_random(a, 32);
  token_random(b, 32);
  assert_lower_hex(a, 64);
  assert_lower_hex(b, 64);
  assert_string_not_equal(a, b);
  assert_int_equal(token_equal(a, b), 0);
  assert_int_equal(token_equal(a, a), 1);
}

static void test_random_not_constant(void **state)
{
  (void)state;
  /* 20 tokens, pairwise different, and not all one repeated digit. */
  char t[20][65];
  for (int i = 0; i < 20; i++) token_random(t[i], 32);
  for (int i = 0; i < 20; i++)
    for (int j = i + 1; j < 20; j++) assert_string_not_equal(t[i], t[j]);
  int distinct = 0, seen[256] = { 0 };
  for (int k = 0; k < 64; k++)
    if (!seen[(unsigned char)t[0][k]]++) distinct++;
  assert_true(distinct > 4);
}

static void test_random_short(void **state)
{
  (void)state;
  char t[17];
  memset(t, 'Z', sizeof t);
  token_random(t, 8);                      /* 2n digits into 2n+1 bytes */
  assert_lower_hex(t, 16);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_equal),
    cmocka_unit_test(test_different),
    cmocka_unit_test(test_different_lengths),
    cmocka_unit_test(test_null),
    cmocka_unit_test(test_empty),
    cmocka_unit_test(test_random_format),
    cmocka_unit_test(test_random_differs),
    cmocka_unit_test(test_random_not_constant),
    cmocka_unit_test(test_random_short),
  };
  return cmocka_run_group_tests_name("session", tests, setup, NULL);
}
