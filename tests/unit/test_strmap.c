/* Unit tests for the import's string map (cgi-bin/core/strmap.h): codes
 * found again whatever their ASCII case, values kept through growth. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "core/strmap.h"

static long put(struct strmap *m, const char *key, long val)
{
  long found;
  NEOERR *err = strmap_put(m, key, val, &found);
  assert_null(err);
  return found;
}

static void test_new_then_found(void **state)
{
  (void)state;
  struct strmap m = { 0 };
  assert_int_equal(put(&m, "C001", 7), -1);
  assert_int_equal(put(&m, "C002", 0), -1);
  assert_int_equal(put(&m, "C001", 9), 7);   /* the first value stays */
  assert_int_equal(put(&m, "C002", 5), 0);
  assert_int_equal(m.count, 2);
  strmap_free(&m);
  assert_int_equal(m.count, 0);
}

static void test_ascii_case_ignored(void **state)
{
  (void)state;
  struct strmap m = { 0 };
  assert_int_equal(put(&m, "abc-1", 1), -1);
  assert_int_equal(put(&m, "ABC-1", 2), 1);
  assert_int_equal(put(&m, "Abc-1", 3), 1);
  /* non-ASCII text is compared byte for byte */
  assert_int_equal(put(&m, "恒泰", 4), -1);
  assert_int_equal(put(&m, "恒泰", 5), 4);
  assert_string_equal(m.keys[0], "abc-1");
  strmap_free(&m);
}

static void test_long_keys_cut(void **state)
{
  (void)state;
  struct strmap m = { 0 };
  char a[100], b[100];
  memset(a, 'x', 99);
  a[99] = '\0';
  memcpy(b, a, sizeof b);
  b[80] = 'y';   /* differs only after STRMAP_KEY_MAX bytes */
  assert_int_equal(put(&m, a, 1), -1);
  assert_int_equal(put(&m, b, 2), 1);
  assert_int_equal(strlen(m.keys[0]), STRMAP_KEY_MAX);
  strmap_free(&m);
}

static void test_many_keys(void **state)
{
  (void)state;
  struct strmap m = { 0 };
  char k[32];
  for (long i = 0; i < 20000; i++) {
    snprintf(k, sizeof k, "K%ld", i);
    assert_int_equal(put(&m, k, i * 3), -1);
  }
  for (long i = 0; i < 20000; i += 7) {
    snprintf(k, sizeof k, "k%ld", i);
    assert_int_equal(put(&m, k, -5), i * 3);
  }
  assert_int_equal(m.count, 20000);
  strmap_free(&m);
}

static void test_free_empty(void **state)
{
  (void)state;
  struct strmap m = { 0 };
  strmap_free(&m);
  strmap_free(&m);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_new_then_found),
    cmocka_unit_test(test_ascii_case_ignored),
    cmocka_unit_test(test_long_keys_cut),
    cmocka_unit_test(test_many_keys),
    cmocka_unit_test(test_free_empty),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
