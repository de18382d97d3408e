/* Unit tests for cgi-bin/core/secret.h: the key file, signed tokens and
 * derived values. Runs in a directory of its own ($KEHU_VAR). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/secret.h"

static char dir[] = "/tmp/kehu-secret-test.XXXXXX";

static int setup(void **state)
{
  (void)state;
  if (!mkdtemp(dir)) return -1;
  return setenv("KEHU_VAR", dir, 1);
}

static int teardown(void **state)
{
  (void)state;
  char path[128];
  snprintf(path, sizeof path, "%s/keys/secret", dir);
  unlink(path);
  snprintf(path, sizeof path, "%s/keys", dir);
  rmdir(path);
  return rmdir(dir);
}

static void test_key_file_created_private(void **state)
{
  (void)state;
  char t[SIGNED_TOKEN_HEX + 1], path[128];
  assert_null(signed_token_new("form", t));
  snprintf(path, sizeof path, "%s/keys/secret", dir);
  struct stat st;
  assert_int_equal(stat(path, &st), 0);
  assert_int_equal(st.st_mode & 0777, 0600);
  assert_int_equal(st.st_size, 32);
}

static void test_token_round_trip(void **state)
{
  (void)state;
  char a[SIGNED_TOKEN_HEX + 1], b[SIGNED_TOKEN_HEX + 1];
  assert_null(signed_token_new("form", a));
  assert_null(signed_token_new("form", b));
  assert_int_equal(strlen(a), SIGNED_TOKEN_HEX);
  assert_string_not_equal(a, b);
  assert_true(signed_token_valid("form", a));
  assert_true(signed_token_valid("form", b));
}

static void test_forged_tokens_refused(void **state)
{
  (void)state;
  char t[SIGNED_TOKEN_HEX + 1], bad[SIGNED_TOKEN_HEX + 1];
  assert_null(signed_token_new("form", t));
  assert_false(signed_token_valid("other", t));          /* another purpose */
  memcpy(bad, t, sizeof bad);
  bad[0] = bad[0] == '0' ? '1' : '0';                     /* another nonce */
  assert_false(signed_token_valid("form", bad));
  memcpy(bad, t, sizeof bad);
  bad[SIGNED_TOKEN_HEX - 1] = bad[SIGNED_TOKEN_HEX - 1] == '0' ? '1' : '0';
  assert_false(signed_token_valid("form", bad));          /* another MAC */
  assert_false(signed_token_valid("form", NULL));
  assert_false(signed_token_valid("form", ""));
  assert_false(signed_token_valid("form", "0123456789abcdef0123456789abcdef"));
  char upper[SIGNED_TOKEN_HEX + 1];
  for (int i = 0; i <= SIGNED_TOKEN_HEX; i++) upper[i] = (char)toupper((unsigned char)t[i]);
  if (strcmp(upper, t) != 0) assert_false(signed_token_valid("form", upper));
}

static void test_derive(void **state)
{
  (void)state;
  char a[DERIVED_HEX + 1], b[DERIVED_HEX + 1], c[DERIVED_HEX + 1];
  assert_null(secret_derive("status", "0123", a));
  assert_null(secret_derive("status", "0123", b));
  assert_null(secret_derive("status", "0124", c));
  assert_int_equal(strlen(a), DERIVED_HEX);
  assert_string_equal(a, b);
  assert_string_not_equal(a, c);
  assert_null(secret_derive("form", "0123", c));
  assert_string_not_equal(a, c);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_key_file_created_private),
    cmocka_unit_test(test_token_round_trip),
    cmocka_unit_test(test_forged_tokens_refused),
    cmocka_unit_test(test_derive),
  };
  return cmocka_run_group_tests_name("secret", tests, setup, teardown);
}
