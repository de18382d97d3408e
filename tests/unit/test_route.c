/* Unit tests for route_match (cgi-bin/core/app.h) against a small table
 * shaped like the programs' own. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/app.h"

static NEOERR *h_list(struct req *r) { (void)r; return STATUS_OK; }
static NEOERR *h_show(struct req *r) { (void)r; return STATUS_OK; }
static NEOERR *h_update(struct req *r) { (void)r; return STATUS_OK; }
static NEOERR *h_create(struct req *r) { (void)r; return STATUS_OK; }
static NEOERR *h_edit(struct req *r) { (void)r; return STATUS_OK; }

static const struct route routes[] = {
  { "GET", "/customers", ROLES_SIGNED_IN, h_list, 0, 0 },
  { "POST", "/customers", ROLES_OFFICE, h_create, 0, 0 },
  { "GET", "/customers/{id}", ROLES_SIGNED_IN, h_show, 0, 0 },
  { "POST", "/customers/{id}", ROLES_OFFICE, h_update, 0, 0 },
  { "GET", "/customers/{id}/edit", ROLES_OFFICE, h_edit, 0, 0 },
  { NULL, NULL, 0, NULL, 0, 0 },
};

/* Runs route_match and returns the route; *id and *known are outputs. */
static const struct route *m(const char *method, const char *path,
                             long long *id, int *known)
{
  *id = -1;
  *known = -1;
  return route_match(routes, method, path, id, known);
}

static void test_exact(void **state)
{
  (void)state;
  long long id;
  int known;
  const struct route *rt = m("GET", "/customers", &id, &known);
  assert_non_null(rt);
  assert_ptr_equal(rt->handler, h_list);
  assert_int_equal(known, 0);
  rt = m("POST", "/customers", &id, &known);
  assert_non_null(rt);
  assert_ptr_equal(rt->handler, h_create);
}

static void test_exact_no_prefix_or_suffix(void **state)
{
  (void)state;
  long long id;
  int known;
  assert_null(m("GET", "/customers/", &id, &known));
  assert_int_equal(known, 0);
  assert_null(m("GET", "/customersx", &id, &known));
  assert_null(m("GET", "/customer", &id, &known));
  assert_null(m("GET", "/", &id, &known));
  assert_null(m("GET", "", &id, &known));
  assert_int_equal(known, 0);
}

static void test_id_digits(void **state)
{
  (void)state;
  long long id;
  int known;
  const struct route *rt = m("GET", "/customers/42", &id, &known);
  assert_non_null(rt);
  assert_ptr_equal(rt->handler, h_show);
  assert_int_equal(id, 42);
  rt = m("GET", "/customers/0", &id, &known);      /* a lone zero is a number */
  assert_non_null(rt);
  assert_int_equal(id, 0);
  rt = m("GET", "/customers/7/edit", &id, &known);
  assert_non_null(rt);
  assert_ptr_equal(rt->handler, h_edit);
  assert_int_equal(id, 7);
}

static void test_id_non_digits_rejected(void **state)
{
  (void)state;
  long long id;
  int known;
  assert_null(m("GET", "/customers/abc", &id, &known));
  assert_int_equal(known, 0);
  assert_null(m("GET", "/customers/12a", &id, &known));
  assert_null(m("GET", "/customers/-1", &id, &known));
  assert_null(m("GET", "/customers/+1", &id, &known));
  assert_null(m("GET", "/customers/1.5", &id, &known));
  assert_null(m("GET", "/customers/ 1", &id, &known));
  assert_null(m("GET", "/customers/1/", &id, &known));
  assert_null(m("GET", "/customers/1/edit/x", &id, &known));
  assert_int_equal(known, 0);
}

static void test_leading_zeros_rejected(void **state)
{
  (void)state;
  long long id;
  int known;
  assert_null(m("GET", "/customers/01", &id, &known));
  assert_null(m("GET", "/customers/007", &id, &known));
  assert_null(m("GET", "/customers/00", &id, &known));
  assert_null(m("GET", "/customers/01/edit", &id, &known));
  assert_int_equal(known, 0);
}

static void test_id_length_limit(void **state)
{
  (void)state;
  long long id;
  int known;
  const struct route *rt = m("GET", "/customers/999999999999999999", &id, &known);
  assert_non_null(rt);                               /* 18 digits */
  assert_int_equal(id, 999999999999999999LL);
  assert_null(m("GET", "/customers/1000000000000000000", &id, &known)); /* 19 */
  assert_null(m("GET", "/customers/99999999999999999999999", &id, &known));
  assert_int_equal(known, 0);
}

static void test_method_mismatch_sets_path_known(void **state)
{
  (void)state;
  long long id;
  int known;
  assert_null(m("PUT", "/customers", &id, &known));
  assert_int_equal(known, 1);
  assert_null(m("DELETE", "/customers/5", &id, &known));
  assert_int_equal(known, 1);
  assert_null(m("POST", "/customers/5/edit", &id, &known));
  assert_int_equal(known, 1);
  /* An unknown path is not "known" whatever the method. */
  assert_null(m("PUT", "/nowhere", &id, &known));
  assert_int_equal(known, 0);
}

static void test_post_matches_its_route(void **state)
{
  (void)state;
  long long id;
  int known;
  const struct route *rt = m("POST", "/customers/5", &id, &known);
  assert_non_null(rt);
  assert_ptr_equal(rt->handler, h_update);
  assert_int_equal(id, 5);
}

static void test_head_matches_get(void **state)
{
  (void)state;
  long long id;
  int known;
  const struct route *rt = m("HEAD", "/customers", &id, &known);
  assert_non_null(rt);
  assert_ptr_equal(rt->handler, h_list);
  rt = m("HEAD", "/customers/9", &id, &known);
  assert_non_null(rt);
  assert_ptr_equal(rt->handler, h_show);
  assert_int_equal(id, 9);
  /* HEAD only stands in for GET, never for POST. */
  static const struct route post_only[] = {
    { "POST", "/logout", ROLES_SIGNED_IN, h_update, 0, 0 },
    { NULL, NULL, 0, NULL, 0, 0 },
  };
  known = -1;
  assert_null(route_match(post_only, "HEAD", "/logout", &id, &known));
  assert_int_equal(known, 1);
}

static void test_method_is_case_sensitive(void **state)
{
  (void)state;
  long long id;
  int known;
  assert_null(m("get", "/customers", &id, &known));
  assert_int_equal(known, 1);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_exact),
    cmocka_unit_test(test_exact_no_prefix_or_suffix),
    cmocka_unit_test(test_id_digits),
    cmocka_unit_test(test_id_non_digits_rejected),
    cmocka_unit_test(test_leading_zeros_rejected),
    cmocka_unit_test(test_id_length_limit),
    cmocka_unit_test(test_method_mismatch_sets_path_known),
    cmocka_unit_test(test_post_matches_its_route),
    cmocka_unit_test(test_head_matches_get),
    cmocka_unit_test(test_method_is_case_sensitive),
  };
  return cmocka_run_group_tests_name("route", tests, NULL, NULL);
}
