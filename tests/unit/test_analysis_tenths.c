/* Unit tests for profit by tenth of customers (cgi-bin/core/
 * analysis_tenths.c) and the batch's stored sums (analysis_stored.c):
 * expected values worked out by hand in the comments. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/analysis_run.h"
#include "core/analysis_tenths.h"

static void test_tenth_of(void **state)
{
  (void)state;
  /* 1 + ⌊10 pos / n⌋. 25 customers: positions 0-2 are the first tenth
   * (20 / 25 = 0), 3 the second, 24 the tenth (240 / 25 = 9). */
  assert_int_equal(tenth_of(0, 25), 1);
  assert_int_equal(tenth_of(2, 25), 1);
  assert_int_equal(tenth_of(3, 25), 2);
  assert_int_equal(tenth_of(24, 25), 10);
  /* 3 customers: tenths 1, 4 (10 / 3 = 3) and 7 (20 / 3 = 6). */
  assert_int_equal(tenth_of(0, 3), 1);
  assert_int_equal(tenth_of(1, 3), 4);
  assert_int_equal(tenth_of(2, 3), 7);
  assert_int_equal(tenth_of(0, 0), 0);
}

static void test_bucket(void **state)
{
  (void)state;
  assert_int_equal(tenth_bucket(0), 0);
  /* 1 yuan: log10 1 = 0 → 1; below 1 yuan still 1 (or −1). */
  assert_int_equal(tenth_bucket(100), 1);
  assert_int_equal(tenth_bucket(99), 1);
  assert_int_equal(tenth_bucket(1), 1);
  assert_int_equal(tenth_bucket(-100), -1);
  /* 10 yuan: 100 × 1 = 100 → 101; the next edge is 10^1.01 = 10.2329
   * yuan: 10.23 → 100.98 → 101, 10.24 → 101.03 → 102. */
  assert_int_equal(tenth_bucket(1000), 101);
  assert_int_equal(tenth_bucket(1023), 101);
  assert_int_equal(tenth_bucket(1024), 102);
  /* −1234.56 yuan: log10 = 3.0915 → 309.15 → −310. */
  assert_int_equal(tenth_bucket(-123456), -310);
  /* A larger profit never gets a smaller key. */
  assert_true(tenth_bucket(-1000) < tenth_bucket(-100));
  assert_true(tenth_bucket(INT64_MAX) > tenth_bucket(100000000000LL));
}

static void test_from_buckets(void **state)
{
  (void)state;
  struct tenth_sum out[10];
  /* 20 customers, two a tenth. Buckets best first: 5 with 500 (positions
   * 0-4), 3 with 90 (5-7), 7 with 70 (8-14), 5 with −50 (15-19). Pro rata
   * by count: tenth 3 = the fifth of the first bucket (100) + a third of
   * the second (30) = 130; tenth 8 = a seventh of 70 (10) + a fifth of
   * −50 (−10) = 0. */
  struct tenth_sum b[] = { { 5, 500 }, { 3, 90 }, { 7, 70 }, { 5, -50 } };
  int64_t want[10] = { 200, 200, 130, 60, 20, 20, 20, 0, -20, -20 };
  assert_true(tenths_from_buckets(b, 4, out));
  int64_t total = 0;
  for (int d = 0; d < 10; d++) {
    assert_int_equal(out[d].customers, 2);
    assert_int_equal(out[d].profit, want[d]);
    total += out[d].profit;
  }
  assert_int_equal(total, 610);

  /* 7 customers with 100 in one bucket: positions go to tenths 1, 2, 3,
   * 5, 6, 8, 9 (1 + ⌊10 pos / 7⌋), none in 4, 7, 10. The first p get
   * 14 p + ⌊2 p / 7⌋: 14, 28, 42, 57, 71, 85, 100; each tenth the
   * difference, so the pieces add up to the 100 exactly. */
  struct tenth_sum one = { 7, 100 };
  int64_t count7[10] = { 1, 1, 1, 0, 1, 1, 0, 1, 1, 0 };
  int64_t profit7[10] = { 14, 14, 14, 0, 15, 14, 0, 14, 15, 0 };
  assert_true(tenths_from_buckets(&one, 1, out));
  for (int d = 0; d < 10; d++) {
    assert_int_equal(out[d].customers, count7[d]);
    assert_int_equal(out[d].profit, profit7[d]);
  }
  /* Nobody to divide: refused. */
  struct tenth_sum none = { 0, 0 };
  assert_false(tenths_from_buckets(&none, 1, out));
  assert_false(tenths_from_buckets(NULL, 0, out));
}

