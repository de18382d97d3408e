/* Unit tests for the region merge (cgi-bin/db/region_merge.c): one branch
 * per region in the given order, each with its ORDER BY and LIMIT and its
 * parameters in step, and a merge too long for the builder an error. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "db/region_merge.h"
#include <string.h>

static void branch(struct query *q, unsigned region, void *ctx)
{
  query_add(q, "SELECT id, %s AS v FROM t", (const char *)ctx);
  query_cond(q, "status = 1");
  query_cond(q, "region_id = ?");
  query_arg(q, DB_INT(region));
}

static void test_one_branch_per_region_in_order(void **state)
{
  (void)state;
  static struct query q;
  const unsigned regions[] = { 4, 2 };
  struct region_merge m = { .regions = regions, .n = 2, .branch = branch, .ctx = "name",
                            .order = "name, id", .limit = 41 };
  query_init(&q);
  query_add(&q, "SELECT id FROM (");
  region_merge(&q, &m);
  query_add(&q, ") u ORDER BY v LIMIT ?");
  query_arg(&q, DB_INT(20));
  assert_string_equal(q.sql, "SELECT id FROM ("
                             "(SELECT id, name AS v FROM t WHERE status = 1 AND region_id = ?"
                             " ORDER BY name, id LIMIT ?)"
                             " UNION ALL "
                             "(SELECT id, name AS v FROM t WHERE status = 1 AND region_id = ?"
                             " ORDER BY name, id LIMIT ?)"
                             ") u ORDER BY v LIMIT ?");
  assert_int_equal(q.n, 5);
  assert_int_equal(q.a[0].i, 4);
  assert_int_equal(q.a[1].i, 41);
  assert_int_equal(q.a[2].i, 2);
  assert_int_equal(q.a[3].i, 41);
  assert_int_equal(q.a[4].i, 20);
  assert_null(query_check(&q));
}

static void test_a_count_has_no_order(void **state)
{
  (void)state;
  static struct query q;
  const unsigned regions[] = { 7 };
  struct region_merge m = { .regions = regions, .n = 1, .branch = branch, .ctx = "1",
                            .limit = 10001 };
  query_init(&q);
  region_merge(&q, &m);
  assert_string_equal(q.sql, "(SELECT id, 1 AS v FROM t WHERE status = 1 AND region_id = ? LIMIT ?)");
  assert_int_equal(q.a[1].i, 10001);
}

static void test_no_region_adds_nothing(void **state)
{
  (void)state;
  static struct query q;
  struct region_merge m = { .regions = NULL, .n = 0, .branch = branch, .ctx = "x" };
  query_init(&q);
  region_merge(&q, &m);
  assert_string_equal(q.sql, "");
  assert_int_equal(q.n, 0);
}

static void test_too_many_branches_is_an_error(void **state)
{
  (void)state;
  static struct query q;
  static unsigned regions[DB_MAX_PARAMS];
  for (int i = 0; i < DB_MAX_PARAMS; i++) regions[i] = (unsigned)i + 1;
  query_init(&q);
  region_merge(&q, &(struct region_merge){ .regions = regions, .n = DB_MAX_PARAMS,
                                           .branch = branch, .ctx = "name", .limit = 5 });
  /* Half the branches' parameters fit: the statement must not run. */
  DB_STMT *st = NULL;
  NEOERR *err = query_run(&q, &st);
  assert_true(q.overflow && nerr_match(err, NERR_ASSERT) && st == NULL);
  nerr_ignore(&err);
}

int main(void)
{
  nerr_init();
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_one_branch_per_region_in_order),
    cmocka_unit_test(test_a_count_has_no_order),
    cmocka_unit_test(test_no_region_adds_nothing),
    cmocka_unit_test(test_too_many_branches_is_an_error),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
