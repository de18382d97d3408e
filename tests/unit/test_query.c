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

static size_t key_of(struct query *q, const char *sql, struct db_arg a, struct db_arg b,
                     char *key, size_t n)
{
  query_init(q);
  query_add(q, "%s", sql);
  query_arg(q, a);
  query_arg(q, b);
  return query_key(q, key, n);
}

static void test_key_tells_values_apart(void **state)
{
  (void)state;
  static struct query q;
  static char k1[QUERY_KEY_MAX], k2[QUERY_KEY_MAX];
  size_t n1 = key_of(&q, "SELECT ? ?", DB_STR("ab"), DB_STR("c"), k1, sizeof k1);
  size_t n2 = key_of(&q, "SELECT ? ?", DB_STR("ab"), DB_STR("c"), k2, sizeof k2);
  assert_true(n1 > 0);
  assert_int_equal(n1, n2);
  assert_memory_equal(k1, k2, n1);
  /* the same bytes split otherwise, a NULL, an integer: other keys */
  n2 = key_of(&q, "SELECT ? ?", DB_STR("a"), DB_STR("bc"), k2, sizeof k2);
  assert_false(n1 == n2 && !memcmp(k1, k2, n1));
  n2 = key_of(&q, "SELECT ? ?", DB_STR("ab"), DB_STR(NULL), k2, sizeof k2);
  assert_false(n1 == n2 && !memcmp(k1, k2, n1));
  n1 = key_of(&q, "SELECT ? ?", DB_STR("ab"), DB_STR(""), k1, sizeof k1);
  assert_false(n1 == n2 && !memcmp(k1, k2, n1));
  n2 = key_of(&q, "SELECT ? ?", DB_INT(1), DB_INT(2), k2, sizeof k2);
  n1 = key_of(&q, "SELECT ? ?", DB_INT(1), DB_INT(3), k1, sizeof k1);
  assert_false(n1 == n2 && !memcmp(k1, k2, n1));
  /* another text */
  n1 = key_of(&q, "SELECT ?, ?", DB_INT(1), DB_INT(2), k1, sizeof k1);
  assert_false(n1 == n2 && !memcmp(k1, k2, n1));
}

static void test_key_that_does_not_fit_is_none(void **state)
{
  (void)state;
  static struct query q;
  char small[16];
  static char big[QUERY_KEY_MAX];
  assert_int_equal(key_of(&q, "SELECT ? FROM complaints", DB_INT(1), DB_INT(2), small,
                          sizeof small), 0);
  key_of(&q, "SELECT ?", DB_INT(1), DB_INT(2), big, sizeof big);
  q.overflow = 1;
  assert_int_equal(query_key(&q, big, sizeof big), 0);
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
    cmocka_unit_test(test_key_tells_values_apart),
    cmocka_unit_test(test_key_that_does_not_fit_is_none),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