/* ---- the batch's stored sums on a small history ----
 * as_of 2026-06-30. Four customers, one order each (revenue, cost):
 *   index 0: region 1, 05-10, 5000, 1000 → profit 4000
 *   index 1: region 1, 05-12, 3000, 2000 → profit 1000; two complaints in
 *            June (投诉反复, flag 8)
 *   index 2: region 2, 06-01, 2000, 500 → profit 1500
 *   index 3: region 2, no order → profit 0
 * Salespeople: 7 for indexes 0 and 2, 9 for index 1, none for 3.
 * Profit ranks: 0, 2, 1, 3. ABC by revenue (10000 in all, 70/20): index 0
 * A (0 before it), 1 A (50 % before), 2 B (80 %), 3 C (none). */
static void history(struct ar_history *h)
{
  ar_history_init(h);
  h->as_of = cell_day(2026, 6, 30);
  uint16_t region[4] = { 1, 1, 2, 2 };
  uint32_t owner[4] = { 7, 9, 7, 0 };
  for (uint32_t i = 0; i < 4; i++)
    *(struct ar_customer *)ar_push(&h->customers) =
        (struct ar_customer){ .id = i + 1, .region_id = region[i], .owner_id = owner[i],
                              .override_life = -1, .postal3 = -1 };
  struct ar_order o[] = { { 0, cell_day(2026, 5, 10), 5000, 1000 },
                          { 1, cell_day(2026, 5, 12), 3000, 2000 },
                          { 2, cell_day(2026, 6, 1), 2000, 500 } };
  for (int i = 0; i < 3; i++) *(struct ar_order *)ar_push(&h->orders) = o[i];
  *(struct ar_complaint *)ar_push(&h->complaints) = (struct ar_complaint){ 1, cell_day(2026, 6, 10) };
  *(struct ar_complaint *)ar_push(&h->complaints) = (struct ar_complaint){ 1, cell_day(2026, 6, 20) };
}

static const struct cell_val *now(struct ar_output *o, int32_t as_of, int dim, unsigned region,
                                  int32_t key)
{
  return cell_at(&o->cells, CELL_NOW, as_of, dim, region, key);
}

static int64_t margin(const struct cell_val *v)
{
  return v->sales - v->cost_of_goods - v->charges;
}

