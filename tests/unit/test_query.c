/* Unit tests for the SQL builder (cgi-bin/db/query.c): text and
 * parameters stay in step, and whatever does not fit is an error, never a
 * statement with a condition left out. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "db/query.h"
#include <string.h>

static void test_conditions_join_with_where_then_and(void **state)
{
  (void)state;
  static struct query q;
  query_init(&q);
  query_add(&q, "SELECT id FROM customers c");
  query_cond(&q, "c.status = 'active'");
  query_cond(&q, "c.region_id = ?");
  query_arg(&q, DB_INT(7));
  query_cond(&q, "c.name LIKE ?");
  query_arg(&q, DB_STR("%x%"));
  assert_string_equal(q.sql, "SELECT id FROM customers c WHERE c.status = 'active'"
                             " AND c.region_id = ? AND c.name LIKE ?");
  assert_int_equal(q.n, 2);
  assert_int_equal(q.a[0].i, 7);
  assert_string_equal(q.a[1].p, "%x%");
  assert_null(query_check(&q));
}

static void test_where_reset_starts_a_new_clause(void **state)
{
  (void)state;
  static struct query q;
  query_init(&q);
  query_add(&q, "(SELECT 1 FROM a");
  query_cond(&q, "x = 1");
  query_add(&q, ") UNION ALL (SELECT 1 FROM b");
  query_where_reset(&q);
  query_cond(&q, "y = 2");
  query_add(&q, ")");
  assert_string_equal(q.sql, "(SELECT 1 FROM a WHERE x = 1) UNION ALL (SELECT 1 FROM b WHERE y = 2)");
}

static void test_int_list_adds_one_parameter_each(void **state)
{
  (void)state;
  static struct query q;
  const long long ids[] = { 3, 5, 9 };
  query_init(&q);
  query_cond(&q, "region_id IN (");
  query_int_list(&q, ids, 3);
  query_add(&q, ")");
  assert_string_equal(q.sql, " WHERE region_id IN (?, ?, ?)");
  assert_int_equal(q.n, 3);
  assert_int_equal(q.a[2].i, 9);
}

static void test_text_overflow_is_an_error(void **state)
{
  (void)state;
  static struct query q;
  char part[1000];
  memset(part, 'x', sizeof part - 1);
  part[sizeof part - 1] = '\0';
  query_init(&q);
  for (int i = 0; i < 9; i++) query_add(&q, "%s", part);
  assert_true(q.overflow);
  assert_true(q.len < QUERY_SQL_MAX);
  assert_int_equal(strlen(q.sql), q.len);   /* no half fragment */
  query_cond(&q, "kept = 1");               /* nothing more is added after */
  assert_null(strstr(q.sql, "kept"));
  NEOERR *err = query_check(&q);
  assert_true(nerr_match(err, NERR_ASSERT));
  nerr_ignore(&err);
  DB_STMT *st = NULL;
  err = query_run(&q, &st);                 /* fails before any database call */
  assert_true(nerr_match(err, NERR_ASSERT));
  assert_null(st);
  nerr_ignore(&err);
}

static void test_too_many_parameters_is_an_error(void **state)
{
  (void)state;
  static struct query q;
  query_init(&q);
  for (int i = 0; i <= DB_MAX_PARAMS; i++) query_arg(&q, DB_INT(i));
  assert_int_equal(q.n, DB_MAX_PARAMS);
  NEOERR *err = query_check(&q);
  assert_true(nerr_match(err, NERR_ASSERT));
  nerr_ignore(&err);
}

int main(void)
{
  nerr_init();
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_conditions_join_with_where_then_and),
    cmocka_unit_test(test_where_reset_starts_a_new_clause),
    cmocka_unit_test(test_int_list_adds_one_parameter_each),
    cmocka_unit_test(test_text_overflow_is_an_error),
    cmocka_unit_test(test_too_many_parameters_is_an_error),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
