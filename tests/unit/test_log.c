/* Unit tests for the log's escaping (cgi-bin/core/log.c): no value can
 * start a log line of its own. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/log.h"

/* What log_msg wrote to stderr for one call. */
static char *logged(const char *value)
{
  fflush(stderr);
  int saved = dup(2);
  FILE *tmp = tmpfile();
  assert_non_null(tmp);
  dup2(fileno(tmp), 2);
  log_msg("warn", "sign-in failed for '%s' from %s", value, "127.0.0.1");
  fflush(stderr);
  dup2(saved, 2);
  close(saved);
  long n = ftell(tmp);
  assert_true(n > 0);
  char *text = calloc(1, (size_t)n + 1);
  assert_non_null(text);
  rewind(tmp);
  assert_int_equal(fread(text, 1, (size_t)n, tmp), (size_t)n);
  fclose(tmp);
  return text;
}

static void test_forged_line_stays_one_line(void **state)
{
  (void)state;
  char *text = logged("x'\n2026-12-07T00:00:00Z account[1] info login ok for 'admin");
  char *nl = strchr(text, '\n');
  assert_non_null(nl);
  assert_string_equal(nl + 1, "");   /* exactly one line */
  assert_non_null(strstr(text, "'x'\\n2026-12-07T00:00:00Z account[1] info login"));
  free(text);
  text = logged("a\rb\x1b[2Jc\xe2\x80\xa8" "d");
  assert_null(strchr(text, '\r'));
  assert_null(strchr(text, '\x1b'));
  assert_non_null(strstr(text, "'a\\rb\\x1b[2Jc\\xe2\\x80\\xa8d'"));
  free(text);
}

static void test_escape_table(void **state)
{
  (void)state;
  static const struct { const char *in, *out; } cases[] = {
    { "", "" },
    { "plain /customers?q=1", "plain /customers?q=1" },
    { "华东 客户", "华东 客户" },
    { "a\nb", "a\\nb" },
    { "a\r\nb", "a\\r\\nb" },
    { "tab\there", "tab\\there" },
    { "back\\slash", "back\\\\slash" },
    { "\\n", "\\\\n" },                          /* a literal \n is not a newline */
    { "bell\x07", "bell\\x07" },
    { "del\x7f", "del\\x7f" },
    { "esc\x1b[31m", "esc\\x1b[31m" },
    { "c1\xc2\x85next", "c1\\xc2\\x85next" },  /* U+0085 NEXT LINE */
    { "\xc2\xa0nbsp", "\xc2\xa0nbsp" },          /* U+00A0 is text */
    { "ls\xe2\x80\xa8ps\xe2\x80\xa9", "ls\\xe2\\x80\\xa8ps\\xe2\\x80\\xa9" },
    { "bad\xff", "bad\\xff" },
    { "cut\xe5\x8d", "cut\\xe5\\x8d" },          /* truncated sequence */
    { "over\xc0\xaf", "over\\xc0\\xaf" },        /* overlong "/" */
    { "sur\xed\xa0\x80", "sur\\xed\\xa0\\x80" }, /* a surrogate */
  };
  char out[256];
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    log_escape(cases[i].in, out, sizeof out);
    if (strcmp(out, cases[i].out) != 0)
      fail_msg("case %zu: got \"%s\", want \"%s\"", i, out, cases[i].out);
  }
}

static void test_escape_cuts_whole_escapes(void **state)
{
  (void)state;
  char out[6];
  assert_string_equal(log_escape("ab\ncd", out, sizeof out), "ab\\nc");
  assert_string_equal(log_escape("abcd\n", out, sizeof out), "abcd");
  assert_string_equal(log_escape("a\xff", out, sizeof out), "a\\xff");
  assert_string_equal(log_escape("ab\xff", out, sizeof out), "ab");
  assert_string_equal(log_escape("\xe5\x8d\x8e\xe5\x8d\x8e", out, sizeof out), "\xe5\x8d\x8e");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_forged_line_stays_one_line),
    cmocka_unit_test(test_escape_table),
    cmocka_unit_test(test_escape_cuts_whole_escapes),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
