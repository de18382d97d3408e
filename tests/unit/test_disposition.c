/* Unit tests for cgi-bin/core/disposition.h: cleaning a user's file name
 * and the one Content-Disposition builder. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/disposition.h"

/* The header value for a name (a static buffer: one check at a time). */
static const char *cd(const char *name)
{
  static char buf[2048];
  STRING s;
  string_init(&s);
  NEOERR *err = content_disposition(name, &s);
  assert_null(err);
  snprintf(buf, sizeof buf, "%s", s.buf ? s.buf : "");
  string_clear(&s);
  return buf;
}

static void test_clean_path_and_controls(void **state)
{
  (void)state;
  char out[16];
  file_name_clean("C:\\Users\\me\\照片.jpg", out, sizeof out);
  assert_string_equal(out, "照片.jpg");
  file_name_clean("/tmp/a/b.pdf", out, sizeof out);
  assert_string_equal(out, "b.pdf");
  file_name_clean("dir/", out, sizeof out);
  assert_string_equal(out, "file");
  file_name_clean("a\x01" "b\x7f" "c\r\n.png", out, sizeof out);
  assert_string_equal(out, "abc.png");
  file_name_clean("a\xc2\x85" "b.png", out, sizeof out);      /* C1 NEL */
  assert_string_equal(out, "ab.png");
  /* cut on a character boundary: 5 x 3 bytes = 15 fits, a 6th does not */
  file_name_clean("一二三四五六", out, sizeof out);
  assert_string_equal(out, "一二三四五");
}

static void test_clean_bidi_and_invisible(void **state)
{
  (void)state;
  char out[64];
  /* U+202E RIGHT-TO-LEFT OVERRIDE: "invoice<RLO>gpj.exe" shows as "invoiceexe.jpg" */
  file_name_clean("invoice\xe2\x80\xae" "gpj.exe", out, sizeof out);
  assert_string_equal(out, "invoicegpj.exe");
  const char *each[] = {
    "\xe2\x80\xaa", "\xe2\x80\xab", "\xe2\x80\xac", "\xe2\x80\xad", "\xe2\x80\xae",  /* 202A-E */
    "\xe2\x81\xa6", "\xe2\x81\xa7", "\xe2\x81\xa8", "\xe2\x81\xa9",                  /* 2066-9 */
    "\xe2\x80\x8e", "\xe2\x80\x8f", "\xd8\x9c",                 /* LRM, RLM, ALM U+061C */
    "\xe2\x80\x8b", "\xef\xbb\xbf", "\xe2\x80\xa8",             /* ZWSP, BOM, LS */
  };
  for (size_t i = 0; i < sizeof each / sizeof each[0]; i++) {
    char in[32];
    snprintf(in, sizeof in, "a%sb.pdf", each[i]);
    file_name_clean(in, out, sizeof out);
    assert_string_equal(out, "ab.pdf");
  }
  /* malformed UTF-8: lone continuation, overlong "/", surrogate, truncated */
  file_name_clean("a\x80" "b\xc0\xaf" "c\xed\xa0\x80" "d\xe4\xb8", out, sizeof out);
  assert_string_equal(out, "abcd");
  /* what stays: Chinese, emoji, Arabic letters */
  file_name_clean("报告 😀 \xd8\xb9.pdf", out, sizeof out);
  assert_string_equal(out, "报告 😀 \xd8\xb9.pdf");
}

static void test_header_ascii(void **state)
{
  (void)state;
  assert_string_equal(cd("report-2026.csv"),
                      "attachment; filename=\"report-2026.csv\"; filename*=UTF-8''report-2026.csv");
  /* a space is %20, never + */
  assert_string_equal(cd("my file.pdf"),
                      "attachment; filename=\"my file.pdf\"; filename*=UTF-8''my%20file.pdf");
  /* quotes, backslashes and % cannot close or bend the quoted fallback */
  assert_string_equal(cd("a\"b%c.pdf"),
                      "attachment; filename=\"a_b_c.pdf\"; filename*=UTF-8''a%22b%25c.pdf");
  /* every byte outside attr-char is encoded */
  assert_string_equal(cd("x(1);y=2,'z'*.png"),
                      "attachment; filename=\"x(1);y=2,'z'*.png\"; "
                      "filename*=UTF-8''x%281%29%3By%3D2%2C%27z%27%2A.png");
  assert_string_equal(cd("!#$&+-.^_`|~"),
                      "attachment; filename=\"!#$&+-.^_`|~\"; filename*=UTF-8''!#$&+-.^_`|~");
}

static void test_header_utf8_and_bidi(void **state)
{
  (void)state;
  assert_string_equal(cd("漏水照片.png"),
                      "attachment; filename=\"_.png\"; "
                      "filename*=UTF-8''%E6%BC%8F%E6%B0%B4%E7%85%A7%E7%89%87.png");
  assert_string_equal(cd("inv\xe2\x80\xae" "fdp.exe"),
                      "attachment; filename=\"invfdp.exe\"; filename*=UTF-8''invfdp.exe");
  /* no line break reaches the header */
  assert_string_equal(cd("a\r\nSet-Cookie: x=1.pdf"),
                      "attachment; filename=\"aSet-Cookie: x=1.pdf\"; "
                      "filename*=UTF-8''aSet-Cookie%3A%20x%3D1.pdf");
  /* no name, or only a directory: a default */
  assert_string_equal(cd(NULL), "attachment; filename=\"download\"; filename*=UTF-8''download");
  assert_string_equal(cd("dir/"), "attachment; filename=\"file\"; filename*=UTF-8''file");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_clean_path_and_controls),
    cmocka_unit_test(test_clean_bidi_and_invisible),
    cmocka_unit_test(test_header_ascii),
    cmocka_unit_test(test_header_utf8_and_bidi),
  };
  return cmocka_run_group_tests_name("disposition", tests, NULL, NULL);
}
