/* Unit tests for the customer list's plans (cgi-bin/db/customer_plan.c):
 * the FROM ... WHERE each plan writes, with its parameters in step, and
 * the choices that need no database (the effective sort, the index named,
 * filter first, count caps). The shapes are those the comment at the top
 * of customer_plan.c shows. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "db/customer_plan.h"
#include <string.h>

static struct customer_q b;

static const char *from(const struct user *u, const struct customer_filter *f, int mode)
{
  memset(&b, 0, sizeof b);
  query_init(&b.q);
  b.force = customer_plan_index(u, f, mode, 0, 0);
  customer_plan_from(&b, u, f, mode, 0);
  assert_null(query_check(&b.q));
  return b.q.sql;
}

static void test_no_text_names_the_order_index(void **state)
{
  (void)state;
  struct user u = { .id = 1, .role = ROLE_STAFF };
  struct customer_filter f = { .sort = SORT_NAME, .page = 1, .per = 20 };
  assert_string_equal(from(&u, &f, Q_NONE),
                      " FROM customers c FORCE INDEX (list_name_order) WHERE c.status = 'active'");
  assert_int_equal(b.q.n, 0);
  f.kind = "dealer";
  f.owner_id = 9;
  assert_string_equal(from(&u, &f, Q_NONE),
                      " FROM customers c IGNORE INDEX (region_id, owner_id)"
                      " WHERE c.status = 'active' AND c.kind = ? AND c.owner_id = ?");
  assert_int_equal(b.q.n, 2);
  assert_string_equal(b.q.a[0].p, "dealer");
  assert_int_equal(b.q.a[1].i, 9);
}

static void test_a_manager_s_regions_are_values(void **state)
{
  (void)state;
  struct user u = { .id = 5, .role = ROLE_RM, .nregions = 2, .regions = { 3, 6 } };
  struct customer_filter f = { .page = 1, .per = 20 };
  assert_string_equal(from(&u, &f, Q_NONE),
                      " FROM customers c IGNORE INDEX (region_id, owner_id)"
                      " WHERE c.status = 'active' AND c.region_id IN (?, ?)");
  assert_int_equal(b.q.a[1].i, 6);
  struct user none = { .id = 6, .role = ROLE_RM };
  assert_non_null(strstr(from(&none, &f, Q_NONE), " AND 0 = 1"));
}

static void test_hits_and_scan(void **state)
{
  (void)state;
  struct user u = { .id = 1, .role = ROLE_STAFF };
  struct customer_filter f = { .q = "a%b", .page = 1, .per = 20 };
  const char *sql = from(&u, &f, Q_HITS);
  assert_non_null(strstr(sql, " FROM (SELECT customer_id AS id FROM customer_search"
                              " WHERE MATCH(name) AGAINST(? IN BOOLEAN MODE)"));
  assert_non_null(strstr(sql, ") hit STRAIGHT_JOIN customers c FORCE INDEX (PRIMARY) ON c.id = hit.id"
                              " WHERE c.status = 'active'"));
  assert_int_equal(b.q.n, 5);
  assert_string_equal(b.q.a[0].p, "+\"a%b\"");
  assert_string_equal(b.q.a[1].p, "a\\%b%");     /* the user's % taken literally */
  f.q = "C0042";
  assert_string_equal(from(&u, &f, Q_HITS),
                      " FROM (SELECT id FROM customers WHERE code LIKE ?) hit"
                      " STRAIGHT_JOIN customers c FORCE INDEX (PRIMARY) ON c.id = hit.id"
                      " WHERE c.status = 'active'");
  f.q = "华东";
  sql = from(&u, &f, Q_SCAN);
  assert_string_equal(sql, " FROM customers c FORCE INDEX (list_all) WHERE c.status = 'active'"
                           " AND (c.name COLLATE utf8mb4_bin LIKE ? OR c.code LIKE ? OR c.phone LIKE ?"
                           " OR c.id IN (SELECT customer_id FROM customer_contacts"
                           " WHERE name = ? OR phone LIKE ?))");
  assert_string_equal(b.q.a[0].p, "%华东%");
}

