/* Unit tests for the open-redirect guard (req_local_path in
 * cgi-bin/core/req.c): every redirect taken from input goes through it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/req.h"

static void test_hostile_targets_go_home(void **state)
{
  (void)state;
  static const char *hostile[] = {
    "", "x", "//x", "//evil.example/x", "/\\x", "/\\/evil.example",
    "/\t/evil.example/x", "/%09/evil.example/x", "/%2F/x", "/%2f/x", "/%5C/x",
    "/%5c%5cevil.example", "/%0a/x", "/%0D%0A/x", "/ /x", "/%20/x", "/%00/x",
    "/%7F/x", "https:", "https://evil.example/", "http:evil.example",
    "javascript:alert(1)", "JavaScript:alert(1)", "evil.example/x",
    "\\\\evil.example", " /customers", "\t/customers", "/customers\r\nSet-Cookie: x=1",
    "/customers\nx", "/customers%0d%0aSet-Cookie:%20x=1", "/customers?q=%0A",
    "/customers?q=a%09b", "/customers\x7f", "/customers?q=%7f", "/",
  };
  for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
    const char *got = req_local_path(hostile[i]);
    if (strcmp(got, "/") != 0) fail_msg("%s was let through as %s", hostile[i], got);
  }
  assert_string_equal(req_local_path(NULL), "/");
}

static void test_very_long_target_goes_home(void **state)
{
  (void)state;
  size_t n = 100000;
  char *p = malloc(n + 1);
  assert_non_null(p);
  memset(p, 'a', n);
  p[0] = '/';
  p[n] = '\0';
  assert_string_equal(req_local_path(p), "/");
  /* Long but within bounds, a legitimate search page comes back intact. */
  p[2000] = '\0';
  assert_ptr_equal(req_local_path(p), p);
  free(p);
}

static void test_local_targets_are_kept(void **state)
{
  (void)state;
  static const char *local[] = {
    "/customers", "/customers/12?tab=contacts", "/customers?q=%E5%8D%8E&page=2",
    "/customers?q=%25", "/login", "/a//b", "/a/%2F/b", "/%E5%8D%8E", "/100%",
    "/customers?q=a b", "/x%2",
  };
  for (size_t i = 0; i < sizeof local / sizeof local[0]; i++) {
    const char *got = req_local_path(local[i]);
    if (got != local[i]) fail_msg("%s was refused (became %s)", local[i], got);
  }
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_hostile_targets_go_home),
    cmocka_unit_test(test_very_long_target_goes_home),
    cmocka_unit_test(test_local_targets_are_kept),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
