/* Unit tests for the Content-Type reader (core/mediatype.c) and the body
 * plan (core/parse.c): which bodies ClearSilver is allowed to parse, and
 * with which type. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/err.h"
#include "core/mediatype.h"
#include "core/parse.h"
#include "core/partscan.h"

static NEOERR *h(struct req *r) { (void)r; return STATUS_OK; }

static const struct route upload = { "POST", "/u", ROLE_PUBLIC, h, 0, ROUTE_UPLOAD };
static const struct route form = { "POST", "/f", ROLE_PUBLIC, h, 0, 0 };
static const struct route page = { "GET", "/f", ROLE_PUBLIC, h, 0, 0 };

#define FORM "application/x-www-form-urlencoded"

static void test_boundary_rules(void **state)
{
  (void)state;
  assert_true(media_boundary_valid("B", 1));
  assert_true(media_boundary_valid("----WebKitFormBoundary7MA4YWxkTrZu0gW", 37));
  assert_true(media_boundary_valid("a b'()+_,-./:=?", 15));
  assert_false(media_boundary_valid("", 0));
  assert_false(media_boundary_valid("ends ", 5));
  assert_false(media_boundary_valid("a\"b", 3));
  assert_false(media_boundary_valid("a;b", 3));
  char b[72];
  memset(b, 'x', sizeof b);
  assert_true(media_boundary_valid(b, 70));
  assert_false(media_boundary_valid(b, 71));
}

static void test_media_type_parse(void **state)
{
  (void)state;
  struct media_type m;
  assert_int_equal(media_type_parse("Multipart/Form-Data; BOUNDARY=\"a b\"", &m), 0);
  assert_string_equal(m.type, "multipart/form-data");
  assert_string_equal(m.boundary, "a b");
  assert_int_equal(m.boundaries, 1);
  assert_int_equal(media_type_parse("text/plain ;charset=UTF-8;", &m), 0);
  assert_string_equal(m.charset, "UTF-8");
  assert_int_equal(media_type_parse("multipart/form-data; boundary=a; boundary=b", &m), 0);
  assert_int_equal(m.boundaries, 2);
  assert_int_equal(media_type_parse("multipart/form-data; boundary=\"x \"", &m), 0);
  assert_true(m.boundary_bad);
  assert_int_equal(media_type_parse("multipart/form-data; boundary=\"open", &m), -1);
  assert_int_equal(media_type_parse("multipart/form-data; boundary", &m), -1);
  assert_int_equal(media_type_parse("multipart/form-data; boundary=a b", &m), -1);
  assert_int_equal(media_type_parse("form-data", &m), -1);
  assert_int_equal(media_type_parse("/x", &m), -1);
  assert_int_equal(media_type_parse("", &m), -1);
}

/* One request shape and the plan it must get. */
static const struct {
  const char *method;
  const struct route *route;
  const char *type;          /* the client's Content-Type */
  const char *shown;         /* what ClearSilver sees; NULL: nothing parsed */
  NERR_TYPE *refuse;
  const char *key;
} cases[] = {
  { "POST", &form, "application/x-www-form-urlencoded", FORM, NULL, NULL },
  { "POST", &form, "Application/X-WWW-Form-URLEncoded; charset=\"utf-8\"", FORM, NULL, NULL },
  { "POST", &form, "application/x-www-form-urlencoded;charset=UTF-8;", FORM, NULL, NULL },
  { "POST", &form, "application/x-www-form-urlencoded; charset=gbk", NULL, &KERR_UNSUPPORTED, "Charset" },
  { "POST", &form, "application/x-www-form-urlencoded; charset=utf-8; charset=utf-8", NULL,
    &KERR_BAD_REQUEST, "BadContentType" },
  { "POST", &upload, "multipart/form-data; boundary=B", "multipart/form-data; boundary=\"B\"",
    NULL, NULL },
  { "POST", &upload, "multipart/form-data; boundary=\"a b:c\"",
    "multipart/form-data; boundary=\"a b:c\"", NULL, NULL },
  { "POST", &upload, "multipart/form-data", NULL, &KERR_BAD_REQUEST, "BadBoundary" },
  { "POST", &upload, "multipart/form-data; boundary=\"\"", NULL, &KERR_BAD_REQUEST, "BadBoundary" },
  { "POST", &upload, "multipart/form-data; boundary=a; boundary=b", NULL, &KERR_BAD_REQUEST,
    "BadBoundary" },
  { "POST", &upload, "multipart/form-data; boundary=", NULL, &KERR_BAD_REQUEST, "BadContentType" },
  { "POST", &form, "multipart/form-data; boundary=B", NULL, &KERR_UNSUPPORTED, "NoUpload" },
  { "POST", &form, "a b", NULL, &KERR_BAD_REQUEST, "BadContentType" },
  /* Nothing to parse and nothing refused: a GET, no route (404/405),
   * another method, another type, no type. */
  { "GET", &page, "multipart/form-data", NULL, NULL, NULL },
  { "POST", NULL, "multipart/form-data", NULL, NULL, NULL },
  { "PUT", &form, "application/x-www-form-urlencoded", NULL, NULL, NULL },
  { "POST", &form, "text/plain", NULL, NULL, NULL },
  { "POST", &form, NULL, NULL, NULL, NULL },
};