static void test_bigram_walk_in_one_region(void **state)
{
  (void)state;
  struct user u = { .id = 5, .role = ROLE_RM, .nregions = 1, .regions = { 4 } };
  struct customer_filter f = { .q = "华东鑫", .page = 1, .per = 20 };
  memset(&b, 0, sizeof b);
  query_init(&b.q);
  b.order = "c.id DESC";
  b.branch_limit = 21;
  customer_plan_from(&b, &u, &f, Q_BIGRAM, 0);
  assert_null(query_check(&b.q));
  assert_string_equal(
      b.q.sql,
      " FROM ((SELECT b.customer_id AS id FROM customer_bigrams b FORCE INDEX (bigram_region)"
      " STRAIGHT_JOIN customer_bigrams b2 ON b2.bigram = ? AND b2.customer_id = b.customer_id"
      " STRAIGHT_JOIN customers c FORCE INDEX (PRIMARY) ON c.id = b.customer_id"
      " WHERE c.status = 'active' AND c.region_id IN (?) AND b.bigram = ? AND b.region_id = ?"
      " AND c.name COLLATE utf8mb4_bin LIKE ? ORDER BY b.customer_id DESC LIMIT ?)"
      " UNION (SELECT c.id FROM (SELECT DISTINCT customer_id FROM customer_contacts WHERE name = ?) k"
      " STRAIGHT_JOIN customers c FORCE INDEX (PRIMARY) ON c.id = k.customer_id"
      " WHERE c.status = 'active' AND c.region_id IN (?) ORDER BY c.id DESC LIMIT ?)) hit"
      " STRAIGHT_JOIN customers c FORCE INDEX (PRIMARY) ON c.id = hit.id");
  assert_int_equal(b.q.n, 9);
  assert_string_equal(b.q.a[0].p, "东鑫");
  assert_string_equal(b.q.a[2].p, "华东");
  assert_int_equal(b.q.a[5].i, 21);
}

static void test_choices_without_the_database(void **state)
{
  (void)state;
  struct user staff = { .id = 1, .role = ROLE_STAFF };
  struct customer_filter f = { .sort = SORT_CLASS, .abc = "A", .page = 1, .per = 20 };
  assert_int_equal(customer_plan_sort(&f), SORT_NEWEST);   /* class A by class: the id order */
  f.abc = NULL;
  assert_int_equal(customer_plan_sort(&f), SORT_CLASS);
  f.kind = "dealer";
  assert_true(customer_plan_filter_first(&staff, &f, Q_NONE, 0));
  assert_false(customer_plan_filter_first(&staff, &f, Q_NONE, 1));   /* past the cap */
  assert_false(customer_plan_filter_first(&staff, &f, Q_SCAN, 0));
  assert_int_equal(customer_plan_count_cap(Q_NONE, 50), CUSTOMER_COUNT_CAP);
  assert_int_equal(customer_plan_count_cap(Q_SCAN, 50), 50);
  struct customer_filter city = { .city = "北京", .page = 1, .per = 20 };
  assert_string_equal(customer_plan_index(&staff, &city, Q_NONE, 1, 0), "list_city");
  city.region_id = 2;
  assert_string_equal(customer_plan_index(&staff, &city, Q_NONE, 1, 0), "city_region");
  unsigned regions[USER_MAX_REGIONS];
  assert_int_equal(customer_plan_regions(&staff, &city, regions), 1);
  assert_int_equal(regions[0], 2);
}

int main(void)
{
  nerr_init();
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_no_text_names_the_order_index),
    cmocka_unit_test(test_a_manager_s_regions_are_values),
    cmocka_unit_test(test_hits_and_scan),
    cmocka_unit_test(test_bigram_walk_in_one_region),
    cmocka_unit_test(test_choices_without_the_database),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
