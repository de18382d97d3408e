/* Unit tests for what a worker keeps (cgi-bin/db/kept.c): rows read by a
 * fill that counts its calls instead of querying, and the keyed map with
 * a clock the test moves. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "db/kept.h"
#include <string.h>

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

static time_t now_is = 1000;
static time_t test_clock(time_t *t)
{
  if (t) *t = now_is;
  return now_is;
}

static void test_map_finds_what_was_put(void **state)
{
  (void)state;
  struct kept_map m = KEPT_MAP(4, 60);
  size_t len = 0;
  assert_null(kept_get(&m, "a", 1, 0, &len));
  kept_put(&m, "a", 1, 0, "one", 3);
  kept_put(&m, "ab", 2, 0, "two", 3);
  const char *v = kept_get(&m, "a", 1, 0, &len);
  assert_non_null(v);
  assert_int_equal(len, 3);
  assert_string_equal(v, "one");        /* text stays a C string */
  assert_string_equal(kept_get(&m, "ab", 2, 0, NULL), "two");
  kept_put(&m, "a", 1, 0, "uno", 3);    /* same key: replaced, not added */
  assert_string_equal(kept_get(&m, "a", 1, 0, NULL), "uno");
  assert_string_equal(kept_get(&m, "ab", 2, 0, NULL), "two");
  kept_clear(&m);
  assert_null(kept_get(&m, "a", 1, 0, NULL));
}

static void test_map_value_ages_out(void **state)
{
  (void)state;
  kept_clock = test_clock;
  struct kept_map m = KEPT_MAP(2, 60);
  kept_put(&m, "k", 1, 0, "v", 1);
  now_is += 59;
  assert_non_null(kept_get(&m, "k", 1, 0, NULL));
  now_is += 1;
  assert_null(kept_get(&m, "k", 1, 0, NULL));
  kept_clear(&m);
  kept_clock = time;
}

static void test_map_without_ttl_holds_until_revision_changes(void **state)
{
  (void)state;
  kept_clock = test_clock;
  struct kept_map m = KEPT_MAP(2, 0);
  kept_put(&m, "k", 1, 7, "v", 1);
  now_is += 100000;
  assert_non_null(kept_get(&m, "k", 1, 7, NULL));
  assert_null(kept_get(&m, "k", 1, 8, NULL));
  kept_clear(&m);
  kept_clock = time;
}

static void test_map_full_gives_up_the_oldest_slot(void **state)
{
  (void)state;
  struct kept_map m = KEPT_MAP(2, 60);
  kept_put(&m, "1", 1, 0, "a", 1);
  kept_put(&m, "2", 1, 0, "b", 1);
  kept_put(&m, "3", 1, 0, "c", 1);
  assert_null(kept_get(&m, "1", 1, 0, NULL));
  assert_string_equal(kept_get(&m, "2", 1, 0, NULL), "b");
  assert_string_equal(kept_get(&m, "3", 1, 0, NULL), "c");
  kept_clear(&m);
}

static void test_map_keys_are_bytes_not_strings(void **state)
{
  (void)state;
  struct kept_map m = KEPT_MAP(4, 60);
  long long a = 1, b = 2;
  kept_put(&m, "x\0y", 3, 0, &a, sizeof a);
  kept_put(&m, "x\0z", 3, 0, &b, sizeof b);
  const long long *v = kept_get(&m, "x\0y", 3, 0, NULL);
  assert_non_null(v);
  assert_int_equal(*v, 1);
  assert_int_equal(*(const long long *)kept_get(&m, "x\0z", 3, 0, NULL), 2);
  assert_null(kept_get(&m, "x", 1, 0, NULL));
  kept_clear(&m);
}

/* A settings row: read by a function that counts its calls. */
struct settings { int value, reads; };
static struct counter row_reads;

static NEOERR *read_settings(void *out)
{
  struct settings *s = out;
  row_reads.calls++;
  if (row_reads.fail) return nerr_raise(NERR_DB, "no database");
  *s = (struct settings){ 10 * row_reads.calls, row_reads.calls };
  return STATUS_OK;
}

static void test_row_kept_a_minute(void **state)
{
  (void)state;
  kept_clock = test_clock;
  row_reads = (struct counter){ 0, 0 };
  struct kept_row k = KEPT_ROW(struct settings, read_settings);
  struct settings s = { 0, 0 };
  assert_null(kept_row_get(&k, &s));            /* first: read */
  assert_int_equal(s.value, 10);
  now_is += 59;
  s.value = 0;
  assert_null(kept_row_get(&k, &s));            /* kept: no second read */
  assert_int_equal(s.value, 10);
  assert_int_equal(row_reads.calls, 1);
  now_is += 1;                                  /* a minute old: read again */
  assert_null(kept_row_get(&k, &s));
  assert_int_equal(s.value, 20);
  assert_null(kept_row_fresh(&k, &s));          /* fresh always reads */
  assert_int_equal(s.value, 30);
  assert_int_equal(row_reads.calls, 3);
  /* a save keeps what it wrote: the next get returns it without a read */
  kept_row_put(&k, &(struct settings){ 7, 0 });
  assert_null(kept_row_get(&k, &s));
  assert_int_equal(s.value, 7);
  assert_int_equal(row_reads.calls, 3);
  kept_clear(&k.map);
  kept_clock = time;
}

static void test_row_failed_read_keeps_nothing(void **state)
{
  (void)state;
  kept_clock = test_clock;
  row_reads = (struct counter){ 0, 1 };
  struct kept_row k = KEPT_ROW(struct settings, read_settings);
  struct settings s;
  NEOERR *err = kept_row_get(&k, &s);
  assert_non_null(err);
  nerr_ignore(&err);
  row_reads.fail = 0;                           /* the next request reads again */
  assert_null(kept_row_get(&k, &s));
  assert_int_equal(s.value, 20);
  assert_int_equal(row_reads.calls, 2);
  kept_clear(&k.map);
  kept_clock = time;
}

int main(void)
{
  nerr_init();
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_read_once_then_kept),
    cmocka_unit_test(test_read_again_when_a_minute_old),
    cmocka_unit_test(test_reread_at_most_once_a_second),
    cmocka_unit_test(test_failure_keeps_the_old_copy),
    cmocka_unit_test(test_map_finds_what_was_put),
    cmocka_unit_test(test_map_value_ages_out),
    cmocka_unit_test(test_map_without_ttl_holds_until_revision_changes),
    cmocka_unit_test(test_map_full_gives_up_the_oldest_slot),
    cmocka_unit_test(test_map_keys_are_bytes_not_strings),
    cmocka_unit_test(test_row_kept_a_minute),
    cmocka_unit_test(test_row_failed_read_keeps_nothing),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