static void test_plans(void **state)
{
  (void)state;
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    struct body_plan p;
    body_plan(cases[i].method, cases[i].route, cases[i].type, &p);
    const char *shown = cases[i].shown ? cases[i].shown : "";
    if (p.parse != (cases[i].shown != NULL) || strcmp(p.type, shown) != 0 ||
        p.refuse != cases[i].refuse || (cases[i].key && strcmp(p.key, cases[i].key) != 0))
      fail_msg("case %zu: %s %s gave parse %d, type \"%s\", key %s", i, cases[i].method,
               cases[i].type ? cases[i].type : "(none)", p.parse, p.type,
               p.key ? p.key : "(none)");
  }
}

/* Feeds body in pieces of `step` bytes; the partscan verdict. */
static int scan(const char *body, size_t step)
{
  struct partscan s;
  partscan_init(&s, "B");
  size_t n = strlen(body);
  for (size_t i = 0; i < n; i += step)
    if (partscan_feed(&s, body + i, n - i < step ? n - i : step)) return -1;
  return 0;
}

static void test_partscan(void **state)
{
  (void)state;
  static const char ok[] =
      "preamble\r\n--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
      "Content-Disposition: in a value is data\r\n--B\r\n"
      "content-disposition: form-data; name=\"f\"; filename=\"x\"\r\n"
      "Content-Type: text/plain\r\n\r\nContent-Type: data\r\n--B--\r\n"
      "Content-Type: a\r\nContent-Type: epilogue\r\n";
  static const char twice[] =
      "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n"
      "CONTENT-DISPOSITION: form-data; name=\"b\"\r\n\r\nx\r\n--B--\r\n";
  for (size_t step = 1; step <= sizeof ok; step += 7) {
    assert_int_equal(scan(ok, step), 0);
    assert_int_equal(scan(twice, step), -1);
  }
  char huge[PARTSCAN_MAX_HEADER + 64];
  int n = snprintf(huge, sizeof huge, "--B\r\nX-Long: ");
  memset(huge + n, 'v', sizeof huge - n - 1);
  huge[sizeof huge - 1] = '\0';
  assert_int_equal(scan(huge, 4096), -1);
  /* As long, but file content: allowed. */
  memcpy(huge, "--B\n\nxxxxxx", 11);
  assert_int_equal(scan(huge, 4096), 0);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_boundary_rules),
    cmocka_unit_test(test_media_type_parse),
    cmocka_unit_test(test_plans),
    cmocka_unit_test(test_partscan),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
