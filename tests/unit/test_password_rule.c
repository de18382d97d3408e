/* Unit tests for the new-password rule and one-time passwords
 * (cgi-bin/core/password_rule.c, issue 15). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <sodium.h>

#include "core/password_rule.h"

/* The list as shipped (the tests run from the repository root or with
 * KEHU_ROOT set). */
static int use_shipped_list(void **state)
{
  (void)state;
  password_rule_list(NULL);
  return 0;
}

static void test_length_name_and_list(void **state)
{
  (void)state;
  assert_string_equal(password_rule_check("", "wang"), "Valid.Required");
  assert_string_equal(password_rule_check("Abc-12345", "wang"), "Valid.PasswordShort");
  /* Ten characters, counted as characters: four Chinese ones are not 12. */
  assert_string_equal(password_rule_check("竹林小径", "wang"), "Valid.PasswordShort");
  assert_null(password_rule_check("竹林小径竹林小径-12", "wang"));
  assert_string_equal(password_rule_check("Wang.Lei.01", "wang.lei.01"), "Valid.PasswordName");
  assert_string_equal(password_rule_check("woaini1314", "wang"), "Valid.PasswordCommon");
  assert_string_equal(password_rule_check("WOAINI1314", "wang"), "Valid.PasswordCommon");
  assert_string_equal(password_rule_check("QwertyUiop", "wang"), "Valid.PasswordCommon");
  assert_string_equal(password_rule_check("1234567890", "wang"), "Valid.PasswordCommon");
  assert_null(password_rule_check("Bamboo-river-7391", "wang"));
  char huge[PASSWORD_MAX + 2];
  memset(huge, 'a', sizeof huge - 1);
  huge[sizeof huge - 1] = 0;
  assert_string_equal(password_rule_check(huge, "wang"), "Valid.TooLong");
}

static void test_missing_list_still_checks_length(void **state)
{
  (void)state;
  password_rule_list("/nonexistent/common-passwords.txt");
  assert_null(password_rule_check("woaini1314", "wang"));
  assert_string_equal(password_rule_check("short", "wang"), "Valid.PasswordShort");
  password_rule_list(NULL);
}

static void test_one_time_passwords(void **state)
{
  (void)state;
  char a[PASSWORD_ONE_TIME + 1], b[PASSWORD_ONE_TIME + 1];
  password_one_time(a);
  password_one_time(b);
  assert_int_equal(strlen(a), PASSWORD_ONE_TIME);
  assert_string_not_equal(a, b);
  for (const char *p = a; *p; p++) assert_null(strchr("0O1lI", *p));
  /* A one-time password passes the rule it is later replaced under. */
  assert_null(password_rule_check(a, "wang"));
}

int main(void)
{
  if (sodium_init() < 0) return 1;
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup(test_length_name_and_list, use_shipped_list),
    cmocka_unit_test(test_missing_list_still_checks_length),
    cmocka_unit_test_setup(test_one_time_passwords, use_shipped_list),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