static void test_stored(void **state)
{
  (void)state;
  struct ar_history h;
  history(&h);
  struct ar_output o;
  const char *why;
  assert_true(ar_compute(&h, &o, &why));
  int32_t d = h.as_of;
  assert_int_equal(o.rows[0].profit_rank, 1);
  assert_int_equal(o.rows[2].profit_rank, 2);
  assert_int_equal(o.rows[1].abc, 'A');
  assert_int_equal(o.rows[2].abc, 'B');

  /* The company (region 0), 4 customers best first: positions 0-3 are
   * tenths 1, 3 (10 / 4 = 2), 6 and 8. */
  const struct cell_val *v = now(&o, d, DIM_PROFIT_TENTH, 0, 1);
  assert_int_equal(v->customers, 1);
  assert_int_equal(margin(v), 4000);
  assert_int_equal(margin(now(&o, d, DIM_PROFIT_TENTH, 0, 3)), 1500);
  assert_int_equal(margin(now(&o, d, DIM_PROFIT_TENTH, 0, 6)), 1000);
  assert_int_equal(now(&o, d, DIM_PROFIT_TENTH, 0, 8)->customers, 1);
  assert_int_equal(now(&o, d, DIM_PROFIT_TENTH, 0, 2)->customers, 0);   /* made here, empty */
  /* Within region 1 (2 customers): tenths 1 and 6; region 2 the same. */
  assert_int_equal(margin(now(&o, d, DIM_PROFIT_TENTH, 1, 1)), 4000);
  assert_int_equal(margin(now(&o, d, DIM_PROFIT_TENTH, 1, 6)), 1000);
  assert_int_equal(margin(now(&o, d, DIM_PROFIT_TENTH, 2, 1)), 1500);
  assert_int_equal(now(&o, d, DIM_PROFIT_TENTH, 2, 6)->customers, 1);
  /* Class A of the company (key 10000 + tenth): indexes 0 and 1, tenths
   * 1 and 6; class B of region 2: index 2 alone. */
  assert_int_equal(margin(now(&o, d, DIM_PROFIT_TENTH, 0, 10001)), 4000);
  assert_int_equal(margin(now(&o, d, DIM_PROFIT_TENTH, 0, 10006)), 1000);
  assert_int_equal(margin(now(&o, d, DIM_PROFIT_TENTH, 2, 20001)), 1500);
  /* Salesperson 7 (key 7 × 64 + class × 16 + tenth): indexes 0 and 2,
   * tenths 1 (448 + 1) and 6 (454); of class A index 0 alone (448 + 16 +
   * 1); in region 2 index 2 alone (449). Salesperson 9: index 1 (577).
   * Index 3 has none: three customers in all. */
  assert_int_equal(margin(now(&o, d, DIM_OWNER_TENTH, 0, 449)), 4000);
  assert_int_equal(margin(now(&o, d, DIM_OWNER_TENTH, 0, 454)), 1500);
  assert_int_equal(margin(now(&o, d, DIM_OWNER_TENTH, 0, 465)), 4000);
  assert_int_equal(margin(now(&o, d, DIM_OWNER_TENTH, 2, 449)), 1500);
  assert_int_equal(margin(now(&o, d, DIM_OWNER_TENTH, 0, 577)), 1000);
  uint32_t owned = 0;
  for (int32_t k = 0; k < 10 * 64; k++)
    if (k % 64 >= 1 && k % 64 <= 10) owned += now(&o, d, DIM_OWNER_TENTH, 0, k)->customers;
  assert_int_equal(owned, 3);
  /* The histogram of region 1: 40 yuan → 1 + ⌊160.2⌋ = 161, 10 yuan →
   * 101, for every class and for class A. */
  assert_int_equal(margin(now(&o, d, DIM_PROFIT_BUCKET, 1, 161)), 4000);
  assert_int_equal(now(&o, d, DIM_PROFIT_BUCKET, 1, 10101)->customers, 1);
  assert_int_equal(now(&o, d, DIM_PROFIT_BUCKET, 2, 0)->customers, 1);     /* profit 0 */
  /* The watch list by reason: index 1's recurring complaints. */
  assert_int_equal(now(&o, d, DIM_WATCH_REASON, 1, 8)->customers, 1);
  assert_int_equal(now(&o, d, DIM_WATCH_REASON, 0, 8)->customers, 1);
  assert_int_equal(now(&o, d, DIM_WATCH_REASON, 0, 1)->customers, 0);

  /* Region 0 sums the regions: May 8000 from region 1 alone, the quarter
   * 10000 from both; classes A 2, B 1, C 1. */
  v = cell_at(&o.cells, CELL_MONTH, cell_day(2026, 5, 1), DIM_ALL, 0, 0);
  assert_int_equal(v->sales, 8000);
  assert_int_equal(v->customers, 2);
  v = cell_at(&o.cells, CELL_QUARTER, cell_day(2026, 4, 1), DIM_ALL, 0, 0);
  assert_int_equal(v->sales, 10000);
  assert_int_equal(v->customers, 3);
  assert_int_equal(v->new_customers, 3);
  v = cell_at(&o.cells, CELL_QUARTER, cell_day(2026, 4, 1), DIM_REGION, 0, 2);
  assert_int_equal(v->sales, 2000);
  assert_int_equal(now(&o, d, DIM_ABC, 0, 1)->customers, 2);
  assert_int_equal(now(&o, d, DIM_ABC, 0, 3)->customers, 1);
  /* The tenths of region 0 are the company's own, never a sum: four
   * customers in all. */
  uint32_t customers = 0;
  for (int32_t t = 1; t <= 10; t++) customers += now(&o, d, DIM_PROFIT_TENTH, 0, t)->customers;
  assert_int_equal(customers, 4);
  /* No histogram is summed into region 0. */
  assert_int_equal(now(&o, d, DIM_PROFIT_BUCKET, 0, 161)->customers, 0);
  ar_output_free(&o);
  ar_history_free(&h);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_tenth_of),
    cmocka_unit_test(test_bucket),
    cmocka_unit_test(test_from_buckets),
    cmocka_unit_test(test_stored),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
