/* Unit tests for rows kept per process (cgi-bin/db/kept.c), with a fill
 * that counts its calls instead of querying. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "db/kept.h"

struct counter { int calls; int fail; };

static NEOERR *fill(HDF *fresh, void *arg)
{
  struct counter *c = arg;
  c->calls++;
  if (c->fail) return nerr_raise(NERR_DB, "no database");
  return nerr_pass(hdf_set_int_value(fresh, "calls", c->calls));
}

static void release(struct db_kept *k)
{
  hdf_destroy(&k->hdf);
}

static void test_read_once_then_kept(void **state)
{
  (void)state;
  struct counter c = { 0, 0 };
  struct db_kept k = { .fill = fill, .arg = &c };
  assert_null(db_kept_fresh(&k));
  assert_null(db_kept_fresh(&k));
  assert_int_equal(c.calls, 1);
  assert_int_equal(hdf_get_int_value(k.hdf, "calls", 0), 1);
  assert_int_equal(k.revision, 1);
  release(&k);
}

static void test_read_again_when_a_minute_old(void **state)
{
  (void)state;
  struct counter c = { 0, 0 };
  struct db_kept k = { .fill = fill, .arg = &c };
  assert_null(db_kept_fresh(&k));
  k.at -= KEPT_TTL;
  assert_null(db_kept_fresh(&k));
  assert_int_equal(c.calls, 2);
  assert_int_equal(hdf_get_int_value(k.hdf, "calls", 0), 2);
  assert_int_equal(k.revision, 2);
  release(&k);
}

static void test_reread_at_most_once_a_second(void **state)
{
  (void)state;
  struct counter c = { 0, 0 };
  struct db_kept k = { .fill = fill, .arg = &c };
  assert_null(db_kept_fresh(&k));
  assert_null(db_kept_reread(&k));   /* read this second already */
  assert_int_equal(c.calls, 1);
  k.at -= 1;
  assert_null(db_kept_reread(&k));
  assert_int_equal(c.calls, 2);
  release(&k);
}

static void test_failure_keeps_the_old_copy(void **state)
{
  (void)state;
  struct counter c = { 0, 0 };
  struct db_kept k = { .fill = fill, .arg = &c };
  assert_null(db_kept_fresh(&k));
  k.at -= KEPT_TTL;
  c.fail = 1;
  NEOERR *err = db_kept_fresh(&k);
  assert_true(nerr_match(err, NERR_DB));
  nerr_ignore(&err);
  assert_int_equal(hdf_get_int_value(k.hdf, "calls", 0), 1);
  assert_int_equal(k.revision, 1);
  c.fail = 0;
  assert_null(db_kept_fresh(&k));    /* still stale: tried again */
  assert_int_equal(hdf_get_int_value(k.hdf, "calls", 0), 3);
  release(&k);
}

int main(void)
{
  nerr_init();
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_read_once_then_kept),
    cmocka_unit_test(test_read_again_when_a_minute_old),
    cmocka_unit_test(test_reread_at_most_once_a_second),
    cmocka_unit_test(test_failure_keeps_the_old_copy),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
