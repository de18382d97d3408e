/* Unit tests for kept <option> lists (cgi-bin/core/options.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/options.h"

static const char *html =
    "<option value=\"1\">甲</option><option value=\"12\">乙</option>"
    "<option value=\"2\">丙 &amp; 丁</option>";

static void check(const char *value, const char *want)
{
  STRING s;
  string_init(&s);
  NEOERR *err = options_select(html, value, &s);
  assert_null(err);
  assert_string_equal(s.buf, want);
  string_clear(&s);
}

static void test_marks_the_exact_value(void **state)
{
  (void)state;
  check("12", "<option value=\"1\">甲</option><option value=\"12\" selected>乙</option>"
              "<option value=\"2\">丙 &amp; 丁</option>");
  check("1", "<option value=\"1\" selected>甲</option><option value=\"12\">乙</option>"
             "<option value=\"2\">丙 &amp; 丁</option>");
  check("2", "<option value=\"1\">甲</option><option value=\"12\">乙</option>"
             "<option value=\"2\" selected>丙 &amp; 丁</option>");
}

static void test_no_match_selects_none(void **state)
{
  (void)state;
  check("3", html);
  check("", html);
  check(NULL, html);
  check("mine", html);
  /* Not a plain value: never looked for, even when the text occurs. */
  check("1\">甲</option><option value=\"12", html);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_marks_the_exact_value),
    cmocka_unit_test(test_no_match_selects_none),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
